/// Whole-text matches of single productions, the counterparts of the
/// anchored regular expressions distribution/reference exports
/// (`DomainRegexp`, `TagRegexp`, `DigestRegexp`, `NameRegexp`,
/// `ReferenceRegexp`, `IdentifierRegexp`). They check the grammar only:
/// no normalization, no length limit on names, no go-digest validation.
public enum ReferenceSyntax {
    /// Whether `text` is a `domain`: a host (`example.com`, `localhost`,
    /// `[::1]`) with an optional numeric port.
    public static func isDomain(_ text: String) -> Bool {
        withTerminatedUTF8(of: text) { input in
            let bytes = input.bytes
            var grammar = ReferenceGrammar(input)
            return grammar.domain(from: 0) == bytes.count
        }
    }

    /// Whether `text` is a `tag`.
    public static func isTag(_ text: String) -> Bool {
        tagMismatch(text) == nil
    }

    /// Whether `text` is a `digest` by the reference grammar.
    public static func isDigest(_ text: String) -> Bool {
        digestMismatch(text) == nil
    }

    /// Whether `text` is an `identifier`: 64 lower-case hex digits.
    public static func isIdentifier(_ text: String) -> Bool {
        withTerminatedUTF8(of: text) { input in
            var grammar = ReferenceGrammar(input)
            return grammar.identifier(from: 0) != nil
        }
    }

    /// Splits a `name` into its domain (empty when there is none) and path,
    /// or nil when `text` is not a name.
    public static func splitName(_ text: String) -> (domain: Substring, path: Substring)? {
        let parts: (domain: Range<Int>?, path: Range<Int>)? = withTerminatedUTF8(of: text) { input in
            let bytes = input.bytes
            var grammar = ReferenceGrammar(input)
            guard let parts = grammar.name(from: 0), parts.path.upperBound == bytes.count else { return nil }
            return parts
        }
        guard let parts else { return nil }
        return (slice(text, parts.domain ?? 0 ..< 0), slice(text, parts.path))
    }

    /// Splits a `reference` into its name, tag and digest, or nil when
    /// `text` is not a reference.
    public static func splitReference(_ text: String) -> (name: Substring, tag: Substring?, digest: Substring?)? {
        let layout: ReferenceLayout? = withTerminatedUTF8(of: text) { input in
            var grammar = ReferenceGrammar(input)
            return grammar.reference(from: 0)
        }
        guard let layout else { return nil }
        let nameStart = layout.domain?.lowerBound ?? layout.path.lowerBound
        return (
            slice(text, nameStart ..< layout.path.upperBound),
            layout.tag.map { slice(text, $0) },
            layout.digest.map { slice(text, $0) }
        )
    }

    /// nil when `text` is a tag, otherwise the offset where it stops being one.
    static func tagMismatch(_ text: String) -> Int? {
        withTerminatedUTF8(of: text) { input in
            var grammar = ReferenceGrammar(input)
            let end = grammar.tag(from: 0)
            return grammar.anchoredMismatch(end)
        }
    }

    /// nil when `text` is a digest by the grammar, otherwise the offset
    /// where it stops being one.
    static func digestMismatch(_ text: String) -> Int? {
        withTerminatedUTF8(of: text) { input in
            var grammar = ReferenceGrammar(input)
            let end = grammar.digest(from: 0)?.end
            return grammar.anchoredMismatch(end)
        }
    }

    static func slice(_ text: String, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return Substring(utf8[start ..< end])
    }
}

extension ReferenceGrammar {
    /// For a production matched from 0 that ended at `end` (nil: failed):
    /// nil when it covers all the bytes, otherwise where matching stopped.
    func anchoredMismatch(_ end: Int?) -> Int? {
        guard let end else { return furthestFailure }
        return end == bytes.count ? nil : max(furthestFailure, end)
    }
}
