/// One `# imagelint: ignore[…]` or `# imagelint: ignore-file[…]` comment.
public struct Suppression: Sendable, Hashable {
    public enum Scope: Sendable, Hashable {
        /// Applies to findings that start on this 1-based line.
        case line(Int)
        /// Applies to the whole file.
        case file
    }

    /// One rule id inside the brackets, with its own span so an unused one
    /// can be pointed at precisely.
    public struct Entry: Sendable, Hashable {
        public var rule: String
        public var span: SourceSpan
    }

    public var scope: Scope
    public var entries: [Entry]
    /// The text after the brackets, trimmed; nil when none was given.
    public var reason: String?
    /// The comment from `#` to the end of its line.
    public var span: SourceSpan
    /// The 1-based line the comment is on.
    public var line: Int
}

/// A comment that starts like a suppression but cannot be one (a typo in
/// the directive, no rule list, a misplaced `ignore-file`). It suppresses
/// nothing, so it is reported under `unused-suppression`.
public struct MalformedSuppression: Sendable, Hashable {
    public var message: String
    public var span: SourceSpan
}

/// Every suppression comment of one file.
public struct SuppressionScan: Sendable, Hashable {
    public var suppressions: [Suppression] = []
    public var malformed: [MalformedSuppression] = []

    public init(suppressions: [Suppression] = [], malformed: [MalformedSuppression] = []) {
        self.suppressions = suppressions
        self.malformed = malformed
    }
}

/// Which comment syntax a file uses.
public enum CommentStyle: Sendable, Hashable {
    /// A comment is a line whose first non-blank character is `#`.
    case dockerfile
    /// As for Dockerfiles, and also a `#` after a blank outside a quoted
    /// scalar (a trailing comment).
    case yaml
}
