/// A syntax error in a glob, a tag regex, an image pattern or a message
/// template: what is wrong and where, as a 0-based offset in Unicode
/// scalars from the start of the pattern (the policy loader turns it into
/// a `line:col` in the policy file).
public struct PatternSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}
