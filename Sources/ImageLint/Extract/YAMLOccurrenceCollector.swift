/// Gathers the occurrences of one YAML file for an extractor.
///
/// A value reached through aliases or merge keys is reported once, at the
/// node where it is written, and every alias that led to it again becomes
/// a related location. Extractors that follow aliases along their own paths
/// spend a budget per visited mapping, so an alias bomb ends with a
/// diagnostic instead of an endless walk.
struct YAMLOccurrenceCollector {
    let source: SourceKind
    private(set) var occurrences: [ImageOccurrence] = []
    var diagnostics: [Diagnostic] = []
    private var indexByNode: [Int: Int] = [:]
    /// (value node, alias node) pairs already recorded, so a value reached
    /// again and again through the same alias costs one look-up.
    private var seenAliases: Set<Pair> = []
    private struct Pair: Hashable {
        var node: Int
        var alias: Int
    }
    private var budget: Int
    private var budgetExhausted = false

    init(source: SourceKind, limits: YAMLLimits = .default) {
        self.source = source
        self.budget = limits.maxAliasExpansion
    }

    /// What a value turned out to be.
    enum Outcome: Equatable {
        /// An occurrence was recorded (or an alias added to an existing one).
        case recorded
        /// `null`, `~`, nothing, or an empty string.
        case empty
        /// A mapping or sequence where a string was expected.
        case notAString
    }

    /// Spends one unit of the visit budget; false once it is exhausted (then
    /// a `yaml-alias-limit` diagnostic has been reported at `node`).
    mutating func spend(at node: YAMLNode) -> Bool {
        if budgetExhausted { return false }
        budget -= 1
        if budget >= 0 { return true }
        budgetExhausted = true
        let at = node.reachedThrough ?? node
        diagnostics.append(Diagnostic(
            severity: .error, code: "yaml-alias-limit",
            message: "aliases expand to too many nodes; the rest of the file is not searched for images",
            location: at.location))
        return false
    }

    /// Whether the visit budget ran out.
    var isExhausted: Bool { budgetExhausted }

    /// Records the scalar `node` as an image occurrence.
    ///
    /// - Parameters:
    ///   - prefixLength: bytes of the value that are syntax, not reference
    ///     (`docker://`); the text and span start after them.
    ///   - related: how the value was reached, when not through a YAML alias
    ///     (a GitLab `!reference`); added to an existing occurrence too.
    ///   - substitute: the file kind's substitution of the text.
    @discardableResult
    mutating func add(
        _ node: YAMLNode,
        role: ImageRole = .pull,
        prefixLength: Int = 0,
        context: @autoclosure () -> OccurrenceContext,
        related via: RelatedLocation? = nil,
        substitute: (ArraySlice<UInt8>) -> ImageTextSubstitution = ImageTextSubstitution.placeholdersUnresolved
    ) -> Outcome {
        guard let scalar = node.scalar else { return .notAString }
        if scalar.isEmpty || Self.isNull(scalar) { return .empty }
        if let existing = indexByNode[node.id] {
            var ways: [RelatedLocation] = []
            if let alias = node.reachedThrough, seenAliases.insert(Pair(node: node.id, alias: alias.id)).inserted {
                ways.append(Self.aliasRelated(alias, merged: node.isMerged))
            }
            if let via { ways.append(via) }
            for way in ways where !occurrences[existing].related.contains(way) { occurrences[existing].related.append(way) }
            return .recorded
        }
        let value = scalar.valueBytes
        let prefix = min(max(prefixLength, 0), value.count)
        let text = value[(value.startIndex + prefix)...]
        var span = scalar.span
        if prefix > 0, let start = scalar.sourceOffset(forValueOffset: prefix) { span.start = min(start, span.end) }
        let substitution = substitute(text)
        let written = String(decoding: text, as: UTF8.self)
        var related = substitution.related
        if let alias = node.reachedThrough {
            seenAliases.insert(Pair(node: node.id, alias: alias.id))
            related.append(Self.aliasRelated(alias, merged: node.isMerged))
        }
        if let via { related.append(via) }
        let occurrence = ImageOccurrence(
            source: source, role: role,
            location: node.storage.file.location(span),
            text: written,
            resolved: substitution.isIdentity ? written : substitution.resolved,
            unresolved: substitution.unresolved,
            variables: substitution.variables,
            related: related,
            context: context())
        indexByNode[node.id] = occurrences.count
        occurrences.append(occurrence)
        return .recorded
    }

    /// Records a value that names an image but cannot be read as text (a
    /// GitLab `!reference` to another file): an occurrence whose text is the
    /// node as written and which is unresolved, naming `name`.
    mutating func addUnresolved(_ node: YAMLNode, name: String, role: ImageRole = .pull, context: OccurrenceContext) {
        guard indexByNode[node.id] == nil else { return }
        indexByNode[node.id] = occurrences.count
        occurrences.append(ImageOccurrence(
            source: source, role: role, location: node.location, text: node.sourceText, resolved: nil,
            unresolved: [name], context: context))
    }

    /// A plain `null`/`~` also under a custom tag (`!reset null`); only an
    /// explicit `!!str` keeps it a string.
    static func isNull(_ scalar: YAMLScalar) -> Bool {
        guard scalar.style == .plain, scalar.tag != "tag:yaml.org,2002:str" else { return false }
        return scalar.valueBytes.withUnsafeBufferPointer { YAMLCoreType.resolve($0) } == .null
    }

    private static func aliasRelated(_ alias: YAMLNode, merged: Bool) -> RelatedLocation {
        RelatedLocation(location: alias.location, message: merged ? "merged here through \(alias.sourceText)" : "used here through \(alias.sourceText)")
    }

    /// Everything gathered, with `readDiagnostics` (the reader's) first.
    func extraction(readDiagnostics: [Diagnostic] = []) -> Extraction {
        Extraction(occurrences: occurrences, diagnostics: readDiagnostics + diagnostics)
    }
}
