import ArgumentParser
import ImageLint

/// How `check` reports: `--format`, `--output`, `--quiet`, `--fail-on`,
/// `--statistics`.
///
/// `--format` and `--output` pair up by position: the n-th `--output`
/// receives the n-th `--format`. One `--format` more than `--output`s
/// (the last) goes to standard output; without any `--format`, the one
/// report is `text`.
struct ReportOptions: ParsableArguments {
    typealias Format = ReportFormat

    @Option(help: ArgumentHelp(
        "Output format: text, concise, json (the versioned contract), sarif, github, gitlab, junit or checkstyle. Repeatable, paired with --output by position.",
        valueName: "format"
    ))
    var format: [Format] = []

    @Option(help: ArgumentHelp(
        "Write the report of the --format in the same position to a file (replaced atomically) and print a one-line summary instead. Repeatable.",
        valueName: "file"
    ))
    var output: [String] = []

    @Flag(help: "Leave out the summary line and the progress line.")
    var quiet = false

    @Flag(help: "Also print how many findings each rule produced.")
    var statistics = false

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("The lowest severity that fails the run (exit 1): error, warning, note or never; overrides the policy's fail-on.", valueName: "severity"))
    var failOn: FailThreshold?

    /// Where one report goes.
    struct Destination: Equatable {
        var format: Format
        /// nil for standard output.
        var path: String?
    }

    func validate() throws {
        if output.count > max(format.count, 1) {
            throw ValidationError("each --output needs a --format in the same position (\(format.count) --format, \(output.count) --output)")
        }
        if format.count > output.count + 1 {
            throw ValidationError("only one --format can go to standard output; give the others an --output each (the n-th --output receives the n-th --format)")
        }
        if Set(output).count != output.count {
            throw ValidationError("two reports cannot be written to the same --output file")
        }
    }

    /// The reports to write, in the order given.
    var destinations: [Destination] {
        let formats = format.isEmpty ? [Format.text] : format
        return formats.enumerated().map { index, format in
            Destination(format: format, path: index < output.count ? output[index] : nil)
        }
    }

    /// The format written to standard output, if any.
    var standardOutputFormat: Format? {
        destinations.first { $0.path == nil }?.format
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}
