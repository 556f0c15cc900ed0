/// A built-in rule as declared in `policies/rules/<id>.yaml`: the single
/// source for the rule's behaviour (conditions), its documentation
/// (`imagelint rules`, README, SARIF metadata) and its tests (examples).
public struct RuleDeclaration: Sendable {
    public var id: String
    public var severity: Severity
    /// One line, for `imagelint rules` and SARIF `shortDescription`.
    public var summary: String
    /// Why the rule exists and how to satisfy it.
    public var rationale: String
    /// The occurrence roles the rule looks at (formats.md §0.1).
    public var roles: [ImageRole]
    public var options: [OptionDeclaration]
    /// `match:` / `unless:` as written; compiled per policy because they may
    /// refer to option values (`$registries`).
    var match: YAMLNode?
    var unless: YAMLNode?
    /// The message template as written, with its node for positions.
    public var message: String?
    var messageNode: YAMLNode?
    public var fix: GenericFix?
    public var examples: [RuleExample]
    /// `policies/rules/<id>.yaml`.
    public var path: String

    /// Whether the rule is evaluated by conditions (else it has code under `Policy/Rules/`).
    public var isDeclarative: Bool { match != nil || unless != nil }
}

/// An option of a built-in rule.
public struct OptionDeclaration: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A list of strings (registries, image globs).
        case list
        case string
        /// A regular expression (``TagRegex``).
        case regex
        /// `denied-images` entries: strings or `{image, use, reason}`.
        case entries
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    /// The default value as written in the declaration.
    var defaultValue: YAMLNode?
    public var defaultText: String? { defaultValue.map { YAMLText.lines($0, indent: 0).joined(separator: " ") } }
    public var description: String
}

/// An example of a rule that must (`bad`) or must not (`good`) trigger it.
///
/// In a `bad` example every `«…»` marks a span where the rule must report,
/// and the rule must report nowhere else; a `good` example has no marks and
/// no findings of the rule.
public struct RuleExample: Sendable {
    public struct File: Sendable, Hashable {
        public var path: String
        /// The text with `«…»` marks.
        public var text: String
    }

    /// Whether the rule must fire (at the marks).
    public var isBad: Bool
    public var files: [File]
    /// The example's rule options as block YAML (indented by 0), if any.
    public var optionsYAML: String?
    /// A whole policy to use instead of enabling only this rule; may hold
    /// marks too (where `expired-exception` reports).
    public var policy: String?
    /// The 1-based line in the declaration file where the example starts.
    public var line: Int

    /// The file name an example of `kind` is given.
    public static func defaultPath(for kind: SourceKind) -> String {
        switch kind {
        case .dockerfile: "Dockerfile"
        case .compose: "compose.yaml"
        case .kubernetes: "deployment.yaml"
        case .kustomize: "kustomization.yaml"
        case .githubActions: ".github/workflows/ci.yaml"
        case .gitlabCI: ".gitlab-ci.yml"
        case .helmValues: "values.yaml"
        }
    }

    public static let openMark = "«"
    public static let closeMark = "»"
}

extension RuleDeclaration {
    static let keys = ["id", "severity", "summary", "rationale", "roles", "options", "match", "unless", "message", "fix", "examples"]

    /// Reads a declaration file; problems are reported into `reader`.
    static func read(_ file: SourceFile, into reader: inout PolicyNodeReader) -> RuleDeclaration? {
        let stream = YAMLReader.read(file)
        for diagnostic in stream.diagnostics where diagnostic.severity == .error {
            reader.report(at: diagnostic.location, diagnostic.message)
        }
        guard let root = stream.documents.first?.root, let mapping = reader.mapping(root, "a rule declaration") else {
            return nil
        }
        var declaration = RuleDeclaration(
            id: "", severity: .error, summary: "", rationale: "", roles: [], options: [],
            match: nil, unless: nil, message: nil, messageNode: nil, fix: nil, examples: [], path: file.path
        )
        var seen: Set<String> = []
        for (key, pair) in reader.pairs(mapping, allowed: keys, in: "a rule declaration") {
            seen.insert(key)
            let value = pair.value
            switch key {
            case "id": declaration.id = reader.string(value, "'id'")?.value ?? ""
            case "severity":
                declaration.severity = reader.keyword(value, "'severity'", Severity.allCases.map { ($0.rawValue, $0) }) ?? .error
            case "summary": declaration.summary = reader.string(value, "'summary'")?.value ?? ""
            case "rationale": declaration.rationale = reader.string(value, "'rationale'")?.value ?? ""
            case "roles":
                let roles: [ImageRole] = [.pull, .buildSource, .buildOutput, .frontend, .artifact]
                guard let sequence = reader.sequence(value, "'roles'") else { break }
                for item in sequence {
                    if let role = reader.keyword(item, "each role", roles.map { ($0.rawValue, $0) }) { declaration.roles.append(role) }
                }
            case "options": declaration.options = readOptions(value, into: &reader)
            case "match": declaration.match = value
            case "unless": declaration.unless = value
            case "message":
                declaration.message = reader.string(value, "'message'")?.value
                declaration.messageNode = value
            case "fix": declaration.fix = reader.keyword(value, "'fix'", [(GenericFix.qualify.rawValue, GenericFix.qualify)])
            case "examples": declaration.examples = readExamples(value, into: &reader)
            default: break
            }
        }
        for required in ["id", "severity", "summary", "rationale", "roles"] where !seen.contains(required) {
            reader.report(root, "a rule declaration needs '\(required)'")
        }
        let expectedID = file.path.split(separator: "/").last.map { String($0.dropLast(".yaml".count)) }
        if !declaration.id.isEmpty, declaration.id != expectedID {
            reader.report(root, "the id '\(declaration.id)' does not match the file name")
        }
        if declaration.isDeclarative, declaration.message == nil {
            reader.report(root, "a rule with 'match' or 'unless' needs a 'message'")
        }
        return declaration
    }

