/// One policy file as read, before merging with what it extends: settings
/// are type-checked here; rule options are compiled after the merge, since
/// a later layer may change them.
struct PolicyLayer {
    var file: SourceFile
    /// Index into the policy's base directories for this layer's globs.
    var base: Int
    /// `extends:` entries as written, or nil when the key is absent.
    var extends: [YAMLScalar]?
    var failOn: FailThreshold?
    var include: GlobSet?
    var exclude: GlobSet?
    var variables: [(name: String, value: String)] = []
    var rules: [(id: String, setting: RuleSetting)] = []
    var customRules: [CustomRuleSpec] = []
    var exceptions: [ExceptionSpec] = []

    static let keys = ["extends", "fail-on", "files", "variables", "rules", "custom-rules", "exceptions"]

    /// A rule's configuration in one layer.
    struct RuleSetting {
        var level: RuleLevel?
        var files: GlobSet?
        var roles: Set<ImageRole>?
        var options: [String: YAMLNode] = [:]
        /// The rule's key, where "needs option" problems point.
        var keyNode: YAMLNode

        /// `later` on top of `self`.
        func overridden(by later: RuleSetting) -> RuleSetting {
            var merged = self
            if let level = later.level { merged.level = level }
            if let files = later.files { merged.files = files }
            if let roles = later.roles { merged.roles = roles }
            merged.options.merge(later.options) { _, new in new }
            merged.keyNode = later.keyNode
            return merged
        }
    }

    struct CustomRuleSpec {
        var id: String
        var idNode: YAMLNode
        var level: RuleLevel
        var message: MessageTemplate
        var match: Condition
        var unless: Condition?
        var scope: GlobSet?
        var mentionsRole: Bool
        var definition: YAMLNode
    }

    struct ExceptionSpec {
        var rules: [YAMLScalar]
        var images: [ImagePattern]
        var files: GlobSet?
        var reason: String
        var expires: PolicyDate?
        var location: SourceLocation
        var definition: YAMLNode
    }

    static let roleChoices: [(String, ImageRole)] = [
        ("pull", .pull), ("build-source", .buildSource), ("build-output", .buildOutput), ("frontend", .frontend), ("artifact", .artifact),
    ]

    /// Reads `file`; every problem goes into `reader`.
    static func read(_ file: SourceFile, base: Int, catalog: RuleCatalog, into reader: inout PolicyNodeReader) -> PolicyLayer {
        var layer = PolicyLayer(file: file, base: base)
        let stream = YAMLReader.read(file)
        for diagnostic in stream.diagnostics where diagnostic.severity == .error {
            reader.report(at: diagnostic.location, diagnostic.message)
        }
        if stream.documents.count > 1 {
            reader.report(at: file.location(SourceSpan(at: stream.documents[1].span.start)), "a policy file holds one YAML document")
        }
        guard let root = stream.documents.first?.root, !root.isNull else { return layer }
        guard let mapping = reader.mapping(root, "a policy") else { return layer }
        for (key, pair) in reader.pairs(mapping, allowed: keys, in: "the policy") {
            let value = pair.value
            switch key {
            case "extends":
                if value.sequence?.isEmpty ?? false {
                    layer.extends = []
                } else {
                    layer.extends = reader.strings(value, "'extends'") ?? []
                }
            case "fail-on":
                layer.failOn = reader.keyword(value, "'fail-on'", FailThreshold.allCases.map { ($0.rawValue, $0) })
            case "files":
                layer.readFiles(value, into: &reader)
            case "variables":
                layer.readVariables(value, into: &reader)
            case "rules":
                layer.readRules(value, catalog: catalog, into: &reader)
            case "custom-rules":
                layer.readCustomRules(value, catalog: catalog, into: &reader)
            case "exceptions":
                layer.readExceptions(value, into: &reader)
            default:
                break
            }
        }
        return layer
    }

    private mutating func readFiles(_ node: YAMLNode, into reader: inout PolicyNodeReader) {
        guard let mapping = reader.mapping(node, "'files'") else { return }
        let compiler = ConditionCompiler(base: base)
        for (key, pair) in reader.pairs(mapping, allowed: ["include", "exclude"], in: "'files'") {
            let globs = compiler.globs(pair.value, "'files.\(key)'", into: &reader).map { GlobSet(base: base, globs: $0) }
            if key == "include" { include = globs } else { exclude = globs }
        }
    }

