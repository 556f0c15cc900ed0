/// What the machine-readable reports say besides the findings: the tool,
/// the rules, and the folder relative paths start from.
public struct ReportContext: Sendable {
    public var toolName: String
    public var toolVersion: String
    /// The tool's home page (SARIF `informationUri`).
    public var informationURI: String
    /// Every rule a finding may name, in the order SARIF lists them.
    public var rules: [ReportRule]
    /// The absolute folder that report paths are relative to (the working
    /// directory), for SARIF's `%SRCROOT%`; nil leaves it to the consumer.
    public var sourceRoot: String?

    public static let defaultInformationURI = "https://github.com/imagelint/imagelint"

    public init(
        toolName: String = "imagelint",
        toolVersion: String,
        informationURI: String = ReportContext.defaultInformationURI,
        rules: [ReportRule],
        sourceRoot: String? = nil
    ) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.rules = rules
        self.sourceRoot = sourceRoot
    }

    public func rule(_ id: String) -> ReportRule? {
        rules.first { $0.id == id }
    }
}

/// A rule as reports describe it: built-in rules from their declarations,
/// the pseudo-rules, and a policy's custom rules.
public struct ReportRule: Sendable {
    public var id: String
    /// The severity the run gives it (the policy's, else the declaration's).
    public var severity: Severity
    public var summary: String
    public var rationale: String
    /// The built-in rule's declaration (options, examples), if it is one.
    public var declaration: RuleDeclaration?
    /// Declared in the policy rather than built in.
    public var isCustom: Bool

    public init(id: String, severity: Severity, summary: String, rationale: String = "", declaration: RuleDeclaration? = nil, isCustom: Bool = false) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.declaration = declaration
        self.isCustom = isCustom
    }

    /// Built-in rules in catalog order, then the pseudo-rules, then the
    /// policy's custom rules by id; severities as `policy` sets them.
    public static func rules(catalog: RuleCatalog, policy: Policy?) -> [ReportRule] {
        var severities: [String: Severity] = [:]
        for rule in policy?.rules ?? [] { severities[rule.id] = rule.severity }
        var rules = catalog.declarations.map { declaration in
            ReportRule(
                id: declaration.id, severity: severities[declaration.id] ?? declaration.severity,
                summary: declaration.summary, rationale: declaration.rationale, declaration: declaration
            )
        }
        rules += pseudoRules
        let known = Set(rules.map(\.id))
        let custom = (policy?.rules ?? []).filter { !known.contains($0.id) }.sorted { $0.id < $1.id }
        rules += custom.map { rule in
            ReportRule(id: rule.id, severity: rule.severity, summary: "Custom rule `\(rule.id)` of the policy.", isCustom: true)
        }
        return rules
    }

    /// Findings that come from no declared rule.
    public static let pseudoRules: [ReportRule] = [
        ReportRule(
            id: Finding.syntaxErrorRule, severity: .error,
            summary: "A file could not be read completely: its syntax is broken.",
            rationale: """
                A Dockerfile or YAML file with a syntax error is read as far as it can be; \
                the image references after the error may be missed, so the error is reported \
                instead of passing silently. The message ends with the reader's own code.
                """
        ),
        ReportRule(
            id: Finding.readErrorRule, severity: .error,
            summary: "A file could not be read.",
            rationale: "The file could not be opened or is too large to check, so its image references were not checked."
        ),
        ReportRule(
            id: PolicyProblem.rule, severity: .error,
            summary: "The policy file has a problem.",
            rationale: "A policy that does not load as written could check less than intended, so every problem in it is an error at its position."
        ),
    ]
}
