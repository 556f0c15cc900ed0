import Testing
@testable import ImageLint

/// Variable substitution as BuildKit's shell lexer does it, plus the
/// extraction departures (unset is unresolved, foreign placeholders).
@Suite("Shell lexer")
struct ShellLexerTests {
    struct Variables: ShellVariableSource {
        func lookup(_ name: String) -> ShellLookup {
            switch name {
            case "A": .value(ArraySlice("alpine".utf8))
            case "V": .value(ArraySlice("1.2.3".utf8))
            case "EMPTY": .value([])
            case "ÄB": .value(ArraySlice("umlaut".utf8))
            case "PATHISH": .value(ArraySlice("a/b/c/d".utf8))
            case "K": .unknown
            default: .unset
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        /// The value, or nil when unresolved.
        let value: String?
        let unresolved: [String]
        var testDescription: String { input }

        init(_ input: String, _ value: String?, unresolved: [String] = []) {
            self.input = input
            self.value = value
            self.unresolved = unresolved
        }
    }

    static func expand(_ input: String, escape: Character = "\\", buildKit: Bool = false) throws(ShellSyntaxError) -> ShellLexer<Variables>.Result {
        var options = ShellLexer<Variables>.Options()
        options.escape = escape.asciiValue ?? UInt8(ascii: "\\")
        options.unsetIsUnresolved = !buildKit
        options.placeholders = !buildKit
        let bytes = Array(input.utf8)
        return try ShellLexer.process(bytes, from: 0, to: bytes.count, options: options, variables: Variables())
    }

    static let cases: [Case] = [
        Case("alpine", "alpine"),
        Case("$A", "alpine"),
        Case("${A}", "alpine"),
        Case("${A}:3.19", "alpine:3.19"),
        Case("$A:3", "alpine:3"),
        Case("$A_x", nil, unresolved: ["A_x"]),
        Case("\\$A", "$A"),
        Case("'$A'", "$A"),
        Case("\"$A\"", "alpine"),
        Case("\"\\$A\"", "$A"),
        Case("\"a\\b\"", "a\\b"),
        Case("a\\ b", "a b"),
        Case("${A:-x}", "alpine"),
        Case("${EMPTY:-x}", "x"),
        Case("${EMPTY-x}", ""),
        Case("${UNSET:-x}", "x"),
        Case("${UNSET-x}", "x"),
        Case("${UNSET:-\"a b\"}", "a b"),
        Case("${UNSET:-${A}}:1", "alpine:1"),
        Case("${A:-$UNSET}", "alpine"),
        Case("${A:+x}", "x"),
        Case("${EMPTY:+x}", ""),
        Case("${EMPTY+x}", "x"),
        Case("${UNSET+x}", ""),
        Case("${UNSET:+x}", ""),
        Case("${A:?need it}", "alpine"),
        Case("${UNSET:?need it}", nil, unresolved: ["UNSET"]),
        Case("${UNSET?need it}", nil, unresolved: ["UNSET"]),
        Case("${EMPTY:?need it}", nil, unresolved: ["EMPTY"]),
        Case("${EMPTY?need it}", ""),
        Case("${V#*.}", "2.3"),
        Case("${V##*.}", "3"),
        Case("${V%.*}", "1.2"),
        Case("${V%%.*}", "1"),
        Case("${V#?}", ".2.3"),
        Case("${V#x}", "1.2.3"),
        Case("${V/./-}", "1-2.3"),
        Case("${V//./-}", "1-2-3"),
        Case("${V//[0-9]/x}", "1.2.3"),
        Case("${PATHISH#*/}", "b/c/d"),
        Case("${PATHISH##*/}", "d"),
        Case("${PATHISH%/*}", "a/b/c"),
        Case("${V/#1/x}", "1.2.3"),
        Case("${V//?/x}", "xxxxx"),
        Case("${V/\\*/_}", "1.2.3"),
        Case("${UNSET#x}", nil, unresolved: ["UNSET"]),
        Case("$UNSET", nil, unresolved: ["UNSET"]),
        Case("${UNSET}", nil, unresolved: ["UNSET"]),
        Case("$1", nil, unresolved: ["1"]),
        Case("$", "$"),
        Case("a$", "a$"),
        Case("$/x", "$/x"),
        Case("$ÄB", "umlaut"),
        Case("${K}", nil, unresolved: ["K"]),
        Case("${K+x}", "x"),
        Case("${K:+x}", nil, unresolved: ["K"]),
        Case("${K:-x}", nil, unresolved: ["K"]),
        Case("$A-${UNSET}-$K", nil, unresolved: ["UNSET", "K"]),
        Case("mcr.microsoft.com/devcontainers/php:3-${templateOption:imageVariant}", nil, unresolved: ["templateOption:imageVariant"]),
        Case("${localEnv:HOME}/x", nil, unresolved: ["localEnv:HOME"]),
        Case("alpine:{{ .Values.tag }}", nil, unresolved: [".Values.tag"]),
        Case("\"{{ .Image }}\"", nil, unresolved: [".Image"]),
        Case("${{ matrix.image }}", nil, unresolved: ["matrix.image"]),
        Case("$(params.image)", nil, unresolved: ["params.image"]),
        Case("$[[ inputs.image ]]", nil, unresolved: ["inputs.image"]),
        Case("'{{ x }}'", "{{ x }}"),
    ]

    @Test(arguments: cases)
    func expands(_ testCase: Case) throws {
        let result = try Self.expand(testCase.input)
        #expect(result.unresolved == testCase.unresolved)
        if let value = testCase.value {
            #expect(String(decoding: result.value, as: UTF8.self) == value)
        }
    }

    @Test(arguments: ["${A", "${A:-x", "\"abc", "'abc", "${V/x", "${V#\\x}", "${", "${V//a\\", "${V/\\./_}", "${a.b}", "${A:#x}", "${}", "${:x}", "${A:}"])
    func syntaxErrors(_ input: String) {
        #expect(throws: ShellSyntaxError.self) { try Self.expand(input) }
    }

    @Test func buildKitModeSubstitutesEmptyForUnset() throws {
        #expect(try Self.expand("a${UNSET}b", buildKit: true).value == Array("ab".utf8))
        #expect(try Self.expand("${UNSET#x}", buildKit: true).value == [])
        #expect(throws: ShellSyntaxError(message: "UNSET: need it")) { try Self.expand("${UNSET:?need it}", buildKit: true) }
        #expect(throws: ShellSyntaxError(message: "UNSET: is not allowed to be unset")) { try Self.expand("${UNSET?}", buildKit: true) }
        // Template syntax is literal or an error for BuildKit itself.
        #expect(try Self.expand("{{ x }}", buildKit: true).value == Array("{{ x }}".utf8))
        #expect(throws: ShellSyntaxError.self) { try Self.expand("${templateOption:x}", buildKit: true) }
    }

    @Test func backtickEscape() throws {
        #expect(try Self.expand("`$A", escape: "`").value == Array("$A".utf8))
        #expect(try Self.expand("\\$A", escape: "`").value == Array("\\alpine".utf8))
        #expect(try Self.expand("\"`\"x\"", escape: "`").value == Array("\"x".utf8))
    }

    @Test func wordsSplitOutsideQuotes() throws {
        let result = try Self.expand("a \"b c\" d\\ e $A")
        #expect(result.words.map { String(decoding: $0, as: UTF8.self) } == ["a", "b c", "d e", "alpine"])
    }

    @Test func referencesRecordDefaultsAndSkipUnusedWords() throws {
        let result = try Self.expand("${UNSET:-x}${A:-$V}")
        #expect(result.references == [
            ShellVariableReference(name: "UNSET", usedDefault: Array("x".utf8)),
            ShellVariableReference(name: "A"),
        ])
    }
}

