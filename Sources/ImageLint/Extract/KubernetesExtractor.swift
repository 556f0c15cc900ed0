/// Finds the images of Kubernetes manifests: every pod-template kind, the
/// common custom resources (Argo, Tekton, Knative, KEDA, OpenShift), and
/// container-shaped objects of any other custom resource.
///
/// A file is a stream of documents; each document that is a mapping with
/// `apiVersion` and `kind` is an object, `List` kinds carry more objects in
/// `items`. Only structural paths count: text inside a string (a
/// ConfigMap's data, an Argo `resource.manifest`, a Tekton `script`) is
/// never searched.
///
/// Diagnostics, besides the YAML reader's:
///
/// | code | severity | meaning |
/// |---|---|---|
/// | `kubernetes-empty-image` | note | a container's `image` is written but null or empty |
/// | `kubernetes-image-not-string` | warning | a container's `image` is a mapping or a list |
/// | `yaml-alias-limit` | error | aliases expand to too many nodes; the search stopped |
public enum KubernetesExtractor {
    /// The images of every object in `stream` (the reader's diagnostics
    /// included). The document a syntax error interrupted is searched as
    /// far as it was read.
    /// `limits.maxAliasExpansion` bounds the mappings visited through aliases.
    public static func extract(
        _ stream: YAMLStream, options: ExtractionOptions = ExtractionOptions(), limits: YAMLLimits = .default
    ) -> Extraction {
        var walk = KubernetesObjectWalk(file: stream.file, limits: limits)
        for document in stream.documents { walk.document(document) }
        if let partial = stream.partialDocument {
            // What a syntax error cut short is searched, but its shape is
            // not judged (`image: [` is a list only because it is cut).
            walk.reportsShapes = false
            walk.document(partial)
        }
        return walk.collector.extraction(readDiagnostics: stream.diagnostics)
    }

    /// Reads `file` as YAML and extracts its images.
    public static func extract(_ file: SourceFile, options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        extract(YAMLReader.read(file), options: options)
    }

    /// Whether `node` is a Kubernetes object: a mapping whose `apiVersion`
    /// and `kind` are non-empty strings.
    public static func isObject(_ node: YAMLNode?) -> Bool {
        guard let mapping = node?.mapping,
              let apiVersion = mapping["apiVersion"]?.scalar, !apiVersion.isEmpty,
              let kind = mapping["kind"]?.scalar, !kind.isEmpty
        else { return false }
        return true
    }

    /// A cheap look at a file's bytes, for detection while walking: a YAML
    /// line that starts with `apiVersion:` and one that starts with `kind:`
    /// (both at the left margin, as every manifest and `List` writes them),
    /// or JSON text with `"apiVersion"` and `"kind"` keys. Not a parse: the
    /// extractor checks each document again.
    public static func looksLikeManifest(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var apiVersion = false
            var kind = false
            var lineStart = 0
            // A UTF-8 BOM on the first line.
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { lineStart = 3 }
            var firstByte: UInt8?
            var i = lineStart
            while i < b.count {
                let c = b[i]
                if firstByte == nil, c != UInt8(ascii: " "), c != UInt8(ascii: "\t"), c != UInt8(ascii: "\n"), c != UInt8(ascii: "\r") {
                    firstByte = c
                }
                if i == lineStart {
                    if !apiVersion, hasPrefix(b, at: i, "apiVersion:") { apiVersion = true }
                    if !kind, hasPrefix(b, at: i, "kind:") { kind = true }
                    if apiVersion, kind { return true }
                }
                if c == UInt8(ascii: "\n") { lineStart = i + 1 }
                i += 1
            }
            guard firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") else { return false }
            return ByteSearch.contains(b, "\"apiVersion\"") && ByteSearch.contains(b, "\"kind\"")
        }
    }

    private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }

    /// Whether any document of `stream` is a Kubernetes object (content
    /// detection for files that no name rule claims).
    public static func recognizes(_ stream: YAMLStream) -> Bool {
        stream.documents.contains { isObject($0.root) } || isObject(stream.partialDocument?.root)
    }
}

/// The state of one extraction: the collector, and the object walk over
/// documents, `List` items and embedded objects.
struct KubernetesObjectWalk {
    var collector: YAMLOccurrenceCollector
    /// Whether values of the wrong shape get diagnostics (not in a document
    /// a syntax error interrupted).
    var reportsShapes = true
    /// Tekton's parameter values for the task being searched.
    var tektonScope = TektonParameterScope()

    /// Nesting limit for embedded objects, inline templates and the
    /// generic search (the reader bounds the depth as written; aliases can
    /// multiply it).
    static let maxDepth = 64

    init(file: SourceFile, limits: YAMLLimits) {
        collector = YAMLOccurrenceCollector(file: file, limits: limits)
    }

