import ImageReference

/// `imagelint images --format json`: the versioned contract of design.md.
///
/// ```
/// {"version": 1, "images": [{file, line, column, endLine, endColumn, source,
///   text, resolved, valid, error, domain, path, tag, digest, normalized,
///   unresolved, context}]}
/// ```
/// Keys in that order, two-space indentation, one image field per line, the
/// `unresolved` list and `context` object on one line, a final newline:
/// byte-stable. An unresolved occurrence is not parsed: `resolved`,
/// `valid`, `error`, the parts and `normalized` are null. `endColumn` is
/// the column just after the last character (spans are half-open).
public enum ImagesJSONReporter {
    public static func render(_ listings: [ImageListing]) -> String {
        guard !listings.isEmpty else { return "{\n  \"version\": 1,\n  \"images\": []\n}\n" }
        let objects = listings.map { listing in
            "    {\n" + fields(listing).map { "      " + JSONString.quoted($0.key) + ": " + $0.value }.joined(separator: ",\n") + "\n    }"
        }
        return "{\n  \"version\": 1,\n  \"images\": [\n" + objects.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    static func fields(_ listing: ImageListing) -> [(key: String, value: String)] {
        let occurrence = listing.occurrence
        let location = occurrence.location
        let reference = try? listing.reference?.get()
        let valid: String
        let error: String?
        switch listing.reference {
        case nil:
            valid = "null"
            error = nil
        case .success:
            valid = "true"
            error = nil
        case .failure(let failure):
            valid = "false"
            error = failure.message
        }
        return [
            ("file", JSONString.quoted(location.path)),
            ("line", String(location.start.line)),
            ("column", String(location.start.column)),
            ("endLine", String(location.end.line)),
            ("endColumn", String(location.end.column)),
            ("source", JSONString.quoted(occurrence.source.rawValue)),
            ("text", JSONString.quoted(occurrence.text)),
            ("resolved", JSONString.quotedOrNull(occurrence.resolved)),
            ("valid", valid),
            ("error", JSONString.quotedOrNull(error)),
            ("domain", JSONString.quotedOrNull(reference?.domain)),
            ("path", JSONString.quotedOrNull(reference?.path)),
            ("tag", JSONString.quotedOrNull(reference?.tag)),
            ("digest", JSONString.quotedOrNull(reference?.digest?.description)),
            ("normalized", JSONString.quotedOrNull(reference?.description)),
            ("unresolved", "[" + occurrence.unresolved.map { JSONString.quoted($0) }.joined(separator: ", ") + "]"),
            ("context", contextObject(occurrence.context)),
        ]
    }

    /// The set context fields, in declaration order, on one line.
    static func contextObject(_ context: OccurrenceContext) -> String {
        let fields = context.jsonFields.map { JSONString.quoted($0.key) + ": " + $0.value }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

extension OccurrenceContext {
    /// The fields that are set, with their JSON keys and encoded values, in
    /// declaration order (the keys are the contract's; keep them stable).
    public var jsonFields: [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = []
        func add(_ key: String, _ value: String?) {
            if let value { fields.append((key, JSONString.quoted(value))) }
        }
        func add(_ key: String, _ value: Int?) {
            if let value { fields.append((key, String(value))) }
        }
        func add(_ key: String, _ value: Bool?) {
            if let value { fields.append((key, value ? "true" : "false")) }
        }
        add("instruction", instruction)
        add("stage", stage)
        add("stageIndex", stageIndex)
        add("finalStage", isFinalStage)
        add("platform", platform)
        add("onbuild", onbuild)
        add("service", service)
        add("hasBuild", hasBuild)
        add("pullPolicy", pullPolicy)
        if let profiles { fields.append(("profiles", "[" + profiles.map { JSONString.quoted($0) }.joined(separator: ", ") + "]")) }
        add("kind", kind)
        add("namespace", namespace)
        add("name", name)
        add("container", container)
        add("containerType", containerType)
        add("document", document)
        add("job", job)
        add("tagInherited", tagInherited)
        add("keyPath", keyPath)
        add("hidden", hidden)
        add("step", step)
        return fields
    }
}
