/// GitHub Actions files by name: `.github/workflows/*.yml|yaml` (directly
/// in that folder) and `action.yml|yaml` anywhere.
public struct GitHubActionsNameRule: FileNameRule {
    public init() {}

    public func kind(path: String, fileName: String) -> FileKind? {
        GitHubActionsExtractor.claims(path: path) ? .githubActions : nil
    }
}

/// A YAML file whose name says nothing is a workflow when it has `on` and
/// jobs with `runs-on`/`steps`/`uses`, or action metadata when it has
/// `runs.using` (a byte look for `jobs:`/`runs:` first, then a parse).
public struct GitHubActionsContentRule: FileContentRule {
    public init() {}

    public var detectedKind: FileKind? { .githubActions }

    public func mightMatch(path: String) -> Bool { YAMLFileName.isYAML(path) }

    public func kind(path: String, content: [UInt8]) -> FileKind? {
        guard YAMLFileName.hasLine(content, startingWith: "jobs:") || YAMLFileName.hasLine(content, startingWith: "runs:") else {
            return nil
        }
        let stream = YAMLReader.read(SourceFile(path: path, bytes: content))
        return GitHubActionsExtractor.recognizes(stream) ? .githubActions : nil
    }
}