    private static func readOptions(_ node: YAMLNode, into reader: inout PolicyNodeReader) -> [OptionDeclaration] {
        guard let mapping = reader.mapping(node, "'options'") else { return [] }
        var options: [OptionDeclaration] = []
        for pair in mapping {
            guard let name = pair.key.scalar?.value, let spec = reader.mapping(pair.value, "option '\(pair.key.sourceText)'") else { continue }
            var option = OptionDeclaration(name: name, kind: .list, required: false, defaultValue: nil, description: "")
            for (key, field) in reader.pairs(spec, allowed: ["type", "required", "default", "description"], in: "option '\(name)'") {
                switch key {
                case "type": option.kind = reader.keyword(field.value, "'type'", OptionDeclaration.Kind.allCases.map { ($0.rawValue, $0) }) ?? .list
                case "required": option.required = reader.keyword(field.value, "'required'", [("true", true), ("false", false)]) ?? false
                case "default": option.defaultValue = field.value
                case "description": option.description = reader.string(field.value, "'description'")?.value ?? ""
                default: break
                }
            }
            options.append(option)
        }
        return options
    }

    private static func readExamples(_ node: YAMLNode, into reader: inout PolicyNodeReader) -> [RuleExample] {
        guard let sequence = reader.sequence(node, "'examples'") else { return [] }
        var examples: [RuleExample] = []
        for item in sequence {
            guard let mapping = reader.mapping(item, "an example") else { continue }
            var kind: SourceKind?
            var body: (isBad: Bool, node: YAMLNode)?
            var example = RuleExample(isBad: false, files: [], optionsYAML: nil, policy: nil, line: item.location.start.line)
            for (key, pair) in reader.pairs(mapping, allowed: ["kind", "bad", "good", "options", "policy"], in: "an example") {
                switch key {
                case "kind": kind = reader.keyword(pair.value, "'kind'", SourceKind.allCases.map { ($0.rawValue, $0) })
                case "bad", "good":
                    if body != nil { reader.report(pair.key, "an example has either 'bad' or 'good'") }
                    body = (key == "bad", pair.value)
                case "options":
                    if reader.mapping(pair.value, "'options'") != nil {
                        example.optionsYAML = YAMLText.lines(pair.value, indent: 0).joined(separator: "\n") + "\n"
                    }
                case "policy": example.policy = reader.string(pair.value, "'policy'")?.value
                default: break
                }
            }
            guard let body else {
                reader.report(item, "an example needs 'bad' or 'good'")
                continue
            }
            example.isBad = body.isBad
            if let files = body.node.mapping {
                for pair in files {
                    if let path = pair.key.scalar?.value, let text = reader.string(pair.value, "an example file")?.value {
                        example.files.append(RuleExample.File(path: path, text: text))
                    }
                }
            } else if let text = reader.string(body.node, "an example")?.value {
                guard let kind else {
                    reader.report(item, "a one-file example needs 'kind'")
                    continue
                }
                example.files = [RuleExample.File(path: RuleExample.defaultPath(for: kind), text: text)]
            }
            examples.append(example)
        }
        return examples
    }
}

extension RuleExample {
    /// `text` without its `«…»` marks, and the byte spans the marks enclosed.
    public static func unmarked(_ text: String) -> (text: String, spans: [SourceSpan]) {
        var output = String.UnicodeScalarView()
        var spans: [SourceSpan] = []
        var open: Int?
        var bytes = 0
        for scalar in text.unicodeScalars {
            if scalar == "«" {
                open = bytes
            } else if scalar == "»", let start = open {
                spans.append(SourceSpan(start: start, end: bytes))
                open = nil
            } else {
                output.append(scalar)
                bytes += String(scalar).utf8.count
            }
        }
        return (String(output), spans)
    }
}
