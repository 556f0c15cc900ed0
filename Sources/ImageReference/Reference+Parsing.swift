extension Reference {
    /// Parses `string` with the grammar exactly as written, with no
    /// normalization: Go's `reference.Parse`.
    ///
    /// `nginx` has no domain here and `foo/bar` has the domain `foo`.
    /// The canonical form is the input itself.
    public static func parse(_ string: String) throws(ReferenceError) -> Reference {
        let layout = try withTerminatedUTF8(of: string) { ReferenceParser.parse($0) }.get()
        return Reference(asWritten: string, layout)
    }

    /// ``parse(_:)`` over UTF-8 bytes.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(ReferenceError) -> Reference {
        let layout = try TerminatedBytes.withCopy(of: bytes) { ReferenceParser.parse($0) }.get()
        return Reference(asWritten: String(decoding: bytes, as: UTF8.self), layout)
    }

    /// Parses `string` with Docker's normalization: Go's
    /// `reference.ParseNormalizedNamed`.
    ///
    /// `nginx` becomes `docker.io/library/nginx`, `foo/bar` becomes
    /// `docker.io/foo/bar`, `index.docker.io` becomes `docker.io`, and a
    /// first component with a `.`, a `:`, upper case or `localhost` is the
    /// domain. A 64-hex string and a repository part with upper case are
    /// refused with upstream's messages. See ``Normalization``.
    public static func parseNormalized(_ string: String) throws(ReferenceError) -> Reference {
        // The fast path hands back an optional, not a `Result`: valid input
        // then costs no error-carrying enum copies. The closure does not
        // capture `string` (that would retain it). The reference keeps
        // `string` itself, whatever normalization puts in front of it.
        let fast: Normalization.CanonicalForm? = withTerminatedUTF8(of: string) { Normalization.normalizeValid($0) }
        if let fast {
            return Reference(fast, of: string, count: string.utf8.count)
        }
        return try parseNormalizedStepByStep(string)
    }

    /// ``parseNormalized(_:)`` for input the fast path leaves: every step
    /// in upstream's order. Kept out of line so the fast path's frame stays
    /// small (fewer registers saved and stack set up on every call).
    @inline(never)
    static func parseNormalizedStepByStep(_ string: String) throws(ReferenceError) -> Reference {
        try withTerminatedUTF8(of: string) { normalized($0, original: string, stepByStep: true) }.get()
    }

    /// ``parseNormalized(_:)`` over UTF-8 bytes.
    public static func parseNormalized(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(ReferenceError) -> Reference {
        try TerminatedBytes.withCopy(of: bytes) { normalized($0, original: nil) }.get()
    }

    /// ``parseNormalized(utf8:)`` without its fast path: every step in
    /// upstream's order. Tests and the fuzzer check that both agree.
    @_spi(Checking)
    public static func parseNormalizedStepByStep(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(ReferenceError) -> Reference {
        try TerminatedBytes.withCopy(of: bytes) { normalized($0, original: nil, stepByStep: true) }.get()
    }

    /// Normalizes `bytes`; the reference keeps `original` (the string the
    /// bytes are), or else a copy of the part of the bytes it keeps.
    static func normalized(
        _ input: TerminatedBytes,
        original: String?,
        stepByStep: Bool = false
    ) -> Result<Reference, ReferenceError> {
        let outcome = stepByStep ? Normalization.normalizeStepByStep(input) : Normalization.normalize(input)
        return outcome.map { Reference($0, of: input.bytes, original: original) }
    }

    /// Normalizes `string` and requires it to be canonical already (fully
    /// qualified, no `library/` or domain left implicit): Go's
    /// `reference.ParseNamed`. The error's offset is the first byte where
    /// the input and its canonical form differ.
    public static func parseCanonical(_ string: String) throws(ReferenceError) -> Reference {
        let reference = try parseNormalized(string)
        guard reference.description == string else {
            let offset = zip(string.utf8, reference.description.utf8).prefix { $0 == $1 }.count
            throw ReferenceError(.nameNotCanonical, at: offset)
        }
        return reference
    }

    /// Normalizes `string` as `docker pull` does: Go's
    /// `reference.ParseDockerRef`. A bare name gets the `latest` tag; a
    /// reference with both a tag and a digest keeps only the digest.
    public static func parseDocker(_ string: String) throws(ReferenceError) -> Reference {
        let reference = try parseNormalized(string)
        if reference.tag != nil, reference.digest != nil {
            return reference.droppingTag()
        }
        return reference.withDefaultTag()
    }

    /// Makes a name-only reference from `name` (domain and path, no tag or
    /// digest): Go's `reference.WithName`. No normalization; anything but a
    /// name is *invalid reference format*.
    public static func withName(_ name: String) throws(ReferenceError) -> Reference {
        let layout: Result<ReferenceLayout, ReferenceError> = withTerminatedUTF8(of: name) { input in
            let bytes = input.bytes
            var grammar = ReferenceGrammar(input)
            let parts = grammar.name(from: 0)
            guard let parts, parts.path.upperBound == bytes.count else {
                let end = parts?.path.upperBound ?? 0
                return .failure(ReferenceError(.invalidFormat, at: max(grammar.furthestFailure, end)))
            }
            if parts.path.count > ReferenceParser.maximumPathLength {
                return .failure(ReferenceError(.nameTooLong, at: parts.path.lowerBound + ReferenceParser.maximumPathLength))
            }
            return .success(ReferenceLayout(domain: parts.domain, path: parts.path))
        }
        return Reference(asWritten: name, try layout.get())
    }
}
