import Testing
@testable import ImageLint

@Suite("DotEnvReader")
struct DotEnvReaderTests {
    static func read(_ text: String, environment: [String: String] = [:], fallback: [String: String] = [:]) -> DotEnvFile {
        DotEnvReader.read(
            SourceFile(path: ".env", text: text),
            environment: { name in environment[name].map { VariableUse(name: name, value: $0, origin: .commandLine) } },
            fallback: { name in fallback[name].map { VariableUse(name: name, value: $0, origin: .commandLine) } }
        )
    }

    static func values(_ file: DotEnvFile) -> [String: String?] {
        var out: [String: String?] = [:]
        for entry in file.entries { out[entry.key] = .some(entry.value) }
        return out
    }

    @Test func plainKeyValue() {
        // compose-go dotenv/fixtures/plain.env
        let file = Self.read("""
            OPTION_A=1
            OPTION_B=2
            OPTION_C= 3
            OPTION_D =4
            OPTION_E = 5
            456 = ABC
            OPTION_F = 
            OPTION_G=
            OPTION_H = my string # Inline comment

            """)
        #expect(file.diagnostics.isEmpty)
        #expect(Self.values(file) == [
            "OPTION_A": "1", "OPTION_B": "2", "OPTION_C": "3", "OPTION_D": "4", "OPTION_E": "5",
            "456": "ABC", "OPTION_F": "", "OPTION_G": "", "OPTION_H": "my string",
        ])
    }

    @Test func valueSpansCoverTheValueOnly() throws {
        let text = "OPTION_C= 3\nOPTION_H = my string # Inline comment\nE=\nQ = \"quoted\" # c\n"
        let file = Self.read(text)
        let c = try #require(file.entry("OPTION_C"))
        #expect(file.file.text(c.valueSpan) == "3")
        #expect(file.file.text(c.keySpan) == "OPTION_C")
        let h = try #require(file.entry("OPTION_H"))
        #expect(file.file.text(h.valueSpan) == "my string")
        #expect(file.file.location(h.valueSpan).start.line == 2)
        #expect(file.file.location(h.valueSpan).start.column == 12)
        let e = try #require(file.entry("E"))
        #expect(e.valueSpan.isEmpty)
        #expect(e.valueSpan.start == text.utf8.count - "\nQ = \"quoted\" # c\n".utf8.count)
        let q = try #require(file.entry("Q"))
        #expect(file.file.text(q.valueSpan) == "quoted")
        #expect(q.quoting == .double)
    }

    @Test func exportPrefix() {
        // compose-go dotenv/fixtures/exported.env and equals.env
        let file = Self.read("export OPTION_A=2\nexport OPTION_B='\\n'\nexport  OPTION_C='postgres://localhost:5432/database?sslmode=disable'\nexport=1\n")
        #expect(file.diagnostics.isEmpty)
        #expect(Self.values(file) == [
            "OPTION_A": "2", "OPTION_B": "\\n", "OPTION_C": "postgres://localhost:5432/database?sslmode=disable", "export": "1",
        ])
    }

    @Test func yamlStyleColon() {
        // compose-go dotenv/fixtures/custom.format
        let file = Self.read("FOO:BAR\nZOT: QIX")
        #expect(Self.values(file) == ["FOO": "BAR", "ZOT": "QIX"])
    }

    @Test func inheritedKeysComeFromTheEnvironment() throws {
        // compose-go inherited-multi-var.env / inherited-not-found.env
        let file = Self.read("foo=bar\nVAR_TO_BE_LOADED_FROM_OS_ENV\nbar=baz\nVARIABLE_NOT_FOUND\nLAST", environment: ["VAR_TO_BE_LOADED_FROM_OS_ENV": "fromenv"])
        #expect(file.diagnostics.isEmpty)
        #expect(Self.values(file) == [
            "foo": "bar", "VAR_TO_BE_LOADED_FROM_OS_ENV": "fromenv", "bar": "baz",
            "VARIABLE_NOT_FOUND": String?.none, "LAST": String?.none,
        ])
        let missing = try #require(file.entry("VARIABLE_NOT_FOUND"))
        #expect(missing.isInherited)
        #expect(missing.unresolved == ["VARIABLE_NOT_FOUND"])
        #expect(file.variable("VARIABLE_NOT_FOUND") == nil)
    }

    @Test func keyCharacters() {
        // compose-go dotenv/fixtures/special.env
        let file = Self.read("VAR.WITH.DOTS=dots\nVAR_WITH_UNDERSCORES=underscores\nVAR-WITH-DASHES=dashes\nARR[0]=zero\nÉTÉ=summer\n")
        #expect(file.diagnostics.isEmpty)
        #expect(Self.values(file) == [
            "VAR.WITH.DOTS": "dots", "VAR_WITH_UNDERSCORES": "underscores", "VAR-WITH-DASHES": "dashes",
            "ARR[0]": "zero", "ÉTÉ": "summer",
        ])
    }

    @Test func quotedValues() {
        // compose-go dotenv/fixtures/quoted.env
        let file = Self.read("""
            OPTION_A='1'
            OPTION_B='2'
            OPTION_C=''
            OPTION_D='\\n'
            OPTION_E="1"
            OPTION_F="2"
            OPTION_G=""
            OPTION_H="\\n"
            OPTION_I = "echo 'asd'" # Inline comment
            OPTION_J = 'first line
            second line
            third line
            and so on'
            OPTION_K='Let\\'s go!'
            OPTION_Z = "last value"

            """)
        #expect(file.diagnostics.isEmpty)
        #expect(Self.values(file) == [
            "OPTION_A": "1", "OPTION_B": "2", "OPTION_C": "", "OPTION_D": "\\n",
            "OPTION_E": "1", "OPTION_F": "2", "OPTION_G": "", "OPTION_H": "\n",
            "OPTION_I": "echo 'asd'", "OPTION_J": "first line\nsecond line\nthird line\nand so on",
            "OPTION_K": "Let's go!", "OPTION_Z": "last value",
        ])
    }

    @Test func doubleQuotedEscapes() {
        let file = Self.read(#"""
            A="tab\there"
            B="quote\"inside"
            C="back\\slash"
            D="dollar\$HOME"
            E="\0101\x"
            F="bell\a\b\f\r\v"
            """#)
        #expect(Self.values(file) == [
            "A": "tab\there", "B": "quote\"inside", "C": "back\\slash", "D": "dollar$HOME",
            "E": "A\\x", "F": "bell\u{07}\u{08}\u{0C}\r\u{0B}",
        ])
    }

    @Test func singleQuotedValuesAreLiteral() {
        let file = Self.read("TAG=1\nA='${TAG}'\nB='$$'\nC=\"${TAG}\"\nD=${TAG}\n")
        #expect(Self.values(file) == ["TAG": "1", "A": "${TAG}", "B": "$$", "C": "1", "D": "1"])
    }

    @Test func commentsOnlyAfterABlank() {
        let file = Self.read("# leading comment\n   # indented comment\nA=VAL# x\nB=VAL #x\nC=\"v\"# after quote\nD=a\t#tab\n")
        #expect(Self.values(file) == ["A": "VAL# x", "B": "VAL", "C": "v", "D": "a\t#tab"])
    }

    @Test func substitutions() {
        // compose-go dotenv/fixtures/substitutions.env and substitutions-default.env
        let file = Self.read("""
            OPTION_A=1
            OPTION_B=${OPTION_A}
            OPTION_C=$OPTION_B
            OPTION_D=${OPTION_A}_${OPTION_B}
            OPTION_E=${OPTION_NOT_DEFINED}
            OPTION_F=${OPTION_NOT_DEFINED:-dflt}
            """)
        #expect(Self.values(file) == [
            "OPTION_A": "1", "OPTION_B": "1", "OPTION_C": "1", "OPTION_D": "1_1",
            "OPTION_E": String?.none, "OPTION_F": "dflt",
        ])
        #expect(file.entry("OPTION_E")?.unresolved == ["OPTION_NOT_DEFINED"])
    }

    @Test func environmentWinsOverEarlierKeysThenFallback() {
        let file = Self.read("A=file\nB=${A}\nC=${P}\nD=${Q}\n", environment: ["A": "env"], fallback: ["P": "policy"])
        #expect(Self.values(file) == ["A": "file", "B": "env", "C": "policy", "D": String?.none])
    }

    @Test func variableOriginIsTheValueSpan() throws {
        let file = Self.read("# versions\nTEMPORAL_VERSION=1.29.1\n")
        let use = try #require(file.variable("TEMPORAL_VERSION"))
        #expect(use.value == "1.29.1")
        guard case .file(let location) = use.origin else {
            Issue.record("expected a file origin")
            return
        }
        #expect(location.path == ".env")
        #expect(location.start.line == 2)
        #expect(location.start.column == 18)
        #expect(location.end.column == 24)
    }

    @Test func laterDefinitionWins() {
        let file = Self.read("A=1\nA=2\n")
        #expect(file.entry("A")?.value == "2")
        #expect(file.entries.count == 2)
    }

    @Test func byteOrderMarkIsSkipped() {
        // compose-go dotenv/fixtures/utf8-bom.env
        let file = DotEnvReader.read(SourceFile(path: ".env", bytes: [0xEF, 0xBB, 0xBF] + Array("OPTION_A=1\nOPTION_B=2\n".utf8)))
        #expect(file.diagnostics.isEmpty)
        #expect(Self.values(file) == ["OPTION_A": "1", "OPTION_B": "2"])
    }

    @Test func crlfLineEnds() {
        let file = Self.read("A=1\r\nB = two words \r\nC=\"multi\r\nline\"\r\nD\r\n", environment: ["D": "d"])
        #expect(file.diagnostics.isEmpty)
        #expect(Self.values(file) == ["A": "1", "B": "two words", "C": "multi\nline", "D": "d"])
    }

    @Test func errorsAreReportedAndReadingGoesOn() {
        // compose-go dotenv/fixtures/invalid1.env stops at "INVALID LINE".
        let file = Self.read("# some comments\nfoo=\"\n  a\n  multine\n  value\n\"\nINVALID LINE\nzot=qix")
        #expect(Self.values(file) == ["foo": "\n  a\n  multine\n  value\n", "zot": "qix"])
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.code == "dotenv-syntax")
        #expect(file.diagnostics.first?.message == "variable name \"INVALID LINE\" cannot contain a space")
        #expect(file.diagnostics.first?.location.start.line == 7)
    }

    @Test func badKeyCharacter() {
        let file = Self.read("A$B=1\nOK=2\n=3\n")
        #expect(Self.values(file) == ["OK": "2"])
        #expect(file.diagnostics.map(\.message) == ["unexpected character \"$\" in variable name", "missing variable name before \"=\""])
        #expect(file.diagnostics.map(\.location.start.column) == [2, 1])
    }

    @Test func unterminatedQuote() {
        let file = Self.read("A=\"never closed\nB=2\n")
        #expect(file.diagnostics.map(\.message) == ["unterminated quoted value for A"])
        #expect(file.entry("A") == nil)
    }

    @Test func invalidTemplateIsPositioned() throws {
        let file = Self.read("A=x${}\n")
        let diagnostic = try #require(file.diagnostics.first)
        #expect(diagnostic.location.start.column == 4)
        #expect(diagnostic.location.end.column == 7)
        #expect(file.entry("A")?.value == nil)
    }

    @Test func severalStatementsAfterAClosingQuote() {
        // compose-go goes on reading right after the closing quote.
        let file = Self.read("A=\"1\" B=2\n")
        #expect(Self.values(file) == ["A": "1", "B": "2"])
    }

    @Test func totalOverArbitraryBytes() {
        var generator = SplitMix64(seed: 42)
        let alphabet: [UInt8] = Array("AB=:#'\"\\ \n\r\t${}-_.x".utf8) + [0xFF, 0xEF, 0xBB, 0xBF]
        for _ in 0..<2000 {
            let length = Int(generator.next() % 40)
            var bytes: [UInt8] = []
            for _ in 0..<length { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let file = DotEnvReader.read(SourceFile(path: ".env", bytes: bytes))
            for entry in file.entries {
                #expect(entry.valueSpan.start >= 0 && entry.valueSpan.end <= bytes.count)
                #expect(!entry.key.isEmpty)
            }
        }
    }
}
