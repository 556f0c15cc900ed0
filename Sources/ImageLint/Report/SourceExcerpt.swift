/// What reports need of a checked file once its bytes are dropped
/// (``FileResult/compacted()``): the snippet under each finding, the text
/// of the spans that fingerprints use, and the positions of fix edits. A run
/// over many files then keeps a few lines per finding instead of every file
/// that has one.
public struct SourceExcerpt: Sendable {
    var snippets: [SourceSpan: SourceSnippet] = [:]
    var texts: [SourceSpan: String] = [:]
    var positions: [Int: SourcePosition] = [:]

    /// The excerpt `findings` need of `file` (findings in other files are
    /// left to those files).
    init(file: SourceFile, findings: [Finding]) {
        for finding in findings where finding.location.path == file.path {
            let span = finding.location.span
            if snippets[span] == nil { snippets[span] = SourceSnippet(file: file, span: span) }
            if finding.occurrence == nil { texts[span] = file.text(span) }
            for edit in finding.fix?.edits ?? [] where edit.path == file.path {
                for offset in [edit.span.start, edit.span.end] where positions[offset] == nil {
                    positions[offset] = file.lines.position(of: offset)
                }
            }
        }
    }
}
