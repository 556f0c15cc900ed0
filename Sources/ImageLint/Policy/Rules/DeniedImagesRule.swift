/// `denied-images`: the image is on the deny list. Needs code for its
/// entries' `use:` replacement (in the message and as an unsafe fix) and
/// `reason:`.
enum DeniedImagesRule {
    static func finding(_ subject: ConditionSubject, entries: [DeniedImage], rule: ActiveRule) -> Finding? {
        let name = subject.image.name
        guard let entry = entries.first(where: { $0.pattern.matches(name: name) }) else { return nil }
        let occurrence = subject.occurrence
        var message = "`\(occurrence.resolved ?? occurrence.text)` is a denied image"
        if let reason = entry.reason { message += ": \(reason)" }
        var fix: Fix?
        if let use = entry.use {
            message += "; use `\(use)` instead"
            if occurrence.text == occurrence.resolved {
                fix = Fix(
                    title: "Replace with `\(use)`",
                    edits: [TextEdit(path: occurrence.location.path, span: occurrence.location.span, replacement: use)],
                    safety: .unsafe
                )
            }
        }
        return Finding(
            rule: rule.id, severity: rule.severity, message: message, location: occurrence.location,
            related: occurrence.related, occurrence: occurrence, normalized: subject.image.normalized, fix: fix
        )
    }

    /// Reads the `images` option: strings or `{image, use, reason}`.
    static func entries(_ node: YAMLNode, into reader: inout PolicyNodeReader) -> [DeniedImage]? {
        guard let sequence = reader.sequence(node, "the option 'images' of 'denied-images'") else { return nil }
        var entries: [DeniedImage] = []
        var ok = true
        for item in sequence {
            var imageScalar: YAMLScalar?
            var entry = (use: String?.none, reason: String?.none)
            if let mapping = item.mapping {
                for (key, pair) in reader.pairs(mapping, allowed: ["image", "use", "reason"], in: "a denied image") {
                    switch key {
                    case "image": imageScalar = reader.string(pair.value, "'image'")
                    case "use": entry.use = reader.string(pair.value, "'use'")?.value
                    case "reason": entry.reason = reader.string(pair.value, "'reason'")?.value
                    default: break
                    }
                }
                if mapping.pair(forKey: "image") == nil { reader.report(item, "a denied image needs 'image'") }
            } else {
                imageScalar = reader.string(item, "a denied image")
            }
            guard let imageScalar else {
                ok = false
                continue
            }
            do {
                entries.append(DeniedImage(pattern: try ImagePattern(imageScalar.value), use: entry.use, reason: entry.reason))
            } catch {
                reader.report(imageScalar, scalarOffset: error.offset, "invalid pattern '\(imageScalar.value)': \(error.message)")
                ok = false
            }
        }
        return ok ? entries : nil
    }
}
