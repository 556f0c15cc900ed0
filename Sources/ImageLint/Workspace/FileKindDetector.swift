/// Recognises a kind from a file's path alone (cheap; used while walking).
public protocol FileNameRule: Sendable {
    /// The kind of the file at `path` (relative, `/`-separated) whose last
    /// component is `fileName`, or nil when this rule does not know it.
    func kind(path: String, fileName: String) -> FileKind?
}

/// Recognises a kind from a file's path and the files around it (a Helm
/// values file is one only inside a chart, next to a `Chart.yaml`).
public protocol FileNeighbourRule: Sendable {
    /// The kind of the file at `systemPath` (as the file system sees it)
    /// whose last component is `fileName`; `fileExists` answers for other
    /// paths of the same form.
    func kind(systemPath: String, fileName: String, fileExists: (String) -> Bool) -> FileKind?
}

/// Recognises a kind from a file's content (for files whose name says
/// nothing: named on the command line, or YAML that needs a look inside).
public protocol FileContentRule: Sendable {
    func kind(path: String, content: [UInt8]) -> FileKind?
    /// Whether a file at `path` could be of this rule's kind at all, so a
    /// walk reads only those files (default: YAML and JSON names).
    func mightMatch(path: String) -> Bool
    /// The kind this rule recognises, when it is always the same one (a walk
    /// limited by `--kind` skips rules of other kinds); nil: any.
    var detectedKind: FileKind? { get }
}

extension FileContentRule {
    public var detectedKind: FileKind? { nil }

    public func mightMatch(path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".json")
            || path.hasSuffix(".YAML") || path.hasSuffix(".YML") || path.hasSuffix(".JSON")
    }
}

/// Decides what kind of file a path is: by name (and neighbours) first,
/// then by content.
public struct FileKindDetector: Sendable {
    public var nameRules: [any FileNameRule]
    public var neighbourRules: [any FileNeighbourRule]
    /// Content rules consulted while walking folders (for kinds whose files
    /// have no telling name, such as Kubernetes manifests). Order matters:
    /// the first rule that knows a file decides.
    public var walkContentRules: [any FileContentRule]
    /// Content rules consulted only for files named explicitly.
    public var explicitContentRules: [any FileContentRule]
    /// Whether a regular file exists at a path (neighbour rules ask it).
    public var fileExists: @Sendable (String) -> Bool

    public static let standardNameRules: [any FileNameRule] = [
        DockerfileNameRule(), KustomizeNameRule(), ComposeNameRule(), GitHubActionsNameRule(), GitLabCINameRule(),
    ]
    public static let standardNeighbourRules: [any FileNeighbourRule] = [HelmValuesRule()]
    /// Kustomize before Kubernetes (a kustomization has `apiVersion` and
    /// `kind` too); the CI rules parse, so they come last.
    public static let standardWalkContentRules: [any FileContentRule] = [
        KustomizeContentRule(), KubernetesContentRule(), ComposeContentRule(), GitHubActionsContentRule(), GitLabCIContentRule(),
    ]
    public static let standardExplicitContentRules: [any FileContentRule] = [DockerfileContentRule()]

    public init(
        nameRules: [any FileNameRule] = FileKindDetector.standardNameRules,
        neighbourRules: [any FileNeighbourRule] = FileKindDetector.standardNeighbourRules,
        walkContentRules: [any FileContentRule] = FileKindDetector.standardWalkContentRules,
        explicitContentRules: [any FileContentRule] = FileKindDetector.standardExplicitContentRules,
        fileExists: @escaping @Sendable (String) -> Bool = { (try? FileSystem.type(of: $0)) == .file }
    ) {
        self.nameRules = nameRules
        self.neighbourRules = neighbourRules
        self.walkContentRules = walkContentRules
        self.explicitContentRules = explicitContentRules
        self.fileExists = fileExists
    }

    /// The kind told by the path alone (and, when `systemPath` is given or
    /// `path` itself can be opened, the files next to it).
    public func kind(forPath path: String, systemPath: String? = nil) -> FileKind? {
        let fileName = String(PathText.fileName(path))
        // A chart's templates are Go templates whatever their names.
        if PathText.contains(systemPath ?? path, "templates/"), isExcluded(systemPath: systemPath ?? path) { return nil }
        for rule in nameRules {
            if let kind = rule.kind(path: path, fileName: fileName) { return kind }
        }
        for rule in neighbourRules {
            if let kind = rule.kind(systemPath: systemPath ?? path, fileName: fileName, fileExists: fileExists) { return kind }
        }
        return nil
    }

    /// Whether a file must never be read as any kind by content: a Helm
    /// chart's templates (Go templates, not YAML).
    public func isExcluded(systemPath: String, content: [UInt8]? = nil) -> Bool {
        HelmValuesRule.isChartTemplate(systemPath: systemPath, content: content, fileExists: fileExists)
    }

    /// Whether a walk must read the file at `path` to decide (some content
    /// rule may know it; with `forced`, one that may give that kind).
    public func needsContent(forPath path: String, forced: FileKind? = nil) -> Bool {
        walkContentRules.contains { rule in
            rule.mightMatch(path: path) && (forced == nil || rule.detectedKind == nil || rule.detectedKind == forced)
        }
    }

    /// Whether a walk must read some files to decide.
    public var needsContentWhileWalking: Bool { !walkContentRules.isEmpty }

    /// The kind of a file met while walking: its name, else its content.
    public func kind(forWalkedPath path: String, systemPath: String? = nil, content: [UInt8]) -> FileKind? {
        if let kind = kind(forPath: path, systemPath: systemPath) { return kind }
        return kind(byContentOf: path, systemPath: systemPath, content: content, explicit: false)
    }

    /// The kind of a file named explicitly: its name, else any content rule.
    public func kind(forExplicitPath path: String, systemPath: String? = nil, content: [UInt8]) -> FileKind? {
        if let kind = kind(forPath: path, systemPath: systemPath) { return kind }
        return kind(byContentOf: path, systemPath: systemPath, content: content, explicit: true)
    }

    /// The kind by content alone, for a file whose name already decided
    /// nothing (``kind(forPath:systemPath:)`` gave nil, as it did for a
    /// ``WorkspaceFile`` whose `kind` is nil): the walk's content rules,
    /// then, for a file named explicitly, the explicit ones.
    public func kind(byContentOf path: String, systemPath: String? = nil, content: [UInt8], explicit: Bool) -> FileKind? {
        if isExcluded(systemPath: systemPath ?? path, content: content) { return nil }
        for rule in walkContentRules where rule.mightMatch(path: path) {
            if let kind = rule.kind(path: path, content: content) { return kind }
        }
        guard explicit else { return nil }
        for rule in explicitContentRules {
            if let kind = rule.kind(path: path, content: content) { return kind }
        }
        return nil
    }
}
