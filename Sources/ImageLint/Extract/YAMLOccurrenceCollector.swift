/// Gathers the occurrences of one YAML file so that a value reached through
/// aliases or merge keys is reported once, where it is written, with every
/// alias that reaches it as a related location.
struct YAMLOccurrenceCollector {
    let file: SourceFile
    private(set) var occurrences: [ImageOccurrence] = []
    var diagnostics: [Diagnostic] = []
    /// Occurrence index by written node and the value offset the reference
    /// starts at (one scalar can hold several references, e.g. `cache_from`
    /// CSV fields are not, but an inline Dockerfile is).
    private var seen: [Key: Int] = [:]

    private struct Key: Hashable {
        var node: Int
        var offset: Int
    }

    init(file: SourceFile) { self.file = file }

    /// Whether the reference starting at `offset` in `node` was already
    /// reported; when it was, the alias that reached it this time is added
    /// to that occurrence as a related location (`usage` says by what, e.g.
    /// "service web").
    mutating func alreadyReported(_ node: YAMLNode, offset: Int = 0, usage: @autoclosure () -> String?) -> Bool {
        // Without an anchor in the stream no node can be reached twice.
        guard node.storage.hasAnchors, let index = seen[Key(node: node.id, offset: offset)] else { return false }
        addAliasSite(of: node, to: index, usage: usage())
        return true
    }

    /// Adds `occurrence`, found at `node`, as reached this time.
    mutating func add(_ occurrence: ImageOccurrence, at node: YAMLNode, offset: Int = 0, usage: @autoclosure () -> String?) {
        let index = occurrences.count
        occurrences.append(occurrence)
        if node.storage.hasAnchors { seen[Key(node: node.id, offset: offset)] = index }
        addAliasSite(of: node, to: index, usage: usage())
    }

    private mutating func addAliasSite(of node: YAMLNode, to index: Int, usage: String?) {
        guard let alias = node.reachedThrough else { return }
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
}

extension YAMLStorage {
    /// Whether the stream has any anchor, so that a node may be reached
    /// through an alias.
    var hasAnchors: Bool { !anchors.isEmpty }
}
