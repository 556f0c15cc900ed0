/// One node of a YAML document as stored: a fixed-size record in a flat
/// array, in document (pre-)order.
///
/// Children of a collection follow it directly; `next` is the index just
/// past the node's subtree, so the next sibling of node `i` is
/// `records[i].next` and the first child of a collection `i` is `i + 1`.
/// Offsets are `UInt32` (files are limited far below 4 GiB) to keep the
/// record at 32 bytes: the reader's speed is mostly memory traffic (anchors,
/// which few nodes have, live in a side table).
struct YAMLNodeRecord: Sendable {
    /// Span of the node's text (see ``YAMLNode/span``).
    var start: UInt32
    var end: UInt32
    /// Index past this node's subtree; 0 while a collection is still open.
    var next: UInt32
    /// Scalar: start of the decoded value (in the source bytes when
    /// `valueInSource`, else in the stream's value buffer).
    /// Alias: index of the anchored node, or `none`.
    /// Collection: number of written children (items, or key/value pairs).
    var a: UInt32
    /// Scalar: length of the decoded value in bytes.
    /// Mapping: first entry in the stream's merged-pair table, or `none`.
    var b: UInt32
    /// Scalar: offset of the raw token (opening quote, block indicator; the
    /// value start for plain scalars). Mapping: number of merged pairs.
    var c: UInt32
    /// Index into the stream's tag table plus one; 0 for no tag.
    var tag: UInt32
    var kind: YAMLNode.Kind
    /// Scalar style raw value (``YAMLScalar/Style``); 0 for other kinds.
    var style: UInt8
    var flags: UInt8

    static let none = UInt32.max

    /// The scalar's value lives in the file's bytes (no copy was made).
    static let valueInSource: UInt8 = 1
    /// The collection is written in flow style (`[…]`, `{…}`).
    static let flowStyle: UInt8 = 2
    /// The block scalar's source map could not be checked against the value.
    static let inexactBlock: UInt8 = 4
    /// The flow collection starts with its own bracket (not an implicit
    /// single-pair mapping such as `[a: b]`).
    static let bracketed: UInt8 = 8

    @inline(__always) func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}

/// A key/value pair that a mapping has through a merge key (`<<`), or that
/// it wrote itself when the mapping has merge keys at all (then the table
/// holds the mapping's complete effective view, in order).
struct YAMLMergedPair: Sendable {
    var key: UInt32
    var value: UInt32
    /// The alias (or inline mapping) inside the `<<` value that brought the
    /// pair in; `YAMLNodeRecord.none` for the mapping's own pairs.
    var via: UInt32
}

/// The node records of a stream, owned by its storage: the reader's
/// buffer handed over without a copy, read-only from then on.
struct YAMLRecords: @unchecked Sendable {
    let base: UnsafePointer<YAMLNodeRecord>?
    let count: Int

    @inline(__always)
    subscript(index: Int) -> YAMLNodeRecord {
        // Indices come from the reader's own links; checked all the same.
        precondition(index >= 0 && index < count, "record index out of range")
        return base.unsafelyUnwrapped[index]
    }
}

/// Everything one read of a YAML stream produced, shared (never copied) by
/// the documents and node handles that point into it. Immutable once built.
final class YAMLStorage: Sendable {
    let file: SourceFile
    let records: YAMLRecords
    /// Decoded scalar values that differ from their source text.
    let values: [UInt8]
    let tags: [String]
    /// The anchor name of each anchored node.
    let anchors: [UInt32: String]
    let mergedPairs: [YAMLMergedPair]

    /// Takes ownership of `records` (freed with the storage).
    init(file: SourceFile, records: YAMLRecords, values: [UInt8], tags: [String], anchors: [UInt32: String], mergedPairs: [YAMLMergedPair]) {
        self.file = file
        self.records = records
        self.values = values
        self.tags = tags
        self.anchors = anchors
        self.mergedPairs = mergedPairs
    }

    deinit {
        records.base?.deallocate()
    }
}
