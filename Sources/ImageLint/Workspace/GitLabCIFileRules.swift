/// GitLab CI files by name: `.gitlab-ci.yml` and its variants, files under
/// `.gitlab/ci/` or `.gitlab-ci/` (see ``GitLabCIExtractor/claims(path:)``).
public struct GitLabCINameRule: FileNameRule {
    public init() {}

    public func kind(path: String, fileName: String) -> FileKind? {
        GitLabCIExtractor.claims(path: path) ? .gitlabCI : nil
    }
}

/// A YAML file whose name says nothing is a GitLab CI file when a top-level
/// mapping is a job with `script` (formats.md 4.2); a byte look for an
/// indented `script:` first, then a parse.
public struct GitLabCIContentRule: FileContentRule {
    public init() {}

    public var detectedKind: FileKind? { .gitlabCI }

    public func mightMatch(path: String) -> Bool { YAMLFileName.isYAML(path) }

    public func kind(path: String, content: [UInt8]) -> FileKind? {
        guard YAMLFileName.hasLine(content, startingWith: "script:", indented: true) else { return nil }
        let stream = YAMLReader.read(SourceFile(path: path, bytes: content))
        return GitLabCIExtractor.recognizes(stream) ? .gitlabCI : nil
    }
}
