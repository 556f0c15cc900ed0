/// Recognises a kind from a file's path alone (cheap; used while walking).
public protocol FileNameRule: Sendable {
    /// The kind of the file at `path` (relative, `/`-separated) whose last
    /// component is `fileName`, or nil when this rule does not know it.
    func kind(path: String, fileName: String) -> FileKind?
}

/// Recognises a kind from a file's content (for files whose name says
/// nothing: named on the command line, or YAML that needs a look inside).
public protocol FileContentRule: Sendable {
    func kind(path: String, content: [UInt8]) -> FileKind?
}

/// Decides what kind of file a path is: by name first, then by content.
public struct FileKindDetector: Sendable {
    public var nameRules: [any FileNameRule]
    /// Content rules consulted while walking folders (for kinds whose files
    /// have no telling name, such as Kubernetes manifests).
    public var walkContentRules: [any FileContentRule]
    /// Content rules consulted only for files named explicitly.
    public var explicitContentRules: [any FileContentRule]

    public static let standardNameRules: [any FileNameRule] = [DockerfileNameRule()]
    public static let standardWalkContentRules: [any FileContentRule] = []
    public static let standardExplicitContentRules: [any FileContentRule] = [DockerfileContentRule()]

    public init(
        nameRules: [any FileNameRule] = FileKindDetector.standardNameRules,
        walkContentRules: [any FileContentRule] = FileKindDetector.standardWalkContentRules,
        explicitContentRules: [any FileContentRule] = FileKindDetector.standardExplicitContentRules
    ) {
        self.nameRules = nameRules
        self.walkContentRules = walkContentRules
        self.explicitContentRules = explicitContentRules
    }

    /// The kind told by the path alone.
    public func kind(forPath path: String) -> FileKind? {
        let fileName = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        for rule in nameRules {
            if let kind = rule.kind(path: path, fileName: fileName) { return kind }
        }
        return nil
    }

    /// Whether a walk must read the file to decide (some content rule
    /// applies to files without a telling name).
    public var needsContentWhileWalking: Bool { !walkContentRules.isEmpty }

    /// The kind of a file met while walking: its name, else its content.
    public func kind(forWalkedPath path: String, content: [UInt8]) -> FileKind? {
        if let kind = kind(forPath: path) { return kind }
        for rule in walkContentRules {
            if let kind = rule.kind(path: path, content: content) { return kind }
        }
        return nil
    }

    /// The kind of a file named explicitly: its name, else any content rule.
    public func kind(forExplicitPath path: String, content: [UInt8]) -> FileKind? {
        if let kind = kind(forWalkedPath: path, content: content) { return kind }
        for rule in explicitContentRules {
            if let kind = rule.kind(path: path, content: content) { return kind }
        }
        return nil
    }
}
