import TestSupport
import Testing
@testable import imagelint_fuzz

/// Replays every kept fuzz input (`fixtures/fuzz/<target>/`) through its
/// target: each one once crashed or is a seed worth keeping.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    struct Input: Sendable, CustomTestStringConvertible {
        let target: FuzzTarget
        let path: String
        var testDescription: String { "\(target.rawValue)/\(path.split(separator: "/").last ?? "")" }
    }

    static let inputs: [Input] = FuzzTarget.allCases.flatMap { target in
        FuzzInputFolder.files(in: RepositoryRoot.fixture("fuzz/" + target.rawValue)).map { Input(target: target, path: $0) }
    }

    @Test("every target has kept inputs")
    func everyTargetHasInputs() {
        for target in FuzzTarget.allCases {
            #expect(Self.inputs.contains { $0.target == target }, "no inputs for \(target.rawValue)")
        }
    }

    @Test("input", arguments: inputs)
    func replay(_ input: Input) throws {
        let bytes = try #require(FuzzReplay.readFile(input.path))
        let violations = bytes.withUnsafeBufferPointer { input.target.violations(in: $0) }
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test("a violation is reported, not hidden")
    func violationsAreReported() {
        // The reference target on a valid reference reports nothing...
        let valid = Array("ghcr.io/acme/api:1.4".utf8)
        #expect(valid.withUnsafeBufferPointer { FuzzTarget.reference.violations(in: $0) }.isEmpty)
        // ...and replay mode fails on an unreadable file.
        #expect(FuzzReplay.run(["imagelint-fuzz", "reference", "/nonexistent/input"]) == 1)
        #expect(FuzzReplay.run(["imagelint-fuzz", "no-such-target"]) == 2)
    }
}
