import ArgumentParser
import ImageReference

/// `imagelint ref REFERENCE…`: parse and explain image references.
struct RefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ref",
        abstract: "Parse and explain image references.",
        discussion: """
            Each reference is normalized as Docker does (nginx → docker.io/library/nginx) \
            unless --strict is given, which applies the grammar exactly as written (Go's \
            reference.Parse). `-` reads references from standard input, one per line; a \
            trailing \\r is removed and an empty line is an (invalid) empty reference.

            Exit status: 0 when every reference is valid, 1 when any is invalid, 2 on a \
            usage error. --format json prints a JSON array with one object per reference, \
            in order: input, valid, error, name, domain, path, tag, digest, string, familiar \
            (null when absent).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Parse without normalization: the grammar exactly as written.")
    var strict = false

    @Argument(help: "The references to parse; `-` reads them from standard input, one per line.")
    var references: [String] = []

    func validate() throws {
        if references.isEmpty {
            throw ValidationError("Give at least one reference, or `-` to read them from standard input.")
        }
        if references.count(where: { $0 == "-" }) > 1 {
            throw ValidationError("`-` (standard input) may be given only once.")
        }
    }

    func run() throws {
        let inputs = try expandedInputs { StandardInput.readAll() }
        let results = inputs.map { RefResult(input: $0, strict: strict) }
        FileStream.standardOutput.write(RefRenderer.render(results, format: format))
        if results.contains(where: { !$0.isValid }) {
            throw ExitStatus.findings.exitCode
        }
    }

    /// The arguments as byte strings, with `-` replaced by the lines of the
    /// standard input, which `readStandardInput` supplies.
    func expandedInputs(readStandardInput: () -> [UInt8]?) throws -> [[UInt8]] {
        var inputs: [[UInt8]] = []
        for argument in references {
            guard argument == "-" else {
                inputs.append(Array(argument.utf8))
                continue
            }
            guard let bytes = readStandardInput() else {
                throw ValidationError("Cannot read the standard input.")
            }
            inputs += StandardInput.lines(bytes)
        }
        return inputs
    }
}
