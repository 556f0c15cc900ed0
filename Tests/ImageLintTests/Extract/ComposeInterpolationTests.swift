import Testing
@testable import ImageLint

@Suite("ComposeInterpolation")
struct ComposeInterpolationTests {
    /// Variables known in every case: `SET=value`, `EMPTY=` (set, empty), `TAG=1.2`, `REPO=alpine`,
    /// `DOLLAR=$$x` (a value is never re-interpolated).
    static let known: [String: String] = ["SET": "value", "EMPTY": "", "TAG": "1.2", "REPO": "alpine", "DOLLAR": "$$x"]

    static func run(_ template: String) -> InterpolationResult {
        ComposeInterpolation.interpolate(template) { name in
            known[name].map { VariableUse(name: name, value: $0, origin: .commandLine) }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let template: String
        /// nil: unresolved (or invalid).
        let value: String?
        var unresolved: [String] = []
        var testDescription: String { template }
    }

    static let resolving: [Case] = [
        // Plain text and literal dollars.
        Case(template: "nginx:1.25", value: "nginx:1.25"),
        Case(template: "", value: ""),
        Case(template: "$$", value: "$"),
        Case(template: "a$$b", value: "a$b"),
        Case(template: "$${TAG}", value: "${TAG}"),
        Case(template: "$$TAG", value: "$TAG"),
        Case(template: "$$$TAG", value: "$1.2"),
        Case(template: "$", value: "$"),
        Case(template: "x$", value: "x$"),
        Case(template: "$1", value: "$1"),
        Case(template: "$-x", value: "$-x"),
        Case(template: "a $ b", value: "a $ b"),
        // Bare and braced names.
        Case(template: "$TAG", value: "1.2"),
        Case(template: "${TAG}", value: "1.2"),
        Case(template: "$REPO:$TAG", value: "alpine:1.2"),
        Case(template: "${REPO}:${TAG}-slim", value: "alpine:1.2-slim"),
        Case(template: "$TAGx", value: nil, unresolved: ["TAGx"]),
        Case(template: "${TAG}x", value: "1.2x"),
        Case(template: "$TAG.x", value: "1.2.x"),
        Case(template: "$_", value: nil, unresolved: ["_"]),
        Case(template: "${DOLLAR}", value: "$$x"),
        Case(template: "$EMPTY", value: ""),
        Case(template: "${MISSING}", value: nil, unresolved: ["MISSING"]),
        Case(template: "$MISSING:${TAG}", value: nil, unresolved: ["MISSING"]),
        Case(template: "${A}${B}${A}", value: nil, unresolved: ["A", "B"]),
        // :- and -
        Case(template: "${TAG:-9}", value: "1.2"),
        Case(template: "${EMPTY:-9}", value: "9"),
        Case(template: "${MISSING:-9}", value: "9"),
        Case(template: "${TAG-9}", value: "1.2"),
        Case(template: "${EMPTY-9}", value: ""),
        Case(template: "${MISSING-9}", value: "9"),
        Case(template: "${MISSING:-}", value: ""),
        Case(template: "${MISSING:-a b:c}", value: "a b:c"),
        Case(template: "${MISSING:-a-b}", value: "a-b"),
        Case(template: "${MISSING-a:-b}", value: "a:-b"),
        Case(template: "${MISSING:-x}}", value: "x}"),
        Case(template: "${MISSING:-{x}", value: "{x"),
        // :+ and +
        Case(template: "${TAG:+set}", value: "set"),
        Case(template: "${EMPTY:+set}", value: ""),
        Case(template: "${MISSING:+set}", value: ""),
        Case(template: "${TAG+set}", value: "set"),
        Case(template: "${EMPTY+set}", value: "set"),
        Case(template: "${MISSING+set}", value: ""),
        Case(template: "${MISSING:+${OTHER}}", value: ""),
        Case(template: "${TAG:+${OTHER}}", value: nil, unresolved: ["OTHER"]),
        // :? and ?
        Case(template: "${TAG:?need a tag}", value: "1.2"),
        Case(template: "${TAG?need a tag}", value: "1.2"),
        Case(template: "${EMPTY?need}", value: ""),
        Case(template: "${MISSING:?need a tag}", value: nil, unresolved: ["MISSING"]),
        Case(template: "${MISSING?need}", value: nil, unresolved: ["MISSING"]),
        // Nesting.
        Case(template: "${MISSING:-${TAG}}", value: "1.2"),
        Case(template: "${MISSING:-${OTHER:-x}}", value: "x"),
        Case(template: "${A:-${B:-${C:-deep}}}", value: "deep"),
        Case(template: "${MISSING:-${REPO}:${TAG}}", value: "alpine:1.2"),
        Case(template: "${TAG:-${OTHER}}", value: "1.2"),
        Case(template: "${MISSING:-${OTHER}}", value: nil, unresolved: ["OTHER"]),
        Case(template: "${MISSING:-$$}", value: "$"),
        Case(template: "${MISSING:-$TAG}", value: "1.2"),
        Case(template: "pre-${MISSING:-${TAG}}-post-${REPO}", value: "pre-1.2-post-alpine"),
        Case(template: "${TAG?$REPO}", value: "1.2"),
        // Foreign placeholders: unresolved, never invalid.
        Case(template: "${{ github.sha }}", value: nil, unresolved: ["github.sha"]),
        Case(template: "img:${{ matrix.tag }}-x", value: nil, unresolved: ["matrix.tag"]),
        Case(template: "${localEnv:HOME}/x", value: nil, unresolved: ["localEnv:HOME"]),
        Case(template: "php:3-${templateOption:imageVariant}", value: nil, unresolved: ["templateOption:imageVariant"]),
        // Non-ASCII text passes through.
        Case(template: "réseau/${REPO}", value: "réseau/alpine"),
    ]

    @Test(arguments: resolving)
    func resolves(_ c: Case) {
        let result = Self.run(c.template)
        #expect(result.value == c.value)
        #expect(result.unresolved == c.unresolved)
        #expect(result.problems.isEmpty)
    }

    static let invalid: [(String, Int, Int)] = [
        ("${}", 0, 3),
        ("${1X}", 0, 5),
        ("a${A B}", 1, 7),
        ("${A/x/y}", 0, 8),
        ("${#A}", 0, 5),
        ("${A:x}", 0, 6),
        ("${A", 0, 3),
        ("x:${TAG", 2, 7),
        ("${MISSING:-${B}", 0, 15),
        ("${{ never closed", 0, 16),
        ("${TAG:-${}}", 7, 10),
        ("${-x}", 0, 5),
    ]

    @Test(arguments: invalid)
    func rejectsInvalidTemplates(_ c: (String, Int, Int)) throws {
        let result = Self.run(c.0)
        #expect(result.value == nil)
        let problem = try #require(result.problems.first)
        #expect(problem.kind == .invalidTemplate)
        #expect(problem.start == c.1)
        #expect(problem.end == c.2)
        #expect(problem.message.hasPrefix("Invalid template"))
    }

    @Test func unusedDefaultStillReportsItsErrors() {
        // compose-go interpolates the default before looking at the variable.
        let result = Self.run("${TAG:-${}}")
        #expect(result.value == nil)
        #expect(result.problems.count == 1)
    }

    @Test func requiredVariableKnownEmptyIsAnError() throws {
        let result = Self.run("img:${EMPTY:?set EMPTY to a tag}")
        #expect(result.value == nil)
        let problem = try #require(result.problems.first)
        #expect(problem.kind == .requiredVariableEmpty("EMPTY"))
        #expect(problem.message == "required variable EMPTY is empty: set EMPTY to a tag")
        #expect(problem.start == 4)
        #expect(problem.end == 32)
    }

    @Test func variablesRecordOrigins() {
        let result = Self.run("${REPO}:${MISSING:-1.0}-${TAG}-$REPO")
        #expect(result.value == "alpine:1.0-1.2-alpine")
        #expect(result.variables == [
            VariableUse(name: "REPO", value: "alpine", origin: .commandLine),
            VariableUse(name: "MISSING", value: "1.0", origin: .inlineDefault),
            VariableUse(name: "TAG", value: "1.2", origin: .commandLine),
        ])
    }

    @Test func unknownVariableIsRecordedAsUnset() {
        let result = Self.run("x:${NOPE}")
        #expect(result.variables == [VariableUse(name: "NOPE", value: nil, origin: .unset)])
    }

    @Test func unusedDefaultVariablesAreNotRecorded() {
        let result = Self.run("${TAG:-${OTHER}}")
        #expect(result.variables.map(\.name) == ["TAG"])
    }

    @Test func depthIsBounded() {
        let depth = ComposeInterpolation.maximumDepth + 5
        let template = String(repeating: "${A:-", count: depth) + "x" + String(repeating: "}", count: depth)
        let result = Self.run(template)
        #expect(result.value == nil)
        #expect(result.problems.contains { $0.kind == .tooDeep })
        let shallow = String(repeating: "${A:-", count: 10) + "x" + String(repeating: "}", count: 10)
        #expect(Self.run(shallow).value == "x")
    }

    @Test func needsInterpolation() {
        #expect(ComposeInterpolation.needsInterpolation(ArraySlice("a$b".utf8)))
        #expect(!ComposeInterpolation.needsInterpolation(ArraySlice("nginx:1".utf8)))
    }

    /// Any bytes: a result, never a crash; the value never contains more
    /// unresolved names than `$` signs.
    @Test func totalOverArbitraryBytes() {
        var generator = SplitMix64(seed: 0xC0FFEE)
        let alphabet: [UInt8] = Array("${}:-+?$ABab_1 .\u{7F}".utf8) + [0xFF, 0xC3]
        for _ in 0..<3000 {
            let length = Int(generator.next() % 24)
            var bytes: [UInt8] = []
            for _ in 0..<length { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let result = ComposeInterpolation.interpolate(bytes[...]) { name in
                name == "A" ? VariableUse(name: "A", value: "v", origin: .commandLine) : nil
            }
            let dollars = bytes.filter { $0 == UInt8(ascii: "$") }.count
            #expect(result.unresolved.count <= dollars)
            for problem in result.problems {
                #expect(problem.start >= 0 && problem.start <= problem.end && problem.end <= bytes.count)
            }
        }
    }
}

/// A small deterministic generator for property-style tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
