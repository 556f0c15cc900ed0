/// A here-document of a `RUN`, `COPY` or `ADD` instruction.
public struct DockerfileHeredoc: Sendable, Hashable {
    /// The terminator, with its quotes removed (`EOF` for `<<"EOF"`).
    public var name: String
    /// `<<-`: leading tabs are removed before comparing with the terminator.
    public var chomp: Bool
    /// Whether variables in the body are expanded (no quotes in the name).
    public var expand: Bool
    /// The file descriptor prefix (`3<<EOF`), 0 when none.
    public var fileDescriptor: Int
    /// The body lines, from the first body byte to the end of the last body
    /// line (before the terminator line).
    public var bodySpan: SourceSpan
    /// The terminator line; nil when the file ended first.
    public var terminatorSpan: SourceSpan?

    public init(name: String, chomp: Bool, expand: Bool, fileDescriptor: Int, bodySpan: SourceSpan, terminatorSpan: SourceSpan?) {
        self.name = name
        self.chomp = chomp
        self.expand = expand
        self.fileDescriptor = fileDescriptor
        self.bodySpan = bodySpan
        self.terminatorSpan = terminatorSpan
    }
}
