import ArgumentParser
import ImageLint
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `imagelint [check] [PATH…]`: find every image reference and check it
/// against the policy. The default subcommand, so `imagelint PATH` works.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every image reference in the given files and folders against the policy (the default command).",
        discussion: """
        Folders are walked recursively, honouring .gitignore and the policy's files.exclude. \
        Exit status: 0 when nothing is at or above the fail-on severity, 1 when something is, \
        2 when the policy is invalid or a path cannot be read (after checking everything else).
        """
    )

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var inputs: ExtractionInputOptions
    @OptionGroup var report: ReportOptions

    @Argument(help: "Files and folders to check (default: the current folder).")
    var paths: [String] = []

    func run() throws {
        let colorAllowed = report.output == nil && isatty(1) != 0 && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
        let run = CheckRun(paths: paths, policy: policyOptions, inputs: inputs, report: report, color: colorAllowed)
        let outcome = run.execute(currentDirectory: FileSystem.currentDirectory(), today: PolicyDate.today())
        if let path = report.output {
            do {
                try OutputFile.write(outcome.output, to: path)
            } catch {
                FileStream.standardError.write("imagelint: error: cannot write the report: \(error)\n")
                throw ExitCode(ExitStatus.failure.rawValue)
            }
        } else {
            FileStream.standardOutput.write(outcome.output)
        }
        FileStream.standardError.write(outcome.errors)
        if outcome.status != .success { throw ExitCode(outcome.status.rawValue) }
    }
}

/// One `check` run, apart from the command so tests see its output and
/// status exactly; the date and the folder are parameters.
struct CheckRun {
    var paths: [String]
    var policy: PolicyOptions
    var inputs: ExtractionInputOptions
    var report: ReportOptions
    var color = false

    struct Outcome {
        var output: String
        var errors: String
        var status: ExitStatus
    }

    /// Files larger than this are not read (reported as `read-error` warnings).
    static let sizeLimit = 8 << 20

    func execute(currentDirectory: String, today: PolicyDate) -> Outcome {
        let loaded = policy.load(currentDirectory: currentDirectory)
        var runFindings = loaded.problems.map(\.finding)
        var failed = !loaded.problems.isEmpty
        var errors = ""
        var options = ExtractionOptions()
        do {
            options = try inputs.extractionOptions(currentDirectory: currentDirectory)
        } catch {
            errors += "imagelint: error: cannot read \(error.path): \(error.reason)\n"
            failed = true
        }
        let linter = Linter(policy: loaded.policy, options: options, today: today, workingDirectory: currentDirectory)
        let contents = Workspace().load(paths.isEmpty ? ["."] : paths, currentDirectory: currentDirectory) { linter.selects(path: $0) }
        for note in contents.notes {
            errors += "\(note.path): note: \(note.message)\n"
        }
        var analyses: [Linter.FileAnalysis] = []
        for file in contents.files {
            if file.source.bytes.count > Self.sizeLimit {
                let location = SourceFile(path: file.source.path, text: "").location(SourceSpan(at: 0))
                runFindings.append(Finding(
                    rule: Finding.readErrorRule, severity: .warning,
                    message: "file not checked: \(file.source.bytes.count) bytes is more than the limit of \(Self.sizeLimit) bytes",
                    location: location
                ))
                continue
            }
            analyses.append(linter.analyze(file: file.source, kind: file.kind, companions: file.companions))
        }
        for failure in contents.failures {
            let location = SourceFile(path: failure.path, text: "").location(SourceSpan(at: 0))
            runFindings.append(Finding(rule: Finding.readErrorRule, severity: .error, message: "cannot read: \(failure.reason)", location: location))
            failed = true
        }
        var result = linter.lint(analyses: analyses)
        result.runFindings += runFindings
        result.auxiliaryFiles = loaded.files
        let output = switch report.format {
        case .text: TextReporter(color: color, quiet: report.quiet).render(result)
        case .json: JSONReporter.render(result)
        }
        let threshold = report.failOn ?? loaded.policy.failOn
        let status: ExitStatus = failed ? .failure : result.fails(at: threshold) ? .findings : .success
        return Outcome(output: output, errors: errors, status: status)
    }
}
