/// Marks an occurrence whose resolved text still holds another system's
/// placeholder (``TemplatePlaceholder``: `{{ … }}`, `$[[ … ]]`, `<< … >>`,
/// `$( … )`) as unresolved, naming each placeholder: such text is never
/// parsed as a (broken) reference.
enum ForeignPlaceholders {
    static func markUnresolved(_ occurrence: inout ImageOccurrence) {
        guard let text = occurrence.resolved else { return }
        // Every placeholder starts with `$`, `{` or `<`; most references have none.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "<") }) else { return }
        let found = TemplatePlaceholder.scan(text)
        guard !found.isEmpty else { return }
        occurrence.resolved = nil
        for placeholder in found where !occurrence.unresolved.contains(placeholder.name) {
            occurrence.unresolved.append(placeholder.name)
        }
    }
}
