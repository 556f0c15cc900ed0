import Foundation
import ImageReference
import TestSupport
import Testing
@testable import imagelint

@Suite("imagelint ref")
struct RefCommandTests {
    /// `fixtures/cli/ref/inputs.txt`, read as `-` would read it.
    static func fixtureInputs() throws -> [[UInt8]] {
        let path = RepositoryRoot.fixture("cli/ref/inputs.txt")
        let data = try #require(FileManager.default.contents(atPath: path))
        return StandardInput.lines(Array(data))
    }

    static func render(_ format: RefCommand.Format, strict: Bool) throws -> String {
        let results = try fixtureInputs().map { RefResult(input: $0, strict: strict) }
        return RefRenderer.render(results, format: format)
    }

    @Test("JSON output, normalized", .tags(.golden))
    func jsonNormalized() throws {
        GoldenFile.check(try Self.render(.json, strict: false), matches: "cli/ref/normalized.json")
    }

    @Test("JSON output, --strict", .tags(.golden))
    func jsonStrict() throws {
        GoldenFile.check(try Self.render(.json, strict: true), matches: "cli/ref/strict.json")
    }

    @Test("text output, normalized", .tags(.golden))
    func textNormalized() throws {
        GoldenFile.check(try Self.render(.text, strict: false), matches: "cli/ref/normalized.txt")
    }

    @Test("the JSON output is valid JSON with the contract's fields in order")
    func jsonContract() throws {
        let output = try Self.render(.json, strict: false)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(parsed.count == (try Self.fixtureInputs()).count)
        let keyOrder = try #require(output.split(separator: "\n").prefix(12).dropFirst(2).map { line in
            line.split(separator: "\"")[1]
        } as [Substring]?)
        #expect(keyOrder == ["input", "valid", "error", "name", "domain", "path", "tag", "digest", "string", "familiar"])
        for object in parsed {
            #expect(object.keys.count == 10)
            let valid = try #require(object["valid"] as? Bool)
            #expect((object["error"] is NSNull) == valid)
            #expect((object["string"] is NSNull) == !valid)
        }
    }

    @Test("the caret points at the failing character, counted in scalars")
    func caretPlacement() {
        // "ngïnx": the ï is two bytes at offset 2; the caret is under it.
        let input = Array("ngïnx".utf8)
        #expect(RefRenderer.caret(under: 2, in: input) == "  ^")
        // After a multi-byte character the caret moves one column, not two.
        #expect(RefRenderer.caret(under: 4, in: input) == "   ^")
        // Tabs are kept so the caret lines up under a tab-indented echo.
        #expect(RefRenderer.caret(under: 2, in: Array("a\tb".utf8)) == " \t^")
        // At the end of the input.
        #expect(RefRenderer.caret(under: 5, in: Array("nginx".utf8)) == "     ^")
    }

    @Test("an invalid reference explains where it failed")
    func invalidText() {
        let text = RefRenderer.text([RefResult(input: Array("docker/Docker".utf8), strict: false)])
        #expect(text == """
            input      docker/Docker
            error      invalid reference format: repository name (docker/Docker) must be lowercase
                       docker/Docker
                              ^

            """)
    }

    @Test("standard input: one reference per line, CR stripped, empty lines kept")
    func standardInputLines() throws {
        #expect(StandardInput.lines(Array("a\r\n\nb\n".utf8)) == [Array("a".utf8), [], Array("b".utf8)])
        #expect(StandardInput.lines(Array("a".utf8)) == [Array("a".utf8)])
        #expect(StandardInput.lines(Array("\n".utf8)) == [[]])
        #expect(StandardInput.lines([]) == [])
        #expect(StandardInput.lines(Array("a\n\n".utf8)) == [Array("a".utf8), []])

        let command = try RefCommand.parse(["x", "-", "y"])
        let inputs = try command.expandedInputs { Array("nginx\r\nalpine\n".utf8) }
        #expect(inputs.map { String(decoding: $0, as: UTF8.self) } == ["x", "nginx", "alpine", "y"])
    }

    @Test("exit status: 0 all valid, 1 any invalid")
    func exitStatus() {
        #expect(runImageLint(["ref", "nginx", "ghcr.io/acme/api:1.4"]) == 0)
        #expect(runImageLint(["ref", "--format", "json", "nginx", "nginx:"]) == 1)
        #expect(runImageLint(["ref", "--strict", "Uppercase"]) == 1)
    }

    @Test("exit status 2 for usage errors", arguments: [
        ["ref"],
        ["ref", "--format", "xml", "nginx"],
        ["ref", "-", "-"],
        ["ref", "--no-such-flag", "nginx"],
    ])
    func usageErrors(_ arguments: [String]) {
        #expect(runImageLint(arguments) == 2)
    }

    @Test("--strict keeps the grammar's own reading")
    func strictReading() {
        let normalized = RefResult(input: Array("foo/bar".utf8), strict: false)
        let strict = RefResult(input: Array("foo/bar".utf8), strict: true)
        #expect((try? normalized.outcome.get())?.description == "docker.io/foo/bar")
        #expect((try? strict.outcome.get())?.domain == "foo")
    }
}

extension Tag {
    @Tag static var golden: Self
}
