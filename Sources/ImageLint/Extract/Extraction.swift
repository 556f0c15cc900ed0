/// What an extractor returns for one file: every occurrence it found, in
/// source order, and every problem it met on the way.
public struct Extraction: Sendable {
    public var occurrences: [ImageOccurrence]
    public var diagnostics: [Diagnostic]

    public init(occurrences: [ImageOccurrence] = [], diagnostics: [Diagnostic] = []) {
        self.occurrences = occurrences
        self.diagnostics = diagnostics
    }
}

/// Values from outside a file that substitutions may use.
public struct ExtractionOptions: Sendable {
    /// `--build-arg NAME=VALUE` for Dockerfiles (overrides ARG defaults).
    public var buildArgs: [String: String]
    /// `--env NAME=VALUE` for compose and CI interpolation.
    public var environment: [String: String]
    /// The policy's `variables:`, used when nothing else gives a value.
    public var policyVariables: [String: String]

    public init(buildArgs: [String: String] = [:], environment: [String: String] = [:], policyVariables: [String: String] = [:]) {
        self.buildArgs = buildArgs
        self.environment = environment
        self.policyVariables = policyVariables
    }
}
