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
    @OptionGroup var scan: ScanOptions

    @Argument(help: "Files and folders to check (default: the current folder).")
    var paths: [String] = []

    func validate() throws {
        if scan.stdinFilename != nil, !paths.isEmpty {
            throw ValidationError("--stdin-filename checks standard input; give no PATH with it")
        }
    }

    func run() throws {
        var standardInput: [UInt8]?
        if scan.stdinFilename != nil {
            guard let bytes = StandardInput.readAll() else {
                FileStream.standardError.write("imagelint: error: cannot read standard input\n")
                throw ExitCode(ExitStatus.failure.rawValue)
            }
            standardInput = bytes
        }
        let colorAllowed = report.standardOutputFormat == .text && isatty(1) != 0
            && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
        var run = CheckRun(
            paths: paths, policy: policyOptions, inputs: inputs, report: report,
            jobs: scan.jobs, stdinFilename: scan.stdinFilename, color: colorAllowed
        )
        run.showsProgress = ProgressLine.isWanted(quiet: report.quiet)
        let outcome = run.execute(currentDirectory: FileSystem.currentDirectory(), today: PolicyDate.today(), standardInput: standardInput)
        let delivered = outcome.deliver { text, path throws(OutputFile.Failure) in try OutputFile.replace(text, at: path) }
        FileStream.standardOutput.write(delivered.standardOutput)
        FileStream.standardError.write(delivered.standardError)
        if delivered.status != .success { throw ExitCode(delivered.status.rawValue) }
    }
}