@Suite("Shell patterns")
struct ShellPatternTests {
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func prefixAndSuffix() throws {
        let star = try ShellPattern(Array("*b".utf8))
        #expect(star.trimPrefix(Self.scalars("abab"), greedy: false) == Self.scalars("ab"))
        #expect(star.trimPrefix(Self.scalars("abab"), greedy: true) == [])
        let suffix = try ShellPattern(Array("a*".utf8))
        #expect(suffix.trimSuffix(Self.scalars("abab"), greedy: false) == Self.scalars("ab"))
        #expect(suffix.trimSuffix(Self.scalars("abab"), greedy: true) == [])
    }

    @Test func unicodeScalarsAreCharacters() throws {
        let any = try ShellPattern(Array("?".utf8))
        #expect(any.trimPrefix(Self.scalars("éx"), greedy: false) == Self.scalars("x"))
    }

    @Test func replaceAllSkipsEmptyMatchAfterMatch() throws {
        // `*` is greedy here (Go's regexp `x.*`): one match to the end.
        let star = try ShellPattern(Array("x*".utf8))
        #expect(star.replace(in: Self.scalars("axxbx"), with: Self.scalars("-"), all: true) == Self.scalars("a-"))
        let single = try ShellPattern(Array("x".utf8))
        #expect(single.replace(in: Self.scalars("axxbx"), with: Self.scalars("-"), all: true) == Self.scalars("a--b-"))
        #expect(single.replace(in: Self.scalars("axxbx"), with: Self.scalars("-"), all: false) == Self.scalars("a-xbx"))
        let empty = try ShellPattern([])
        #expect(empty.replace(in: Self.scalars("ab"), with: Self.scalars("-"), all: true) == Self.scalars("-a-b-"))
    }

    /// The one-pass leftmost-longest search agrees with trying every start.
    @Test func replaceAgreesWithBruteForce() throws {
        var generator = DockerfileTotalityTests.Generator(state: 99)
        let patternAlphabet = Array("ab*?".utf8)
        for _ in 0..<2000 {
            let pattern = (0..<generator.below(5)).map { _ in patternAlphabet[generator.below(4)] }
            let text = (0..<generator.below(9)).map { _ in UInt32(generator.below(2) == 0 ? 0x61 : 0x62) }
            let compiled = try ShellPattern(pattern)
            for all in [false, true] {
                #expect(compiled.replace(in: text, with: [0x2D], all: all) == Self.bruteReplace(compiled, text, all: all),
                        "pattern \(String(decoding: pattern, as: UTF8.self)) text \(text) all \(all)")
            }
        }
    }

    static func bruteReplace(_ pattern: ShellPattern, _ value: [UInt32], all: Bool) -> [UInt32] {
        var output: [UInt32] = []
        var lastMatchEnd = 0
        var searchPos = 0
        while searchPos <= value.count {
            var found: Range<Int>?
            for start in searchPos...value.count {
                if let length = pattern.matchEnds(value, from: start).lastIndex(of: true) {
                    found = start..<(start + length)
                    break
                }
            }
            guard let match = found else { break }
            output += value[lastMatchEnd..<match.lowerBound]
            if match.upperBound > lastMatchEnd || match.lowerBound == 0 { output.append(0x2D) }
            lastMatchEnd = match.upperBound
            if !all { break }
            searchPos = max(searchPos + 1, match.upperBound)
        }
        return output + value[lastMatchEnd...]
    }

    @Test func invalidEscape() {
        #expect(throws: ShellPattern.InvalidPattern.self) { try ShellPattern(Array("\\x".utf8)) }
        #expect(throws: ShellPattern.InvalidPattern.self) { try ShellPattern(Array("a\\".utf8)) }
    }
}
