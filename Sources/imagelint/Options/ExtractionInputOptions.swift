import ArgumentParser
import ImageLint

/// Values for variables in image references: `--build-arg`, `--env`, `--env-file`.
struct ExtractionInputOptions: ParsableArguments {
    @Option(name: .customLong("build-arg"), help: ArgumentHelp("A value for a Dockerfile ARG (repeatable).", valueName: "NAME=VALUE"))
    var buildArgs: [String] = []

    @Option(name: .customLong("env"), help: ArgumentHelp("A value for a compose or CI variable (repeatable).", valueName: "NAME=VALUE"))
    var environment: [String] = []

    @Option(name: .customLong("env-file"), help: ArgumentHelp("Read NAME=VALUE lines for compose and CI variables from a file (repeatable).", valueName: "file"))
    var environmentFiles: [String] = []

    func validate() throws {
        for (flag, values) in [("--build-arg", buildArgs), ("--env", environment)] {
            for value in values where !value.contains("=") {
                throw ValidationError("\(flag) needs NAME=VALUE, got '\(value)'")
            }
        }
    }

    /// The options for extractors; an unreadable `--env-file` is a failure.
    func extractionOptions(currentDirectory: String) throws(FileSystem.Failure) -> ExtractionOptions {
        var environment: [String: String] = [:]
        for path in environmentFiles {
            let bytes = try FileSystem.read(DisplayPath.absolute(path, in: currentDirectory))
            for (name, value) in EnvironmentFile.parse(String(decoding: bytes, as: UTF8.self)) {
                environment[name] = value
            }
        }
        environment.merge(Self.pairs(self.environment)) { _, commandLine in commandLine }
        return ExtractionOptions(buildArgs: Self.pairs(buildArgs), environment: environment)
    }

    /// `NAME=VALUE` pairs; a later one for the same name wins.
    static func pairs(_ arguments: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else { continue }
            values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        return values
    }
}

/// The values of an `--env-file`, read like Compose reads one
/// (``DotEnvReader``: `export`, quotes, escapes, comments, interpolation
/// from earlier lines); lines it cannot read are skipped.
enum EnvironmentFile {
    static func parse(_ text: String) -> [(name: String, value: String)] {
        DotEnvReader.read(SourceFile(path: "--env-file", text: text)).entries.compactMap { entry in
            entry.value.map { (entry.key, $0) }
        }
    }
}
