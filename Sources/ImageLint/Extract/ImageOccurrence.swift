/// One place in a file that names a container image.
///
/// The occurrence keeps the text exactly as written and the text after the
/// file kind's substitutions; parsing it as a reference is the next stage's
/// work, so an extractor never decides whether a reference is valid.
public struct ImageOccurrence: Sendable, Hashable {
    public var source: SourceKind
    public var role: ImageRole
    /// The reference text as written: inside quotes, without prefixes such
    /// as `docker://`; for a value with variables, the whole raw value.
    public var location: SourceLocation
    /// The text as written (quotes removed, variables not substituted).
    public var text: String
    /// The text after substitution; nil when a variable has no known value.
    public var resolved: String?
    /// Names of variables or foreign placeholders with no known value.
    public var unresolved: [String]
    /// Every variable the text used and where its value came from.
    public var variables: [VariableUse]
    /// Other places that contributed (ARG defaults, Helm split fields,
    /// alias sites), each with a short label.
    public var related: [RelatedLocation]
    public var context: OccurrenceContext

    public init(
        source: SourceKind,
        role: ImageRole = .pull,
        location: SourceLocation,
        text: String,
        resolved: String?,
        unresolved: [String] = [],
        variables: [VariableUse] = [],
        related: [RelatedLocation] = [],
        context: OccurrenceContext = OccurrenceContext()
    ) {
        self.source = source
        self.role = role
        self.location = location
        self.text = text
        self.resolved = resolved
        self.unresolved = unresolved
        self.variables = variables
        self.related = related
        self.context = context
    }
}

/// A place that contributed to an occurrence or a finding, with why.
public struct RelatedLocation: Sendable, Hashable {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }
}
