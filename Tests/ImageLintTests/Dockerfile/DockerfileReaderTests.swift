import Testing
@testable import ImageLint

@Suite("Dockerfile reader")
struct DockerfileReaderTests {
    static func read(_ text: String) -> (Dockerfile, SourceFile) {
        let file = SourceFile(path: "Dockerfile", text: text)
        return (DockerfileReader.read(file), file)
    }

    static func codes(_ dockerfile: Dockerfile) -> [String] { dockerfile.diagnostics.map(\.code) }

    // MARK: Directives

    @Test func directivesAtTheTop() {
        let (dockerfile, _) = Self.read("# syntax=docker/dockerfile:1\n# escape=`\nFROM a\n")
        #expect(dockerfile.directives.map(\.name) == [.syntax, .escape])
        #expect(dockerfile.escape == UInt8(ascii: "`"))
        #expect(dockerfile.frontend?.value == "docker/dockerfile:1")
        #expect(dockerfile.diagnostics.isEmpty)
    }

    @Test(arguments: ["#escape=`", "# ESCAPE = `", "#\tEscape\t=\t`  ", "  # escape=`"])
    func directiveSpellings(_ line: String) {
        let (dockerfile, _) = Self.read(line + "\nFROM a\n")
        #expect(dockerfile.escape == UInt8(ascii: "`"))
    }

    @Test(arguments: [
        "# About this file\n# escape=`\n",
        "\n# escape=`\n",
        "# foo=bar\n# escape=`\n",
        "#!/usr/bin/env dockerfile\n# escape=`\n",
        "FROM a\n# escape=`\n",
    ])
    func scanningEndsAtTheFirstOtherLine(_ prefix: String) {
        let (dockerfile, _) = Self.read(prefix + "FROM b\n")
        #expect(dockerfile.escape == UInt8(ascii: "\\"))
        #expect(dockerfile.directive(.escape) == nil)
    }

    @Test func repeatedDirectiveIsAnError() {
        let (dockerfile, file) = Self.read("# syntax=a\n# SYNTAX=b\nFROM c\n")
        #expect(Self.codes(dockerfile) == ["dockerfile-repeated-directive"])
        #expect(dockerfile.diagnostics[0].location.start.line == 2)
        #expect(dockerfile.directive(.syntax)?.value == "a")
        // The frontend detector gives up on a repeat, as BuildKit does.
        #expect(DockerfileFrontendDetector.detect(file) == nil)
    }

    @Test func invalidEscapeIsAnErrorAndKeepsBackslash() {
        let (dockerfile, _) = Self.read("# escape=x\nFROM a \\\n  AS b\n")
        #expect(Self.codes(dockerfile) == ["dockerfile-invalid-escape"])
        #expect(dockerfile.escape == UInt8(ascii: "\\"))
        #expect(dockerfile.instructions.count == 1)
    }

    @Test func blankEscapeValueIsInvalid() {
        // BuildKit's pattern needs one character for the value: a blank.
        let (dockerfile, _) = Self.read("# escape= \nFROM a\n")
        #expect(Self.codes(dockerfile) == ["dockerfile-invalid-escape"])
    }

    @Test(arguments: [("skip=all", true), ("skip=JSONArgsRecommended;error=true", true), ("error=maybe", false), ("nope", false), ("colour=red", false)])
    func checkDirective(_ value: String, _ valid: Bool) {
        let (dockerfile, _) = Self.read("# check=\(value)\nFROM a\n")
        #expect(dockerfile.diagnostics.isEmpty == valid)
    }

    @Test func shebangHidesDirectivesFromTheParserButNotFromFrontendDetection() {
        let (dockerfile, _) = Self.read("#!/usr/bin/env buildctl\n# syntax=docker/dockerfile:1.7\n# escape=`\nFROM a\n")
        #expect(dockerfile.directives.isEmpty)
        #expect(dockerfile.escape == UInt8(ascii: "\\"))
        #expect(dockerfile.frontend?.value == "docker/dockerfile:1.7")
    }

    @Test func indentedDirectiveIsNotAFrontendForBuildKitDetection() {
        let (dockerfile, _) = Self.read("  # syntax=x\nFROM a\n")
        #expect(dockerfile.directive(.syntax)?.value == "x")
        #expect(dockerfile.frontend == nil)
    }

    @Test func byteOrderMarkBeforeDirective() {
        let (dockerfile, file) = Self.read("\u{FEFF}# syntax=docker/dockerfile:1\nFROM a\n")
        let frontend = dockerfile.frontend
        #expect(frontend?.value == "docker/dockerfile:1")
        #expect(frontend.map { file.location($0.valueSpan).start.column } == 10)
    }

    // MARK: Lines

    @Test func continuationDropsCommentsAndBlankLinesKeepsIndentation() {
        let (dockerfile, _) = Self.read("RUN a \\\n  # comment \\\n\n   \n  b\nFROM c\n")
        #expect(dockerfile.instructions.map(\.arguments) == ["a   b", "c"])
    }

    @Test func escapedEscapeAtLineEndDoesNotContinue() {
        let (dockerfile, _) = Self.read("ENV X a\\\\\nFROM b\n")
        #expect(dockerfile.instructions.map(\.kind) == [.env, .from])
    }

