/// A scalar node: its decoded value, its style, and where it is written.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: UInt8, Sendable, Hashable {
        case plain = 1, singleQuoted, doubleQuoted, literal, folded

        /// `|` and `>` scalars.
        public var isBlock: Bool { self == .literal || self == .folded }
        /// `'…'` and `"…"` scalars.
        public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
    }

    /// The scalar's node (aliases already followed).
    public let node: YAMLNode

    init(node: YAMLNode) { self.node = node }

    public var style: Style { Style(rawValue: node.record.style) ?? .plain }

    /// The value's span: see ``YAMLNode/span``.
    public var span: SourceSpan { node.span }

    public var tag: String? { node.tag }

    /// The decoded value in UTF-8 (escapes processed, lines folded), as
    /// libyaml gives it; no copy is made.
    public var valueBytes: ArraySlice<UInt8> {
        let r = node.record
        let start = Int(r.a)
        let end = start + Int(r.b)
        if r.has(YAMLNodeRecord.valueInSource) { return node.storage.file.bytes[start..<end] }
        return node.storage.values[start..<end]
    }

    /// The decoded value. Text is kept as written: `tag: 1.10` is `"1.10"`.
    public var value: String { String(decoding: valueBytes, as: UTF8.self) }

    /// Whether the decoded value equals `text`, compared byte for byte
    /// without creating a string.
    public func hasValue(_ text: String) -> Bool {
        let bytes = valueBytes
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.count == bytes.count else { return false }
            return bytes.withUnsafeBufferPointer { own in
                own.count == 0 || own.elementsEqual(utf8)
            }
        }
    }

    /// Whether the value is empty (`image:`, `image: ""`).
    public var isEmpty: Bool { node.record.b == 0 }

    /// What a YAML 1.2 core-schema reader makes of this scalar: only plain
    /// scalars without a tag resolve to anything but a string (see
    /// ``YAMLCoreType``).
    public var coreType: YAMLCoreType {
        guard style == .plain, node.record.tag == 0 else { return .string }
        return valueBytes.withUnsafeBufferPointer { YAMLCoreType.resolve($0) }
    }

    /// The file offset of the byte at `valueOffset` in ``valueBytes`` (or of
    /// the end, for `valueOffset == valueBytes.count`). Exact for literal
    /// block scalars, plain and single-quoted scalars (every value byte is a
    /// source byte), and double-quoted scalars outside escapes; a byte
    /// produced by an escape maps to the escape's `\`, a byte produced by
    /// folding a line break maps to that break. nil when out of range.
    public func sourceOffset(forValueOffset valueOffset: Int) -> Int? {
        sourceMap.sourceOffset(forValueOffset: valueOffset)
    }

    /// The table that maps value offsets to file offsets (build it once
    /// when mapping many offsets, e.g. an inline Dockerfile).
    public var sourceMap: YAMLScalarSourceMap { YAMLScalarSourceMap(self) }
}
