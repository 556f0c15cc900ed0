import ArgumentParser
import ImageLint

/// How `check` reports: `--format`, `--output`, `--quiet`, `--fail-on`.
struct ReportOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json (the versioned contract).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the report to a file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Leave out the summary line.")
    var quiet = false

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("The lowest severity that fails the run (exit 1): error, warning, note or never; overrides the policy's fail-on.", valueName: "severity"))
    var failOn: FailThreshold?
}

extension FailThreshold: ExpressibleByArgument {}
