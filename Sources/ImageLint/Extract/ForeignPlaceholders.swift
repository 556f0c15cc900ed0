/// Marks an occurrence whose text holds another system's placeholder
/// (`{{ … }}`, `$[[ … ]]`, `<< … >>`, `$( … )`) as unresolved.
enum ForeignPlaceholders {
    static func markUnresolved(_ occurrence: inout ImageOccurrence) {
        // TEMPORARY until TemplatePlaceholder lands from the dockerfile branch.
        guard let text = occurrence.resolved, text.contains("{{") else { return }
        occurrence.resolved = nil
        occurrence.unresolved.append(text)
    }
}
