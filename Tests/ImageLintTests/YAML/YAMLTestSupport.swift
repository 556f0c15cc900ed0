@testable import ImageLint

/// YAML text with the expected span marked by `«` and `»`; the markers are
/// removed and their byte offsets kept.
struct MarkedText: Sendable {
    let bytes: [UInt8]
    let spans: [SourceSpan]

    init(_ text: String) {
        var bytes: [UInt8] = []
        var spans: [SourceSpan] = []
        var start = -1
        for scalar in text.unicodeScalars {
            if scalar == "«" {
                start = bytes.count
            } else if scalar == "»" {
                spans.append(SourceSpan(start: start, end: bytes.count))
            } else {
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        self.bytes = bytes
        self.spans = spans
    }

    var span: SourceSpan { spans.first ?? SourceSpan(at: -1) }
}

/// A step of a path into a document: a mapping key (its value), the key
/// node itself, or a sequence item.
enum YAMLPathStep: Sendable, CustomStringConvertible {
    case value(String)
    case key(String)
    case item(Int)

    var description: String {
        switch self {
        case .value(let k): k
        case .key(let k): "key(\(k))"
        case .item(let i): "[\(i)]"
        }
    }
}

extension YAMLDocument {
    func node(at path: [YAMLPathStep]) -> YAMLNode? {
        var node = root
        for step in path {
            switch step {
            case .value(let key): node = node?.mapping?[key]
            case .key(let key): node = node?.mapping?.pair(forKey: key)?.key
            case .item(let i): node = node?.sequence?[i]
            }
        }
        return node
    }
}

extension YAMLStream {
    /// Every node of every document, as written, in stream order.
    var allNodes: [YAMLNode] {
        guard let document = documents.first ?? partialDocument else { return [] }
        return (0..<document.storage.records.count).compactMap { document.node(id: $0) }
    }

    var codes: [String] { diagnostics.map(\.code) }
}

func read(_ text: String, limits: YAMLLimits = .default) -> YAMLStream {
    YAMLReader.read(SourceFile(path: "test.yaml", text: text), limits: limits)
}

func read(bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLStream {
    YAMLReader.read(SourceFile(path: "test.yaml", bytes: bytes), limits: limits)
}
