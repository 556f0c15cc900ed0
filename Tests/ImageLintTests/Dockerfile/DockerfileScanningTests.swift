import Testing
@testable import ImageLint

/// The byte-level scanners the extractor leans on for speed: the mount CSV
/// reader, the quote-aware word splitter's `=` noting, and the blank
/// skipping fast paths, each checked against what it stands for.
@Suite("Dockerfile scanning")
struct DockerfileScanningTests {
    // MARK: Mounts

    static func mount(_ text: String, padding: Int = 0) -> Result<(usesFrom: Bool, from: String?, range: Range<Int>?), DockerfileMount.SyntaxError> {
        // Flag values are slices of their line: offsets count from the
        // slice's start, whatever its indices are.
        let padded = Array(repeating: UInt8(ascii: "x"), count: padding) + Array(text.utf8)
        do {
            let mount = try DockerfileMount(padded[padding...])
            return .success((mount.usesFrom, mount.from.map { String(decoding: $0.bytes, as: UTF8.self) }, mount.from?.range))
        } catch {
            return .failure(error)
        }
    }

    @Test("a mount's from value, its type and its offsets", arguments: [0, 5])
    func mountFrom(padding: Int) throws {
        let plain = try Self.mount("type=bind,from=img:1,target=/x", padding: padding).get()
        #expect(plain.usesFrom && plain.from == "img:1" && plain.range == 15..<20)
        let quoted = try Self.mount("type=bind,\"from=a\"\"b\"", padding: padding).get()
        // `""` is one quote, counted at its first byte.
        #expect(quoted.from == "a\"b" && quoted.range == 16..<20)
        let upper = try Self.mount("TYPE=Tmpfs,FROM=x,RO", padding: padding).get()
        #expect(!upper.usesFrom && upper.from == "x")
        let cache = try Self.mount("Type=CACHE,from=x", padding: padding).get()
        #expect(cache.usesFrom)
        let none = try Self.mount("type=cache,target=/root/.cache", padding: padding).get()
        #expect(none.usesFrom && none.from == nil)
    }

    @Test("a CSV error anywhere wins over a bad field before it")
    func mountErrorOrder() {
        func message(_ text: String) -> String? {
            if case .failure(let error) = Self.mount(text) { return error.message }
            return nil
        }
        #expect(message("bogus,from=x") == "invalid field 'bogus' must be a key=value pair")
        #expect(message("bogus,a\"b") == "failed to parse csv mounts: bare \" in non-quoted-field")
        #expect(message("\"bo\"\"gus\",\"x") == "failed to parse csv mounts: extraneous or missing \" in quoted-field")
        #expect(message("\"bo\"\"gus\",ro") == "invalid field 'bo\"gus' must be a key=value pair")
        #expect(message("ro,type=cache,") == "invalid field '' must be a key=value pair")
        #expect(message("") == "failed to parse csv mounts: EOF")
        #expect(message("readonly,Rw,REQUIRED,readwrite") == nil)
    }

    // MARK: Words and blanks

    /// The totality tests' deterministic generator, so failures reproduce.
    typealias Generator = DockerfileTotalityTests.Generator

    static let pieces: [[UInt8]] = [
        "\"", "'", "=", "\\", "`", " ", "        ", "\t", "\n", "\r", "\u{0B}", "A", "abc", "FOO=bar", "é", "🐳",
        "\u{00A0}", "\u{2003}", "\u{3000}", "\u{85}", "\0", "x=\"a b\"",
    ].map { Array($0.utf8) } + [[0xC2], [0x85], [0xE2, 0x80], [0xFF]]

    static func randomLine(_ generator: inout Generator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<generator.below(10) { bytes += pieces[generator.below(pieces.count)] }
        return bytes
    }

    @Test("each word's `=` is noted in the scan that finds it")
    func wordsNoteEquals() {
        var generator = Generator(state: 11)
        for iteration in 0..<3_000 {
            let bytes = Self.randomLine(&generator)
            let line = DockerfileLogicalLine(file: bytes, start: 0, end: bytes.count)
            let escape = iteration % 2 == 0 ? UInt8(ascii: "\\") : UInt8(ascii: "`")
            var noting = DockerfileWords.QuoteAwareIterator(line, from: 0, to: bytes.count, escape: escape)
            var words: [Range<Int>] = []
            while let word = noting.nextWord() {
                #expect(word.hasEquals == bytes[word.range].contains(UInt8(ascii: "=")), "\(bytes)")
                words.append(word.range)
            }
            #expect(words == DockerfileWords.quoteAware(line, from: 0, to: bytes.count, escape: escape))
        }
    }

    /// `skipSpaces` spelled out: one Unicode space after another.
    static func skippedSpaces(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var i = start
        while i < end, GoSpace.spaceLength(bytes, at: i, end: end) > 0 { i += GoSpace.spaceLength(bytes, at: i, end: end) }
        return i
    }

    static func trimmedSpaces(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var j = end
        while j > start, GoSpace.spaceLength(bytes, endingAt: j, start: start) > 0 { j -= GoSpace.spaceLength(bytes, endingAt: j, start: start) }
        return j
    }

    @Test("blank skipping takes the same steps on arrays and slices")
    func blankSkipping() {
        var generator = Generator(state: 5)
        for _ in 0..<3_000 {
            let bytes = Self.randomLine(&generator)
            let start = generator.below(bytes.count + 1)
            let end = start + generator.below(bytes.count - start + 1)
            let expected = Self.skippedSpaces(bytes, from: start, to: end)
            #expect(GoSpace.skipSpaces(bytes, from: start, to: end) == expected, "\(bytes) \(start) \(end)")
            #expect(GoSpace.skipSpaces(bytes[...], from: start, to: end) == expected)
            let trimmed = Self.trimmedSpaces(bytes, from: start, to: end)
            #expect(GoSpace.trimTrailingSpaces(bytes, from: start, to: end) == trimmed, "\(bytes) \(start) \(end)")
            #expect(GoSpace.trimTrailingSpaces(bytes[...], from: start, to: end) == trimmed)
        }
        for byte in 0...255 {
            let b = UInt8(byte)
            #expect(GoSpace.isASCIISpace(b) == (b == 0x20 || (0x09...0x0D).contains(b)))
            #expect(GoSpace.isSeparator(b) == [0x20, 0x09, 0x0B, 0x0C, 0x0D].contains(b))
        }
    }
}
