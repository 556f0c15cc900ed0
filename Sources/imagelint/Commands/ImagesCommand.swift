import ArgumentParser
import ImageLint

/// `imagelint images [PATH…]`: every image reference found, no policy.
struct ImagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "images",
        abstract: "List every image reference found in the given files and folders (no policy).",
        discussion: """
        Folders are walked recursively, skipping .git and what .gitignore files exclude. \
        Diagnostics about the files go to standard error; the exit status is 2 when a path \
        cannot be read (after listing the rest).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Read the given files as this kind, whatever their names; limit folder walks to it.", valueName: "kind"))
    var kind: String?

    @OptionGroup var inputs: ExtractionInputOptions

    @Argument(help: "Files and folders to scan (default: the current folder).")
    var paths: [String] = []

    func validate() throws {
        if let kind, FileKind(rawValue: kind) == nil {
            throw ValidationError("unknown kind '\(kind)'; known kinds: \(FileKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let currentDirectory = FileSystem.currentDirectory()
        let options: ExtractionOptions
        do {
            options = try inputs.extractionOptions(currentDirectory: currentDirectory)
        } catch {
            FileStream.standardError.write("imagelint: error: cannot read \(error.path): \(error.reason)\n")
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        let outcome = ImagesRun(
            paths: paths.isEmpty ? ["."] : paths,
            kind: kind.flatMap(FileKind.init(rawValue:)),
            buildArgs: options.buildArgs,
            environment: options.environment,
            format: format
        ).execute(currentDirectory: currentDirectory)
        FileStream.standardOutput.write(outcome.output)
        FileStream.standardError.write(outcome.errors)
        if outcome.status != .success { throw ExitCode(outcome.status.rawValue) }
    }
}

/// One run of `images`, separated from the command so tests can check its
/// output and status exactly.
struct ImagesRun {
    var paths: [String]
    var kind: FileKind?
    var buildArgs: [String: String]
    var environment: [String: String] = [:]
    var format: ImagesCommand.Format

    struct Outcome {
        var output: String
        var errors: String
        var status: ExitStatus
    }


    func execute(currentDirectory: String) -> Outcome {
        let contents = Workspace().load(paths, kind: kind, currentDirectory: currentDirectory)
        let options = ExtractionOptions(buildArgs: buildArgs, environment: environment)
        var listings: [ImageListing] = []
        var reported: Set<DiagnosticKey> = []
        var errors = ""
        for note in contents.notes {
            errors += "\(note.path): note: \(note.message)\n"
        }
        for file in contents.files {
            let extraction = Extractor.extract(file.source, kind: file.kind, options: options, companions: file.companions)
            listings += extraction.occurrences.map(ImageListing.init(occurrence:))
            for diagnostic in extraction.diagnostics {
                // A companion's diagnostics (a shared .env) come with every file that uses it.
                guard reported.insert(DiagnosticKey(diagnostic)).inserted else { continue }
                errors += diagnostic.line + "\n"
            }
        }
        for failure in contents.failures {
            errors += "imagelint: error: cannot read \(failure.path): \(failure.reason)\n"
        }
        listings.sort(by: ImageListing.order)
        let output = switch format {
        case .text: ImagesTextReporter.render(listings)
        case .json: ImagesJSONReporter.render(listings)
        }
        return Outcome(output: output, errors: errors, status: contents.failures.isEmpty ? .success : .failure)
    }
}

/// What makes two diagnostics the same report.
private struct DiagnosticKey: Hashable {
    var path: String
    var span: SourceSpan
    var code: String
    var message: String

    init(_ diagnostic: Diagnostic) {
        path = diagnostic.location.path
        span = diagnostic.location.span
        code = diagnostic.code
        message = diagnostic.message
    }
}
