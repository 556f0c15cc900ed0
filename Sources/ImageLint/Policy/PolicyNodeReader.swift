/// Typed reading of policy YAML nodes that records a positioned problem for
/// every wrong type or unknown key instead of stopping.
struct PolicyNodeReader {
    private(set) var problems: [PolicyProblem] = []

    mutating func report(_ node: YAMLNode, _ message: String) {
        problems.append(PolicyProblem(location: node.location, message: message))
    }

    mutating func report(at location: SourceLocation, _ message: String) {
        problems.append(PolicyProblem(location: location, message: message))
    }

    mutating func absorb(_ other: [PolicyProblem]) {
        problems.append(contentsOf: other)
    }

    /// Reports a problem at `offset` scalars into a scalar's value (a glob or
    /// regex error), mapped back to the file.
    mutating func report(_ scalar: YAMLScalar, scalarOffset: Int, _ message: String) {
        let value = scalar.value
        let byteOffset = value.unicodeScalars.prefix(scalarOffset).reduce(0) { $0 + String($1).utf8.count }
        let fileOffset = scalar.sourceOffset(forValueOffset: byteOffset) ?? scalar.span.start
        problems.append(PolicyProblem(location: scalar.node.storage.file.location(SourceSpan(at: fileOffset)), message: message))
    }

    /// What a node is, for messages: `a mapping`, `a list`, `a string`, …
    static func describe(_ node: YAMLNode) -> String {
        if node.mapping != nil { return "a mapping" }
        if node.sequence != nil { return "a list" }
        guard let scalar = node.scalar else { return "an alias" }
        switch scalar.coreType {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .float: return "a number"
        case .string: return "a string"
        }
    }

    mutating func mapping(_ node: YAMLNode, _ what: String) -> YAMLMapping? {
        if let mapping = node.mapping { return mapping }
        report(node, "\(what) must be a mapping, not \(Self.describe(node))")
        return nil
    }

    mutating func sequence(_ node: YAMLNode, _ what: String) -> YAMLSequence? {
        if let sequence = node.sequence { return sequence }
        report(node, "\(what) must be a list, not \(Self.describe(node))")
        return nil
    }

    /// A scalar read as text (numbers and booleans as written, so
    /// `BASE_TAG: 1.25` is "1.25"); nil, reported, for a collection or null.
    mutating func text(_ node: YAMLNode, _ what: String) -> YAMLScalar? {
        guard let scalar = node.scalar, scalar.coreType != .null || scalar.style != .plain else {
            report(node, "\(what) must be a string, not \(Self.describe(node))")
            return nil
        }
        return scalar
    }

    /// A string, not a number, boolean or null written plain.
    mutating func string(_ node: YAMLNode, _ what: String) -> YAMLScalar? {
        guard let scalar = node.scalar, scalar.coreType == .string else {
            report(node, "\(what) must be a string, not \(Self.describe(node))")
            return nil
        }
        return scalar
    }

    /// One string or a list of strings.
    mutating func strings(_ node: YAMLNode, _ what: String) -> [YAMLScalar]? {
        guard let sequence = node.sequence else {
            guard let scalar = node.scalar, scalar.coreType == .string else {
                report(node, "\(what) must be a string or a list of strings, not \(Self.describe(node))")
                return nil
            }
            return [scalar]
        }
        var result: [YAMLScalar] = []
        for item in sequence {
            if let scalar = text(item, "each entry of \(what)") { result.append(scalar) }
        }
        return result
    }

    /// One of `choices`, with a did-you-mean hint.
    mutating func keyword<T>(_ node: YAMLNode, _ what: String, _ choices: [(String, T)]) -> T? {
        let names = choices.map(\.0)
        guard let scalar = node.scalar, node.mapping == nil else {
            report(node, "\(what) must be one of \(Self.list(names)), not \(Self.describe(node))")
            return nil
        }
        let value = scalar.value
        if let match = choices.first(where: { $0.0 == value }) { return match.1 }
        report(node, "\(what) must be one of \(Self.list(names)), not '\(value)'\(DidYouMean.hint(for: value, among: names))")
        return nil
    }

    /// The pairs of a mapping whose keys are in `allowed`; every other key
    /// is reported with a did-you-mean hint.
    mutating func pairs(_ mapping: YAMLMapping, allowed: [String], in what: String, noun: String = "key", note: String = "") -> [(key: String, pair: YAMLPair)] {
        var result: [(key: String, pair: YAMLPair)] = []
        for pair in mapping {
            guard let key = pair.key.scalar?.value, pair.key.scalar != nil else {
                report(pair.key, "keys in \(what) must be strings")
                continue
            }
            guard allowed.contains(key) else {
                report(pair.key, "unknown \(noun) '\(key)' in \(what)\(DidYouMean.hint(for: key, among: allowed)); expected one of \(Self.list(allowed))\(note)")
                continue
            }
            result.append((key, pair))
        }
        return result
    }

    static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