    mutating func document(_ document: YAMLDocument) {
        guard let root = document.root else { return }
        object(root, document: document.index, depth: 0)
    }

    /// One object, dispatched on its API group and kind; nothing for a
    /// mapping without `apiVersion` and `kind`.
    mutating func object(_ node: YAMLNode, document: Int, depth: Int) {
        guard depth < Self.maxDepth, let object = node.mapping else { return }
        // One pass over the object's keys (every document goes through here).
        var apiVersionNode: YAMLScalar?
        var kindNode: YAMLScalar?
        var metadata: YAMLMapping?
        var spec: YAMLNode?
        for pair in object {
            guard let key = pair.key.scalar else { continue }
            switch key.valueBytes.count {
            case 10 where apiVersionNode == nil && key.hasValue("apiVersion"): apiVersionNode = pair.value.scalar
            case 4 where kindNode == nil && key.hasValue("kind"): kindNode = pair.value.scalar
            case 4 where spec == nil && key.hasValue("spec"): spec = pair.value
            case 8 where metadata == nil && key.hasValue("metadata"): metadata = pair.value.mapping
            default: break
            }
        }
        guard let apiVersionNode, !apiVersionNode.isEmpty, let kindNode, !kindNode.isEmpty, collector.spend(at: node) else { return }
        let kind = kindNode.value
        var base = OccurrenceContext()
        base.kind = kind
        base.document = document
        if let metadata {
            for pair in metadata {
                guard let key = pair.key.scalar else { continue }
                if base.name == nil, key.hasValue("name") {
                    base.name = pair.value.scalar?.value
                } else if base.namespace == nil, key.hasValue("namespace") {
                    base.namespace = pair.value.scalar?.value
                }
            }
        }
        let group = Self.group(of: apiVersionNode.value)

        if kind.hasSuffix("List"), let items = object["items"]?.sequence {
            for item in items where KubernetesExtractor.isObject(item) {
                self.object(item, document: document, depth: depth + 1)
            }
            return
        }

        switch group {
        case "", "apps", "extensions", "batch":
            switch kind {
            case "Pod": podSpec(spec, base)
            case "PodTemplate": podSpec(object["template"]?["spec"], base)
            case "ReplicationController", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job":
                podSpec(spec?["template"]?["spec"], base)
            case "CronJob": podSpec(spec?["jobTemplate"]?["spec"]?["template"]?["spec"], base)
            // OpenShift 3 served its kinds under the core group too.
            case "DeploymentConfig": podSpec(spec?["template"]?["spec"], base, blankIsEmpty: true)
            case "BuildConfig": openShiftBuild(spec, base)
            default:
                // Built-in kinds without containers; anything else
                // (a made-up kind in a test fixture) is searched.
                if !Self.builtinKindsWithoutImages.contains(kind) { search(node, base, depth: depth) }
            }
        case "argoproj.io": argo(kind: kind, object: object, spec: spec, base, depth: depth)
        case "tekton.dev": tekton(kind: kind, spec: spec, base)
        case "triggers.tekton.dev":
            // TriggerTemplate: the resources it creates are whole objects.
            if let templates = spec?["resourcetemplates"]?.sequence {
                for item in templates where KubernetesExtractor.isObject(item) {
                    self.object(item, document: document, depth: depth + 1)
                }
            } else {
                search(node, base, depth: depth)
            }
        case "serving.knative.dev":
            switch kind {
            case "Service", "Configuration": podSpec(spec?["template"]?["spec"], base)
            case "Revision": podSpec(spec, base)
            default: search(node, base, depth: depth)
            }
        case "sources.knative.dev" where kind == "ContainerSource": podSpec(spec?["template"]?["spec"], base)
        case "keda.sh":
            if kind == "ScaledJob" { podSpec(spec?["jobTargetRef"]?["template"]?["spec"], base) }
        case "apps.openshift.io" where kind == "DeploymentConfig":
            podSpec(spec?["template"]?["spec"], base, blankIsEmpty: true)
        case "build.openshift.io" where kind == "BuildConfig": openShiftBuild(spec, base)
        case "skaffold": skaffold(object, base)
        case "kind.x-k8s.io" where kind == "Cluster":
            // kind's cluster config: each node runs a `kindest/node` image.
            for node in object["nodes"].items {
                guard let image = node["image"] else { continue }
                var context = base
                context.containerType = "node"
                context.container = node["role"]?.scalar?.value
                self.image(image, context, what: "node")
            }
        default:
            // Kubernetes' own API groups have no images outside the kinds
            // above (a CustomResourceDefinition's schema has `image`
            // properties that are not images).
            if group.hasSuffix(".k8s.io") || group == "policy" || group == "autoscaling" { return }
            search(node, base, depth: depth)
        }
    }

