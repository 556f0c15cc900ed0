import Foundation
import Testing
@testable import ImageLint

/// Arbitrary and mutated bytes never trap, and every result is well formed.
@Suite("YAML robustness")
struct YAMLRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let seeds: [String] = [
        "services:\n  web:\n    image: \"nginx:1.2\" # c\n    <<: *d\n",
        "x: &d {image: a, ports: [1, 2]}\ny: {<<: [*d, *d], z: 'q''r'}\n",
        "run: |+\n  FROM a\n\n  RUN b\nfold: >-\n  a\n    b\n  c\n",
        "---\n- ? complex\n  : value\n- !reference [.a, b]\n...\n--- \"x\\u00e9\\\n  y\"\n",
        "\u{FEFF}é: ü\r\nk: [a, {b: c}]\r\n",
        "a:\n  - b: 1\n    c: &x\n      - *x\n",
        "%YAML 1.2\n%TAG !e! tag:example.com,2000:\n--- !e!foo\nbar: baz\n",
        "key: plain\n  continued # comment\n",
    ]

    static let alphabet: [UInt8] = Array(" \n\t\r-:?,[]{}#&*!|>'\"%@`<=\\.aZ0\u{FEFF}é".utf8)

    @Test func randomBytes() {
        var generator = Generator(state: 1)
        for _ in 0..<1500 {
            let count = generator.below(80)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                bytes.append(generator.below(4) == 0 ? UInt8(truncatingIfNeeded: generator.next()) : Self.alphabet[generator.below(Self.alphabet.count)])
            }
            Self.check(bytes)
        }
    }

    @Test func mutatedSeeds() {
        var generator = Generator(state: 7)
        for round in 0..<2500 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<(1 + generator.below(4)) {
                let at = generator.below(bytes.count + 1)
                switch generator.below(4) {
                case 0 where at < bytes.count: bytes[at] = Self.alphabet[generator.below(Self.alphabet.count)]
                case 1: bytes.insert(Self.alphabet[generator.below(Self.alphabet.count)], at: at)
                case 2 where at < bytes.count: bytes.remove(at: at)
                default:
                    let start = generator.below(bytes.count)
                    let end = min(bytes.count, start + generator.below(12))
                    bytes.insert(contentsOf: bytes[start..<end], at: at)
                }
            }
            Self.check(bytes)
        }
    }

    /// Reads `bytes` and checks the result's invariants, touching every node.
    static func check(_ bytes: [UInt8]) {
        let stream = read(bytes: bytes, limits: YAMLLimits(maxDepth: 64, maxNodes: 10_000, maxAliasExpansion: 2_000))
        for diagnostic in stream.diagnostics {
            #expect(diagnostic.location.span.start >= 0 && diagnostic.location.span.end <= bytes.count, "\(bytes)")
        }
        var documents = stream.documents
        if let partial = stream.partialDocument { documents.append(partial) }
        for document in documents {
            for node in stream.allNodes {
                let span = node.span
                #expect(span.start >= 0 && span.start <= span.end && span.end <= bytes.count, "\(bytes)")
                if node.kind == .scalar, let scalar = node.scalar {
                    _ = scalar.value
                    _ = scalar.coreType
                    let map = scalar.sourceMap
                    for offset in [0, scalar.valueBytes.count / 2, scalar.valueBytes.count] {
                        if let source = map.sourceOffset(forValueOffset: offset) {
                            #expect(source >= 0 && source <= bytes.count, "\(bytes)")
                        }
                    }
                }
                _ = node.mapping?.count
                _ = node.mapping?.writtenPairs.count
                _ = node.tag
                _ = node.anchor
            }
            var visited = 0
            document.walk(limits: YAMLLimits(maxDepth: 64, maxAliasExpansion: 2_000)) { step in
                visited += 1
                _ = step.node.span
                return .descend
            }
            #expect(visited <= 2_000 + 10_000)
        }
    }
}

/// Inputs the fuzzer found (and hostile seeds) stay harmless.
@Suite("YAML fuzz regressions")
struct YAMLFuzzRegressionTests {
    static let folder = YAMLCorpusTests.repositoryRoot.appendingPathComponent("fixtures/fuzz/yaml")

    static func inputs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func folderHasInputs() {
        #expect(Self.inputs().count >= 6)
    }

    @Test(arguments: inputs())
    func replay(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        YAMLRobustnessTests.check(Array(data))
    }
}
