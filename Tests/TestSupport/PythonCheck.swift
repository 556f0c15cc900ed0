import Foundation

/// Checks that run through python3 (SARIF schema validation with the
/// `jsonschema` package, XML parsing with the standard library), when
/// python3 is installed; tests that need them are skipped by name otherwise,
/// so a missing tool shows in the test output instead of passing silently.
public enum PythonCheck {
    /// Every python3 on `PATH`, in order (a pyenv shim may come before the system one).
    public static let pythons: [String] = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        var seen: Set<String> = []
        return path.split(separator: ":").map { "\($0)/python3" }.filter { seen.insert($0).inserted && FileManager.default.isExecutableFile(atPath: $0) }
    }()

    public static let hasPython = !pythons.isEmpty
    /// The first python3 that can import `jsonschema`.
    public static let jsonSchemaPython: String? = pythons.first { run("import jsonschema", input: "", python: $0)?.status == 0 }
    public static let hasJSONSchema = jsonSchemaPython != nil

    /// Runs `script` with `input` on standard input; nil without python3.
    public static func run(_ script: String, arguments: [String] = [], input: String, python: String? = pythons.first) -> (status: Int32, output: String)? {
        guard let python else { return nil }
        // Standard input from a file, so reading the output cannot deadlock.
        let inputURL = FileManager.default.temporaryDirectory.appendingPathComponent("imagelint-python-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: inputURL) }
        guard (try? Data(input.utf8).write(to: inputURL)) != nil, let stdin = try? FileHandle(forReadingFrom: inputURL) else {
            return nil
        }
        defer { try? stdin.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        do {
            try process.run()
        } catch {
            return nil
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Validates a SARIF log against `fixtures/schemas/sarif-schema-2.1.0.json`;
    /// returns the validator's complaints (empty when valid).
    public static func sarifProblems(_ sarif: String) -> String? {
        let schema = RepositoryRoot.fixture("schemas/sarif-schema-2.1.0.json")
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(sys.stdin)
            cls = jsonschema.validators.validator_for(schema)
            errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.absolute_path))
            for e in errors:
                print("/".join(str(p) for p in e.absolute_path), ":", e.message)
            sys.exit(1 if errors else 0)
            """
        return run(script, arguments: [schema], input: sarif, python: jsonSchemaPython).map { $0.output }
    }

    /// Parses XML with `xml.etree`; returns the parser's error (empty when well-formed).
    public static func xmlProblems(_ xml: String) -> String? {
        let script = """
            import sys, xml.etree.ElementTree as ET
            try:
                ET.fromstring(sys.stdin.buffer.read())
            except ET.ParseError as e:
                print(e); sys.exit(1)
            """
        return run(script, input: xml).map { $0.output }
    }
}
