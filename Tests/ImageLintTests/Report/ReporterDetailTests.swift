import Testing
@testable import ImageLint

/// The details each format must get right, one by one.
@Suite struct ReporterDetailTests {
    // MARK: GitHub workflow commands

    @Test func gitHubMessageEscapesPercentAndLineBreaksOnly() {
        #expect(GitHubReporter.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
    }

    @Test func gitHubPropertiesAlsoEscapeColonAndComma() {
        #expect(GitHubReporter.escapeProperty("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A")
    }

    @Test func gitHubCommandPerSeverity() {
        #expect(GitHubReporter.commandName(.error) == "error")
        #expect(GitHubReporter.commandName(.warning) == "warning")
        #expect(GitHubReporter.commandName(.note) == "notice")
    }

    @Test func gitHubPathWithCommaStaysOneProperty() {
        let file = SourceFile(path: "a,b:c/Dockerfile", text: "FROM x\n")
        let finding = Finding(rule: "r", severity: .error, message: "m", location: file.location(SourceSpan(start: 5, end: 6)))
        #expect(GitHubReporter.command(finding) == "::error file=a%2Cb%3Ac/Dockerfile,line=1,col=6,endLine=1,endColumn=7,title=r (imagelint)::m")
    }

    // MARK: Concise

    @Test func conciseKeepsEachFindingOnOneLine() {
        #expect(ConciseReporter.oneLine("a\r\nb\tc\u{7F}d") == "a  b c d")
        #expect(ConciseReporter.oneLine("plain ü") == "plain ü")
        let lines = ConciseReporter.render(ReportSample.report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == ReportSample.report.findings.count + 1)
        #expect(lines.last == "")
    }

    // MARK: XML

    @Test func xmlEscapesMarkupAndDropsCharactersXMLCannotHold() {
        #expect(XMLText.escaped("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        #expect(XMLText.escaped("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e") == "abcde")
        #expect(XMLText.escaped("t\tn\nr\r") == "t&#9;n&#10;r&#13;")
        #expect(XMLText.escaped("ü😀\u{E000}") == "ü😀\u{E000}")
    }

    // MARK: SARIF

    @Test func sarifURIsArePercentEncodedAndRelative() {
        #expect(SARIFReporter.percentEncoded("deploy/wëb app#1%.yaml") == "deploy/w%C3%ABb%20app%231%25.yaml")
        #expect(SARIFReporter.percentEncoded("c:d") == "c%3Ad")
        guard case .object(let relative) = SARIFReporter.artifactLocation("./a/b.yaml") else {
            Issue.record("not an object")
            return
        }
        #expect(relative.map(\.key) == ["uri", "uriBaseId"])
        guard case .string("a/b.yaml") = relative[0].value else {
            Issue.record("unexpected uri")
            return
        }
        guard case .object(let absolute) = SARIFReporter.artifactLocation("/srv/x y/Dockerfile"),
              case .string("file:///srv/x%20y/Dockerfile") = absolute.first?.value else {
            Issue.record("unexpected absolute location")
            return
        }
        #expect(absolute.count == 1)
    }

    @Test func sarifSourceRootIsAFolderURI() {
        #expect(SARIFReporter.sourceRoot("/home/me/repo").rendered() == "{\n  \"uri\": \"file:///home/me/repo/\"\n}")
        #expect(SARIFReporter.sourceRoot("/").rendered() == "{\n  \"uri\": \"file:///\"\n}")
    }

    @Test func sarifFixWithoutTheFileUsesBytes() {
        let region = SARIFReporter.deletedRegion(SourceSpan(start: 4, end: 9), start: nil, end: nil).rendered()
        #expect(region == "{\n  \"byteOffset\": 4,\n  \"byteLength\": 5\n}")
    }

    @Test func sarifRuleNames() {
        #expect(RuleHelp.pascalCase("no-latest") == "NoLatest")
        #expect(RuleHelp.pascalCase("acme/alpine-eol") == "AcmeAlpineEol")
    }

    @Test func ruleHelpUnwrapsParagraphs() {
        #expect(RuleHelp.unwrapped("a\nb\n\n  c\nd\n") == "a b\n\nc d")
    }

