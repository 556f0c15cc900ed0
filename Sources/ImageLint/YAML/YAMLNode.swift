/// A handle on one node of a read YAML document: cheap to copy (a reference
/// to the stream's shared storage plus two indices), never copies text.
///
/// Handles returned by look-ups and iteration (``YAMLMapping``,
/// ``YAMLSequence``, ``YAMLDocument/root``) have aliases already followed:
/// a value written as `*x` is returned as the node anchored with `&x`, its
/// ``span`` is where that node is written, and ``reachedThrough`` gives the
/// alias (or the alias in a merge key `<<: *x`) that led there, so an
/// extractor reports a shared value once, where it is written, and can add
/// every alias as a related location. Only ``YAMLMapping/writtenPairs``
/// and ``YAMLSequence/writtenItems`` return alias nodes (``Kind/alias``).
public struct YAMLNode: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: UInt8, Sendable, Hashable {
        case scalar, sequence, mapping
        /// An alias (`*name`), as written; ``YAMLNode/resolved`` follows it.
        case alias
    }

    let storage: YAMLStorage
    let index: UInt32
    /// The first alias (outermost) passed on the way from the look-up start
    /// to this node, or `YAMLNodeRecord.none`.
    let via: UInt32
    /// Whether the way to this node went through a merge key.
    let viaMerge: Bool

    init(storage: YAMLStorage, index: UInt32, via: UInt32 = YAMLNodeRecord.none, viaMerge: Bool = false) {
        self.storage = storage
        self.index = index
        self.via = via
        self.viaMerge = viaMerge
    }

    @inline(__always) var record: YAMLNodeRecord { storage.records[Int(index)] }

    /// The node's identity inside its stream: equal for every way of
    /// reaching the same written node (use it to report a shared node once).
    public var id: Int { Int(index) }

    public var kind: Kind { record.kind }

    /// The byte range of the node's text in the file.
    ///
    /// Scalars: the value without its quotes (plain: without trailing blanks
    /// and comments; quoted: inside the quotes; block: from the first content
    /// byte after the indentation to the end of the last content line, not
    /// the indicator line). An empty plain scalar (`image:`) is an empty span
    /// right after the `:`. Collections: from the first key, `-`, `[` or `{`
    /// to the end of the last child or the closing bracket. Aliases: the
    /// `*name` text. Anchors and tags are never part of a span.
    public var span: SourceSpan {
        let r = record
        return SourceSpan(start: Int(r.start), end: Int(r.end))
    }

    /// The span with lines and columns.
    public var location: SourceLocation { storage.file.location(span) }

    /// The source text of ``span`` (for a scalar: as written, before
    /// unescaping; use ``YAMLScalar/value`` for the decoded value).
    public var sourceText: String { storage.file.text(span) }

    /// The tag as libyaml resolved it: `!reference`, `!reset`,
    /// `tag:yaml.org,2002:str` for `!!str`; nil when the node has none.
    /// Unknown tags are kept, never an error.
    public var tag: String? {
        let t = record.tag
        return t == 0 ? nil : storage.tags[Int(t - 1)]
    }

    /// The anchor name written on this node (`&name`), if any.
    public var anchor: String? { storage.anchors[index] }

    /// For an alias: the anchored node it refers to, with ``reachedThrough``
    /// set; nil for an alias whose anchor is undefined (or would contain the
    /// alias itself). For any other node: the node itself.
    public var resolved: YAMLNode? {
        let r = record
        guard r.kind == .alias else { return self }
        guard r.a != YAMLNodeRecord.none else { return nil }
        return YAMLNode(storage: storage, index: r.a, via: via == YAMLNodeRecord.none ? index : via, viaMerge: viaMerge)
    }

    /// Follows an alias if this is one; an unresolvable alias stays itself.
    @inline(__always) var followed: YAMLNode { resolved ?? self }

    /// The alias that led to this node (`*x`, possibly the one inside a
    /// merge key `<<: *x`): the outermost one when several were passed.
    /// nil when the node was reached without an alias.
    public var reachedThrough: YAMLNode? {
        guard via != YAMLNodeRecord.none else { return nil }
        return YAMLNode(storage: storage, index: via)
    }

    /// Whether the node was reached through a merge key (`<<`), inline or
    /// through an alias.
    public var isMerged: Bool { viaMerge }

    /// This node as a scalar (following an alias); nil for collections.
    public var scalar: YAMLScalar? {
        let n = followed
        return n.kind == .scalar ? YAMLScalar(node: n) : nil
    }

    /// This node as a mapping (following an alias); nil otherwise.
    public var mapping: YAMLMapping? {
        let n = followed
        return n.kind == .mapping ? YAMLMapping(node: n) : nil
    }

    /// This node as a sequence (following an alias); nil otherwise.
    public var sequence: YAMLSequence? {
        let n = followed
        return n.kind == .sequence ? YAMLSequence(node: n) : nil
    }

    /// The value for `key` when this node is a mapping (merges applied).
    public subscript(key: String) -> YAMLNode? { mapping?[key] }

    /// Whether this is a plain untagged scalar that YAML reads as null
    /// (`null`, `~`, empty), the way `image:` with nothing after it reads.
    public var isNull: Bool { scalar?.coreType == .null }

    /// A handle for `index` that keeps this node's way (alias, merge).
    @inline(__always) func child(_ i: UInt32) -> YAMLNode {
        YAMLNode(storage: storage, index: i, via: via, viaMerge: viaMerge).followed
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.storage === rhs.storage && lhs.index == rhs.index && lhs.via == rhs.via && lhs.viaMerge == rhs.viaMerge
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(storage))
        hasher.combine(index)
        hasher.combine(via)
    }

    public var description: String {
        let p = storage.file.lines.position(of: Int(record.start))
        return "\(kind)@\(p.line):\(p.column)"
    }
}
