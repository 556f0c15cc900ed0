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

/// The `NAME=VALUE` lines of an `--env-file`: blank lines and `#` comments
/// skipped, an optional `export ` prefix, one pair of matching quotes
/// around the value removed.
enum EnvironmentFile {
    static func parse(_ text: String) -> [(name: String, value: String)] {
        var pairs: [(String, String)] = []
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = line.dropFirst("export ".count) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: " \t")
            var value = line[line.index(after: equals)...].trimmingCharacters(in: " \t")
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if !name.isEmpty { pairs.append((name, value)) }
        }
        return pairs
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
