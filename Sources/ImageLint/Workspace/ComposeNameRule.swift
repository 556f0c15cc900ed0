/// Compose files by name (formats.md §2.1): `compose.yaml`, `compose.yml`,
/// `docker-compose.yml`, `docker-compose.yaml`, their `.override` variants,
/// and the names people pass with `-f`: `compose.<x>.yaml`,
/// `compose-<x>.yaml`, `docker-compose.<x>.yml`, `docker-compose-<x>.yml`,
/// `<x>-compose.yml` (any case, `.yml` or `.yaml`). Not under
/// `.github/workflows/`, where every YAML file is a workflow.
public struct ComposeNameRule: FileNameRule {
    public init() {}

    public func kind(path: String, fileName: String) -> FileKind? {
        guard let stem = yamlStem(fileName) else { return nil }
        if PathText.hasPrefix(path, ".github/workflows/") || PathText.contains(path, "/.github/workflows/") { return nil }
        if stem == "compose" || stem == "docker-compose" { return .compose }
        if PathText.hasPrefix(stem, "compose.") || PathText.hasPrefix(stem, "compose-") || PathText.hasPrefix(stem, "docker-compose.")
            || PathText.hasPrefix(stem, "docker-compose-") || PathText.hasPrefix(stem, "docker-compose_") {
            return .compose
        }
        if PathText.hasSuffix(stem, "-compose") || PathText.hasSuffix(stem, "_compose") || PathText.hasSuffix(stem, ".compose") {
            return .compose
        }
        return nil
    }
}

/// A YAML file with a top-level `services` mapping and none of the keys of
/// other kinds that also have `services` (CI pipelines: `jobs`,
/// `pipelines`, `steps`, `stages`; Kubernetes and Drone: `apiVersion`,
/// `kind`) is a compose file (formats.md §2.1, content fallback; files
/// reached through `extends.file` or `include` have any name).
public struct ComposeContentRule: FileContentRule {
    public init() {}

    public var detectedKind: FileKind? { .compose }

    public func kind(path: String, content: [UInt8]) -> FileKind? {
        guard yamlStem(String(PathText.fileName(path))) != nil else { return nil }
        let keys = YAMLTopLevelKeys(content, keys: Self.keys)
        guard let services = keys.entry("services"), services.holdsMapping else { return nil }
        for other in Self.keys.dropFirst() where keys.entry(other) != nil {
            return nil
        }
        return .compose
    }

    /// `services`, then the keys of other kinds that rule compose out.
    static let keys = ["services", "jobs", "pipelines", "steps", "stages", "apiVersion", "kind"]
}
