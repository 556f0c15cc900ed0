import Foundation
import ImageLint
import Testing
import TestSupport
@testable import imagelint

/// `check` with every report format on a real run, `--output`, `--jobs`,
/// `--statistics`, `--stdin-filename` and the progress line's conditions.
@Suite("check reports")
struct CheckReportTests {
    static let root = RepositoryRoot.path
    /// A small tree of this suite's own (a policy with a fixable rule, a
    /// suppression, an ARG default, an emoji before an image), so other
    /// fixtures can change without touching these goldens.
    static let runFolder = RepositoryRoot.fixture("report/run")
    static let today = PolicyDate(year: 2026, month: 6, day: 1)!

    /// A `check` run parsed from `arguments`, as the command builds it.
    static func run(_ arguments: [String], in folder: String = runFolder, standardInput: [UInt8]? = nil) throws -> CheckRun.Outcome {
        let command = try CheckCommand.parse(arguments)
        let run = CheckRun(
            paths: command.paths, policy: command.policyOptions, inputs: command.inputs, report: command.report,
            jobs: command.scan.jobs, stdinFilename: command.scan.stdinFilename
        )
        return run.execute(currentDirectory: folder, today: today, standardInput: standardInput)
    }

    static func fileExtension(_ format: ReportFormat) -> String {
        switch format {
        case .text, .concise, .github: "txt"
        case .json, .gitlab: "json"
        case .sarif: "sarif"
        case .junit, .checkstyle: "xml"
        }
    }

    // MARK: Formats on a real run

    @Test(arguments: [ReportFormat.concise, .github, .gitlab, .junit, .checkstyle])
    func formatOfARun(_ format: ReportFormat) throws {
        let outcome = try Self.run(["--format", format.rawValue])
        #expect(outcome.status == .findings)
        GoldenFile.check(outcome.output, matches: "report/\(format.rawValue)/run.\(Self.fileExtension(format))")
    }

    /// The results part of the run's SARIF (the rules part follows every
    /// edit of a rule's wording and is covered by the schema test).
    @Test func sarifResultsOfARun() throws {
        let outcome = try Self.run(["--format", "sarif"])
        let sarif = outcome.output.replacingOccurrences(of: "file://\(Self.runFolder)/", with: "file:///RUN/")
        let results = try #require(sarif.range(of: "      \"originalUriBaseIds\""))
        GoldenFile.check(String(sarif[results.lowerBound...]), matches: "report/sarif/run-results.sarif")
        #expect(sarif.contains("\"uri\": \"file:///RUN/\""))
    }

    @Test(.enabled(if: PythonCheck.hasJSONSchema, "needs python3 with the jsonschema package"))
    func sarifOfARealRunValidates() throws {
        for (paths, folder) in [([], Self.runFolder), (["fixtures/demo"], Self.root), (["fixtures/corpus"], Self.root), (["fixtures/check"], Self.root)] {
            let outcome = try Self.run(paths + ["--format", "sarif"], in: folder)
            #expect(PythonCheck.sarifProblems(outcome.output) == "", "\(paths)")
        }
    }

    @Test(.enabled(if: PythonCheck.hasPython, "needs python3"), arguments: [ReportFormat.junit, .checkstyle])
    func xmlOfARealRunIsWellFormed(_ format: ReportFormat) throws {
        let outcome = try Self.run(["fixtures/corpus", "fixtures/check", "--format", format.rawValue], in: Self.root)
        #expect(PythonCheck.xmlProblems(outcome.output) == "")
    }

    // MARK: --jobs

    @Test func jobsDoNotChangeTheOutput() throws {
        for format in ["json", "sarif", "text"] {
            let one = try Self.run(["fixtures/corpus", "fixtures/check", "--format", format, "--jobs", "1", "--statistics"], in: Self.root)
            for jobs in ["3"] {
                let many = try Self.run(["fixtures/corpus", "fixtures/check", "--format", format, "--jobs", jobs, "--statistics"], in: Self.root)
                #expect(many.output == one.output, "--format \(format) --jobs \(jobs)")
                #expect(many.statistics == one.statistics)
                #expect(many.errors == one.errors)
                #expect(many.status == one.status)
            }
            #expect(one.output.count > 1000)
        }
    }

