/// Loads a policy: reads the file and everything it extends, merges the
/// layers (later entries override earlier ones), and compiles the rules.
///
/// Pure apart from the `readFile` closure it is given, so tests load
/// policies from memory. Every problem is collected with its position; the
/// policy returned is still usable (broken parts are left out), so `check`
/// can report everything else before exiting with status 2.
public struct PolicyLoader: Sendable {
    public typealias ReadFile = @Sendable (_ absolutePath: String) -> [UInt8]?

    public struct Result: Sendable {
        public var policy: Policy
        public var problems: [PolicyProblem]
        /// The policy files read (presets included), for showing problem lines.
        public var files: [SourceFile]
    }

    let catalog: RuleCatalog
    let workingDirectory: String
    let readFile: ReadFile

    /// - Parameters:
    ///   - workingDirectory: absolute; relative policy paths are taken from here.
    ///   - readFile: returns a file's bytes, or nil when it cannot be read.
    public init(catalog: RuleCatalog = .builtIn, workingDirectory: String, readFile: @escaping ReadFile) {
        self.catalog = catalog
        self.workingDirectory = PolicyPath.normalize(workingDirectory)
        self.readFile = readFile
    }

    /// The names of the built-in presets (`recommended`, `strict`).
    public static var presetNames: [String] {
        EmbeddedPolicies.presets.map { String(PolicyPath.fileName($0.path).dropLast(".yaml".count)) }
    }

    static func presetFile(_ name: String) -> SourceFile? {
        EmbeddedPolicies.presets.first { $0.path == "policies/\(name).yaml" }
            .map { SourceFile(path: "preset:\(name)", text: $0.text) }
    }

    /// The embedded default policy (`recommended`), for runs without a policy file.
    public func loadDefault() -> Result {
        load(root: PolicyLoader.presetFile("recommended") ?? SourceFile(path: "preset:recommended", text: ""), directory: workingDirectory, isPreset: true)
    }

    /// Loads the policy file at `path` (as the user wrote it; shown in messages).
    public func load(path: String) -> Result {
        let absolute = PolicyPath.absolute(path, from: workingDirectory)
        guard let bytes = readFile(absolute) else {
            // Still check with the default rules, then fail with status 2.
            var result = loadDefault()
            let file = SourceFile(path: path, text: "")
            result.problems.insert(PolicyProblem(location: file.location(SourceSpan(at: 0)), message: "cannot read the policy file"), at: 0)
            return result
        }
        return load(root: SourceFile(path: path, bytes: bytes), directory: PolicyPath.directory(of: absolute), isPreset: false)
    }

    /// Loads a policy from text (an editor buffer, a test).
    public func load(file: SourceFile) -> Result {
        let absolute = PolicyPath.absolute(file.path, from: workingDirectory)
        return load(root: file, directory: PolicyPath.directory(of: absolute), isPreset: false)
    }

