/// Every built-in rule, read from the declarations embedded in the binary.
public struct RuleCatalog: Sendable {
    /// The declarations, sorted by id.
    public let declarations: [RuleDeclaration]
    /// Problems in the embedded declarations (empty unless a declaration
    /// file is broken; a test keeps it empty).
    public let problems: [PolicyProblem]

    /// The catalog of `policies/rules/*.yaml` as embedded.
    public static let builtIn = RuleCatalog(files: EmbeddedPolicies.rules.map { SourceFile(path: $0.path, text: $0.text) })

    init(files: [SourceFile]) {
        var reader = PolicyNodeReader()
        var declarations: [RuleDeclaration] = []
        for file in files {
            if let declaration = RuleDeclaration.read(file, into: &reader) { declarations.append(declaration) }
        }
        self.declarations = declarations.sorted { $0.id < $1.id }
        problems = reader.problems
    }

    public func declaration(_ id: String) -> RuleDeclaration? {
        declarations.first { $0.id == id }
    }

    public var ids: [String] { declarations.map(\.id) }

    /// Ids of findings that come from no declared rule: reader diagnostics,
    /// unreadable files and policy problems.
    public static let pseudoRules = [Finding.syntaxErrorRule, Finding.readErrorRule, PolicyProblem.rule]
}
