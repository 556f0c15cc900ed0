/// A `--name=value` flag of an instruction, after BuildKit's flag scanner
/// removed its quotes and backslash escapes.
public struct DockerfileFlag: Sendable, Hashable {
    /// The name between `--` and `=` (case-sensitive, as BuildKit compares it).
    public var name: String
    /// The value after `=`; nil for a flag written without `=`.
    public var value: String?
    /// The whole flag word in the file.
    public var span: SourceSpan
    /// The value's bytes exactly (``value`` decodes them leniently).
    public var valueBytes: [UInt8]
    /// For each byte of ``valueBytes``, the file offset it came from (quotes
    /// and escapes removed leave gaps).
    public var valueSourceOffsets: [Int]

    public init(name: String, valueBytes: [UInt8]?, span: SourceSpan, valueSourceOffsets: [Int]) {
        self.name = name
        self.value = valueBytes.map { String(decoding: $0, as: UTF8.self) }
        self.valueBytes = valueBytes ?? []
        self.span = span
        self.valueSourceOffsets = valueSourceOffsets
    }

    /// The file span from the first to the last byte of the value (inside
    /// quotes); empty just after `=` for an empty value.
    public var valueSpan: SourceSpan? {
        guard value != nil else { return nil }
        return Self.span(of: valueSourceOffsets[...], emptyAt: span.end)
    }

    /// The file span of value bytes `range` (offsets into ``valueBytes``).
    public func valueSpan(_ range: Range<Int>) -> SourceSpan {
        let lower = min(max(range.lowerBound, 0), valueSourceOffsets.count)
        let upper = min(max(range.upperBound, lower), valueSourceOffsets.count)
        let emptyAt = lower < valueSourceOffsets.count ? valueSourceOffsets[lower] : span.end
        return Self.span(of: valueSourceOffsets[lower..<upper], emptyAt: emptyAt)
    }

    private static func span(of offsets: ArraySlice<Int>, emptyAt: Int) -> SourceSpan {
        guard let first = offsets.first, let last = offsets.last else { return SourceSpan(at: emptyAt) }
        return SourceSpan(start: first, end: last + 1)
    }
}
