/// A problem a reader found in a file: a syntax error, a limit reached, a
/// construct that cannot be what the author meant.
///
/// Diagnostics are not policy findings: they come from reading, carry a
/// stable `code`, and a file with an error diagnostic is still used as far
/// as it could be read.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 2
            case .warning: 1
            case .note: 0
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable identifier such as `yaml-syntax` or `dockerfile-unterminated-heredoc`.
    public var code: String
    public var message: String
    public var location: SourceLocation
    /// Other places the problem involves (the first of two duplicate keys,
    /// the start of the construct a syntax error is in).
    public var related: [SourceLocation]

    public init(severity: Severity, code: String, message: String, location: SourceLocation, related: [SourceLocation] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.related = related
    }
}
