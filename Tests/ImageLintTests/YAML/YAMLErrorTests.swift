import Testing
@testable import ImageLint

@Suite("YAML errors and limits")
struct YAMLErrorTests {
    @Test func syntaxErrorMidwayKeepsEarlierDocuments() throws {
        let text = "a: 1\n---\nimage: x\n---\nb: [1, 2\nc: d\n---\nlast: 1\n"
        let stream = read(text)
        #expect(stream.documents.count == 2)
        #expect(stream.documents[1].root?["image"]?.scalar?.value == "x")
        #expect(!stream.isComplete)
        let error = try #require(stream.diagnostics.first)
        #expect(stream.codes == ["yaml-syntax"])
        #expect(error.message.hasPrefix("did not find expected ',' or ']'"))
        #expect(error.message.contains("while parsing a flow sequence at line 5, column 4"))
        #expect(error.location.start.line == 6)
        #expect(error.location.start.column == 2)
        #expect(error.related.first?.start.line == 5)
        // The interrupted document holds what was read before the error.
        let partial = try #require(stream.partialDocument)
        #expect(!partial.isComplete)
        #expect(partial.index == 2)
        #expect(partial.root?["b"]?.sequence?.count == 2)
    }

    @Test func syntaxErrorPositionAfterNonASCIIAndBOM() throws {
        // libyaml counts characters; positions must come out in bytes.
        let text = "\u{FEFF}ä: \"ü\"\nb: 🐳\n  - é: y\n"
        let stream = read(text)
        let error = try #require(stream.diagnostics.first)
        #expect(error.code == "yaml-syntax")
        let bytes = Array(text.utf8)
        let position = stream.file.lines.position(of: error.location.span.start)
        // "mapping values are not allowed in this context", at the `:`.
        #expect(position.line == 3)
        #expect(position.column == 6)
        #expect(bytes[error.location.span.start] == UInt8(ascii: ":"))
    }

    @Test func tabIndentationIsASyntaxError() throws {
        let stream = read("a:\n\tb: c\n")
        #expect(stream.codes == ["yaml-syntax"])
        #expect(stream.diagnostics[0].location.start.line == 2)
        #expect(stream.diagnostics[0].location.start.column == 1)
        #expect(stream.partialDocument?.root?.mapping != nil)
    }

    @Test func invalidUTF8KeepsTheLinesBefore() throws {
        var bytes = Array("a: 1\n---\nimage: x\nname: ".utf8)
        let bad = bytes.count
        bytes += [0xFF, 0x0A] + Array("c: 2\n".utf8)
        let stream = read(bytes: bytes)
        #expect(stream.codes == ["yaml-encoding"])
        let diagnostic = try #require(stream.diagnostics.first)
        #expect(diagnostic.location.span == SourceSpan(start: bad, end: bad + 1))
        #expect(diagnostic.message.contains("invalid leading UTF-8 octet"))
        #expect(!stream.isComplete)
        #expect(stream.documents.count == 1)
        #expect(stream.partialDocument?.root?["image"]?.scalar?.value == "x")
        #expect(stream.partialDocument?.root?["name"] == nil)
    }

    @Test(arguments: [
        ([0x00], "control characters are not allowed"),
        ([0x7F], "control characters are not allowed"),
        ([0xC3], "incomplete UTF-8 octet sequence"),
        ([0xC0, 0x80], "invalid length of a UTF-8 sequence"),
        ([0xED, 0xA0, 0x80], "invalid Unicode character"),
        ([0xE2, 0x28, 0xA1], "invalid trailing UTF-8 octet"),
        ([0xC2, 0x80], "control characters are not allowed"),
    ] as [([UInt8], String)])
    func rejectedBytes(_ bad: [UInt8], _ problem: String) throws {
        let stream = read(bytes: Array("ok: 1\nv: ".utf8) + bad)
        #expect(stream.codes == ["yaml-encoding"])
        #expect(stream.diagnostics.first?.message.hasPrefix(problem) == true)
        #expect(stream.diagnostics.first?.location.span.start == 9)
    }

    @Test func acceptsWhatLibyamlAccepts() {
        // NEL, BOM inside, astral plane, U+FFFD.
        let stream = read(bytes: Array("a: x\u{85}y\nb: \u{FEFF}\u{10FFFF}\u{FFFD}\n".utf8))
        #expect(!stream.codes.contains("yaml-encoding"))
    }

