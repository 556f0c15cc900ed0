/// A `--name=value` flag of an instruction, after BuildKit's flag scanner
/// removed its quotes and backslash escapes.
public struct DockerfileFlag: Sendable, Hashable {
    /// The name between `--` and `=` (case-sensitive, as BuildKit compares it).
    public var name: String
    /// The whole flag word in the file.
    public var span: SourceSpan
    /// The value's bytes exactly (``value`` decodes them leniently). For a
    /// value written without quotes or escapes (nearly all) this is a slice
    /// of the instruction's line, so reading a flag copies nothing; its
    /// indices are therefore not 0-based: offsets into the value count
    /// from `valueBytes.startIndex`.
    public var valueBytes: ArraySlice<UInt8>
    /// Whether the flag was written with `=` (an empty value still has one).
    public var hasValue: Bool
    /// Where the value bytes came from: nearly every value was written as
    /// one run of file bytes (no quotes, escapes or line breaks inside), so
    /// only the first offset is kept (``scatteredOffsets`` empty); otherwise
    /// ``scatteredOffsets`` holds one file offset per value byte. Keeping
    /// the common case to one integer saves an array per flag.
    private var firstSourceOffset: Int
    private var scatteredOffsets: [Int]

    public init(name: String, valueBytes: ArraySlice<UInt8>?, span: SourceSpan, valueSourceOffsets: [Int]) {
        self.name = name
        self.hasValue = valueBytes != nil
        self.valueBytes = valueBytes ?? []
        self.span = span
        let first = valueSourceOffsets.first ?? span.end
        let contiguous = valueSourceOffsets.last.map { $0 - first == valueSourceOffsets.count - 1 } ?? true
        self.firstSourceOffset = first
        self.scatteredOffsets = contiguous ? [] : valueSourceOffsets
    }

    /// A flag whose value bytes are the file bytes from `valueSourceStart`
    /// on, one to one.
    init(name: String, valueBytes: ArraySlice<UInt8>, span: SourceSpan, valueSourceStart: Int) {
        self.name = name
        self.hasValue = true
        self.valueBytes = valueBytes
        self.span = span
        self.firstSourceOffset = valueSourceStart
        self.scatteredOffsets = []
    }

    /// The value after `=`; nil for a flag written without `=`.
    public var value: String? {
        hasValue ? String(decoding: valueBytes, as: UTF8.self) : nil
    }

    /// For each byte of ``valueBytes``, the file offset it came from (quotes
    /// and escapes removed leave gaps).
    public var valueSourceOffsets: [Int] {
        scatteredOffsets.isEmpty ? Array(firstSourceOffset..<(firstSourceOffset + valueBytes.count)) : scatteredOffsets
    }

    /// The file offset of value byte `index` (in `0..<valueBytes.count`).
    private func sourceOffset(_ index: Int) -> Int {
        scatteredOffsets.isEmpty ? firstSourceOffset + index : scatteredOffsets[index]
    }

    /// The file span from the first to the last byte of the value (inside
    /// quotes); empty just after `=` for an empty value.
    public var valueSpan: SourceSpan? {
        guard hasValue else { return nil }
        return valueSpan(0..<valueBytes.count, emptyAt: span.end)
    }

    /// The file span of value bytes `range` (offsets into ``valueBytes``).
    public func valueSpan(_ range: Range<Int>) -> SourceSpan {
        let lower = min(max(range.lowerBound, 0), valueBytes.count)
        return valueSpan(range, emptyAt: lower < valueBytes.count ? sourceOffset(lower) : span.end)
    }

    private func valueSpan(_ range: Range<Int>, emptyAt: Int) -> SourceSpan {
        let lower = min(max(range.lowerBound, 0), valueBytes.count)
        let upper = min(max(range.upperBound, lower), valueBytes.count)
        guard lower < upper else { return SourceSpan(at: emptyAt) }
        return SourceSpan(start: sourceOffset(lower), end: sourceOffset(upper - 1) + 1)
    }
}