    @Test func blanksAfterTheEscape() {
        let (dockerfile, _) = Self.read("RUN a \\ \t \nb\n")
        #expect(dockerfile.instructions.map(\.arguments) == ["a b"])
    }

    @Test func lineOfOnlyTheEscapeContinues() {
        let (dockerfile, _) = Self.read("ENV E hello\\\n\\\nworld\n")
        #expect(dockerfile.instructions.map(\.arguments) == ["E helloworld"])
    }

    @Test func commentEndingInEscapeDoesNotContinue() {
        let (dockerfile, _) = Self.read("# note \\\nFROM a\n")
        #expect(dockerfile.instructions.map(\.kind) == [.from])
    }

    @Test func continuationAtEndOfFile() {
        let (dockerfile, _) = Self.read("FROM a\nRUN b \\")
        #expect(dockerfile.instructions.map(\.arguments) == ["a", "b"])
    }

    @Test func carriageReturnsBelongToTheTerminator() {
        let (dockerfile, _) = Self.read("FROM a\r\nRUN b \\\r\n c\r\n")
        #expect(dockerfile.instructions.map(\.arguments) == ["a", "b  c"])
    }

    @Test func wordStraddlingAContinuationMapsToItsSourceBytes() {
        let (dockerfile, file) = Self.read("FROM alp\\\n  ine\n")
        let instruction = dockerfile.instructions[0]
        #expect(instruction.arguments == "alp  ine")
        let span = instruction.argumentsSpan
        #expect(file.text(span) == "alp\\\n  ine")
    }

    @Test func keywordCaseAndTabs() {
        let (dockerfile, _) = Self.read("from\tubuntu:14.04\nCoPy --from=a b c\n")
        #expect(dockerfile.instructions.map(\.kind) == [.from, .copy])
        #expect(dockerfile.instructions.map(\.keyword) == ["from", "CoPy"])
    }

    @Test func noInstructions() {
        for text in ["", "# only a comment\n", "\n\n  \n", "\u{FEFF}"] {
            let (dockerfile, _) = Self.read(text)
            #expect(Self.codes(dockerfile) == ["dockerfile-no-instructions"])
        }
    }

    // MARK: Flags

    @Test func flagValuesKeepPositionsInsideQuotes() {
        let (dockerfile, file) = Self.read("COPY --link --from=\"build er\" --chmod=7\\55 -- --x y\n")
        let flags = dockerfile.instructions[0].flags
        #expect(flags.map(\.name) == ["link", "from", "chmod"])
        #expect(flags.map(\.value) == [nil, "build er", "755"])
        #expect(flags[1].valueSpan.map(file.text) == "build er")
        #expect(dockerfile.instructions[0].arguments == "--x y")
    }

    @Test func flagsStopAtTheFirstOtherWord() {
        let (dockerfile, _) = Self.read("RUN echo --mount=type=cache\n")
        #expect(dockerfile.instructions[0].flags.isEmpty)
        #expect(dockerfile.instructions[0].arguments == "echo --mount=type=cache")
    }

    @Test func plainFlagValuesMapToTheirFileBytes() {
        // One flag per continued line, one flag straddling a continuation,
        // and an empty value.
        let text = "RUN --mount=type=cache,target=/a \\\n    --network=no\\\nne --from= echo\n"
        let (dockerfile, file) = Self.read(text)
        let flags = dockerfile.instructions[0].flags
        #expect(flags.map(\.name) == ["mount", "network", "from"])
        #expect(flags.map(\.value) == ["type=cache,target=/a", "none", ""])
        #expect(flags[0].valueSpan.map(file.text) == "type=cache,target=/a")
        #expect(flags[0].valueSpan(5..<10).start == flags[0].span.start + 8 + 5)
        #expect(flags[1].valueSpan.map(file.text) == "no\\\nne")
        #expect(flags[1].valueSourceOffsets.count == 4)
        #expect(flags[2].valueSpan == SourceSpan(at: flags[2].span.end))
    }