    @Test func jobsMustBePositive() {
        #expect(runImageLint(["check", "--jobs", "0", "fixtures/demo"]) == 2)
    }

    // MARK: --output

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "imagelint-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func outputsArePairedWithFormatsByPosition() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try Self.run([
            "--format", "sarif", "--output", "\(folder)/a.sarif", "--format", "json", "--output", "\(folder)/b.json",
        ])
        #expect(outcome.output == "")
        let delivered = outcome.deliver { text, path throws(OutputFile.Failure) in try OutputFile.replace(text, at: path) }
        let summary = "2 files, 9 images: 8 findings (3 errors, 1 warning, 4 notes), 1 suppressed"
        #expect(delivered.standardOutput == "\(summary); wrote \(folder)/a.sarif (sarif), \(folder)/b.json (json)\n")
        #expect(delivered.status == .findings)
        let json = try String(contentsOfFile: "\(folder)/b.json", encoding: .utf8)
        #expect(json == (try Self.run(["--format", "json"])).output)
        let sarif = try String(contentsOfFile: "\(folder)/a.sarif", encoding: .utf8)
        #expect(sarif.contains("\"version\": \"2.1.0\""))
        // Only the two reports: no temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.sarif", "b.json"])
    }

    @Test func aFormatWithoutOutputGoesToStandardOutputAndTheSummaryToStandardError() throws {
        let outcome = try Self.run(["--format", "gitlab", "--output", "/dev/null", "--format", "json"])
        let delivered = outcome.deliver { _, _ throws(OutputFile.Failure) in }
        #expect(delivered.standardOutput == (try Self.run(["--format", "json"])).output)
        #expect(delivered.standardError.hasSuffix("; wrote /dev/null (gitlab)\n"))
    }

    @Test func quietLeavesOutTheSummaryLine() throws {
        let outcome = try Self.run(["--format", "gitlab", "--output", "x.json", "--quiet"])
        let delivered = outcome.deliver { _, _ throws(OutputFile.Failure) in }
        #expect(delivered.standardOutput == "")
        #expect(delivered.standardError == "")
    }

    @Test func aReportThatCannotBeWrittenFailsTheRunAndLeavesTheOldFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old".write(toFile: "\(folder)/report.json", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: "\(folder)/dir", withIntermediateDirectories: false)
        let outcome = try Self.run(["--format", "json", "--output", "\(folder)/dir", "--format", "json", "--output", "\(folder)/missing/x.json"])
        let delivered = outcome.deliver { text, path throws(OutputFile.Failure) in try OutputFile.replace(text, at: path) }
        #expect(delivered.status == .failure)
        #expect(delivered.standardError.contains("cannot write the report: \(folder)/dir: Is a directory"))
        #expect(delivered.standardError.contains("cannot write the report: \(folder)/missing/x.json: No such file or directory"))
        #expect(try String(contentsOfFile: "\(folder)/report.json", encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["dir", "report.json"])
        // An existing file is replaced whole.
        try OutputFile.replace("new\n", at: "\(folder)/report.json")
        #expect(try String(contentsOfFile: "\(folder)/report.json", encoding: .utf8) == "new\n")
    }

    @Test func aDeviceOrALinkIsWrittenInPlaceNotReplaced() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try OutputFile.replace("nothing\n", at: "/dev/null")
        let null = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        #expect(null[.type] as? FileAttributeType == .typeCharacterSpecial)
        try "old".write(toFile: "\(folder)/target.json", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/link.json", withDestinationPath: "\(folder)/target.json")
        try OutputFile.replace("new", at: "\(folder)/link.json")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/link.json") == "\(folder)/target.json")
        #expect(try String(contentsOfFile: "\(folder)/target.json", encoding: .utf8) == "new")
    }

    @Test func formatsAndOutputsMustPairUp() {
        #expect(runImageLint(["check", "fixtures/demo", "--output", "a", "--output", "b"]) == 2)
        #expect(runImageLint(["check", "fixtures/demo", "--format", "json", "--format", "sarif"]) == 2)
        #expect(runImageLint(["check", "fixtures/demo", "--format", "json", "--output", "a", "--format", "sarif", "--output", "a"]) == 2)
    }

    // MARK: --statistics

    @Test func statisticsFollowATextReportAndAvoidAMachineOne() throws {
        let text = try Self.run(["--statistics"]).deliver { _, _ throws(OutputFile.Failure) in }
        let statistics = """
              4  fully-qualified      note
              3  no-latest            error
              1  unresolved-variable  warning
              8  findings in total

            """
        #expect(text.standardOutput.hasSuffix("4 notes), 1 suppressed\n" + statistics))
        let json = try Self.run(["--statistics", "--format", "json"]).deliver { _, _ throws(OutputFile.Failure) in }
        #expect(json.standardOutput.hasSuffix("}\n"))
        #expect(json.standardError == statistics)
    }

    // MARK: --stdin-filename

    /// A folder with a policy in `sub/` that makes `no-latest` a warning.
    static func stdinFolder() throws -> String {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/sub", withIntermediateDirectories: true)
        try "rules:\n  no-latest: warning\nfiles:\n  exclude: [\"vendor/**\"]\n".write(toFile: "\(folder)/sub/.imagelint.yaml", atomically: false, encoding: .utf8)
        return folder
    }

    @Test func standardInputIsCheckedAsTheNamedFile() throws {
        let folder = try Self.stdinFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The file does not exist: only its name, folder and the text matter.
        let text = Array("# ünïcödé\nFROM alpine:3.20\nFROM  nginx:latest\n".utf8)
        let outcome = try Self.run(["--stdin-filename", "sub/Dockerfile.web", "--format", "concise"], in: folder, standardInput: text)
        #expect(outcome.output == "sub/Dockerfile.web:3:7: warning: `nginx:latest` resolves to the moving tag `latest`; pin a version tag or a digest [no-latest]\n")
        #expect(outcome.status == .success)
        #expect(outcome.errors == "")
    }

    @Test func standardInputOfAnExcludedOrUnknownFileGivesNoFindings() throws {
        let folder = try Self.stdinFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = Array("FROM nginx:latest\n".utf8)
        let excluded = try Self.run(["--stdin-filename", "sub/vendor/Dockerfile", "--format", "concise"], in: folder, standardInput: text)
        #expect(excluded.output == "")
        #expect(excluded.status == .success)
        let unknown = try Self.run(["--stdin-filename", "notes.txt", "--format", "concise"], in: folder, standardInput: Array("hello\n".utf8))
        #expect(unknown.output == "")
        #expect(unknown.errors == "notes.txt: note: not a file kind imagelint reads (use --kind to choose one)\n")
    }

    @Test func standardInputTakesNoPaths() {
        #expect(runImageLint(["check", "--stdin-filename", "Dockerfile", "fixtures/demo"]) == 2)
    }

    // MARK: Progress line

    @Test func progressOnlyOnATerminalOutsideCIWithoutQuiet() {
        #expect(ProgressLine.isWanted(quiet: false, standardErrorIsTerminal: true, ciVariable: nil))
        #expect(!ProgressLine.isWanted(quiet: true, standardErrorIsTerminal: true, ciVariable: nil))
        #expect(!ProgressLine.isWanted(quiet: false, standardErrorIsTerminal: false, ciVariable: nil))
        #expect(!ProgressLine.isWanted(quiet: false, standardErrorIsTerminal: true, ciVariable: "true"))
    }
}
