/// One problem found: which rule, how serious, what, where, and how to fix it.
///
/// Findings come from policy rules evaluated on occurrences, from rules that
/// look at a whole run (`consistent-tags`), from the policy itself
/// (`expired-exception`), from suppressions (`unused-suppression`) and from
/// readers (a ``Diagnostic`` becomes a finding of the pseudo-rule
/// `syntax-error`, see ``Finding/init(diagnostic:)``).
public struct Finding: Sendable, Hashable {
    /// The rule's id: a built-in id, a custom rule's id, or a pseudo-rule.
    public var rule: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// Other places that explain the finding (the ARG that supplied a value,
    /// the other uses of an image), each with a short note.
    public var related: [RelatedLocation]
    /// The image occurrence the finding is about, if any.
    public var occurrence: ImageOccurrence?
    /// The occurrence's normalized reference (`docker.io/library/nginx:1.27`),
    /// when its resolved text parsed.
    public var normalized: String?
    public var fix: Fix?

    public init(
        rule: String,
        severity: Severity,
        message: String,
        location: SourceLocation,
        related: [RelatedLocation] = [],
        occurrence: ImageOccurrence? = nil,
        normalized: String? = nil,
        fix: Fix? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.related = related
        self.occurrence = occurrence
        self.normalized = normalized
        self.fix = fix
    }

    /// The pseudo-rule under which reader diagnostics are reported.
    public static let syntaxErrorRule = "syntax-error"
    /// The pseudo-rule for a file that could not be read (I/O error, too large).
    public static let readErrorRule = "read-error"

    /// A reader's diagnostic as a finding of the `syntax-error` pseudo-rule
    /// (its own code is kept in front of the message, so nothing is lost).
    public init(diagnostic: Diagnostic) {
        self.init(
            rule: Finding.syntaxErrorRule,
            severity: diagnostic.severity,
            message: "\(diagnostic.message) [\(diagnostic.code)]",
            location: diagnostic.location
        )
    }

    /// Report order: by file, then position, then rule id.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.location.path != rhs.location.path { return lhs.location.path < rhs.location.path }
        if lhs.location.span != rhs.location.span { return lhs.location.span < rhs.location.span }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.message < rhs.message
    }
}
