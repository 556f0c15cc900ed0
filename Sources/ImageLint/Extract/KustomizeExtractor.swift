/// Finds the image references of a kustomization (formats.md §3.5).
///
/// Each `images:` entry (`name`, `newName`, `newTag`, `digest`,
/// `tagSuffix`) becomes the reference kustomize writes into the matched
/// manifests, computed the way kustomize's image tag updater does:
/// `newName` replaces the name; `newTag` and/or `digest` replace the tag and
/// digest (both are kept when both are given); `tagSuffix` is appended to
/// the tag. The occurrence is located at the `name` value; the other fields
/// are related locations.
///
/// An entry with neither `newTag` nor `digest` keeps the tag of whatever
/// manifest it matches, which is not known here: its occurrence has no tag
/// and is marked ``OccurrenceContext/tagInherited`` so that tag rules
/// (`no-latest`, `require-tag`, `require-digest`, `tag-pattern`) skip it,
/// while name and registry rules still apply.
///
/// `helmCharts[]` entries whose `repo` is `oci://…` are chart artifacts
/// (role `artifact`, `<repo>/<name>:<version>`, located at the repo value
/// after `oci://`).
///
/// Diagnostics: `kustomize-tag-not-string` (error) for a `newTag` that YAML
/// reads as a number or boolean — kustomize fails on it ("cannot unmarshal
/// number into Go struct field Image.images.newTag of type string");
/// `kustomize-image-without-name` (warning) for an entry without `name`.
public enum KustomizeExtractor {
    public static func extract(_ file: SourceFile) -> Extraction {
        extract(YAMLReader.read(file))
    }

    public static func extract(_ stream: YAMLStream) -> Extraction {
        var collector = YAMLOccurrenceCollector(file: stream.file)
        for document in stream.documents {
            read(document, into: &collector)
        }
        if let partial = stream.partialDocument { read(partial, into: &collector) }
        return Extraction(occurrences: collector.sortedOccurrences(), diagnostics: stream.diagnostics + collector.diagnostics)
    }

    static func read(_ document: YAMLDocument, into collector: inout YAMLOccurrenceCollector) {
        guard let top = document.root?.mapping else { return }
        let fields = YAMLKeyedValues(top, keys: ["images", "helmCharts"])
        if let images = fields[0]?.sequence {
            var position = 0
            for entry in images {
                if let entry = entry.mapping { image(entry, position: position, document: document.index, into: &collector) }
                position += 1
            }
        }
        if let charts = fields[1]?.sequence {
            var position = 0
            for chart in charts {
                if let chart = chart.mapping { helmChart(chart, position: position, into: &collector) }
                position += 1
            }
        }
    }

    static func image(_ entry: YAMLMapping, position: Int, document: Int, into collector: inout YAMLOccurrenceCollector) {
        let fields = YAMLKeyedValues(entry, keys: ["name", "newName", "newTag", "digest", "tagSuffix"])
        guard let nameNode = fields[0], let name = nameNode.scalar, !name.isEmpty, name.coreType != .null else {
            collector.diagnose(.warning, "kustomize-image-without-name", "images entry without a name matches no image", entry.node.span)
            return
        }
        if collector.alreadyReported(nameNode, usage: nil) { return }
        let newName = presentScalar(fields[1])
        let newTag = presentScalar(fields[2])
        let digest = presentScalar(fields[3])
        let suffix = presentScalar(fields[4])
        if let newTag, newTag.style == .plain, newTag.tag == nil, newTag.coreType != .string {
            let what = newTag.coreType == .bool ? "a boolean" : "a number"
            collector.diagnose(
                .error, "kustomize-tag-not-string",
                "newTag \(newTag.value) is \(what) in YAML; kustomize fails (\"cannot unmarshal \(newTag.coreType == .bool ? "bool" : "number") into Go struct field Image.images.newTag of type string\"); quote it: \"\(newTag.value)\"",
                newTag.span)
        }
        var reference = newName?.value ?? name.value
        var tag = newTag?.value ?? ""
        if let suffix { tag += suffix.value }
        if !tag.isEmpty, newTag != nil || digest != nil { reference += ":" + tag }
        if let digest { reference += "@" + digest.value }
        let file = collector.file
        var related: [RelatedLocation] = []
        func relate(_ label: String, _ scalar: YAMLScalar?) {
            if let scalar { related.append(RelatedLocation(location: file.location(scalar.span), message: "\(label): \(scalar.value)")) }
        }
        relate("newName", newName)
        relate("newTag", newTag)
        relate("digest", digest)
        relate("tagSuffix", suffix)
        var context = OccurrenceContext()
        context.keyPath = "images[\(position)]"
        if document > 0 { context.document = document }
        if newTag == nil, digest == nil { context.tagInherited = true }
        var occurrence = ImageOccurrence(
            source: .kustomize, role: .pull, location: file.location(name.span), text: reference, resolved: reference,
            related: related, context: context)
        ForeignPlaceholders.markUnresolved(&occurrence)
        collector.add(occurrence, at: nameNode, usage: nil)
    }

    static func helmChart(_ chart: YAMLMapping, position: Int, into collector: inout YAMLOccurrenceCollector) {
        let prefix = Array("oci://".utf8)
        guard let repoNode = chart["repo"], let repo = repoNode.scalar, repo.valueBytes.starts(with: prefix),
              let name = presentScalar(chart["name"]) else { return }
        if collector.alreadyReported(repoNode, offset: prefix.count, usage: nil) { return }
        var base = String(decoding: repo.valueBytes.dropFirst(prefix.count), as: UTF8.self)
        while base.hasSuffix("/") { base.removeLast() }
        var reference = base + "/" + name.value
        let version = presentScalar(chart["version"])
        if let version { reference += ":" + version.value }
        let file = collector.file
        let span = repo.sourceMap.sourceSpan(forValueRange: prefix.count..<repo.valueBytes.count) ?? repo.span
        var related = [RelatedLocation(location: file.location(name.span), message: "name: \(name.value)")]
        if let version { related.append(RelatedLocation(location: file.location(version.span), message: "version: \(version.value)")) }
        var context = OccurrenceContext()
        context.keyPath = "helmCharts[\(position)]"
        collector.add(
            ImageOccurrence(source: .kustomize, role: .artifact, location: file.location(span), text: reference, resolved: reference, related: related, context: context),
            at: repoNode, offset: prefix.count, usage: nil)
    }

    /// The scalar, unless absent (missing, null, empty).
    static func presentScalar(_ node: YAMLNode?) -> YAMLScalar? {
        guard let scalar = node?.scalar, !scalar.isEmpty, scalar.coreType != .null else { return nil }
        return scalar
    }
}
