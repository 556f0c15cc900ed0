/// A change that would resolve a finding: text edits, kept apart from the
/// diagnostic so a reporter can show it and `fix` or an editor can apply it.
///
/// Safety follows ruff: a `safe` fix keeps the meaning of the file (spelling
/// `nginx` as `docker.io/library/nginx`); an `unsafe` one changes what is
/// pulled (replacing a denied image by its suggested replacement) and is only
/// applied when asked for.
public struct Fix: Sendable, Hashable {
    public enum Safety: String, Sendable, Hashable {
        case safe, unsafe
    }

    /// A short imperative description, e.g. `Replace with docker.io/library/nginx:1.27`.
    public var title: String
    public var edits: [TextEdit]
    public var safety: Safety

    public init(title: String, edits: [TextEdit], safety: Safety) {
        self.title = title
        self.edits = edits
        self.safety = safety
    }
}

/// Replace the bytes of `span` in the file at `path` by `replacement`.
public struct TextEdit: Sendable, Hashable {
    public var path: String
    public var span: SourceSpan
    public var replacement: String

    public init(path: String, span: SourceSpan, replacement: String) {
        self.path = path
        self.span = span
        self.replacement = replacement
    }
}
