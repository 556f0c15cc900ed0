/// A Dockerfile as BuildKit's parser reads it: parser directives, the escape
/// character they chose, and the instructions with exact positions.
public struct Dockerfile: Sendable {
    /// The escape character in effect (`\` or `` ` ``).
    public var escape: UInt8
    /// The parser directives the Dockerfile parser applied, in order.
    public var directives: [DockerfileDirective]
    /// The `syntax` directive as BuildKit's frontend selection reads it
    /// (which skips a leading `#!` line, unlike the parser), if any.
    public var frontend: DockerfileDirective?
    public var instructions: [DockerfileInstruction]
    /// Syntax problems, each positioned.
    public var diagnostics: [Diagnostic]

    public init(escape: UInt8, directives: [DockerfileDirective], frontend: DockerfileDirective?, instructions: [DockerfileInstruction], diagnostics: [Diagnostic]) {
        self.escape = escape
        self.directives = directives
        self.frontend = frontend
        self.instructions = instructions
        self.diagnostics = diagnostics
    }

    /// The directive named `name`, if the parser applied one.
    public func directive(_ name: DockerfileDirective.Name) -> DockerfileDirective? {
        directives.first { $0.name == name }
    }
}
