import Testing
@testable import ImageLint

@Suite("Embedded policies")
struct EmbeddedPoliciesTests {
    @Test func presetsAreTheFilesByteForByte() throws {
        let files = try RepositoryFiles.list("policies", suffix: ".yaml")
        #expect(EmbeddedPolicies.presets.map(\.path) == files, "run scripts/embed-policies.sh")
        for embedded in EmbeddedPolicies.presets {
            #expect(Array(embedded.text.utf8) == (try RepositoryFiles.bytes(embedded.path)), "\(embedded.path): run scripts/embed-policies.sh")
        }
    }

    @Test func ruleDeclarationsAreTheFilesByteForByte() throws {
        let files = try RepositoryFiles.list("policies/rules", suffix: ".yaml")
        #expect(EmbeddedPolicies.rules.map(\.path) == files, "run scripts/embed-policies.sh")
        for embedded in EmbeddedPolicies.rules {
            #expect(Array(embedded.text.utf8) == (try RepositoryFiles.bytes(embedded.path)), "\(embedded.path): run scripts/embed-policies.sh")
        }
    }

    @Test func schemaIsTheFileByteForByte() throws {
        #expect(Array(EmbeddedPolicies.schema.text.utf8) == (try RepositoryFiles.bytes("policies/imagelint-policy.schema.json")))
    }
}
