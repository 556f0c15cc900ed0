/// One variable definition of a `.env` file.
public struct DotEnvEntry: Sendable, Hashable {
    public enum Quoting: Sendable, Hashable {
        case none, single, double
    }

    public var key: String
    public var keySpan: SourceSpan
    /// The value as written: the characters inside the quotes, or the
    /// unquoted text without a trailing comment and blanks (an empty span
    /// after the `=` for `KEY=`); the key's span for a bare `KEY` line.
    public var valueSpan: SourceSpan
    public var quoting: Quoting
    /// The value after quote removal and escapes, before interpolation.
    public var literal: String
    /// A bare `KEY` line: the value comes from the environment.
    public var isInherited: Bool
    /// The value after interpolation; nil when it needs a variable with no
    /// known value (or the line is a bare `KEY` the environment does not set).
    public var value: String?
    /// Variables the value needed that have no known value.
    public var unresolved: [String]
    /// Variables the value used.
    public var variables: [VariableUse]

    public init(
        key: String, keySpan: SourceSpan, valueSpan: SourceSpan, quoting: Quoting, literal: String,
        isInherited: Bool, value: String?, unresolved: [String] = [], variables: [VariableUse] = []
    ) {
        self.key = key
        self.keySpan = keySpan
        self.valueSpan = valueSpan
        self.quoting = quoting
        self.literal = literal
        self.isInherited = isInherited
        self.value = value
        self.unresolved = unresolved
        self.variables = variables
    }
}

/// A `.env` file as ``DotEnvReader`` read it.
public struct DotEnvFile: Sendable {
    public let file: SourceFile
    /// Every definition in file order (a key may appear more than once).
    public let entries: [DotEnvEntry]
    public let diagnostics: [Diagnostic]
    /// The index in `entries` of the definition that counts, by key.
    private let lastIndex: [String: Int]

    public init(file: SourceFile, entries: [DotEnvEntry], diagnostics: [Diagnostic]) {
        self.file = file
        self.entries = entries
        self.diagnostics = diagnostics
        var lastIndex: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { lastIndex[entry.key] = index }
        self.lastIndex = lastIndex
    }

    /// The definition of `key` that counts: the last one in the file.
    public func entry(_ key: String) -> DotEnvEntry? {
        lastIndex[key].map { entries[$0] }
    }

    /// `key` as a variable for interpolation: its value with the `.env`
    /// line's value as origin; nil when the file does not give it a value.
    public func variable(_ key: String) -> VariableUse? {
        guard let entry = entry(key), let value = entry.value else { return nil }
        return VariableUse(name: key, value: value, origin: .file(file.location(entry.valueSpan)))
    }
}
