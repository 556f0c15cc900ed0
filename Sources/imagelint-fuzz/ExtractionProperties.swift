import ImageLint

/// Properties every extractor's result has, whatever the input: each
/// occurrence, related place and diagnostic lies inside the file (of
/// `size` bytes), and an occurrence is either resolved or names what it
/// could not resolve, never both or neither.
enum ExtractionProperties {
    static func violations(_ extraction: Extraction, size: Int, label: String = "") -> [String] {
        let prefix = label.isEmpty ? "" : label + ": "
        var violations: [String] = []
        var spans: [(String, SourceSpan)] = extraction.diagnostics.map { ("diagnostic \($0.code)", $0.location.span) }
        for occurrence in extraction.occurrences {
            spans.append(("occurrence '\(occurrence.text)'", occurrence.location.span))
            spans += occurrence.related.map { ("related '\($0.message)'", $0.location.span) }
            if (occurrence.resolved == nil) != !occurrence.unresolved.isEmpty {
                violations.append("\(prefix)'\(occurrence.text)' resolved \(occurrence.resolved ?? "nil") with unresolved \(occurrence.unresolved)")
            }
        }
        for (what, span) in spans where !(0 <= span.start && span.start <= span.end && span.end <= size) {
            violations.append("\(prefix)\(what): span \(span) outside 0..<\(size)")
        }
        return violations
    }
}