    private mutating func readVariables(_ node: YAMLNode, into reader: inout PolicyNodeReader) {
        guard let mapping = reader.mapping(node, "'variables'") else { return }
        for pair in mapping {
            guard let name = reader.string(pair.key, "a variable name")?.value else { continue }
            if let value = reader.text(pair.value, "the value of '\(name)'") {
                variables.append((name, value.value))
            }
        }
    }

    private mutating func readRules(_ node: YAMLNode, catalog: RuleCatalog, into reader: inout PolicyNodeReader) {
        guard let mapping = reader.mapping(node, "'rules'") else { return }
        for (id, pair) in reader.pairs(mapping, allowed: catalog.ids, in: "'rules'", noun: "rule", note: " (rules of your own go under 'custom-rules')") {
            guard let declaration = catalog.declaration(id) else { continue }
            var setting = RuleSetting(keyNode: pair.key)
            let value = pair.value
            if value.mapping == nil {
                setting.level = reader.keyword(value, "the level of '\(id)'", RuleLevel.keywords.map { ($0, RuleLevel(keyword: $0) ?? .off) })
                if setting.level == nil { continue }
            } else if let fields = value.mapping {
                let optionNames = declaration.options.map(\.name)
                for (key, field) in reader.pairs(fields, allowed: ["severity", "files", "roles"] + optionNames, in: "'\(id)'") {
                    switch key {
                    case "severity":
                        setting.level = reader.keyword(field.value, "'severity'", RuleLevel.keywords.map { ($0, RuleLevel(keyword: $0) ?? .off) })
                    case "files":
                        setting.files = ConditionCompiler(base: base).globs(field.value, "'files'", into: &reader)
                            .map { GlobSet(base: base, globs: $0) }
                    case "roles":
                        if let sequence = reader.sequence(field.value, "'roles'") {
                            var roles: Set<ImageRole> = []
                            for item in sequence {
                                if let role = reader.keyword(item, "each role", Self.roleChoices) { roles.insert(role) }
                            }
                            setting.roles = roles
                        }
                    default:
                        setting.options[key] = field.value
                    }
                }
            }
            rules.append((id, setting))
        }
    }

    private mutating func readCustomRules(_ node: YAMLNode, catalog: RuleCatalog, into reader: inout PolicyNodeReader) {
        guard let sequence = reader.sequence(node, "'custom-rules'") else { return }
        var seen: Set<String> = []
        for item in sequence {
            guard let fields = reader.mapping(item, "a custom rule") else { continue }
            let pairs = reader.pairs(fields, allowed: ["id", "severity", "message", "match", "unless", "files"], in: "a custom rule")
            var id: (String, YAMLNode)?
            var level: RuleLevel = .on(.error)
            var message: MessageTemplate?
            var match: Condition?
            var unless: Condition?
            var scope: GlobSet?
            var broken = false
            var mentionsRole = false
            let compiler = ConditionCompiler(base: base)
            for (key, pair) in pairs {
                let value = pair.value
                switch key {
                case "id":
                    guard let scalar = reader.string(value, "'id'") else { broken = true; continue }
                    let text = scalar.value
                    if let problem = Self.idProblem(text, catalog: catalog, seen: seen) {
                        reader.report(value, problem)
                        broken = true
                    }
                    seen.insert(text)
                    id = (text, value)
                case "severity":
                    if let parsed = reader.keyword(value, "'severity'", RuleLevel.keywords.map { ($0, RuleLevel(keyword: $0) ?? .off) }) {
                        level = parsed
                    }
                case "message":
                    guard let scalar = reader.string(value, "'message'") else { broken = true; continue }
                    do {
                        message = try MessageTemplate(scalar.value)
                    } catch {
                        reader.report(scalar, scalarOffset: error.offset, error.message)
                        broken = true
                    }
                case "match":
                    match = compiler.compile(value, "'match'", into: &reader)
                    if match == nil { broken = true }
                    mentionsRole = mentionsRole || (match?.mentionsRole ?? false)
                case "unless":
                    unless = compiler.compile(value, "'unless'", into: &reader)
                    if unless == nil { broken = true }
                    mentionsRole = mentionsRole || (unless?.mentionsRole ?? false)
                case "files":
                    scope = compiler.globs(value, "'files'", into: &reader).map { GlobSet(base: base, globs: $0) }
                default:
                    break
                }
            }
            let written = Set(pairs.map(\.key))
            for required in ["id", "message", "match"] where !written.contains(required) {
                reader.report(item, "a custom rule needs '\(required)'")
                broken = true
            }
            guard !broken, let id, let message, let match else { continue }
            customRules.append(CustomRuleSpec(
                id: id.0, idNode: id.1, level: level, message: message, match: match, unless: unless,
                scope: scope, mentionsRole: mentionsRole, definition: item
            ))
        }
    }

