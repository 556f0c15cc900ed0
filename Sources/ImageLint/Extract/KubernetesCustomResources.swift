/// Where the common custom resources keep their images (formats.md 3.3).
extension KubernetesObjectWalk {
    // MARK: Argo (Workflows, Rollouts)

    mutating func argo(kind: String, object: YAMLMapping, spec: YAMLNode?, _ base: OccurrenceContext, depth: Int) {
        switch kind {
        case "Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate": argoWorkflowSpec(spec, base)
        case "CronWorkflow": argoWorkflowSpec(spec?["workflowSpec"], base)
        case "Rollout": podSpec(spec?["template"]?["spec"], base)
        case "Experiment":
            for template in YAMLItems(spec?["templates"]) {
                podSpec(template["template"]?["spec"], base)
            }
        case "AnalysisTemplate", "ClusterAnalysisTemplate", "AnalysisRun":
            for metric in YAMLItems(spec?["metrics"]) {
                podSpec(metric["provider"]?["job"]?["spec"]?["template"]?["spec"], base)
            }
        case "Application", "ApplicationSet", "AppProject":
            // Argo CD: sources and kustomize overrides, no containers.
            break
        default:
            search(object.node, base, depth: depth)
        }
    }

    /// A `WorkflowSpec`: its templates and the template defaults.
    mutating func argoWorkflowSpec(_ node: YAMLNode?, _ base: OccurrenceContext) {
        guard let node, let spec = node.mapping else { return }
        for template in spec["templates"].items { argoTemplate(template, base, depth: 0) }
        if let defaults = spec["templateDefaults"] { argoTemplate(defaults, base, depth: 0, name: "templateDefaults") }
        for plugin in spec["executorPlugins"].items {
            container(plugin["spec"]?["sidecar"]?["container"], type: "executorPlugin", base)
        }
    }

    /// One Argo template: its container, script, container set, init
    /// containers, sidecars, and the inline templates of its steps and DAG
    /// tasks.
    mutating func argoTemplate(_ node: YAMLNode, _ base: OccurrenceContext, depth: Int, name: String? = nil) {
        guard depth < Self.maxDepth, let template = node.mapping, collector.spend(at: node) else { return }
        let name = template["name"]?.scalar?.value ?? name
        container(template["container"], type: "container", base, fallbackName: name)
        container(template["script"], type: "script", base, fallbackName: name)
        containers(template["containerSet"]?["containers"], type: "container", base)
        containers(template["initContainers"], type: "initContainer", base)
        containers(template["sidecars"], type: "sidecar", base)
        for group in template["steps"].items {
            // `steps` is a list of parallel groups; accept a lone step too.
            if let parallel = group.sequence {
                for step in parallel { argoInline(step, base, depth: depth) }
            } else {
                argoInline(group, base, depth: depth)
            }
        }
        for task in YAMLItems(template["dag"]?["tasks"]) { argoInline(task, base, depth: depth) }
    }

    private mutating func argoInline(_ step: YAMLNode, _ base: OccurrenceContext, depth: Int) {
        guard let inline = step["inline"] else { return }
        argoTemplate(inline, base, depth: depth + 1, name: step["name"]?.scalar?.value)
    }

    // MARK: Tekton

    mutating func tekton(kind: String, spec: YAMLNode?, _ base: OccurrenceContext) {
        let saved = tektonScope
        defer { tektonScope = saved }
        switch kind {
        case "Task", "ClusterTask":
            tektonScope = TektonParameterScope(frames: [.defaults(spec?["params"])])
            tektonTaskSpec(spec, base)
        case "StepAction":
            tektonScope = TektonParameterScope(frames: [.defaults(spec?["params"])])
            var context = base
            context.container = base.name
            context.containerType = "step"
            if let image = spec?["image"] { self.image(image, context, what: "step action") }
        case "TaskRun":
            let taskSpec = spec?["taskSpec"]
            tektonScope = TektonParameterScope(frames: [.values(spec?["params"]), .defaults(taskSpec?["params"])])
            tektonBundle(spec?["taskRef"], base)
            tektonTaskSpec(taskSpec, base)
        case "Pipeline":
            tektonPipelineSpec(spec, base, outer: [.defaults(spec?["params"])])
        case "PipelineRun":
            let pipelineSpec = spec?["pipelineSpec"]
            tektonBundle(spec?["pipelineRef"], base)
            tektonPipelineSpec(pipelineSpec, base, outer: [.values(spec?["params"]), .defaults(pipelineSpec?["params"])])
        default:
            break
        }
    }

    /// A `TaskSpec`: steps, sidecars, the step template (with
    /// ``tektonScope`` set for its parameters).
    mutating func tektonTaskSpec(_ node: YAMLNode?, _ base: OccurrenceContext) {
        guard let node, let spec = node.mapping, collector.spend(at: node) else { return }
        containers(spec["steps"], type: "step", base)
        containers(spec["sidecars"], type: "sidecar", base)
        container(spec["stepTemplate"], type: "stepTemplate", base)
    }