    @Test(arguments: DockerfileInstructionKind.allCases.filter { $0 != .unknown })
    func everyKeywordInAnyCase(_ kind: DockerfileInstructionKind) {
        let word = kind.rawValue
        for keyword in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
            let (dockerfile, _) = Self.read("\(keyword) x\n")
            #expect(dockerfile.instructions.first?.kind == kind, "\(keyword)")
            let (longer, _) = Self.read("\(keyword)s x\n")
            #expect(longer.instructions.first?.kind == .unknown, "\(keyword)s")
        }
    }

    /// Bytes next to the letters (`@`, `[`, `` ` ``, `{`), digits and
    /// bytes above ASCII in place of any letter make an unknown keyword:
    /// the lowercasing `| 0x20` the matcher uses must not turn them into
    /// letters.
    @Test(arguments: DockerfileInstructionKind.allCases.filter { $0 != .unknown })
    func nearMissKeywordsAreUnknown(_ kind: DockerfileInstructionKind) {
        let letters = Array(kind.rawValue.uppercased().utf8)
        for index in letters.indices {
            for replacement: UInt8 in [0x40, 0x5B, 0x60, 0x7B, 0x30, 0xC1, 0xE1] {
                var keyword = letters
                keyword[index] = replacement
                let file = SourceFile(path: "Dockerfile", bytes: keyword + Array(" x\n".utf8))
                #expect(DockerfileReader.read(file).instructions.first?.kind == .unknown, "\(keyword)")
            }
        }
    }

    // MARK: JSON form

    @Test(arguments: [
        ("CMD [\"a\", \"b\"]", true), ("CMD []", true), ("CMD [ \"\\u0041\" ]", true),
        ("CMD ['a']", false), ("CMD [\"a\"", false), ("CMD [\"a\"] x", false), ("CMD [\"a\\q\"]", false),
    ])
    func jsonForm(_ line: String, _ isJSON: Bool) {
        let (dockerfile, _) = Self.read(line + "\n")
        #expect(dockerfile.instructions[0].isJSON == isJSON)
        #expect(dockerfile.diagnostics.isEmpty)
    }

    @Test(arguments: ["CMD [\"a\", 1]", "CMD [[\"a\"]]", "RUN [null]", "COPY [{\"a\": [1, {}]}, \"b\"]"])
    func jsonArrayOfNonStringsIsAnError(_ line: String) {
        let (dockerfile, _) = Self.read(line + "\n")
        #expect(Self.codes(dockerfile) == ["dockerfile-json-not-strings"])
    }

    @Test func deeplyNestedJSONIsSafe() {
        let (dockerfile, _) = Self.read("CMD " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n")
        #expect(dockerfile.instructions.count == 1)
    }

    // MARK: Heredocs

    @Test func heredocBodyIsNotInstructions() {
        let (dockerfile, file) = Self.read("RUN <<EOF\nFROM evil\nEOF\nFROM good\n")
        #expect(dockerfile.instructions.map(\.kind) == [.run, .from])
        let heredoc = dockerfile.instructions[0].heredocs[0]
        #expect(heredoc.name == "EOF")
        #expect(file.text(heredoc.bodySpan) == "FROM evil\n")
        #expect(heredoc.terminatorSpan.map(file.text) == "EOF")
    }

    @Test func heredocForms() {
        let text = "COPY <<A 3<<-\"B\" <<'C' /dest\na\nA\nb\n\t\tB\nc\nC\nFROM x\n"
        let (dockerfile, _) = Self.read(text)
        let heredocs = dockerfile.instructions[0].heredocs
        #expect(heredocs.map(\.name) == ["A", "B", "C"])
        #expect(heredocs.map(\.chomp) == [false, true, false])
        #expect(heredocs.map(\.expand) == [true, false, false])
        #expect(heredocs.map(\.fileDescriptor) == [0, 3, 0])
        #expect(dockerfile.instructions.map(\.kind) == [.copy, .from])
    }

    @Test(arguments: [
        "RUN [\"cat\", \"<<EOF\"]\nFROM a\nEOF\n",
        "RUN echo \"<<EOF\"\nFROM a\nEOF\n",
        "RUN cat<<EOF\nFROM a\nEOF\n",
        "ENV X <<EOF\nFROM a\nEOF\n",
        "RUN echo \\<<EOF\nFROM a\nEOF\n",
    ])
    func notHeredocs(_ text: String) {
        let (dockerfile, _) = Self.read(text)
        #expect(dockerfile.instructions.contains { $0.kind == .from })
        #expect(dockerfile.instructions.allSatisfy { $0.heredocs.isEmpty })
    }

    @Test func continuedInstructionBeforeHeredoc() {
        let (dockerfile, _) = Self.read("RUN --mount=type=cache,target=/x \\\n  --mount=from=img,target=/y <<EOT\nFROM no\nEOT\n")
        #expect(dockerfile.instructions.count == 1)
        #expect(dockerfile.instructions[0].flags.map(\.name) == ["mount", "mount"])
        #expect(dockerfile.instructions[0].heredocs.count == 1)
    }

    @Test func onbuildHeredoc() {
        let (dockerfile, _) = Self.read("ONBUILD RUN <<EOF\nFROM no\nEOF\n")
        #expect(dockerfile.instructions.count == 1)
        #expect(dockerfile.instructions[0].trigger?.kind == .run)
        #expect(dockerfile.instructions[0].heredocs.count == 1)
    }

    @Test func unterminatedHeredoc() {
        let (dockerfile, _) = Self.read("FROM a\nRUN <<EOF\nFROM b\n")
        #expect(Self.codes(dockerfile) == ["dockerfile-unterminated-heredoc"])
        #expect(dockerfile.diagnostics[0].location.start.line == 2)
        #expect(dockerfile.diagnostics[0].location.start.column == 5)
        #expect(dockerfile.instructions.map(\.kind) == [.from, .run])
    }

    @Test func heredocTerminatorWithCRLF() {
        let (dockerfile, _) = Self.read("RUN <<EOF\r\necho\r\nEOF\r\nFROM a\r\n")
        #expect(dockerfile.instructions.map(\.kind) == [.run, .from])
    }
}
