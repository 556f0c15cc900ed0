import ImageReference

/// `imagelint images` as text: one line per occurrence,
/// `path:line:col: TEXT → NORMALIZED (context)`, with `unresolved: NAMES`
/// or `invalid: ERROR` in place of the normalized form when there is none.
public enum ImagesTextReporter {
    public static func render(_ listings: [ImageListing]) -> String {
        var out = ""
        for listing in listings {
            let occurrence = listing.occurrence
            let location = occurrence.location
            out += "\(location.path):\(location.start.line):\(location.start.column): \(occurrence.text)"
            switch listing.reference {
            case nil:
                out += " unresolved: " + occurrence.unresolved.joined(separator: ", ")
            case .success(let reference):
                out += " → \(reference.description)"
            case .failure(let error):
                out += " invalid: \(error.message)"
                if occurrence.resolved != occurrence.text, let resolved = occurrence.resolved {
                    out += " (resolved: \(resolved))"
                }
            }
            let context = occurrence.context.jsonFields.map { "\($0.key)=\($0.value)" }
            if !context.isEmpty { out += " [" + context.joined(separator: " ") + "]" }
            out += "\n"
        }
        return out
    }
}