    /// Built-in kinds of the core, `apps` and `batch` groups that hold no
    /// container (their data are strings, never searched anyway).
    static let builtinKindsWithoutImages: Set<String> = [
        "Service", "ConfigMap", "Secret", "Namespace", "ServiceAccount", "Endpoints", "PersistentVolume",
        "PersistentVolumeClaim", "LimitRange", "ResourceQuota", "Event", "Node", "Binding", "ComponentStatus",
        "ControllerRevision", "Ingress", "NetworkPolicy", "PodSecurityPolicy",
    ]

    /// The API group of `apiVersion` (`apps/v1` → `apps`; `v1` → ``).
    static func group(of apiVersion: String) -> String {
        guard let slash = apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(apiVersion[..<slash])
    }

    // MARK: Pod specs and containers

    /// A `PodSpec`: containers, init and ephemeral containers, image volumes.
    mutating func podSpec(_ node: YAMLNode?, _ base: OccurrenceContext, blankIsEmpty: Bool = false) {
        guard let node, let spec = node.mapping, collector.spend(at: node) else { return }
        // In written order: an anchored container is then reported with
        // the context of the place it is written.
        for pair in spec {
            guard let key = pair.key.scalar else { continue }
            if key.hasValue("containers") {
                containers(pair.value, type: "container", base, blankIsEmpty: blankIsEmpty)
            } else if key.hasValue("initContainers") {
                containers(pair.value, type: "initContainer", base, blankIsEmpty: blankIsEmpty)
            } else if key.hasValue("ephemeralContainers") {
                containers(pair.value, type: "ephemeralContainer", base, blankIsEmpty: blankIsEmpty)
            } else if key.hasValue("volumes") {
                for volume in pair.value.items {
                    guard let reference = volume["image"]?["reference"] else { continue }
                    var context = base
                    context.container = volume["name"]?.scalar?.value
                    context.containerType = "imageVolume"
                    image(reference, context, what: "image volume")
                }
            }
        }
    }

    /// Every container of a list.
    mutating func containers(_ list: YAMLNode?, type: String, _ base: OccurrenceContext, blankIsEmpty: Bool = false) {
        guard let list = list?.sequence else { return }
        for item in list { container(item, type: type, base, blankIsEmpty: blankIsEmpty) }
    }

    /// One container-like mapping with an `image` key.
    mutating func container(
        _ node: YAMLNode?, type: String, _ base: OccurrenceContext, fallbackName: String? = nil, blankIsEmpty: Bool = false
    ) {
        guard let node, let container = node.mapping, collector.spend(at: node), let imageNode = container["image"] else { return }
        var context = base
        context.container = container["name"]?.scalar?.value ?? fallbackName
        context.containerType = type
        if blankIsEmpty, let scalar = imageNode.scalar, scalar.valueBytes.allSatisfy({ $0 == UInt8(ascii: " ") }) {
            // OpenShift: a blank image is filled in by an ImageChange trigger.
            return
        }
        image(imageNode, context, what: type)
    }

    /// The template expression a non-scalar value is when its text is one
    /// `{{ … }}` (YAML reads `{{ .Values.image }}` as nested flow mappings).
    static func templateExpression(_ node: YAMLNode) -> ForeignPlaceholder? {
        guard node.kind == .mapping, node.span.count < 4096 else { return nil }
        let text = node.sourceText
        let found = ForeignPlaceholder.scan(text)
        guard found.count == 1, let only = found.first, only.syntax == .doubleBrace, only.range == 0..<text.utf8.count else { return nil }
        return only
    }

    /// Records an image value and reports a value that cannot be one.
    mutating func image(_ node: YAMLNode, _ context: OccurrenceContext, role: ImageRole = .pull, what: String) {
        let scope = tektonScope
        let outcome = collector.add(node, source: .kubernetes, role: role, context: context) { text in
            scope.isEmpty ? ImageTextSubstitution.placeholdersUnresolved(text) : scope.substitute(text)
        }
        let subject = context.container.map { "\(what) '\($0)'" } ?? what
        switch outcome {
        case .recorded: break
        case .empty:
            guard reportsShapes else { return }
            collector.diagnostics.append(Diagnostic(
                severity: .note, code: "kubernetes-empty-image",
                message: "\(subject) has an empty image; something else must fill it in before it can run",
                location: node.location))
        case .notAString:
            if let placeholder = Self.templateExpression(node) {
                // `image: {{ .Values.image }}` reads as a flow mapping: a
                // Helm template that escaped detection.
                collector.addUnresolved(node, source: .kubernetes, name: placeholder.name, role: role, context: context)
                return
            }
            guard reportsShapes else { return }
            collector.diagnostics.append(Diagnostic(
                severity: .warning, code: "kubernetes-image-not-string",
                message: "\(subject): image must be a string", location: node.location))
        }
    }
}
