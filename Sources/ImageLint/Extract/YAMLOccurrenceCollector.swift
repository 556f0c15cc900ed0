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
    mutating func alreadyReported(_ node: YAMLNode, offset: Int = 0, usage: String?) -> Bool {
        guard let index = seen[Key(node: node.id, offset: offset)] else { return false }
        addAliasSite(of: node, to: index, usage: usage)
        return true
    }

    /// Adds `occurrence`, found at `node`, as reached this time.
    mutating func add(_ occurrence: ImageOccurrence, at node: YAMLNode, offset: Int = 0, usage: String?) {
        let index = occurrences.count
        occurrences.append(occurrence)
        seen[Key(node: node.id, offset: offset)] = index
        addAliasSite(of: node, to: index, usage: usage)
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
        occurrences.enumerated().sorted { a, b in
            if a.element.location.span != b.element.location.span { return a.element.location.span < b.element.location.span }
            return a.offset < b.offset
        }.map(\.element)
    }
}
