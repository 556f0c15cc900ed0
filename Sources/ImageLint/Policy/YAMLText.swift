/// Writes values as YAML text, for the effective policy `policy check`
/// prints and for rule examples turned into policies.
enum YAMLText {
    /// A scalar, plain when that reads back as the same string, otherwise
    /// double-quoted.
    static func scalar(_ value: String) -> String {
        isPlainSafe(value) ? value : quoted(value)
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-x`, `?x`, `:x` are plain when a non-blank follows, but keep it simple.
            return false
        }
        if value.contains(": ") || value.contains(" #") || value.hasSuffix(":") { return false }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        return YAMLCoreType.resolve(value) == .string
    }

    /// A node as block-style YAML lines indented by `indent` spaces
    /// (collections; a scalar gives one line).
    static func lines(_ node: YAMLNode, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        if let mapping = node.mapping {
            if mapping.isEmpty { return [pad + "{}"] }
            var out: [String] = []
            for pair in mapping {
                let key = scalar(pair.key.scalar?.value ?? "")
                out.append(contentsOf: entry(pad + key + ":", pair.value, indent: indent))
            }
            return out
        }
        if let sequence = node.sequence {
            if sequence.isEmpty { return [pad + "[]"] }
            var out: [String] = []
            for item in sequence {
                if item.mapping.map({ !$0.isEmpty }) ?? false {
                    // `- key: value` with the rest of the mapping under it.
                    var inner = lines(item, indent: indent + 2)
                    inner[0] = pad + "- " + inner[0].dropFirst(indent + 2)
                    out.append(contentsOf: inner)
                } else {
                    out.append(contentsOf: entry(pad + "-", item, indent: indent + 2))
                }
            }
            return out
        }
        return [pad + scalar(node.scalar?.value ?? "")]
    }

    /// `head value` on one line for a scalar or empty collection, else
    /// `head` followed by the collection's lines.
    static func entry(_ head: String, _ value: YAMLNode, indent: Int) -> [String] {
        if let scalarValue = value.scalar {
            return [head + " " + scalar(scalarValue.value)]
        }
        if value.mapping?.isEmpty ?? false { return [head + " {}"] }
        if value.sequence?.isEmpty ?? false { return [head + " []"] }
        let childIndent = value.sequence != nil ? indent + 2 : indent + 2
        return [head] + lines(value, indent: childIndent)
    }
}
