/// A YAML or JSON file is a Kubernetes manifest when a document has
/// `apiVersion` and `kind` (formats.md 3.1), checked with a byte scan
/// (``KubernetesExtractor/looksLikeManifest(_:)``); the extractor reads
/// each document again. Helm chart templates (`templates/` files with
/// `{{`) are Go templates, not manifests.
public struct KubernetesContentRule: FileContentRule {
    public init() {}

    public var detectedKind: FileKind? { .kubernetes }

    public func kind(path: String, content: [UInt8]) -> FileKind? {
        guard KubernetesExtractor.looksLikeManifest(content) else { return nil }
        if Self.isHelmTemplate(path: path, content: content) { return nil }
        return .kubernetes
    }

    static func isHelmTemplate(path: String, content: [UInt8]) -> Bool {
        let folders = path.split(separator: "/").dropLast()
        guard folders.contains("templates") else { return false }
        return content.withUnsafeBufferPointer { b in
            guard b.count >= 2 else { return false }
            for i in 0..<(b.count - 1) where b[i] == UInt8(ascii: "{") && b[i + 1] == UInt8(ascii: "{") { return true }
            return false
        }
    }
}