    @Test func depthBomb() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let clock = ContinuousClock()
        let start = clock.now
        let stream = read(text)
        #expect(clock.now - start < .seconds(2))
        #expect(stream.codes == ["yaml-depth-limit"])
        #expect(stream.diagnostics[0].location.span.start == 256)
        #expect(stream.documents.isEmpty)
        #expect(stream.partialDocument != nil)
    }

    @Test func blockDepthLimitIsConfigurable() {
        var text = ""
        for depth in 0..<20 { text += String(repeating: "  ", count: depth) + "k:\n" }
        #expect(read(text).diagnostics.isEmpty)
        #expect(read(text, limits: YAMLLimits(maxDepth: 10)).codes == ["yaml-depth-limit"])
    }

    @Test func aliasBomb() throws {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let clock = ContinuousClock()
        let start = clock.now
        let stream = read(text)
        #expect(stream.diagnostics.isEmpty)
        var visited = 0
        let diagnostics = try #require(stream.documents.first).walk { _ in
            visited += 1
            return .descend
        }
        #expect(clock.now - start < .seconds(2))
        #expect(diagnostics.map(\.code) == ["yaml-alias-limit"])
        #expect(visited <= YAMLLimits.default.maxAliasExpansion + 200)
        #expect(diagnostics[0].location.start.line >= 2)
    }

    @Test func mergeBombHitsTheNodeLimit() {
        // Each mapping merges the previous one twice over: the effective
        // views are computed once, and their size counts as nodes.
        var text = "m0: &m0 {" + (0..<50).map { "k\($0): v" }.joined(separator: ", ") + "}\n"
        for i in 1..<400 {
            text += "m\(i): &m\(i) {<<: [*m\(i - 1), *m\(i - 1)], own\(i): 1}\n"
        }
        let stream = read(text, limits: YAMLLimits(maxNodes: 20_000))
        #expect(stream.codes == ["yaml-node-limit"])
        #expect(!stream.isComplete)
    }

    @Test func mergesOfLongListsAreBounded() {
        // Many merges of a long list of empty mappings add no pairs but
        // would take quadratic time.
        var text = "l: &l [" + Array(repeating: "{}", count: 3_000).joined(separator: ",") + "]\n"
        for i in 0..<3_000 { text += "m\(i): {<<: *l}\n" }
        let clock = ContinuousClock()
        let start = clock.now
        let stream = read(text, limits: YAMLLimits(maxNodes: 100_000))
        #expect(clock.now - start < .seconds(5))
        #expect(stream.codes == ["yaml-node-limit"])
    }

    @Test func keysWithEqualSignaturesStayFast() {
        // Same length, same first and last eight bytes: one signature.
        var text = ""
        for i in 0..<20_000 {
            let middle = String(i, radix: 36)
            text += "aaaaaaaa" + String(repeating: "0", count: 6 - middle.count) + middle + "zzzzzzzz: v\n"
        }
        text += "aaaaaaaa000001zzzzzzzz: again\n"
        let clock = ContinuousClock()
        let start = clock.now
        let stream = read(text)
        #expect(clock.now - start < .seconds(5))
        #expect(stream.codes == ["yaml-duplicate-key"])
        #expect(stream.diagnostics.first?.location.start.line == 20_001)
        #expect(stream.diagnostics.first?.related.first?.start.line == 2)
    }

    @Test func diagnosticsAreCapped() {
        let text = String(repeating: "k: v\n", count: 5_000)
        let stream = read(text)
        #expect(stream.diagnostics.count == 1_001)
        #expect(stream.diagnostics.last?.code == "yaml-too-many-diagnostics")
        #expect(stream.diagnostics.last?.message.hasPrefix("3999 more") == true)
    }

    @Test func tooManyNodes() throws {
        let text = "[" + Array(repeating: "a", count: 5_000).joined(separator: ",") + "]"
        let stream = read(text, limits: YAMLLimits(maxNodes: 1_000))
        #expect(stream.codes == ["yaml-node-limit"])
        #expect(stream.partialDocument?.root?.sequence?.count == 999)
        #expect(read(text).diagnostics.isEmpty)
    }

    @Test func oversizedFileIsSkippedWithAWarning() {
        let text = String(repeating: "a: b\n", count: 1_000)
        let stream = read(text, limits: YAMLLimits(maxFileSize: 4_000))
        #expect(stream.codes == ["yaml-file-too-large"])
        #expect(stream.diagnostics.first?.severity == .warning)
        #expect(stream.documents.isEmpty)
        #expect(!stream.isComplete)
        #expect(read(text, limits: YAMLLimits(maxFileSize: 5_000)).documents.count == 1)
    }

    @Test func defaultsAreThoseDocumented() {
        let limits = YAMLLimits.default
        #expect(limits.maxFileSize == 8 * 1024 * 1024)
        #expect(limits.maxDepth == 256)
        #expect(limits.maxNodes == 1_000_000)
        #expect(limits.maxAliasExpansion == 100_000)
    }
}
