/// Marks an occurrence whose text holds another system's placeholder
/// (`{{ … }}`, `$[[ … ]]`, `<< … >>`, `$( … )`) as unresolved.
enum ForeignPlaceholders {
    static func markUnresolved(_ occurrence: inout ImageOccurrence) {
        // TEMPORARY until TemplatePlaceholder lands from the dockerfile branch.
        let text = occurrence.resolved ?? occurrence.text
        guard text.contains("{{") else { return }
        occurrence.resolved = nil
        occurrence.unresolved.append(text)
    }
}
