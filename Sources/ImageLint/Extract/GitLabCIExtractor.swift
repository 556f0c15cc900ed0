/// Finds the images of GitLab CI files (formats.md 4.2): `image` and
/// `services` at the top level, under `default:`, and in every job (hidden
/// `.jobs` too, marked `hidden`), each a string or a mapping with `name`.
///
/// `$VAR` / `${VAR}` are expanded from `variables:` (see
/// ``GitLabVariableExpansion``); `!reference [.job, key, …]` is followed
/// within the file and the value reported where written, with the
/// reference as a related location (a target outside the file leaves the
/// occurrence unresolved); a component's `spec:` header document gives
/// the defaults of `$[[ inputs.x ]]`.
///
/// Diagnostics, besides the YAML reader's:
///
/// | code | severity | meaning |
/// |---|---|---|
/// | `gitlab-reference-too-deep` | warning | `!reference` chains deeper than GitLab's 10 levels |
public enum GitLabCIExtractor {
    /// Top-level keys that are not jobs.
    static let reservedKeys: Set<String> = [
        "default", "include", "stages", "variables", "workflow", "spec", "image", "services", "cache",
        "before_script", "after_script", "$schema", "types",
    ]

    /// GitLab follows `!reference` at most 10 levels deep.
    static let maxReferenceDepth = 10

    /// The images of the GitLab CI file in `stream` (the reader's
    /// diagnostics included).
    /// `limits.maxAliasExpansion` bounds the mappings visited through aliases.
    public static func extract(
        _ stream: YAMLStream, options: ExtractionOptions = ExtractionOptions(), limits: YAMLLimits = .default
    ) -> Extraction {
        var documents = stream.documents
        if let partial = stream.partialDocument { documents.append(partial) }
        var walk = GitLabCIWalk(file: stream.file, options: options, limits: limits)
        for document in documents {
            guard let root = document.root?.mapping else { continue }
            // A component's header document: `spec:` alone, then `---`.
            if let spec = root["spec"]?.mapping, root.count == 1 {
                walk.readInputs(spec)
                continue
            }
            walk.pipeline(root)
        }
        return walk.collector.extraction(readDiagnostics: stream.diagnostics)
    }

    /// Reads `file` as YAML and extracts its images.
    public static func extract(_ file: SourceFile, options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        extract(YAMLReader.read(file), options: options)
    }

    /// Whether `path` names a GitLab CI file: `.gitlab-ci.yml` and its
    /// variants (`.gitlab-ci-2.yml`, `child.gitlab-ci.yml`), and YAML files
    /// under a `.gitlab/ci/` or `.gitlab-ci/` folder.
    public static func claims(path: String) -> Bool {
        let name = PathText.fileName(path)
        guard PathText.hasSuffix(name, ".yml") || PathText.hasSuffix(name, ".yaml") else { return false }
        // gitlab-ci-local's own files (`.gitlab-ci-local-variables.yml`) are not pipelines.
        if PathText.hasPrefix(name, ".gitlab-ci-local") { return false }
        if PathText.hasPrefix(name, ".gitlab-ci") || PathText.hasSuffix(name, ".gitlab-ci.yml") || PathText.hasSuffix(name, ".gitlab-ci.yaml") {
            return true
        }
        let folders = PathText.folderPart(path)
        return PathText.hasComponents(folders, ".gitlab-ci") || PathText.hasComponents(folders, ".gitlab/ci")
    }

    /// Content detection: a top-level mapping with a job (a mapping with
    /// `script`, `trigger` or `extends`), or a component (`spec:` header
    /// document followed by jobs).
    public static func recognizes(_ stream: YAMLStream) -> Bool {
        for document in stream.documents {
            guard let root = document.root?.mapping else { continue }
            if root["spec"]?.mapping?["inputs"] != nil, root.count == 1 { continue }
            for pair in root {
                guard let job = pair.value.mapping, let key = pair.key.scalar?.value, !reservedKeys.contains(key) else { continue }
                if job["script"] != nil || job["trigger"] != nil { return true }
            }
            return false
        }
        return false
    }
}

/// The state of one GitLab CI extraction.
struct GitLabCIWalk {
    var collector: YAMLOccurrenceCollector
    let options: ExtractionOptions
    var inputs: [String: YAMLNode] = [:]
    /// The pipeline document's root, for `!reference` and `extends`.
    var root: YAMLMapping?
    var global = GitLabVariableExpansion.Table()

    init(file: SourceFile, options: ExtractionOptions, limits: YAMLLimits) {
        self.options = options
        collector = YAMLOccurrenceCollector(file: file, limits: limits)
        collector.reachesNodesTwice = true
    }

    /// `spec.inputs.<name>.default` of a component header.
    mutating func readInputs(_ spec: YAMLMapping) {
        guard let declared = spec["inputs"]?.mapping else { return }
        for pair in declared {
            guard let name = pair.key.scalar?.value, let value = pair.value.mapping?["default"], value.kind == .scalar else { continue }
            inputs[name] = value
        }
    }

    mutating func pipeline(_ root: YAMLMapping) {
        self.root = root
        global = GitLabVariableExpansion.Table(root["variables"])
        let topLevel = expansion(tables: [global])
        var context = OccurrenceContext()
        jobImages(root, context, topLevel)
        if let defaults = root["default"]?.mapping { jobImages(defaults, context, topLevel) }
        for pair in root {
            guard let name = pair.key.scalar?.value, !GitLabCIExtractor.reservedKeys.contains(name),
                  let job = pair.value.mapping, collector.spend(at: pair.value)
            else { continue }
            context.job = name
            context.hidden = name.hasPrefix(".") ? true : nil
            jobImages(job, context, expansion(tables: jobTables(job, depth: 0) + [global]))
        }
    }

