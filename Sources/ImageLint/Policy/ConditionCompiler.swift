/// Compiles `match:` / `unless:` YAML into a ``Condition``, reporting every
/// problem at its position (an unknown key with a did-you-mean hint, a glob
/// or regex error at the failing character).
struct ConditionCompiler {
    /// Option values a built-in rule's declaration refers to as `$name`;
    /// the values come from the user's policy (or the declared defaults), so
    /// a bad option value is reported where the user wrote it.
    var options: [String: YAMLNode] = [:]
    /// Whether `$name` scalars are option references (built-in declarations only).
    var allowsOptionReferences = false
    /// The base directory index for `files:` globs.
    var base: Int

    static let keys = [
        "registry", "repository", "image", "tag", "digest", "source", "role", "files",
        "stage", "kind", "namespace", "containerType", "qualified", "any", "all", "not",
    ]

    func compile(_ node: YAMLNode, _ what: String, into reader: inout PolicyNodeReader) -> Condition? {
        guard let mapping = reader.mapping(node, what) else { return nil }
        var parts: [Condition] = []
        var ok = true
        for (key, pair) in reader.pairs(mapping, allowed: Self.keys, in: what) {
            let value = substituted(pair.value, into: &reader)
            guard let value, let part = compile(key: key, value: value, into: &reader) else {
                ok = false
                continue
            }
            parts.append(part)
        }
        guard ok else { return nil }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    /// `$name` → the option's node.
    private func substituted(_ node: YAMLNode, into reader: inout PolicyNodeReader) -> YAMLNode? {
        guard allowsOptionReferences, let scalar = node.scalar, scalar.style == .plain else { return node }
        let value = scalar.value
        guard value.hasPrefix("$") else { return node }
        let name = String(value.dropFirst())
        guard let option = options[name] else {
            reader.report(node, "unknown option reference '\(value)'\(DidYouMean.hint(for: name, among: options.keys.sorted()))")
            return nil
        }
        return option
    }

    private func compile(key: String, value: YAMLNode, into reader: inout PolicyNodeReader) -> Condition? {
        switch key {
        case "registry":
            return patterns(value, "'registry'", into: &reader, RegistryPattern.init).map(Condition.registry)
        case "repository", "image":
            return patterns(value, "'\(key)'", into: &reader, ImagePattern.init).map(Condition.image)
        case "tag":
            return tag(value, into: &reader)
        case "digest":
            return reader.keyword(value, "'digest'", [("present", true), ("missing", false)]).map(Condition.digestPresent)
        case "source":
            return keywords(value, "'source'", SourceKind.allCases.map { ($0.rawValue, $0) }, into: &reader).map { .source(Set($0)) }
        case "role":
            let roles: [ImageRole] = [.pull, .buildSource, .buildOutput, .frontend, .artifact]
            return keywords(value, "'role'", roles.map { ($0.rawValue, $0) }, into: &reader).map { .role(Set($0)) }
        case "files":
            return globs(value, "'files'", into: &reader).map { .files(GlobSet(base: base, globs: $0)) }
        case "stage":
            return reader.keyword(value, "'stage'", [("final", true), ("builder", false)]).map(Condition.finalStage)
        case "kind":
            return reader.strings(value, "'kind'").map { .kind(Set($0.map(\.value))) }
        case "namespace":
            return globs(value, "'namespace'", into: &reader).map(Condition.namespace)
        case "containerType":
            return keywords(value, "'containerType'", Condition.ContainerType.allCases.map { ($0.rawValue, $0) }, into: &reader)
                .map { .containerType(Set($0)) }
        case "qualified":
            return reader.keyword(value, "'qualified'", [("true", true), ("false", false)]).map(Condition.qualified)
        case "any", "all":
            guard let sequence = reader.sequence(value, "'\(key)'") else { return nil }
            var parts: [Condition] = []
            var ok = true
            for item in sequence {
                if let part = compile(item, "each entry of '\(key)'", into: &reader) { parts.append(part) } else { ok = false }
            }
            guard ok else { return nil }
            return key == "any" ? .any(parts) : .all(parts)
        case "not":
            return compile(value, "'not'", into: &reader).map(Condition.not)
        default:
            return nil
        }
    }

    private func tag(_ value: YAMLNode, into reader: inout PolicyNodeReader) -> Condition? {
        if let mapping = value.mapping {
            let pairs = reader.pairs(mapping, allowed: ["regex"], in: "'tag'")
            guard pairs.count == 1, let pair = pairs.first else {
                if pairs.isEmpty, mapping.count == 0 { reader.report(value, "'tag' needs 'regex: <pattern>'") }
                return nil
            }
            guard let node = substituted(pair.pair.value, into: &reader),
                  let scalar = reader.text(node, "'regex'") else { return nil }
            return Self.regex(scalar, into: &reader).map(Condition.tagRegex)
        }
        if let scalar = value.scalar, scalar.style == .plain {
            switch scalar.value {
            case "missing": return .tagPresent(false)
            case "present": return .tagPresent(true)
            default: break
            }
        }
        return globs(value, "'tag'", into: &reader).map(Condition.tagGlobs)
    }

    static func regex(_ scalar: YAMLScalar, into reader: inout PolicyNodeReader) -> TagRegex? {
        do {
            return try TagRegex(scalar.value)
        } catch {
            reader.report(scalar, scalarOffset: error.offset, "invalid regex: \(error.message)")
            return nil
        }
    }

    func globs(_ value: YAMLNode, _ what: String, into reader: inout PolicyNodeReader) -> [Glob]? {
        patterns(value, what, into: &reader, Glob.init)
    }

    private func patterns<P>(
        _ value: YAMLNode, _ what: String, into reader: inout PolicyNodeReader,
        _ make: (String) throws(PatternSyntaxError) -> P
    ) -> [P]? {
        guard let scalars = reader.strings(value, what) else { return nil }
        var result: [P] = []
        var ok = true
        for scalar in scalars {
            do {
                result.append(try make(scalar.value))
            } catch {
                reader.report(scalar, scalarOffset: error.offset, "invalid pattern '\(scalar.value)': \(error.message)")
                ok = false
            }
        }
        return ok ? result : nil
    }

    private func keywords<T>(_ value: YAMLNode, _ what: String, _ choices: [(String, T)], into reader: inout PolicyNodeReader) -> [T]? {
        if let sequence = value.sequence {
            var result: [T] = []
            var ok = true
            for item in sequence {
                if let one = reader.keyword(item, "each entry of \(what)", choices) { result.append(one) } else { ok = false }
            }
            return ok ? result : nil
        }
        return reader.keyword(value, what, choices).map { [$0] }
    }
}