    @Test func builtInRuleHelpIsTheRuleDocumentation() throws {
        let rules = ReportRule.rules(catalog: RuleCatalog.builtIn, policy: nil)
        let noLatest = try #require(rules.first { $0.id == "no-latest" })
        let declaration = try #require(RuleCatalog.builtIn.declaration("no-latest"))
        #expect(RuleHelp.text(noLatest) == RuleDocumentation.explain(declaration))
        #expect(RuleHelp.markdown(noLatest) == RuleDocumentation.markdown(declaration))
        #expect(!RuleHelp.markdown(noLatest).contains("«"))
    }

    @Test func everyBuiltInRuleAndPseudoRuleIsDescribed() {
        let rules = ReportRule.rules(catalog: RuleCatalog.builtIn, policy: nil)
        #expect(rules.map(\.id) == RuleCatalog.builtIn.ids + RuleCatalog.pseudoRules)
        for rule in rules {
            #expect(!rule.summary.isEmpty, "\(rule.id)")
            #expect(!rule.rationale.isEmpty, "\(rule.id)")
        }
    }

    // MARK: JSON

    @Test func jsonValueLayout() {
        let value = JSONValue.object([("a", .array([])), ("b", .object([])), ("c", .array([.int(1), .null, .bool(false), .string("\"")]))])
        #expect(value.rendered() == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    null,\n    false,\n    \"\\\"\"\n  ]\n}")
    }
}

/// Fingerprints: stable when lines move, different when what is found differs.
@Suite struct FindingFingerprintTests {
    @Test func fnv1aKnownValues() {
        #expect(FindingFingerprint.fnv1a64("".utf8) == 0xcbf2_9ce4_8422_2325)
        #expect(FindingFingerprint.fnv1a64("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(FindingFingerprint.fnv1a64("foobar".utf8) == 0x8594_4171_f739_67e8)
        #expect(FindingFingerprint.hex(0xAB) == "00000000000000ab")
    }

    /// A report with a `no-latest` finding at every `nginx:latest` and `redis` in `text`.
    static func report(_ text: String, path: String = "Dockerfile") -> LintReport {
        let file = SourceFile(path: path, text: text)
        var findings: [Finding] = []
        var occurrences: [ImageOccurrence] = []
        for image in ["nginx:latest", "redis"] {
            let count = text.split(separator: "\n").filter { $0.contains(image) }.count
            for nth in 0 ..< count {
                let location = ReportSample.locate(image, in: file, nth: nth)
                let occurrence = ImageOccurrence(source: .dockerfile, location: location, text: image, resolved: image)
                occurrences.append(occurrence)
                findings.append(Finding(
                    rule: "no-latest", severity: .error, message: "m at line \(location.start.line)",
                    location: location, occurrence: occurrence, normalized: image
                ))
            }
        }
        return LintReport(files: [FileResult(file: file, occurrences: occurrences, findings: findings)])
    }

    static func prints(_ report: LintReport) -> [String] {
        FindingFingerprint.fingerprints(for: report.findings, in: report)
    }

    @Test func survivesLinesMovingAndReindenting() {
        let before = Self.prints(Self.report("FROM nginx:latest\nFROM redis\n"))
        let after = Self.prints(Self.report("# a comment\n\n\nFROM   nginx:latest\n\nFROM redis\n"))
        #expect(before == after)
        #expect(Set(before).count == 2)
    }

    @Test func sameImageTwiceGetsTwoFingerprints() {
        let prints = Self.prints(Self.report("FROM nginx:latest\nFROM nginx:latest\n"))
        #expect(prints.count == 2)
        #expect(Set(prints).count == 2)
    }

    @Test func dependsOnPathAndRule() {
        let a = Self.prints(Self.report("FROM redis\n"))
        let b = Self.prints(Self.report("FROM redis\n", path: "other/Dockerfile"))
        #expect(a != b)
    }

    @Test func findingsWithoutImageIgnoreDigitsInTheMessage() {
        let file = SourceFile(path: "a.yaml", text: "x: [\n")
        func report(line: Int) -> LintReport {
            let finding = Finding(rule: "syntax-error", severity: .error, message: "unclosed flow sequence (opened on line \(line))", location: file.location(SourceSpan(start: 3, end: 4)))
            return LintReport(files: [FileResult(file: file, findings: [finding])])
        }
        #expect(Self.prints(report(line: 1)) == Self.prints(report(line: 7)))
    }
}
