/// Docker's normalization, Go's `ParseNormalizedNamed`, in upstream's order:
///
/// 1. A 64-character lower-case hex string is refused (it would be mistaken
///    for an image id).
/// 2. The domain is decided from the text before the first `/`
///    (`splitDockerDomain`): none at all → Docker Hub; `localhost`, text
///    with a `.` or `:`, or text that lower-casing changes → that domain;
///    `index.docker.io` → `docker.io`; anything else → Docker Hub with the
///    whole input as the path. On Docker Hub a one-component path gets
///    `library/` in front.
/// 3. The repository part (up to the first `:`) must be lower case.
/// 4. The result, `domain/remainder`, is parsed with Go's `Parse`.
///
/// Step 4 never builds `domain/remainder`: when normalization only puts
/// `docker.io/` (and `library/`) in front of the input, the remainder is
/// parsed in place without a domain, which is what parsing the joined text
/// amounts to, since `docker.io` is always a domain.
enum Normalization {
    static var dockerHubDomain: StaticString { "docker.io" }
    static var legacyDockerHubDomain: StaticString { "index.docker.io" }
    static var libraryPrefix: StaticString { "library/" }
    static var localhost: StaticString { "localhost" }

    /// The text normalization puts in front of the part of the input it keeps.
    enum Prefix {
        /// `docker.io/`
        case dockerHub
        /// `docker.io/library/`
        case dockerHubLibrary

        var text: StaticString {
            switch self {
            case .dockerHub: "docker.io/"
            case .dockerHubLibrary: "docker.io/library/"
            }
        }

        /// The length of `library/` when it is part of the prefix.
        var pathPrefixLength: Int {
            self == .dockerHubLibrary ? Normalization.libraryPrefix.utf8CodeUnitCount : 0
        }
    }

    /// Where the domain came from and which part of the input follows it.
    struct Split {
        /// Where the remainder after the domain starts in the input.
        var remainderStart: Int
        /// What replaces the input before `remainderStart`; nil when the
        /// input keeps its own domain and is already in canonical form.
        var prefix: Prefix?
    }

    /// The result of normalizing.
    enum Outcome {
        /// The input is its own canonical form; the layout is over it.
        case asWritten(ReferenceLayout)
        /// The canonical form is `prefix` + `input[start...]`; the layout is
        /// over the input.
        case rewritten(Prefix, start: Int, ReferenceLayout)
        case failure(ReferenceError)
    }

    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        if bytes.count == ReferenceGrammar.identifierLength {
            var grammar = ReferenceGrammar(bytes)
            if grammar.identifier(from: 0) != nil {
                return .failure(ReferenceError(
                    .hexadecimalRepositoryName, at: 0, subject: String(decoding: bytes, as: UTF8.self)
                ))
            }
        }

        let split = splitDockerDomain(bytes)

        let remoteEnd = firstOffset(of: ASCII.colon, in: bytes, from: split.remainderStart) ?? bytes.count
        if let offset = GoLowercasing.firstChange(bytes, split.remainderStart ..< remoteEnd) {
            let library = split.prefix == .dockerHubLibrary ? libraryPrefix.description : ""
            let remote = String(decoding: UnsafeBufferPointer(rebasing: bytes[split.remainderStart ..< remoteEnd]), as: UTF8.self)
            return .failure(ReferenceError(.repositoryNotLowercase, at: offset, subject: library + remote))
        }

        guard let prefix = split.prefix else {
            switch ReferenceParser.parse(bytes) {
            case let .success(layout): return .asWritten(layout)
            case let .failure(error): return .failure(error)
            }
        }
        switch ReferenceParser.parse(
            bytes, from: split.remainderStart, domainAllowed: false, pathPrefixLength: prefix.pathPrefixLength
        ) {
        case let .success(layout): return .rewritten(prefix, start: split.remainderStart, layout)
        case let .failure(error): return .failure(error)
        }
    }

    /// Go's `splitDockerDomain`, plus the `library/` rule, as offsets.
    static func splitDockerDomain(_ bytes: UnsafeBufferPointer<UInt8>) -> Split {
        guard let slash = firstOffset(of: ASCII.slash, in: bytes, from: 0) else {
            return Split(remainderStart: 0, prefix: .dockerHubLibrary)
        }
        let first = 0 ..< slash
        let remainderStart = slash + 1
        let isLegacyDockerHub = equals(bytes, first, legacyDockerHubDomain)
        if !isLegacyDockerHub {
            if equals(bytes, first, localhost) { return Split(remainderStart: remainderStart, prefix: nil) }
            let hasDotOrColon = firstOffset(of: ASCII.dot, in: bytes, from: 0, to: slash) != nil
                || firstOffset(of: ASCII.colon, in: bytes, from: 0, to: slash) != nil
            if !hasDotOrColon {
                if GoLowercasing.changes(bytes, first) {
                    // Docker Hub namespaces are lower case, so this is a domain.
                    return Split(remainderStart: remainderStart, prefix: nil)
                }
                // A Docker Hub namespace: the whole input is the path.
                return Split(remainderStart: 0, prefix: .dockerHub)
            }
            if !equals(bytes, first, dockerHubDomain) { return Split(remainderStart: remainderStart, prefix: nil) }
        }
        // Docker Hub, written out: `library/` goes in front of a single component.
        if firstOffset(of: ASCII.slash, in: bytes, from: remainderStart) == nil {
            return Split(remainderStart: remainderStart, prefix: .dockerHubLibrary)
        }
        return Split(remainderStart: remainderStart, prefix: isLegacyDockerHub ? .dockerHub : nil)
    }

    /// Whether `bytes[range]` is exactly `text`.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        for index in 0 ..< range.count where bytes[range.lowerBound + index] != expected[index] {
            return false
        }
        return true
    }

    /// The first offset of `byte` in `bytes[start..<end]`.
    static func firstOffset(
        of byte: UInt8,
        in bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int? = nil
    ) -> Int? {
        let end = end ?? bytes.count
        var offset = start
        while offset < end {
            if bytes[offset] == byte { return offset }
            offset += 1
        }
        return nil
    }
}

extension Reference {
    /// A reference whose canonical form is the parsed text itself.
    init(asWritten description: String, _ layout: ReferenceLayout) {
        let pathEnd = layout.path.upperBound
        self.init(
            description: description,
            domainLength: layout.domain?.count ?? 0,
            pathEnd: pathEnd,
            tagEnd: layout.tag?.upperBound ?? pathEnd
        )
    }

    /// A reference whose canonical form is `prefix` + `bytes[start...]`.
    init(
        rewriting bytes: UnsafeBufferPointer<UInt8>,
        prefix: Normalization.Prefix,
        from start: Int,
        _ layout: ReferenceLayout
    ) {
        let prefixText = prefix.text
        let prefixLength = prefixText.utf8CodeUnitCount
        let total = prefixLength + bytes.count - start
        let description = String(unsafeUninitializedCapacity: total) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            base.initialize(from: prefixText.utf8Start, count: prefixLength)
            if let source = bytes.baseAddress {
                (base + prefixLength).initialize(from: source + start, count: bytes.count - start)
            }
            return total
        }
        let shift = prefixLength - start
        let pathEnd = layout.path.upperBound + shift
        self.init(
            description: description,
            domainLength: Normalization.dockerHubDomain.utf8CodeUnitCount,
            pathEnd: pathEnd,
            tagEnd: (layout.tag?.upperBound).map { $0 + shift } ?? pathEnd
        )
    }
}
