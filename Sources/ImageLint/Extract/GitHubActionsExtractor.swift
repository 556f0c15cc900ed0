/// Finds the images of GitHub Actions workflows and action metadata files
/// (formats.md 4.1).
///
/// Workflows: `jobs.<id>.container` (a string or `{image}`), the images of
/// `jobs.<id>.services.<id>`, and steps that run a container directly
/// (`uses: docker://…`, the prefix is not part of the span). Action
/// metadata (`action.yml`): `runs.image: docker://…` of a Docker action and
/// `runs.steps[].uses: docker://…` of a composite action.
///
/// Not images: `runs-on` labels, `uses: owner/repo@ref`, and `image:` keys
/// under a step's `with:` (inputs of an action). Expressions `${{ … }}` are
/// unresolved placeholders; `container: null` and an empty `container` or
/// service `image` mean "none".
public enum GitHubActionsExtractor {
    static let dockerScheme = "docker://"

    /// The images of the workflow or action metadata in `stream` (the
    /// reader's diagnostics included).
    /// `limits.maxAliasExpansion` bounds the mappings visited through aliases.
    public static func extract(
        _ stream: YAMLStream, options: ExtractionOptions = ExtractionOptions(), limits: YAMLLimits = .default
    ) -> Extraction {
        var collector = YAMLOccurrenceCollector(file: stream.file, limits: limits)
        var documents = stream.documents
        if let partial = stream.partialDocument { documents.append(partial) }
        for document in documents {
            guard let root = document.root?.mapping else { continue }
            if let jobs = root["jobs"]?.mapping { workflow(jobs, &collector) }
            if let runs = root["runs"]?.mapping { action(runs, &collector) }
        }
        return collector.extraction(readDiagnostics: stream.diagnostics)
    }

    /// Reads `file` as YAML and extracts its images.
    public static func extract(_ file: SourceFile, options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        extract(YAMLReader.read(file), options: options)
    }

    /// Whether `path` is a workflow (`.github/workflows/*.yml|yaml`, directly
    /// in that folder) or an action metadata file (`action.yml|yaml`).
    public static func claims(path: String) -> Bool {
        isWorkflowPath(path) || isActionMetadataPath(path)
    }

    static func isWorkflowPath(_ path: String) -> Bool {
        let name = PathText.fileName(path)
        guard PathText.hasSuffix(name, ".yml") || PathText.hasSuffix(name, ".yaml") else { return false }
        let folders = PathText.folderPart(path)
        return folders == ".github/workflows" || PathText.hasSuffix(folders, "/.github/workflows")
    }

    static func isActionMetadataPath(_ path: String) -> Bool {
        let name = PathText.fileName(path)
        return name == "action.yml" || name == "action.yaml"
    }

    /// Content detection: a mapping with `on` and a `jobs` mapping whose
    /// jobs have `runs-on`, `steps` or `uses`; or action metadata (`runs`
    /// with `using`, plus `name` or `description`).
    public static func recognizes(_ stream: YAMLStream) -> Bool {
        guard let root = (stream.documents.first ?? stream.partialDocument)?.root?.mapping else { return false }
        if let jobs = root["jobs"]?.mapping, root["on"] != nil {
            for pair in jobs {
                guard let job = pair.value.mapping else { continue }
                if job["runs-on"] != nil || job["steps"] != nil || job["uses"] != nil { return true }
            }
        }
        if let runs = root["runs"]?.mapping, runs["using"] != nil, root["name"] != nil || root["description"] != nil {
            return true
        }
        return false
    }

    // MARK: Workflows

    private static func workflow(_ jobs: YAMLMapping, _ collector: inout YAMLOccurrenceCollector) {
        for pair in jobs {
            guard let job = pair.value.mapping, collector.spend(at: pair.value) else { continue }
            var base = OccurrenceContext()
            base.job = pair.key.scalar?.value
            if let container = job["container"] {
                var context = base
                context.containerType = "container"
                if let image = container.mapping?["image"] {
                    collector.add(image, source: .githubActions, context: context)
                } else if container.kind == .scalar {
                    collector.add(container, source: .githubActions, context: context)
                }
            }
            if let services = job["services"]?.mapping {
                for service in services {
                    guard let image = service.value.mapping?["image"] else { continue }
                    var context = base
                    context.service = service.key.scalar?.value
                    context.containerType = "service"
                    collector.add(image, source: .githubActions, context: context)
                }
            }
            steps(job["steps"], base, &collector)
        }
    }

    /// `uses: docker://…` steps.
    private static func steps(_ steps: YAMLNode?, _ base: OccurrenceContext, _ collector: inout YAMLOccurrenceCollector) {
        var index = 0
        for step in YAMLItems(steps) {
            defer { index += 1 }
            guard let uses = step.mapping?["uses"], let prefix = dockerPrefixLength(uses) else { continue }
            var context = base
            context.step = index
            context.containerType = "step"
            collector.add(uses, source: .githubActions, prefixLength: prefix, context: context)
        }
    }

    /// The length of the `docker://` scheme when `node`'s value starts with it.
    private static func dockerPrefixLength(_ node: YAMLNode) -> Int? {
        guard let scalar = node.scalar else { return nil }
        let value = scalar.valueBytes
        let scheme = dockerScheme.utf8
        guard value.count >= scheme.count, value.prefix(scheme.count).elementsEqual(scheme) else { return nil }
        return scheme.count
    }

    // MARK: Action metadata

    private static func action(_ runs: YAMLMapping, _ collector: inout YAMLOccurrenceCollector) {
        if let image = runs["image"], let prefix = dockerPrefixLength(image) {
            // `image: Dockerfile` (a path) builds the action; only the
            // scheme names an image.
            var context = OccurrenceContext()
            context.containerType = "action"
            collector.add(image, source: .githubActions, prefixLength: prefix, context: context)
        }
        steps(runs["steps"], OccurrenceContext(), &collector)
    }
}