    /// A `PipelineSpec`: the embedded task specs of `tasks` and `finally`,
    /// with parameters passed by the pipeline task, the task's defaults,
    /// then the pipeline's own (propagated) parameters.
    mutating func tektonPipelineSpec(_ node: YAMLNode?, _ base: OccurrenceContext, outer: [TektonParameterScope.Frame]) {
        guard let node, let spec = node.mapping else { return }
        for list in ["tasks", "finally"] {
            for task in spec[list].items {
                guard let pipelineTask = task.mapping, collector.spend(at: task) else { continue }
                tektonBundle(pipelineTask["taskRef"], base)
                guard let taskSpec = pipelineTask["taskSpec"] else { continue }
                // A passed value's own `$(params.x)` refers to the pipeline.
                let passed = TektonParameterScope.Frame.values(pipelineTask["params"], outer: 2)
                let defaults = TektonParameterScope.Frame.defaults(taskSpec["params"], outer: 2)
                tektonScope = TektonParameterScope(frames: [passed, defaults] + outer.map { $0.shifted(by: 2) })
                tektonTaskSpec(taskSpec, base)
            }
        }
    }

    /// A task or pipeline taken from an OCI bundle: `taskRef.bundle` (old)
    /// or the `bundles` resolver's `bundle` parameter; role `artifact`.
    mutating func tektonBundle(_ reference: YAMLNode?, _ base: OccurrenceContext) {
        guard let reference = reference?.mapping else { return }
        var context = base
        context.containerType = "bundle"
        if let bundle = reference["bundle"] {
            image(bundle, context, role: .artifact, what: "bundle")
            return
        }
        guard reference["resolver"]?.scalar?.hasValue("bundles") == true else { return }
        for parameter in reference["params"].items where parameter["name"]?.scalar?.hasValue("bundle") == true {
            if let value = parameter["value"] { image(value, context, role: .artifact, what: "bundle") }
        }
    }

    // MARK: OpenShift

    /// A `BuildConfig`: the strategy's `from` and the output `to`, when they
    /// name a `DockerImage` (an `ImageStreamTag` is not a registry reference).
    mutating func openShiftBuild(_ spec: YAMLNode?, _ base: OccurrenceContext) {
        guard let spec = spec?.mapping else { return }
        for strategy in ["dockerStrategy", "sourceStrategy", "customStrategy"] {
            openShiftImage(spec["strategy"]?[strategy]?["from"], base, type: "buildFrom", role: .pull)
        }
        openShiftImage(spec["output"]?["to"], base, type: "buildOutput", role: .buildOutput)
    }

    private mutating func openShiftImage(_ reference: YAMLNode?, _ base: OccurrenceContext, type: String, role: ImageRole) {
        guard let reference = reference?.mapping, reference["kind"]?.scalar?.hasValue("DockerImage") == true,
              let name = reference["name"]
        else { return }
        var context = base
        context.containerType = type
        image(name, context, role: role, what: type)
    }

    // MARK: Skaffold

    /// `build.artifacts[].image` of a Skaffold config and of its profiles:
    /// names Skaffold builds and tags (role `build-output`).
    mutating func skaffold(_ config: YAMLMapping, _ base: OccurrenceContext) {
        var context = base
        context.containerType = "artifact"
        var builds: [YAMLNode] = []
        if let build = config["build"] { builds.append(build) }
        for profile in config["profiles"].items { if let build = profile["build"] { builds.append(build) } }
        for build in builds {
            for artifact in YAMLItems(build["artifacts"]) {
                guard let image = artifact["image"] else { continue }
                self.image(image, context, role: .buildOutput, what: "artifact")
            }
        }
    }

    // MARK: Any other kind

    /// The generic search for kinds without a known layout, below the
    /// object `node`: a mapping with a `containers` list is a pod spec; a
    /// mapping with `image`, `name` and a container field is a container; a
    /// nested mapping with `apiVersion` and `kind` is an embedded object.
    /// The object's `metadata` (labels, annotations) is skipped.
    mutating func search(_ node: YAMLNode, _ base: OccurrenceContext, depth: Int) {
        guard let object = node.mapping else { return }
        for pair in object where pair.value.kind != .scalar && pair.key.scalar?.hasValue("metadata") != true {
            search(value: pair.value, base, depth: depth + 1)
        }
    }

    private mutating func search(value node: YAMLNode, _ base: OccurrenceContext, depth: Int) {
        guard depth < Self.maxDepth, !collector.isExhausted else { return }
        if let mapping = node.mapping {
            guard collector.spend(at: node) else { return }
            if KubernetesExtractor.isObject(node) {
                object(node, document: base.document ?? 0, depth: depth)
            } else if mapping["containers"]?.sequence != nil {
                podSpec(node, base)
            } else if Self.isContainerShaped(mapping) {
                container(node, type: "container", base)
            } else {
                for pair in mapping where pair.value.kind != .scalar { search(value: pair.value, base, depth: depth + 1) }
            }
        } else if let sequence = node.sequence {
            for item in sequence where item.kind != .scalar { search(value: item, base, depth: depth + 1) }
        }
    }

    static let containerFields = ["command", "args", "ports", "env", "resources", "imagePullPolicy", "volumeMounts"]

    /// `image` (a string) plus `name` plus any field only containers have.
    static func isContainerShaped(_ mapping: YAMLMapping) -> Bool {
        guard mapping["image"]?.kind == .scalar, mapping["name"] != nil else { return false }
        return containerFields.contains { mapping[$0] != nil }
    }
}