    /// Why a custom rule id cannot be used, if it cannot.
    static func idProblem(_ id: String, catalog: RuleCatalog, seen: Set<String>) -> String? {
        if id.isEmpty { return "a custom rule's 'id' cannot be empty" }
        if catalog.declaration(id) != nil || RuleCatalog.pseudoRules.contains(id) {
            return "'\(id)' is a built-in rule; configure it under 'rules', or give the custom rule another id"
        }
        if seen.contains(id) { return "the custom rule '\(id)' is defined twice in this file" }
        let forbidden = id.unicodeScalars.first { $0 == "," || $0 == "[" || $0 == "]" || $0 == " " || $0 == "\t" || $0 == "#" }
        if let forbidden {
            return "a custom rule's 'id' cannot contain '\(forbidden)' (it is written in suppression comments)"
        }
        return nil
    }

    private mutating func readExceptions(_ node: YAMLNode, into reader: inout PolicyNodeReader) {
        guard let sequence = reader.sequence(node, "'exceptions'") else { return }
        let compiler = ConditionCompiler(base: base)
        for item in sequence {
            guard let fields = reader.mapping(item, "an exception") else { continue }
            var spec = ExceptionSpec(rules: [], images: [], files: nil, reason: "", expires: nil, location: item.location, definition: item)
            var broken = false
            var written: Set<String> = []
            for (key, pair) in reader.pairs(fields, allowed: ["rules", "images", "files", "reason", "expires"], in: "an exception") {
                written.insert(key)
                let value = pair.value
                switch key {
                case "rules":
                    if let rules = reader.strings(value, "'rules'") { spec.rules = rules } else { broken = true }
                case "images":
                    guard let scalars = reader.strings(value, "'images'") else { broken = true; continue }
                    for scalar in scalars {
                        do {
                            spec.images.append(try ImagePattern(scalar.value))
                        } catch {
                            reader.report(scalar, scalarOffset: error.offset, "invalid pattern '\(scalar.value)': \(error.message)")
                            broken = true
                        }
                    }
                case "files":
                    if let globs = compiler.globs(value, "'files'", into: &reader) {
                        spec.files = GlobSet(base: base, globs: globs)
                    } else {
                        broken = true
                    }
                case "reason":
                    guard let scalar = reader.string(value, "'reason'") else { broken = true; continue }
                    if scalar.value.allSatisfy(\.isWhitespace) {
                        reader.report(value, "an exception's 'reason' cannot be empty: say why the exception exists")
                        broken = true
                    }
                    spec.reason = scalar.value
                case "expires":
                    guard let scalar = value.scalar, let date = PolicyDate(scalar.value) else {
                        reader.report(value, "'expires' must be a date written YYYY-MM-DD, not \(value.scalar.map { "'\($0.value)'" } ?? PolicyNodeReader.describe(value))")
                        broken = true
                        continue
                    }
                    spec.expires = date
                    spec.location = value.location
                default:
                    break
                }
            }
            if !written.contains("reason") {
                reader.report(item, "an exception needs a 'reason'")
                broken = true
            }
            if written.isDisjoint(with: ["rules", "images", "files"]) {
                reader.report(item, "an exception needs 'rules', 'images' or 'files' to say what it covers")
                broken = true
            }
            if !broken { exceptions.append(spec) }
        }
    }
}
