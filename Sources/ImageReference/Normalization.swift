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

        /// The UTF-8 length of ``text``.
        @inline(__always)
        var length: Int { text.utf8CodeUnitCount }

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

    /// Where the canonical form's parts lie: the canonical form is
    /// `prefix` + `input[start...]` (the input itself when `prefix` is nil),
    /// and the offsets are in the canonical form. Five words, so the fast
    /// path hands it back in registers instead of copying a whole
    /// ``ReferenceLayout`` through an enum payload.
    struct CanonicalForm {
        /// What normalization puts in front; nil when the input is canonical.
        var prefix: Prefix?
        /// Where the part of the input that is kept starts.
        var start: Int
        var domainLength: Int
        var pathEnd: Int
        var tagEnd: Int

        /// The input is its own canonical form.
        @inline(__always)
        init(asWritten layout: ReferenceLayout) {
            prefix = nil
            start = 0
            domainLength = layout.domainEnd >= 0 ? layout.domainEnd - layout.nameStart : 0
            pathEnd = layout.pathEnd
            tagEnd = layout.tagEnd
        }

        /// The canonical form is `prefix` + `input[start...]`; `layout` is
        /// over the input.
        @inline(__always)
        init(_ prefix: Prefix, keeping start: Int, _ layout: ReferenceLayout) {
            self.prefix = prefix
            self.start = start
            let shift = prefix.text.utf8CodeUnitCount &- start
            domainLength = Normalization.dockerHubDomain.utf8CodeUnitCount
            pathEnd = layout.pathEnd &+ shift
            tagEnd = layout.tagEnd &+ shift
        }
    }

    /// Normalizes `bytes`: the fast path when it applies, otherwise every
    /// step in upstream's order.
    static func normalize(_ input: TerminatedBytes) -> Result<CanonicalForm, ReferenceError> {
        if let form = normalizeValid(input) { return .success(form) }
        return normalizeStepByStep(input)
    }

    /// The fast path, for input that `Parse` accepts as written: one pass of
    /// the grammar, then the domain split decided on the first component
    /// alone. Nil whenever anything is unusual (an error to report, a
    /// 64-character input, a bracketed first component); the step-by-step
    /// path then gives the exact answer.
    ///
    /// Why one parse is enough: if the input matches the grammar, it is
    /// ASCII and its path is lower case, so the repository part normalization
    /// checks can only hold upper case in a digest algorithm with no tag in
    /// front; and the text normalization would parse after `docker.io/` is
    /// the input itself or what follows its first `/`, whose layout the one
    /// parse already has (a lower-case, dot-less, colon-less first
    /// component that the grammar took as a domain is also a path component).
    static func normalizeValid(_ input: TerminatedBytes) -> CanonicalForm? {
        let bytes = input.bytes
        guard bytes.count != ReferenceGrammar.identifierLength else { return nil }
        var grammar = ReferenceGrammar(input)
        guard let layout = grammar.reference(from: 0) else { return nil }

        let facts = SplitFacts(layout: layout, bytes)
        let split = splitDockerDomain(bytes, facts)
        if split.prefix != nil, split.remainderStart == 0, layout.domain != nil,
           bytes[0] == ASCII.openBracket {
            return nil
        }
        if layout.tag == nil, layout.digestColon >= 0,
           GoLowercasing.firstChange(bytes, layout.tagEnd + 1 ..< layout.digestColon) != nil {
            return nil
        }
        let pathStart = split.prefix == nil ? layout.path.lowerBound : split.remainderStart
        let pathLength = layout.path.upperBound - pathStart + (split.prefix?.pathPrefixLength ?? 0)
        guard pathLength <= ReferenceParser.maximumPathLength else { return nil }
        if let digest = layout.digest,
           DigestRules.validate(bytes, digest, knownLowercaseHex: layout.digestIsLowercase) != nil {
            return nil
        }
        guard let prefix = split.prefix else { return CanonicalForm(asWritten: layout) }
        return CanonicalForm(prefix, keeping: split.remainderStart, layout)
    }

    /// Every step in upstream's order, for any input.
    static func normalizeStepByStep(_ input: TerminatedBytes) -> Result<CanonicalForm, ReferenceError> {
        let bytes = input.bytes
        if bytes.count == ReferenceGrammar.identifierLength {
            var grammar = ReferenceGrammar(input)
            if grammar.identifier(from: 0) != nil {
                return .failure(ReferenceError(
                    .hexadecimalRepositoryName, at: 0, subject: String(decoding: bytes, as: UTF8.self)
                ))
            }
        }

        let scan = InputScan(bytes)
        let split = splitDockerDomain(bytes, SplitFacts(scan))

        // The repository part, up to the first ":", must not change when
        // lower-cased; the scan says where to look closer.
        let afterSlash = split.remainderStart > 0
        let remoteEnd = (afterSlash ? scan.firstColonAfterSlash : scan.firstColon) ?? bytes.count
        let firstUnusual = (afterSlash ? scan.firstUnusualAfterSlash : scan.firstUnusual) ?? bytes.count
        if firstUnusual < remoteEnd,
           let offset = GoLowercasing.firstChange(bytes, split.remainderStart ..< remoteEnd) {
            let library = split.prefix == .dockerHubLibrary ? libraryPrefix.description : ""
            let remote = String(decoding: UnsafeBufferPointer(rebasing: bytes[split.remainderStart ..< remoteEnd]), as: UTF8.self)
            return .failure(ReferenceError(.repositoryNotLowercase, at: offset, subject: library + remote))
        }

        guard let prefix = split.prefix else {
            switch ReferenceParser.parse(input) {
            case let .success(layout): return .success(CanonicalForm(asWritten: layout))
            case let .failure(error): return .failure(error)
            }
        }
        switch ReferenceParser.parse(
            input, from: split.remainderStart, domainAllowed: false, pathPrefixLength: prefix.pathPrefixLength
        ) {
        case let .success(layout): return .success(CanonicalForm(prefix, keeping: split.remainderStart, layout))
        case let .failure(error): return .failure(error)
        }
    }

    /// Go's `splitDockerDomain`, plus the `library/` rule, as offsets.
    @inline(__always)
    static func splitDockerDomain(_ bytes: UnsafeBufferPointer<UInt8>, _ facts: SplitFacts) -> Split {
        guard let slash = facts.firstSlash else {
            return Split(remainderStart: 0, prefix: .dockerHubLibrary)
        }
        let first = 0 ..< slash
        let remainderStart = slash + 1
        let isLegacyDockerHub = equals(bytes, first, legacyDockerHubDomain)
        if !isLegacyDockerHub {
            if equals(bytes, first, localhost) { return Split(remainderStart: remainderStart, prefix: nil) }
            if !facts.dotOrColonBeforeSlash {
                if facts.unusualBeforeSlash, GoLowercasing.changes(bytes, first) {
                    // Docker Hub namespaces are lower case, so this is a domain.
                    return Split(remainderStart: remainderStart, prefix: nil)
                }
                // A Docker Hub namespace: the whole input is the path.
                return Split(remainderStart: 0, prefix: .dockerHub)
            }
            if !equals(bytes, first, dockerHubDomain) { return Split(remainderStart: remainderStart, prefix: nil) }
        }
        // Docker Hub, written out: `library/` goes in front of a single component.
        if !facts.slashAfterFirstSlash {
            return Split(remainderStart: remainderStart, prefix: .dockerHubLibrary)
        }
        return Split(remainderStart: remainderStart, prefix: isLegacyDockerHub ? .dockerHub : nil)
    }

    /// What the domain split looks at: the first `/`, whether another
    /// follows, and what the text before it holds.
    struct SplitFacts {
        var firstSlash: Int?
        var slashAfterFirstSlash: Bool
        var dotOrColonBeforeSlash: Bool
        /// Upper case or non-ASCII before the first `/` (whether lower-casing
        /// really changes it is checked precisely).
        var unusualBeforeSlash: Bool

        init(_ scan: InputScan) {
            firstSlash = scan.firstSlash
            slashAfterFirstSlash = scan.slashAfterFirstSlash
            dotOrColonBeforeSlash = scan.dotOrColonBeforeSlash
            unusualBeforeSlash = (scan.firstUnusual ?? Int.max) < (scan.firstSlash ?? 0)
        }

        /// The facts for input the grammar matched as `layout`: the slashes
        /// are known, only the first component is looked at.
        @inline(__always)
        init(layout: ReferenceLayout, _ bytes: UnsafeBufferPointer<UInt8>) {
            let slash: Int
            if layout.domainEnd >= 0 {
                // The first component is the domain; the grammar saw its
                // dots and colons. Upper case only matters without them.
                slash = layout.domainEnd
                slashAfterFirstSlash = layout.firstPathSlash >= 0
                dotOrColonBeforeSlash = layout.domainHasDotOrColon
                unusualBeforeSlash = !dotOrColonBeforeSlash
                    && (0 ..< slash).contains { ASCII.isUpper(bytes[$0]) }
            } else {
                // The first component is a path component: lower case, no
                // colon, perhaps a dot.
                slash = layout.firstPathSlash
                slashAfterFirstSlash = layout.hasSecondPathSlash
                dotOrColonBeforeSlash = (0 ..< max(slash, 0)).contains { bytes[$0] == ASCII.dot }
                unusualBeforeSlash = false
            }
            firstSlash = slash >= 0 ? slash : nil
        }
    }

    /// What normalization needs to know about the input, in one pass:
    /// where the slashes and colons are, whether the first component has a
    /// `.` or `:`, and where upper case or non-ASCII text first appears.
    struct InputScan {
        var firstSlash: Int?
        var slashAfterFirstSlash = false
        var dotOrColonBeforeSlash = false
        var firstColon: Int?
        var firstColonAfterSlash: Int?
        /// The first byte that lower-casing might change: `A`...`Z` or non-ASCII.
        var firstUnusual: Int?
        var firstUnusualAfterSlash: Int?

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Local offsets with -1 for "none" stay in registers; optional
            // fields of `self` would be written back on every change.
            let none = -1
            var firstSlash = none, firstColon = none, firstColonAfterSlash = none
            var firstUnusual = none, firstUnusualAfterSlash = none
            var slashAfterFirstSlash = false, dotOrColonBeforeSlash = false
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                // Most bytes are lower-case letters and digits: one test skips them.
                if byte >= 0x80 || ByteClass.normalizationMark.contains(byte) {
                    switch byte {
                    case ASCII.slash:
                        if firstSlash == none { firstSlash = offset } else { slashAfterFirstSlash = true }
                    case ASCII.colon:
                        if firstColon == none { firstColon = offset }
                        if firstSlash == none {
                            dotOrColonBeforeSlash = true
                        } else if firstColonAfterSlash == none {
                            firstColonAfterSlash = offset
                        }
                    case ASCII.dot:
                        if firstSlash == none { dotOrColonBeforeSlash = true }
                    default:
                        if firstUnusual == none { firstUnusual = offset }
                        if firstSlash != none, firstUnusualAfterSlash == none { firstUnusualAfterSlash = offset }
                    }
                }
                offset &+= 1
            }
            func found(_ offset: Int) -> Int? { offset == none ? nil : offset }
            self.firstSlash = found(firstSlash)
            self.slashAfterFirstSlash = slashAfterFirstSlash
            self.dotOrColonBeforeSlash = dotOrColonBeforeSlash
            self.firstColon = found(firstColon)
            self.firstColonAfterSlash = found(firstColonAfterSlash)
            self.firstUnusual = found(firstUnusual)
            self.firstUnusualAfterSlash = found(firstUnusualAfterSlash)
        }
    }

    /// Whether `bytes[range]` is exactly `text`.
    ///
    /// The texts compared (`docker.io`, `localhost`, `index.docker.io`,
    /// `library/`) are 8 to 15 bytes long, so two overlapping eight-byte
    /// loads cover them: two comparisons instead of a loop with a branch per
    /// byte. Shorter texts take the loop.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard range.count == count else { return false }
        let expected = UnsafeRawPointer(text.utf8Start)
        let actual = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[range])
        guard count >= 8 else {
            for index in 0 ..< count where actual[index] != expected.load(fromByteOffset: index, as: UInt8.self) {
                return false
            }
            return true
        }
        let last = count &- 8
        return actual.loadUnaligned(as: UInt64.self) == expected.loadUnaligned(as: UInt64.self)
            && actual.loadUnaligned(fromByteOffset: last, as: UInt64.self)
                == expected.loadUnaligned(fromByteOffset: last, as: UInt64.self)
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
        let form = Normalization.CanonicalForm(asWritten: layout)
        self.init(
            description: description,
            domainLength: form.domainLength,
            pathEnd: form.pathEnd,
            tagEnd: form.tagEnd
        )
    }

    /// The reference normalization found for `text`, whose UTF-8 length is
    /// `count`: the text is kept as it is, whatever the prefix.
    @inline(__always)
    init(_ form: Normalization.CanonicalForm, of text: String, count: Int) {
        self.init(
            text: text,
            prefix: form.prefix,
            keptStart: form.start,
            domainLength: form.domainLength,
            pathEnd: form.pathEnd,
            tagEnd: form.tagEnd,
            utf8Count: (form.prefix?.length ?? 0) &+ count &- form.start
        )
    }

    /// The reference normalization found for `bytes`; `original`, when
    /// given, is the string `bytes` came from, kept as the text. Without
    /// it only the part of `bytes` the canonical form keeps is copied.
    @inline(__always)
    init(_ form: Normalization.CanonicalForm, of bytes: UnsafeBufferPointer<UInt8>, original: String?) {
        if let original {
            self.init(form, of: original, count: bytes.count)
            return
        }
        let kept = String(decoding: UnsafeBufferPointer(rebasing: bytes[form.start...]), as: UTF8.self)
        self.init(
            text: kept,
            prefix: form.prefix,
            keptStart: 0,
            domainLength: form.domainLength,
            pathEnd: form.pathEnd,
            tagEnd: form.tagEnd,
            utf8Count: (form.prefix?.length ?? 0) &+ bytes.count &- form.start
        )
    }
}
