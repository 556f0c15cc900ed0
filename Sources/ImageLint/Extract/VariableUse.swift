/// One variable an occurrence's text used, and where its value came from.
public struct VariableUse: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// Written in a file: an `ARG` default, a `.env` line, a policy's `variables:`.
        case file(SourceLocation)
        /// The default inside the reference text itself (`${TAG:-1.2}`).
        case inlineDefault
        /// Given on the command line (`--build-arg`, `--env`).
        case commandLine
        /// The policy's `variables:` (used only when nothing else gives a value).
        case policy
        /// Provided by the build system without any declaration (BuildKit's
        /// `TARGETOS` and friends, resolved for the default platform).
        case builtin
        /// No value is known.
        case unset
    }

    public var name: String
    /// The value substituted, or nil when the variable has none.
    public var value: String?
    public var origin: Origin

    public init(name: String, value: String?, origin: Origin) {
        self.name = name
        self.value = value
        self.origin = origin
    }
}
