import Testing
@testable import ImageLint

/// The reader and extractor are total: random bytes and mutated real
/// Dockerfiles always give a result whose spans lie inside the file.
@Suite("Dockerfile totality")
struct DockerfileTotalityTests {
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

    /// Pieces that reach the reader's corners.
    static let tokens: [[UInt8]] = [
        "\\\n", "`\n", "\\ \t\n", "\r\n", "\r", "\n", "<<EOF", "<<-EOF", "<<'EOF'", "3<<\"X\"", "EOF\n", "\tEOF\n",
        "${", "}", "${A:-", "${A#*.}", "${A//x/y}", "$A", "\\$", "\"", "'", "{{ x }}", "${templateOption:x}", "$(p)",
        "# escape=`\n", "# syntax=a/b:1\n", "# check=skip=all\n", "#!/bin/sh\n", "\u{FEFF}", "FROM ", "from\t", " AS ",
        "ARG A=", "ARG ", "COPY --from=", "RUN --mount=type=bind,from=", "ONBUILD ", "--platform=", "scratch", "[\"a\", 1]",
        "[", "]", ",", "=", " ", "\t", "é", "🐳", "\u{00A0}", "\0", "--", "-- ",
    ].map { Array($0.utf8) }

    static func check(_ bytes: [UInt8]) {
        let file = SourceFile(path: "Dockerfile", bytes: bytes)
        let extraction = DockerfileExtractor.extract(file, options: ExtractionOptions(buildArgs: ["A": "x"], policyVariables: ["B": "y"]))
        for occurrence in extraction.occurrences {
            let span = occurrence.location.span
            #expect(span.start >= 0 && span.start <= span.end && span.end <= bytes.count)
            #expect(occurrence.location.start.line <= occurrence.location.end.line)
            #expect((occurrence.resolved == nil) == !occurrence.unresolved.isEmpty)
        }
        for diagnostic in extraction.diagnostics {
            let span = diagnostic.location.span
            #expect(span.start >= 0 && span.start <= span.end && span.end <= bytes.count)
        }
        let listings = extraction.occurrences.map(ImageListing.init(occurrence:))
        #expect(!ImagesJSONReporter.render(listings).isEmpty)
    }

    @Test func randomBytes() {
        var generator = Generator(state: 0xD0C_4E5F11E)
        for _ in 0..<1500 {
            let count = generator.below(300)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count)
            for _ in 0..<count {
                // Mostly printable ASCII and line breaks, some anything.
                let roll = generator.below(10)
                bytes.append(roll < 7 ? UInt8(32 + generator.below(95)) : roll < 9 ? 0x0A : UInt8(generator.below(256)))
            }
            Self.check(bytes)
        }
    }

    @Test func randomTokenSoup() {
        var generator = Generator(state: 42)
        for _ in 0..<1500 {
            var bytes: [UInt8] = []
            for _ in 0..<generator.below(40) {
                bytes += Self.tokens[generator.below(Self.tokens.count)]
            }
            Self.check(bytes)
        }
    }

    @Test func mutatedRealFiles() throws {
        let seeds = try [
            "fixtures/corpus/moby__buildkit/Dockerfile",
            "fixtures/corpus/docker__buildx/hack/dockerfiles/lint.Dockerfile",
            "fixtures/corpus/drone-plugins__drone-docker/docker/docker/Dockerfile.windows.amd64.ltsc2025",
            "fixtures/dockerfile/heredoc-forms/Dockerfile",
            "fixtures/dockerfile/run-mount-from/Dockerfile",
            "fixtures/dockerfile/substitution-patterns/Dockerfile",
            "fixtures/dockerfile/escape-backtick-windows/Dockerfile",
            "fixtures/dockerfile/template-placeholders/Dockerfile",
        ].map { try RepositoryFiles.bytes($0) }
        var generator = Generator(state: 7)
        for iteration in 0..<1200 {
            var bytes = seeds[iteration % seeds.count]
            for _ in 0..<(1 + generator.below(8)) {
                let at = generator.below(bytes.count + 1)
                switch generator.below(5) {
                case 0:
                    bytes.insert(contentsOf: Self.tokens[generator.below(Self.tokens.count)], at: at)
                case 1 where !bytes.isEmpty:
                    let end = min(bytes.count, at + generator.below(64))
                    bytes.removeSubrange(min(at, end)..<end)
                case 2 where at < bytes.count:
                    bytes[at] = UInt8(generator.below(256))
                case 3 where !bytes.isEmpty:
                    let start = generator.below(bytes.count)
                    let end = min(bytes.count, start + generator.below(200))
                    bytes.insert(contentsOf: bytes[start..<end], at: at)
                default:
                    bytes.insert(contentsOf: Self.tokens[generator.below(Self.tokens.count)], at: at)
                }
            }
            Self.check(bytes)
        }
    }

    @Test func pathologicalShapesStayFast() {
        let shapes: [String] = [
            String(repeating: "\\\n", count: 20_000),
            "RUN " + String(repeating: "<<A ", count: 2_000) + "\n" + String(repeating: "A\n", count: 2_000),
            "FROM " + String(repeating: "${A:-", count: 3_000) + String(repeating: "}", count: 3_000),
            "ARG V=" + String(repeating: "ab", count: 2_000) + "\nFROM x:${V//?/y}${V##*b}${V%%a*}",
            "FROM " + String(repeating: "{{", count: 5_000),
            "RUN --mount=" + String(repeating: "from=a,", count: 5_000) + " x",
            "ONBUILD " + String(repeating: "ONBUILD ", count: 5_000) + "RUN x",
            String(repeating: "# escape=`\n", count: 1_000) + "FROM a",
        ]
        for shape in shapes {
            Self.check(Array(shape.utf8))
        }
    }
}
