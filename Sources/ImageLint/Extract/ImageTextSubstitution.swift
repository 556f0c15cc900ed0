/// The resolved text of an image value, built piece by piece by a file
/// kind's substitution rules: literal text, values of variables or
/// placeholders, and names that have no known value.
///
/// Once one piece is unresolved, the whole text is (``resolved`` is nil),
/// but every later piece is still recorded so all unresolved names and
/// every variable used are reported.
struct ImageTextSubstitution: Sendable {
    private var bytes: [UInt8] = []
    private(set) var isComplete = true
    private(set) var unresolved: [String] = []
    private(set) var variables: [VariableUse] = []
    private(set) var related: [RelatedLocation] = []
    /// The text when it resolves to itself (nothing substituted): the
    /// occurrence then shares the text's string instead of building one.
    private var identity: ArraySlice<UInt8>?
    var isIdentity: Bool { identity != nil }

    init() {}

    /// The text after substitution; nil when a piece has no known value.
    var resolved: String? {
        if let identity { return String(decoding: identity, as: UTF8.self) }
        return isComplete ? String(decoding: bytes, as: UTF8.self) : nil
    }

    mutating func appendLiteral(_ text: ArraySlice<UInt8>) {
        if isComplete { bytes.append(contentsOf: text) }
    }

    mutating func appendLiteral(_ text: String) {
        if isComplete { bytes.append(contentsOf: text.utf8) }
    }

    /// A variable or placeholder with a known value.
    mutating func appendValue(_ value: String, variable: VariableUse, related: RelatedLocation? = nil) {
        if isComplete { bytes.append(contentsOf: value.utf8) }
        noteVariable(variable)
        if let related, !self.related.contains(related) { self.related.append(related) }
    }

    /// A variable or placeholder with no known value.
    mutating func appendUnresolved(_ name: String, variable: VariableUse? = nil) {
        isComplete = false
        if !unresolved.contains(name) { unresolved.append(name) }
        if let variable { noteVariable(variable) }
    }

    /// Takes over what a nested substitution (a value that itself used
    /// variables) found, with its text as the value.
    mutating func append(nested: ImageTextSubstitution) {
        if let text = nested.resolved {
            if isComplete { bytes.append(contentsOf: text.utf8) }
        } else {
            isComplete = false
        }
        for name in nested.unresolved where !unresolved.contains(name) { unresolved.append(name) }
        for variable in nested.variables { noteVariable(variable) }
        for location in nested.related where !related.contains(location) { related.append(location) }
    }

    mutating func addRelated(_ location: RelatedLocation) {
        if !related.contains(location) { related.append(location) }
    }

    private mutating func noteVariable(_ variable: VariableUse) {
        if !variables.contains(variable) { variables.append(variable) }
    }

    /// The substitution where the only rule is "foreign placeholders are
    /// unresolved": the text resolves to itself unless it holds one.
    static func placeholdersUnresolved(_ value: ArraySlice<UInt8>) -> ImageTextSubstitution {
        var result = ImageTextSubstitution()
        let placeholders = ForeignPlaceholder.scan(value)
        guard !placeholders.isEmpty else {
            result.identity = value
            return result
        }
        var cursor = value.startIndex
        for placeholder in placeholders {
            result.appendLiteral(value[cursor..<(value.startIndex + placeholder.range.lowerBound)])
            result.appendUnresolved(placeholder.name)
            cursor = value.startIndex + placeholder.range.upperBound
        }
        result.appendLiteral(value[cursor...])
        return result
    }
}
