/// Where a compose file's `${VAR}` values come from, in the order the issue
/// gives: `.env` beside the compose file, then `--env NAME=VALUE`, then the
/// policy's `variables:`.
///
/// `--env` stands for the shell environment Compose reads, which overrides
/// `.env` (as in Compose); the policy's `variables:` only fill names that
/// neither gives a value. So a look-up tries `--env`, then `.env`, then the
/// policy.
public struct ComposeVariables: Sendable {
    public let environment: [String: String]
    public let dotEnv: DotEnvFile?
    public let policyVariables: [String: String]

    public init(options: ExtractionOptions, dotEnv: DotEnvFile?) {
        environment = options.environment
        self.dotEnv = dotEnv
        policyVariables = options.policyVariables
    }

    /// Reads `dotEnvFile` (when given) with the environment and policy
    /// variables of `options`, so `.env` values can use them too.
    public init(options: ExtractionOptions, dotEnvFile: SourceFile?) {
        let environment = Self.environmentLookup(options)
        let policy = Self.policyLookup(options)
        let dotEnv = dotEnvFile.map { DotEnvReader.read($0, environment: environment, fallback: policy) }
        self.init(options: options, dotEnv: dotEnv)
    }

    /// The value of `name` and where it came from; nil when nothing gives one.
    public func lookup(_ name: String) -> VariableUse? {
        if let value = environment[name] { return VariableUse(name: name, value: value, origin: .commandLine) }
        if let variable = dotEnv?.variable(name) { return variable }
        if let value = policyVariables[name] {
            return VariableUse(name: name, value: value, origin: .policy)
        }
        return nil
    }

    static func environmentLookup(_ options: ExtractionOptions) -> ComposeInterpolation.Lookup {
        let environment = options.environment
        return { name in environment[name].map { VariableUse(name: name, value: $0, origin: .commandLine) } }
    }

    static func policyLookup(_ options: ExtractionOptions) -> ComposeInterpolation.Lookup {
        let variables = options.policyVariables
        return { name in variables[name].map { VariableUse(name: name, value: $0, origin: .policy) } }
    }
}
