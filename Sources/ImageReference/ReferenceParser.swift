/// Go's `Parse`: the grammar, then the checks that follow it, in
/// distribution/reference's order.
///
/// 1. The empty string is *repository name must have at least one component*.
/// 2. When the grammar fails: *repository name must be lowercase* if the
///    input lower-cased (as Go's `strings.ToLower`) would match, otherwise
///    *invalid reference format*.
/// 3. A path longer than 255 bytes is *repository name must not be more
///    than 255 characters*.
/// 4. The digest must pass go-digest's validation.
enum ReferenceParser {
    /// The longest path a name may have, in bytes.
    static let maximumPathLength = 255

    /// Parses `bytes[start...]` as a reference.
    ///
    /// Normalization parses the text after a domain it chose itself with
    /// `domainAllowed: false`; `pathPrefixLength` then counts the
    /// `library/` it adds in front of the path, for the length limit.
    static func parse(
        _ input: TerminatedBytes,
        from start: Int = 0,
        domainAllowed: Bool = true,
        pathPrefixLength: Int = 0
    ) -> Result<ReferenceLayout, ReferenceError> {
        let bytes = input.bytes
        // Only Go's own `Parse` sees the text as given; after normalization
        // it is never empty.
        if domainAllowed, bytes.isEmpty { return .failure(ReferenceError(.nameEmpty, at: 0)) }
        var grammar = ReferenceGrammar(input)
        guard let layout = grammar.reference(from: start, domainAllowed: domainAllowed) else {
            return .failure(grammarFailure(
                bytes, from: start, domainAllowed: domainAllowed, furthest: grammar.furthestFailure
            ))
        }
        if layout.path.count + pathPrefixLength > maximumPathLength {
            return .failure(ReferenceError(
                .nameTooLong, at: layout.path.lowerBound + maximumPathLength - pathPrefixLength
            ))
        }
        if let digest = layout.digest,
           let error = DigestRules.validate(bytes, digest, knownLowercaseHex: layout.digestIsLowercase) {
            return .failure(error)
        }
        return .success(layout)
    }

    /// The error for input the grammar rejected: upper case if that is all
    /// that is wrong, otherwise the invalid format at the furthest failure.
    ///
    /// For upper case, the offset is the first byte that lower-casing had
    /// to fix: an upper-case letter in the path, tag or digest (upper case
    /// is fine in a domain), or a non-ASCII letter Go lower-cases to ASCII.
    static func grammarFailure(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        domainAllowed: Bool,
        furthest: Int
    ) -> ReferenceError {
        // Lower-casing can only help when there is upper case or non-ASCII.
        var offset = start
        while offset < bytes.count, !ASCII.isUpper(bytes[offset]), bytes[offset] < 0x80 { offset += 1 }
        guard offset < bytes.count,
              let (lowered, originalOffsets) = GoLowercasing.asciiLowercased(bytes, from: start)
        else {
            return ReferenceError(.invalidFormat, at: furthest)
        }
        let loweredLayout: ReferenceLayout? = lowered.withUnsafeBufferPointer { loweredBytes in
            TerminatedBytes.withCopy(of: loweredBytes) { loweredInput in
                var grammar = ReferenceGrammar(loweredInput)
                return grammar.reference(from: 0, domainAllowed: domainAllowed)
            }
        }
        guard let loweredLayout else { return ReferenceError(.invalidFormat, at: furthest) }
        let pathStart = originalOffsets.indices.contains(loweredLayout.path.lowerBound)
            ? originalOffsets[loweredLayout.path.lowerBound] : start
        offset = start
        while offset < bytes.count {
            if offset >= pathStart, ASCII.isUpper(bytes[offset]) { break }
            if GoLowercasing.isNonASCIIUpperCase(bytes, at: offset) { break }
            offset += 1
        }
        return ReferenceError(.nameContainsUppercase, at: offset)
    }
}
