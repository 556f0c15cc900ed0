/// A named reference, or a bare digest such as an image id: what Go's
/// `reference.ParseAnyReference` returns.
public enum AnyReference: Sendable, Hashable, CustomStringConvertible {
    /// A name with optional tag and digest.
    case named(Reference)
    /// A digest with no name (`sha256:<hex>`, or a 64-hex image id).
    case digest(Digest)

    /// Parses `string` as Go's `ParseAnyReference`: a 64-hex identifier is
    /// the digest `sha256:<hex>`; a valid digest (go-digest's rules, see
    /// ``Digest/parse(_:)``) is a bare digest; anything else is normalized
    /// with ``Reference/parseNormalized(_:)``.
    public static func parse(_ string: String) throws(ReferenceError) -> AnyReference {
        if ReferenceSyntax.isIdentifier(string) {
            return .digest(Digest(text: Substring("sha256:" + string), colonOffset: 6))
        }
        if let digest = try? Digest.parse(string) {
            return .digest(digest)
        }
        return .named(try Reference.parseNormalized(string))
    }

    /// The canonical string: Go's `String()`.
    public var description: String {
        switch self {
        case let .named(reference): reference.description
        case let .digest(digest): digest.description
        }
    }

    /// The short form: Go's `FamiliarString`; a digest is itself.
    public var familiar: Substring {
        switch self {
        case let .named(reference): reference.familiar
        case let .digest(digest): digest.text
        }
    }

    /// The reference when it has a name.
    public var reference: Reference? {
        if case let .named(reference) = self { return reference }
        return nil
    }

    /// Go's `FamiliarMatch`: whether `pattern` (``PathPattern`` syntax)
    /// matches the familiar form, or failing that the familiar name.
    public func familiarMatch(_ pattern: String) throws(PathPatternError) -> Bool {
        switch self {
        case let .named(reference): try reference.familiarMatch(pattern)
        case let .digest(digest): try PathPattern.matches(pattern, digest.text)
        }
    }

    /// Go's `reference.Sort`: the strings that parse (by ``parse(_:)``),
    /// as canonical strings, most informative first (name+tag+digest,
    /// name+tag, name+digest, name, bare digest), ties by string; then the
    /// strings that do not parse, as given, in byte order.
    public static func sorted(_ references: [String]) -> [String] {
        var parsed: [(rank: Int, text: String)] = []
        var unparsable: [String] = []
        for text in references {
            if let reference = try? parse(text) {
                parsed.append((reference.informationRank, reference.description))
            } else {
                unparsable.append(text)
            }
        }
        parsed.sort { left, right in
            left.rank != right.rank ? left.rank < right.rank : left.text.utf8.lexicographicallyPrecedes(right.text.utf8)
        }
        unparsable.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return parsed.map(\.text) + unparsable
    }

    /// 1 for the most informative shape, 5 for a bare digest.
    var informationRank: Int {
        guard case let .named(reference) = self else { return 5 }
        switch (reference.tag != nil, reference.digest != nil) {
        case (true, true): return 1
        case (true, false): return 2
        case (false, true): return 3
        case (false, false): return 4
        }
    }
}

extension Reference {
    /// Go's `FamiliarMatch`: whether `pattern` (``PathPattern`` syntax)
    /// matches ``familiar``, or failing that ``familiarName``.
    public func familiarMatch(_ pattern: String) throws(PathPatternError) -> Bool {
        if try PathPattern.matches(pattern, familiar) { return true }
        return (try? PathPattern.matches(pattern, familiarName)) ?? false
    }
}
