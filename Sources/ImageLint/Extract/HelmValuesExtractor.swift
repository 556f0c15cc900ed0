/// Finds the image references of a Helm chart's values file (formats.md §3.6).
///
/// Candidates are the values of keys named `image` or ending in `Image`
/// (`metrics.image`, `volumePermissions.image`, `rabbitmqImage`,
/// `defaultInitContainers.defaultImage`), at any depth:
///
/// 1. a mapping with split fields `registry`, `repository` (or `image`),
///    `tag`, `digest` is joined the way Bitnami's `common.images.image`
///    helper does: `registry/repository`, then `@digest` when the digest is
///    non-empty, else `:tag`, else `:` + the chart's `appVersion`; a
///    non-empty `global.imageRegistry` replaces every block's `registry`.
///    Charts made by `helm create` (`repository`, `tag: ""`) join the same
///    way. Located at the repository value; `registry`, `tag`, `digest`,
///    `global.imageRegistry` and Chart.yaml's `appVersion` (when used) are
///    related locations. The occurrence's `text` is the join of the block's
///    own fields as written, with `{{ .Chart.AppVersion }}` where the chart
///    version is used; `resolved` is what Helm renders.
/// 2. a string (`image: repo:tag`) is a reference as written.
///
/// A key `images` holding a `repository` prefix (microservices-demo:
/// `images: {repository, tag}`) is joined with each component's name in the
/// templates only: it is reported at the repository, unresolved.
///
/// Numbers: Helm reads values as JSON numbers and prints them with Go's
/// `%v` (see ``HelmNumber``), so an unquoted numeric tag or appVersion is
/// reported (`helm-numeric-tag`, `helm-numeric-app-version`): as an error
/// when the rendered text differs from what is written (`1.10` → `1.1`),
/// a warning otherwise; the occurrence's `resolved` text is the rendered one.
///
/// Templates (`templates/*`) are not values files; the workspace never
/// gives them to this extractor. Pure: the caller passes `Chart.yaml`.
public enum HelmValuesExtractor {
    public static func extract(_ file: SourceFile, chart: SourceFile? = nil) -> Extraction {
        extract(YAMLReader.read(file), chart: chart)
    }

    public static func extract(_ stream: YAMLStream, chart: SourceFile? = nil) -> Extraction {
        let chartInfo = chart.map(HelmChartInfo.init)
        var walk = HelmValuesWalk(file: stream.file, chart: chartInfo)
        for document in stream.documents + (stream.partialDocument.map { [$0] } ?? []) {
            walk.document(document)
        }
        return Extraction(occurrences: walk.collector.sortedOccurrences(), diagnostics: stream.diagnostics + walk.diagnostics + walk.collector.diagnostics)
    }
}

/// What the values extractor needs from `Chart.yaml`.
struct HelmChartInfo {
    let file: SourceFile
    let appVersion: YAMLScalar?

    init(_ file: SourceFile) {
        self.file = file
        let stream = YAMLReader.read(file)
        let scalar = stream.documents.first?.root?.mapping?["appVersion"]?.scalar
        appVersion = scalar.flatMap { $0.isEmpty || $0.coreType == .null ? nil : $0 }
    }
}

struct HelmValuesWalk {
    var collector: YAMLOccurrenceCollector
    var diagnostics: [Diagnostic] = []
    let chart: HelmChartInfo?
    private var reportedAppVersion = false

    init(file: SourceFile, chart: HelmChartInfo?) {
        collector = YAMLOccurrenceCollector(file: file)
        self.chart = chart
    }

    /// One step of the key path to the node being visited.
    enum PathStep {
        case key(YAMLNode)
        case item(Int)
    }

    mutating func document(_ document: YAMLDocument) {
        guard let root = document.root, root.mapping != nil else { return }
        let global = root["global"]?["imageRegistry"]?.scalar.flatMap { $0.isEmpty || $0.coreType == .null ? nil : $0 }
        var path: [PathStep] = []
        let walkDiagnostics = document.walk { step in
            // Keep `path` as the chain of keys and positions down to this node.
            if step.depth > 0 {
                path.removeSubrange(min(step.depth - 1, path.count)...)
                if let key = step.key { path.append(.key(key)) } else { path.append(.item(step.position ?? 0)) }
            }
            guard let key = step.key?.scalar else { return .descend }
            let keyBytes = key.valueBytes
            if Self.isImageKey(keyBytes) {
                if let block = step.node.mapping, let repository = Self.repositoryField(block) {
                    self.block(block, repository: repository, global: global, path: path)
                    return .skipChildren
                }
                if let scalar = step.node.scalar, !scalar.isEmpty, scalar.coreType == .string {
                    self.single(step.node, scalar, path: path)
                    return .skipChildren
                }
            } else if keyBytes.elementsEqual("images".utf8), let block = step.node.mapping,
                      let repository = block["repository"], let scalar = repository.scalar, !scalar.isEmpty {
                self.sharedPrefix(block, repository: repository, scalar, path: path)
                return .skipChildren
            }
            return .descend
        }
        diagnostics += walkDiagnostics
    }

    /// `image` or a key ending in `Image` (`rabbitmqImage`, not `images`).
    static func isImageKey(_ key: ArraySlice<UInt8>) -> Bool {
        if key.elementsEqual("image".utf8) { return true }
        return key.count > 5 && key.suffix(5).elementsEqual("Image".utf8)
    }

    /// The block's repository: `repository`, or an `image` string.
    static func repositoryField(_ block: YAMLMapping) -> YAMLNode? {
        for name in ["repository", "image"] {
            if let node = block[name], let scalar = node.scalar, !scalar.isEmpty, scalar.coreType == .string { return node }
        }
        return nil
    }

