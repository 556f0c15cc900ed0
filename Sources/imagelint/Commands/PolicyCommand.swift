import ArgumentParser
import ImageLint

/// `imagelint policy check [FILE]` and `imagelint policy schema`.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Validate a policy file and print the effective policy, or print the policy's JSON Schema.",
        subcommands: [PolicyCheckCommand.self, PolicySchemaCommand.self]
    )
}

/// `imagelint policy check [FILE]`.
struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a policy (the discovered one without FILE) and print the effective, merged policy.",
        discussion: "Problems are printed as path:line:col: error: message, and the exit status is 2."
    )

    @Argument(help: "The policy file (default: the one `imagelint check` would use).")
    var file: String?

    func run() throws {
        let outcome = PolicyCheckRun(file: file).execute(currentDirectory: FileSystem.currentDirectory())
        FileStream.standardOutput.write(outcome.output)
        FileStream.standardError.write(outcome.errors)
        if outcome.status != .success { throw ExitCode(outcome.status.rawValue) }
    }
}

/// One `policy check`, apart from the command so tests see its output.
struct PolicyCheckRun {
    var file: String?

    struct Outcome {
        var output: String
        var errors: String
        var status: ExitStatus
    }

    func execute(currentDirectory: String) -> Outcome {
        let result = PolicyOptions().load(currentDirectory: currentDirectory, explicit: file)
        guard result.problems.isEmpty else {
            let report = LintReport(runFindings: result.problems.map(\.finding), auxiliaryFiles: result.files)
            let text = TextReporter().renderFindings(report)
            return Outcome(output: "", errors: text + "\(result.problems.count) problem\(result.problems.count == 1 ? "" : "s") in the policy\n", status: .failure)
        }
        return Outcome(output: PolicyPrinter.render(result.policy), errors: "", status: .success)
    }
}

/// `imagelint policy schema`: the JSON Schema of policy files, for editors.
struct PolicySchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of policy files (save it and point `# yaml-language-server: $schema=` at it)."
    )

    func run() throws {
        FileStream.standardOutput.write(PolicySchema.text)
    }
}
