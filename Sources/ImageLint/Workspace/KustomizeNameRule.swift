/// Kustomizations by name (formats.md §3.5): exactly `kustomization.yaml`,
/// `kustomization.yml` or `Kustomization` (kustomize reads no other name).
public struct KustomizeNameRule: FileNameRule {
    public init() {}

    public func kind(path: String, fileName: String) -> FileKind? {
        switch fileName {
        case "kustomization.yaml", "kustomization.yml", "Kustomization": .kustomize
        default: nil
        }
    }
}

/// A YAML file whose top level says `kind: Kustomization` or
/// `kind: Component` with a `kustomize.config.k8s.io` apiVersion. Must be
/// consulted before a Kubernetes content rule (which would also accept it).
public struct KustomizeContentRule: FileContentRule {
    public init() {}

    public var detectedKind: FileKind? { .kustomize }

    public func kind(path: String, content: [UInt8]) -> FileKind? {
        let keys = YAMLTopLevelKeys(content, keys: ["kind", "apiVersion"])
        guard let kind = keys.entry("kind")?.inlineValue, kind == "Kustomization" || kind == "Component",
              let apiVersion = keys.entry("apiVersion")?.inlineValue, apiVersion.hasPrefix("kustomize.config.k8s.io/") else { return nil }
        return .kustomize
    }
}