    mutating func block(_ block: YAMLMapping, repository repositoryNode: YAMLNode, global: YAMLScalar?, path: [PathStep]) {
        guard let repository = repositoryNode.scalar else { return }
        if collector.alreadyReported(repositoryNode, usage: nil) { return }
        let file = collector.file
        var related: [RelatedLocation] = []
        var unresolved: [String] = []

        let registry = Self.present(block["registry"])
        if let registry { related.append(RelatedLocation(location: file.location(registry.span), message: "registry: \(registry.value)")) }
        if let global { related.append(RelatedLocation(location: file.location(global.span), message: "global.imageRegistry: \(global.value) (replaces registry)")) }
        var written = registry.map { $0.value + "/" } ?? ""
        var resolved: String? = (global ?? registry).map { $0.value + "/" } ?? ""
        written += repository.value
        resolved? += repository.value

        if let digest = Self.present(block["digest"]) {
            related.append(RelatedLocation(location: file.location(digest.span), message: "digest: \(digest.value)"))
            written += "@" + digest.value
            resolved? += "@" + digest.value
        } else if let tag = Self.present(block["tag"]) {
            related.append(RelatedLocation(location: file.location(tag.span), message: "tag: \(tag.value)"))
            written += ":" + tag.value
            resolved? += ":" + numeric(tag, in: file, code: "helm-numeric-tag", what: "tag")
        } else {
            written += ":{{ .Chart.AppVersion }}"
            if let chart, let appVersion = chart.appVersion {
                related.append(RelatedLocation(location: chart.file.location(appVersion.span), message: "appVersion: \(appVersion.value) (Chart.yaml)"))
                let rendered = numeric(appVersion, in: chart.file, code: "helm-numeric-app-version", what: "appVersion", once: true)
                resolved? += ":" + rendered
            } else {
                resolved = nil
                unresolved.append("appVersion")
            }
        }
        var context = OccurrenceContext()
        context.keyPath = Self.keyPath(path)
        var occurrence = ImageOccurrence(
            source: .helmValues, role: .pull, location: file.location(repository.span), text: written, resolved: resolved,
            unresolved: unresolved, related: related, context: context)
        ForeignPlaceholders.markUnresolved(&occurrence)
        collector.add(occurrence, at: repositoryNode, usage: nil)
    }

    mutating func single(_ node: YAMLNode, _ scalar: YAMLScalar, path: [PathStep]) {
        if collector.alreadyReported(node, usage: nil) { return }
        var context = OccurrenceContext()
        context.keyPath = Self.keyPath(path)
        let text = scalar.value
        var occurrence = ImageOccurrence(
            source: .helmValues, role: .pull, location: collector.file.location(scalar.span), text: text, resolved: text, context: context)
        ForeignPlaceholders.markUnresolved(&occurrence)
        collector.add(occurrence, at: node, usage: nil)
    }

    /// `images: {repository, tag}`: a prefix the templates complete.
    mutating func sharedPrefix(_ block: YAMLMapping, repository node: YAMLNode, _ repository: YAMLScalar, path: [PathStep]) {
        if collector.alreadyReported(node, usage: nil) { return }
        let file = collector.file
        var related: [RelatedLocation] = []
        if let tag = Self.present(block["tag"]) {
            related.append(RelatedLocation(location: file.location(tag.span), message: "tag: \(tag.value)"))
        } else if let chart, let appVersion = chart.appVersion {
            related.append(RelatedLocation(location: chart.file.location(appVersion.span), message: "appVersion: \(appVersion.value) (Chart.yaml)"))
        }
        var context = OccurrenceContext()
        context.keyPath = Self.keyPath(path)
        collector.add(
            ImageOccurrence(
                source: .helmValues, role: .pull, location: file.location(repository.span), text: repository.value, resolved: nil,
                unresolved: ["component name (the templates append it to this repository prefix)"], related: related, context: context),
            at: node, usage: nil)
    }

    /// The text Helm renders for `scalar`; diagnoses a plain number.
    mutating func numeric(_ scalar: YAMLScalar, in file: SourceFile, code: String, what: String, once: Bool = false) -> String {
        let text = scalar.value
        guard scalar.style == .plain, scalar.tag == nil, scalar.coreType == .int || scalar.coreType == .float else { return text }
        let rendered = HelmNumber.rendered(text) ?? text
        if once {
            if reportedAppVersion { return rendered }
            reportedAppVersion = true
        }
        let location = file.location(scalar.span)
        if rendered != text {
            diagnostics.append(Diagnostic(
                severity: .error, code: code,
                message: "\(what) \(text) is a number in YAML and Helm renders it as \"\(rendered)\"; quote it: \"\(text)\"",
                location: location))
        } else {
            diagnostics.append(Diagnostic(
                severity: .warning, code: code,
                message: "\(what) \(text) is a number in YAML and Helm prints numbers through float64 (1.10 becomes 1.1, 20190806 becomes 2.0190806e+07); quote it: \"\(text)\"",
                location: location))
        }
        return rendered
    }

    static func present(_ node: YAMLNode?) -> YAMLScalar? {
        guard let scalar = node?.scalar, !scalar.isEmpty, scalar.coreType != .null else { return nil }
        return scalar
    }

    static func keyPath(_ path: [PathStep]) -> String {
        var out = ""
        for step in path {
            switch step {
            case .key(let key):
                if !out.isEmpty { out += "." }
                out += key.scalar?.value ?? "?"
            case .item(let position):
                out += "[\(position)]"
            }
        }
        return out
    }
}