    private func load(root: SourceFile, directory: String, isPreset: Bool) -> Result {
        var state = LoadState(baseDirectories: [directory])
        var reader = PolicyNodeReader()
        reader.absorb(catalog.problems)
        collect(root, directory: directory, identity: isPreset ? root.path : PolicyPath.absolute(root.path, from: workingDirectory),
                isPreset: isPreset, stack: [], state: &state, reader: &reader)
        let policy = compile(state, rootPath: isPreset ? nil : root.path, reader: &reader)
        // Files in the order they were read, each file's problems by position.
        let fileOrder = Dictionary(state.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        let problems = reader.problems.enumerated().sorted { lhs, rhs in
            let left = (fileOrder[lhs.element.location.path] ?? Int.max, lhs.element.location.span.start, lhs.offset)
            let right = (fileOrder[rhs.element.location.path] ?? Int.max, rhs.element.location.span.start, rhs.offset)
            return left < right
        }.map(\.element)
        return Result(policy: policy, problems: problems, files: state.files)
    }

    private struct LoadState {
        var layers: [PolicyLayer] = []
        var files: [SourceFile] = []
        var baseDirectories: [String]
        /// Identities (absolute paths or `preset:name`) already merged.
        var loaded: Set<String> = []
    }

    /// Depth-first: what a file extends comes before the file itself.
    private func collect(
        _ file: SourceFile, directory: String, identity: String, isPreset: Bool,
        stack: [(identity: String, display: String)], state: inout LoadState, reader: inout PolicyNodeReader
    ) {
        state.loaded.insert(identity)
        let base: Int
        if isPreset {
            base = 0
        } else if let index = state.baseDirectories.firstIndex(of: directory) {
            base = index
        } else {
            state.baseDirectories.append(directory)
            base = state.baseDirectories.count - 1
        }
        let layer = PolicyLayer.read(file, base: base, catalog: catalog, into: &reader)
        let chain = stack + [(identity, file.path)]
        // A policy without `extends` builds on `recommended`.
        let entries: [(name: String, node: YAMLScalar?)] = layer.extends.map { $0.map { ($0.value, $0) } } ?? (isPreset ? [] : [("recommended", nil)])
        for (name, node) in entries {
            let isPresetName = !name.contains("/") && !name.hasSuffix(".yaml") && !name.hasSuffix(".yml")
            let target: (file: SourceFile, directory: String, identity: String)
            if isPresetName {
                guard let preset = PolicyLoader.presetFile(name) else {
                    if let node {
                        reader.report(node.node, "unknown preset '\(name)'\(DidYouMean.hint(for: name, among: PolicyLoader.presetNames)); presets are \(PolicyNodeReader.list(PolicyLoader.presetNames)), files are written as paths (./\(name).yaml)")
                    }
                    continue
                }
                target = (preset, directory, "preset:\(name)")
            } else {
                let absolute = PolicyPath.absolute(name, from: directory)
                let display = PolicyPath.display(absolute, from: workingDirectory)
                if chain.contains(where: { $0.identity == absolute }) {
                    let cycle = (chain.drop { $0.identity != absolute }.map(\.display) + [display]).joined(separator: " → ")
                    if let node { reader.report(node.node, "'extends' forms a cycle: \(cycle)") }
                    continue
                }
                guard let bytes = readFile(absolute) else {
                    if let node { reader.report(node.node, "cannot read '\(name)' (looked for \(display))") }
                    continue
                }
                target = (SourceFile(path: display, bytes: bytes), PolicyPath.directory(of: absolute), absolute)
            }
            if chain.contains(where: { $0.identity == target.identity }) {
                if let node { reader.report(node.node, "'extends' forms a cycle: \((chain.map(\.display) + [name]).joined(separator: " → "))") }
                continue
            }
            // Extending the same file twice (a diamond) merges it once.
            if state.loaded.contains(target.identity) { continue }
            collect(target.file, directory: target.directory, identity: target.identity, isPreset: isPresetName,
                    stack: chain, state: &state, reader: &reader)
        }
        state.layers.append(layer)
        state.files.append(file)
    }

    private func compile(_ state: LoadState, rootPath: String?, reader: inout PolicyNodeReader) -> Policy {
        var policy = Policy(path: rootPath, sources: state.files.map(\.path), baseDirectories: state.baseDirectories)
        var settings: [String: PolicyLayer.RuleSetting] = [:]
        var customRules: [PolicyLayer.CustomRuleSpec] = []
        var exceptionSpecs: [PolicyLayer.ExceptionSpec] = []
        var variables: [String: String] = [:]
        for layer in state.layers {
            if let failOn = layer.failOn { policy.failOn = failOn }
            if let include = layer.include { policy.include = [include] }
            if let exclude = layer.exclude { policy.exclude.append(exclude) }
            for (name, value) in layer.variables { variables[name] = value }
            for (id, setting) in layer.rules {
                settings[id] = settings[id].map { $0.overridden(by: setting) } ?? setting
            }
            for rule in layer.customRules {
                customRules.removeAll { $0.id == rule.id }
                customRules.append(rule)
            }
            exceptionSpecs.append(contentsOf: layer.exceptions)
        }
        policy.variables = variables

        for declaration in catalog.declarations {
            guard let setting = settings[declaration.id] else { continue }
            let level = setting.level ?? .on(declaration.severity)
            guard case .on(let severity) = level else { continue }
            if let check = RuleCompiler(declaration: declaration, setting: setting).compile(into: &reader) {
                var rule = ActiveRule(
                    id: declaration.id, severity: severity, scope: setting.files,
                    roles: setting.roles ?? Set(declaration.roles), check: check
                )
                rule.options = declaration.options.compactMap { option in setting.options[option.name].map { (option.name, $0) } }
                policy.rules.append(rule)
            }
        }
        for rule in customRules {
            guard case .on(let severity) = rule.level else { continue }
            let roles: Set<ImageRole> = rule.mentionsRole
                ? [.pull, .buildSource, .buildOutput, .frontend, .artifact]
                : [.pull, .buildSource]
            var active = ActiveRule(
                id: rule.id, severity: severity, scope: rule.scope, roles: roles,
                check: .conditions(ConditionCheck(match: rule.match, unless: rule.unless, message: rule.message))
            )
            active.definition = rule.definition
            policy.rules.append(active)
        }

        policy.knownRules = Set(catalog.ids + customRules.map(\.id) + RuleCatalog.pseudoRules)
        for spec in exceptionSpecs {
            var broken = false
            for rule in spec.rules where !policy.knownRules.contains(rule.value) {
                reader.report(rule.node, "unknown rule '\(rule.value)'\(DidYouMean.hint(for: rule.value, among: policy.knownRules.sorted()))")
                broken = true
            }
            guard !broken else { continue }
            var exception = PolicyException(
                rules: Set(spec.rules.map(\.value)), images: spec.images, files: spec.files,
                reason: spec.reason, expires: spec.expires, location: spec.location
            )
            exception.definition = spec.definition
            policy.exceptions.append(exception)
        }
        return policy
    }
}
