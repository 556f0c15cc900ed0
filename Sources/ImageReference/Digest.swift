/// A content digest, `algorithm:encoded`, such as `sha256:<64 hex>`.
///
/// A digest read from a parsed reference has passed go-digest's checks.
/// One added with ``Reference/withDigest(_:)`` has only passed the
/// reference grammar (as Go's `WithDigest`): call ``validate()`` when that
/// matters.
public struct Digest: Sendable, Hashable, CustomStringConvertible {
    /// The whole digest, `algorithm:encoded`.
    public let text: Substring
    /// The UTF-8 offset of the `:` in `text`.
    let colonOffset: Int

    init(text: Substring, colonOffset: Int) {
        self.text = text
        self.colonOffset = colonOffset
    }

    /// The algorithm before the `:`, e.g. `sha256`.
    public var algorithm: Substring {
        Substring(text.utf8.prefix(colonOffset))
    }

    /// The encoded hash after the `:`.
    public var encoded: Substring {
        Substring(text.utf8.dropFirst(colonOffset + 1))
    }

    public var description: String { String(text) }

    /// Parses and validates a digest as go-digest's `Parse` does, with the
    /// sha256, sha384 and sha512 algorithms available.
    ///
    /// The checks, in go-digest's order: a `:` that is neither first nor
    /// last; an algorithm we do not hash is *invalid checksum digest format*
    /// when the text does not match go-digest's pattern and *unsupported
    /// digest algorithm* when it does; the hex length must be 64, 96 or 128;
    /// the hex must be lower case.
    public static func parse(_ string: String) throws(ReferenceError) -> Digest {
        let outcome: Result<Int, ReferenceError> = withUTF8(of: string) { bytes in
            if let error = DigestRules.validate(bytes, 0 ..< bytes.count) { return .failure(error) }
            return .success(DigestRules.firstColon(bytes, 0 ..< bytes.count) ?? 0)
        }
        switch outcome {
        case let .success(colon): return Digest(text: Substring(string), colonOffset: colon)
        case let .failure(error): throw error
        }
    }

    /// Checks the digest as ``parse(_:)`` does; the error's offset is
    /// within `text`.
    public func validate() throws(ReferenceError) {
        let error: ReferenceError? = withUTF8(of: text) { bytes in
            DigestRules.validate(bytes, 0 ..< bytes.count)
        }
        if let error { throw error }
    }
}

/// go-digest's validation (`Digest.Validate`) over bytes.
enum DigestRules {
    /// The hex length of each algorithm we hash, or nil for any other.
    ///
    /// go-digest knows sha256, sha384 and sha512 but only accepts those
    /// whose hash is linked into the program; upstream's tests link sha256
    /// alone. Accepting all three is deliberate: OCI allows sha512.
    static func encodedLength(_ bytes: UnsafeBufferPointer<UInt8>, algorithm: Range<Int>) -> Int? {
        guard algorithm.count == 6,
              bytes[algorithm.lowerBound] == UInt8(ascii: "s"),
              bytes[algorithm.lowerBound + 1] == UInt8(ascii: "h"),
              bytes[algorithm.lowerBound + 2] == UInt8(ascii: "a")
        else { return nil }
        switch (bytes[algorithm.lowerBound + 3], bytes[algorithm.lowerBound + 4], bytes[algorithm.lowerBound + 5]) {
        case (UInt8(ascii: "2"), UInt8(ascii: "5"), UInt8(ascii: "6")): return 64
        case (UInt8(ascii: "3"), UInt8(ascii: "8"), UInt8(ascii: "4")): return 96
        case (UInt8(ascii: "5"), UInt8(ascii: "1"), UInt8(ascii: "2")): return 128
        default: return nil
        }
    }

    /// The offset of the first `:` in `range`.
    static func firstColon(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var offset = range.lowerBound
        while offset < range.upperBound {
            if bytes[offset] == ASCII.colon { return offset }
            offset += 1
        }
        return nil
    }

    /// Validates `bytes[range]` as a digest; the error's offset points at
    /// the offending byte (or the digest's start for an unknown algorithm).
    /// `knownLowercaseHex`: the caller has seen that everything after the
    /// `:` is lower-case hex, so the last check can be skipped.
    static func validate(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        knownLowercaseHex: Bool = false
    ) -> ReferenceError? {
        guard let colon = firstColon(bytes, range) else {
            return ReferenceError(.invalidChecksumFormat, at: range.upperBound)
        }
        guard colon > range.lowerBound else { return ReferenceError(.invalidChecksumFormat, at: colon) }
        guard colon + 1 < range.upperBound else { return ReferenceError(.invalidChecksumFormat, at: range.upperBound) }

        guard let expected = encodedLength(bytes, algorithm: range.lowerBound ..< colon) else {
            if let mismatch = patternMismatch(bytes, range) {
                return ReferenceError(.invalidChecksumFormat, at: mismatch)
            }
            return ReferenceError(.unsupportedDigestAlgorithm, at: range.lowerBound)
        }
        let encoded = colon + 1 ..< range.upperBound
        guard encoded.count == expected else {
            let offset = encoded.count > expected ? encoded.lowerBound + expected : encoded.upperBound
            return ReferenceError(.invalidChecksumLength, at: offset)
        }
        if knownLowercaseHex { return nil }
        for offset in encoded where !ASCII.isLowerHexDigit(bytes[offset]) {
            return ReferenceError(.invalidChecksumFormat, at: offset)
        }
        return nil
    }

    /// Where `bytes[range]` stops matching go-digest's digest pattern
    /// `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`, or nil if it matches.
    static func patternMismatch(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        func byte(_ offset: Int) -> UInt8 { offset < range.upperBound ? bytes[offset] : 0 }
        var offset = range.lowerBound
        while true {
            let componentStart = offset
            while ASCII.isLowerOrDigit(byte(offset)) { offset += 1 }
            guard offset > componentStart else { return offset }
            guard ByteClass.algorithmSeparator.contains(byte(offset)) else { break }
            offset += 1
        }
        guard byte(offset) == ASCII.colon else { return offset }
        offset += 1
        let encodedStart = offset
        while ByteClass.goDigestEncodedCharacter.contains(byte(offset)) { offset += 1 }
        guard offset > encodedStart, offset == range.upperBound else { return offset }
        return nil
    }
}
