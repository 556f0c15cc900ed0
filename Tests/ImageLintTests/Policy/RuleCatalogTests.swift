import Testing
@testable import ImageLint

@Suite("Rule catalog")
struct RuleCatalogTests {
    static let expectedIDs = [
        "allowed-images", "allowed-registries", "consistent-tags", "denied-images", "denied-registries",
        "expired-exception", "fully-qualified", "invalid-reference", "no-latest", "require-digest",
        "require-tag", "tag-pattern", "unresolved-variable", "unused-suppression",
    ]

    @Test func everyDeclarationReadsWithoutProblems() {
        let catalog = RuleCatalog.builtIn
        #expect(catalog.problems.map(\.description) == [])
        #expect(catalog.ids == Self.expectedIDs)
    }

    @Test(arguments: expectedIDs)
    func declarationIsComplete(_ id: String) throws {
        let declaration = try #require(RuleCatalog.builtIn.declaration(id))
        #expect(!declaration.summary.isEmpty)
        #expect(!declaration.summary.contains("\n"))
        #expect(declaration.rationale.count > 80)
        #expect(declaration.examples.contains { $0.isBad }, "every rule has an example that triggers it")
        #expect(declaration.examples.contains { !$0.isBad }, "every rule has an example that does not trigger it")
        for option in declaration.options {
            #expect(!option.description.isEmpty)
        }
    }

    @Test func declarativeAndCodeRulesAreTheExpectedOnes() {
        let declarative = RuleCatalog.builtIn.declarations.filter(\.isDeclarative).map(\.id)
        #expect(declarative == [
            "allowed-images", "allowed-registries", "denied-registries", "fully-qualified",
            "no-latest", "require-digest", "require-tag", "tag-pattern",
        ])
    }

    @Test func everyRuleCompilesWithItsExampleOptions() throws {
        for declaration in RuleCatalog.builtIn.declarations {
            for example in declaration.examples where example.policy == nil {
                var text = "extends: []\nrules:\n  \(declaration.id):\n    severity: \(declaration.severity.rawValue)\n"
                for line in (example.optionsYAML ?? "").split(separator: "\n") { text += "    \(line)\n" }
                let result = PolicyTestSupport.load(text)
                #expect(result.problems.map(\.description) == [], "\(declaration.id) example at line \(example.line)")
                #expect(result.policy.rule(declaration.id) != nil)
            }
        }
    }
}