    func expansion(tables: [GitLabVariableExpansion.Table]) -> GitLabVariableExpansion {
        GitLabVariableExpansion(options: options, tables: tables, inputs: inputs)
    }

    /// The `variables:` of a job and of the jobs it `extends` (later
    /// entries of an `extends` list win, so they come first).
    func jobTables(_ job: YAMLMapping, depth: Int) -> [GitLabVariableExpansion.Table] {
        var tables = [GitLabVariableExpansion.Table(job["variables"])]
        guard depth < GitLabCIExtractor.maxReferenceDepth, let root, let extends = job["extends"] else { return tables }
        var parents: [String] = []
        if let one = extends.scalar?.value { parents = [one] }
        for item in extends.items { if let name = item.scalar?.value { parents.append(name) } }
        for parent in parents.reversed() {
            if let parentJob = root[parent]?.mapping { tables += jobTables(parentJob, depth: depth + 1) }
        }
        return tables
    }

    /// The `image` and `services` of a job, `default:` or the top level.
    mutating func jobImages(_ job: YAMLMapping, _ context: OccurrenceContext, _ expansion: GitLabVariableExpansion) {
        if let image = job["image"] {
            var imageContext = context
            imageContext.containerType = "container"
            self.image(image, imageContext, expansion, via: nil, depth: 0)
        }
        if let services = job["services"] {
            var serviceContext = context
            serviceContext.containerType = "service"
            self.services(services, serviceContext, expansion, via: nil, depth: 0)
        }
    }

    /// An `image` value: a string, `{name: …}`, or a `!reference`.
    mutating func image(
        _ node: YAMLNode, _ context: OccurrenceContext, _ expansion: GitLabVariableExpansion, via: RelatedLocation?, depth: Int
    ) {
        if let (target, site) = follow(node, context, depth: depth) {
            image(target, context, expansion, via: via ?? site, depth: depth + 1)
            return
        }
        if node.isReference { return }
        if let name = node.mapping?["name"] {
            image(name, context, expansion, via: via, depth: depth)
            return
        }
        collector.add(node, source: .gitlabCI, context: context, related: via, substitute: expansion.substitute)
    }

    /// A `services` value: a list of strings or `{name, alias, …}`
    /// mappings, any of them (or the whole list) a `!reference`.
    mutating func services(
        _ node: YAMLNode, _ context: OccurrenceContext, _ expansion: GitLabVariableExpansion, via: RelatedLocation?, depth: Int
    ) {
        if let (target, site) = follow(node, context, depth: depth) {
            services(target, context, expansion, via: via ?? site, depth: depth + 1)
            return
        }
        if node.isReference { return }
        guard let list = node.sequence else {
            // A single service where a list belongs (through a reference).
            if node.kind != .sequence { service(node, context, expansion, via: via, depth: depth) }
            return
        }
        for item in list {
            guard collector.spend(at: item) else { return }
            if item.sequence != nil || item.isReference {
                // GitLab flattens nested lists that references produce.
                services(item, context, expansion, via: via, depth: depth + 1)
            } else {
                service(item, context, expansion, via: via, depth: depth)
            }
        }
    }

    private mutating func service(
        _ node: YAMLNode, _ context: OccurrenceContext, _ expansion: GitLabVariableExpansion, via: RelatedLocation?, depth: Int
    ) {
        var context = context
        if let alias = node.mapping?["alias"]?.scalar?.value { context.service = alias }
        image(node, context, expansion, via: via, depth: depth)
    }

    /// For a `!reference [...]` node: its target in this file and the
    /// related location of the reference. An unresolvable reference is
    /// recorded as an unresolved occurrence and gives nil.
    mutating func follow(_ node: YAMLNode, _ context: OccurrenceContext, depth: Int) -> (YAMLNode, RelatedLocation)? {
        guard node.isReference else { return nil }
        let site = RelatedLocation(location: node.location, message: "used here through !reference \(node.sourceText)")
        guard depth < GitLabCIExtractor.maxReferenceDepth else {
            collector.diagnostics.append(Diagnostic(
                severity: .warning, code: "gitlab-reference-too-deep",
                message: "!reference nested deeper than \(GitLabCIExtractor.maxReferenceDepth) levels; GitLab rejects it",
                location: node.location))
            return nil
        }
        if let target = resolve(node, depth: depth) { return (target, site) }
        collector.addUnresolved(node, source: .gitlabCI, name: "!reference \(node.sourceText)", context: context)
        return nil
    }

    /// The node a `!reference [.job, key, 0, …]` points at in this file.
    /// Every call spends from the collector's budget: chains of references
    /// could otherwise multiply.
    mutating func resolve(_ reference: YAMLNode, depth: Int) -> YAMLNode? {
        guard let root, depth < GitLabCIExtractor.maxReferenceDepth, reference.sequence?.isEmpty == false,
              collector.spend(at: reference)
        else { return nil }
        var current: YAMLNode? = root.node
        for (position, step) in reference.items.enumerated() {
            guard let key = step.scalar?.value, var node = current else { return nil }
            // A step through another reference (`.a: !reference [.b]`).
            if node.isReference {
                guard let next = resolve(node, depth: depth + 1) else { return nil }
                node = next
            }
            if let mapping = node.mapping {
                current = mapping[key]
            } else if position > 0, let sequence = node.sequence, let index = Int(key) {
                current = sequence[index]
            } else {
                return nil
            }
        }
        return current
    }
}

extension YAMLNode {
    /// Whether this is GitLab's `!reference [...]`.
    var isReference: Bool { tag == "!reference" && kind == .sequence }
}
