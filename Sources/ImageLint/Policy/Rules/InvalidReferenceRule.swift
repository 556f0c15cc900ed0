import ImageReference

/// `invalid-reference`: the resolved text does not parse as a reference.
///
/// Needs code because the message carries the parser's reason and the
/// column of the failing character, counted in the file when the text was
/// written literally, or in the resolved value when variables built it.
enum InvalidReferenceRule {
    static func finding(_ occurrence: ImageOccurrence, resolved: String, error: ReferenceError, rule: ActiveRule) -> Finding {
        let offset = min(max(error.offset, 0), resolved.utf8.count)
        let prefix = String(decoding: Array(resolved.utf8)[..<offset], as: UTF8.self)
        let scalarOffset = prefix.unicodeScalars.count
        let position: String
        if occurrence.text == resolved, occurrence.location.start.line == occurrence.location.end.line {
            position = "column \(occurrence.location.start.column + scalarOffset)"
        } else {
            position = "character \(scalarOffset + 1) of the resolved value `\(resolved)`"
        }
        let what = resolved.isEmpty ? "the empty image reference" : "`\(occurrence.text)`"
        return Finding(
            rule: rule.id, severity: rule.severity,
            message: "\(what) is not a valid image reference: \(error.message) (at \(position))",
            location: occurrence.location, related: occurrence.related, occurrence: occurrence
        )
    }
}
