/// A point in a file, in every unit a consumer may want.
///
/// `line` and `column` are 1-based. `column` counts Unicode scalars (what the
/// text and JSON reports show), `utf16Column` counts UTF-16 code units (what
/// SARIF with `columnKind: utf16CodeUnits` and LSP expect), `byteColumn`
/// counts bytes. A UTF-8 BOM at the start of the file is not counted by
/// `column` or `utf16Column` (editors do not show it) but is by
/// `byteColumn`. An invalid UTF-8 byte counts as one scalar (U+FFFD).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int
    public var utf16Column: Int
    public var byteColumn: Int

    public init(offset: Int, line: Int, column: Int, utf16Column: Int, byteColumn: Int) {
        self.offset = offset
        self.line = line
        self.column = column
        self.utf16Column = utf16Column
        self.byteColumn = byteColumn
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }

    public var description: String { "\(line):\(column)" }
}
