/// Gathers the occurrences of one YAML file so that a value reached through
/// aliases or merge keys is reported once, where it is written, with every
/// alias that reaches it as a related location.
///
/// Extractors that build occurrences themselves use ``alreadyReported(_:offset:usage:)``
/// and ``add(_:at:offset:usage:)``; those whose values are plain scalars
/// use ``add(_:source:role:prefixLength:context:related:substitute:)``,
/// which also reads the scalar, strips a scheme prefix and substitutes.
/// Extractors that follow aliases along their own paths spend a budget per
/// visited node (``spend(at:)``), so an alias bomb ends with a diagnostic
/// instead of an endless walk.
struct YAMLOccurrenceCollector {
    let file: SourceFile
    private(set) var occurrences: [ImageOccurrence] = []
    var diagnostics: [Diagnostic] = []
    /// Occurrence index by written node and the value offset the reference
    /// starts at (one scalar can hold several references, e.g. `cache_from`
    /// CSV fields are not, but an inline Dockerfile is).
    private var seen: [Key: Int] = [:]
    /// (occurrence, alias) pairs already recorded, so a value reached again
    /// and again through the same alias costs one look-up.
    private var aliasSites: Set<Key> = []
    private var budget: Int
    private var budgetExhausted = false
    /// Whether a node can be reached twice without an alias (GitLab's
    /// `!reference`), so every node is remembered, not only in streams with
    /// anchors.
    var reachesNodesTwice = false

    private struct Key: Hashable {
        var node: Int
        var offset: Int
    }

    init(file: SourceFile, limits: YAMLLimits = .default) {
        self.file = file
        budget = limits.maxAliasExpansion
    }

    /// Whether the reference starting at `offset` in `node` was already
    /// reported; when it was, the alias that reached it this time is added
    /// to that occurrence as a related location (`usage` says by what, e.g.
    /// "service web").
    mutating func alreadyReported(_ node: YAMLNode, offset: Int = 0, usage: @autoclosure () -> String?) -> Bool {
        // Without an anchor in the stream no node can be reached twice.
        guard node.storage.hasAnchors || reachesNodesTwice, let index = seen[Key(node: node.id, offset: offset)] else { return false }
        addAliasSite(of: node, to: index, usage: usage())
        return true
    }

    /// Adds `occurrence`, found at `node`, as reached this time.
    mutating func add(_ occurrence: ImageOccurrence, at node: YAMLNode, offset: Int = 0, usage: @autoclosure () -> String?) {
        let index = occurrences.count
        occurrences.append(occurrence)
        if node.storage.hasAnchors || reachesNodesTwice { seen[Key(node: node.id, offset: offset)] = index }
        addAliasSite(of: node, to: index, usage: usage())
    }

    private mutating func addAliasSite(of node: YAMLNode, to index: Int, usage: String?) {
        guard let alias = node.reachedThrough, aliasSites.insert(Key(node: index, offset: alias.id)).inserted else { return }
        let how = node.isMerged ? "merged through \(alias.sourceText)" : "used through \(alias.sourceText)"
        let message = usage.map { "\(how) by \($0)" } ?? how
        let related = RelatedLocation(location: alias.location, message: message)
        if !occurrences[index].related.contains(related) { occurrences[index].related.append(related) }
    }

    mutating func diagnose(_ severity: Diagnostic.Severity, _ code: String, _ message: String, _ span: SourceSpan, related: [SourceLocation] = []) {
        diagnostics.append(Diagnostic(severity: severity, code: code, message: message, location: file.location(span), related: related))
    }

    /// The occurrences in source order (then by role, for two at one place).
    func sortedOccurrences() -> [ImageOccurrence] {
        // Usually already in order (written order is source order): no copy.
        let inOrder = zip(occurrences, occurrences.dropFirst()).allSatisfy { $0.location.span <= $1.location.span }
        if inOrder { return occurrences }
        let order = occurrences.indices.sorted { a, b in
            let left = occurrences[a].location.span
            let right = occurrences[b].location.span
            return left != right ? left < right : a < b
        }
        return order.map { occurrences[$0] }
    }

    /// Everything gathered, in source order, with `readDiagnostics` (the
    /// reader's) first.
    func extraction(readDiagnostics: [Diagnostic] = []) -> Extraction {
        Extraction(occurrences: sortedOccurrences(), diagnostics: readDiagnostics + diagnostics)
    }

    // MARK: Walks that follow aliases

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

    // MARK: Scalar values

    /// What a value turned out to be.
    enum Outcome: Equatable {
        /// An occurrence was recorded (or an alias added to an existing one).
        case recorded
        /// `null`, `~`, nothing, or an empty string.
        case empty
        /// A mapping or sequence where a string was expected.
        case notAString
    }

    /// Records the scalar `node` as an image occurrence of kind `source`.
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
        source: SourceKind,
        role: ImageRole = .pull,
        prefixLength: Int = 0,
        context: @autoclosure () -> OccurrenceContext,
        related via: RelatedLocation? = nil,
        substitute: (ArraySlice<UInt8>) -> ImageTextSubstitution = ImageTextSubstitution.placeholdersUnresolved
    ) -> Outcome {
        guard let scalar = node.scalar else { return .notAString }
        if scalar.isEmpty || Self.isNull(scalar) { return .empty }
        let value = scalar.valueBytes
        let prefix = min(max(prefixLength, 0), value.count)
        if alreadyReported(node, offset: prefix, usage: nil) {
            if let via, let index = seen[Key(node: node.id, offset: prefix)], !occurrences[index].related.contains(via) {
                occurrences[index].related.append(via)
            }
            return .recorded
        }
        let text = value[(value.startIndex + prefix)...]
        var span = scalar.span
        if prefix > 0, let start = scalar.sourceOffset(forValueOffset: prefix) { span.start = min(start, span.end) }
        let substitution = substitute(text)
        let written = String(decoding: text, as: UTF8.self)
        var occurrence = ImageOccurrence(
            source: source, role: role,
            location: file.location(span),
            text: written,
            resolved: substitution.isIdentity ? written : substitution.resolved,
            unresolved: substitution.unresolved,
            variables: substitution.variables,
            related: substitution.related,
            context: context())
        if let via { occurrence.related.append(via) }
        add(occurrence, at: node, offset: prefix, usage: nil)
        return .recorded
    }

    /// Records a value that names an image but cannot be read as text (a
    /// GitLab `!reference` to another file, a Helm expression YAML read as
    /// a mapping): an occurrence whose text is the node as written and which
    /// is unresolved, naming `name`.
    mutating func addUnresolved(_ node: YAMLNode, source: SourceKind, name: String, role: ImageRole = .pull, context: OccurrenceContext) {
        if alreadyReported(node, usage: nil) { return }
        add(ImageOccurrence(
            source: source, role: role, location: node.location, text: node.sourceText, resolved: nil,
            unresolved: [name], context: context), at: node, usage: nil)
    }

    /// A plain `null`/`~` also under a custom tag (`!reset null`); only an
    /// explicit `!!str` keeps it a string.
    static func isNull(_ scalar: YAMLScalar) -> Bool {
        guard scalar.style == .plain, scalar.tag != "tag:yaml.org,2002:str" else { return false }
        return scalar.valueBytes.withUnsafeBufferPointer { YAMLCoreType.resolve($0) } == .null
    }
}

extension YAMLStorage {
    /// Whether the stream has any anchor, so that a node may be reached
    /// through an alias.
    var hasAnchors: Bool { !anchors.isEmpty }
}
