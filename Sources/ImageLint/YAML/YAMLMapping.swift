/// A key/value pair of a mapping, aliases followed.
public struct YAMLPair: Sendable, Hashable {
    public let key: YAMLNode
    public let value: YAMLNode

    /// Whether the pair came into the mapping through a merge key (`<<`).
    public var isMerged: Bool { value.isMerged }
}

/// A mapping node. Look-ups and iteration see its *effective* pairs: merge
/// keys (`<<: *a`, `<<: [*a, *b]`, `<<: {…}`) are applied (keys written in
/// the mapping override merged ones wherever they are written; among merged
/// sources the earlier wins) and the `<<` pairs themselves are hidden.
/// ``writtenPairs`` gives the pairs exactly as written.
///
/// Duplicate keys (invalid in YAML 1.2) are reported by the reader as a
/// `yaml-duplicate-key` error; look-ups return the first, iteration returns
/// every pair.
public struct YAMLMapping: Sendable, Sequence {
    /// The mapping's node (aliases already followed).
    public let node: YAMLNode

    init(node: YAMLNode) { self.node = node }

    /// Whether the mapping has merge keys (its effective pairs differ from
    /// the written ones).
    public var hasMergeKeys: Bool { node.record.b != YAMLNodeRecord.none }

    /// Number of effective pairs.
    public var count: Int {
        let r = node.record
        return r.b == YAMLNodeRecord.none ? Int(r.a) : Int(r.c)
    }

    public var isEmpty: Bool { count == 0 }

    /// The value for the scalar key `key` (merges applied, aliases followed).
    public subscript(key: String) -> YAMLNode? { pair(forKey: key)?.value }

    /// The first effective pair whose key is a scalar with value `key`.
    public func pair(forKey key: String) -> YAMLPair? {
        var key = key
        return key.withUTF8 { wanted in
            for pair in self where Self.keyMatches(pair.key, wanted) { return pair }
            return nil
        }
    }

    /// The value for `key` and whether it came through a merge or alias
    /// (see ``YAMLNode/reachedThrough`` and ``YAMLNode/isMerged``).
    public func value(forKey key: String) -> YAMLNode? { self[key] }

    static func keyMatches(_ key: YAMLNode, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = key.record
        guard r.kind == .scalar, Int(r.b) == wanted.count else { return false }
        let start = Int(r.a)
        if r.has(YAMLNodeRecord.valueInSource) {
            return key.storage.file.bytes.withUnsafeBufferPointer { buffer in
                wanted.count == 0 || memoryEqual(buffer.baseAddress.map { $0 + start }, wanted.baseAddress, wanted.count)
            }
        }
        return key.storage.values.withUnsafeBufferPointer { buffer in
            wanted.count == 0 || memoryEqual(buffer.baseAddress.map { $0 + start }, wanted.baseAddress, wanted.count)
        }
    }

    public func makeIterator() -> Iterator { Iterator(mapping: self) }

    /// Iterates the effective pairs in order: the mapping's own pairs as
    /// written, then merged pairs in merge order.
    public struct Iterator: IteratorProtocol {
        let node: YAMLNode
        var cursor: UInt32
        var remaining: UInt32
        let merged: Bool

        init(mapping: YAMLMapping) {
            node = mapping.node
            let r = node.record
            if r.b == YAMLNodeRecord.none {
                merged = false
                cursor = node.index + 1
                remaining = r.a
            } else {
                merged = true
                cursor = r.b
                remaining = r.c
            }
        }

        public mutating func next() -> YAMLPair? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let storage = node.storage
            if merged {
                let entry = storage.mergedPairs[Int(cursor)]
                cursor += 1
                if entry.via == YAMLNodeRecord.none {
                    return YAMLPair(key: node.child(entry.key), value: node.child(entry.value))
                }
                // A merged pair: remember the merge alias unless an outer
                // alias already led here; an inline merged mapping has none.
                let viaIsAlias = storage.records[Int(entry.via)].kind == .alias
                let via = node.via != YAMLNodeRecord.none ? node.via : (viaIsAlias ? entry.via : YAMLNodeRecord.none)
                let key = YAMLNode(storage: storage, index: entry.key, via: via, viaMerge: true).followed
                let value = YAMLNode(storage: storage, index: entry.value, via: via, viaMerge: true).followed
                return YAMLPair(key: key, value: value)
            }
            let keyIndex = cursor
            let valueIndex = storage.records[Int(keyIndex)].next
            cursor = storage.records[Int(valueIndex)].next
            return YAMLPair(key: node.child(keyIndex), value: node.child(valueIndex))
        }
    }

    /// The pairs exactly as written: merge keys included, aliases not
    /// followed (a value `*x` is a node of kind ``YAMLNode/Kind/alias``).
    public var writtenPairs: WrittenPairs { WrittenPairs(node: node) }

    public struct WrittenPairs: Sendable, Sequence {
        let node: YAMLNode

        public var count: Int { Int(node.record.a) }

        public func makeIterator() -> Iterator { Iterator(node: node, cursor: node.index + 1, remaining: node.record.a) }

        public struct Iterator: IteratorProtocol {
            let node: YAMLNode
            var cursor: UInt32
            var remaining: UInt32

            public mutating func next() -> (key: YAMLNode, value: YAMLNode)? {
                guard remaining > 0 else { return nil }
                remaining -= 1
                let records = node.storage.records
                let keyIndex = cursor
                let valueIndex = records[Int(keyIndex)].next
                cursor = records[Int(valueIndex)].next
                return (
                    YAMLNode(storage: node.storage, index: keyIndex, via: node.via, viaMerge: node.viaMerge),
                    YAMLNode(storage: node.storage, index: valueIndex, via: node.via, viaMerge: node.viaMerge)
                )
            }
        }
    }
}

/// Whether `count` bytes at `a` and `b` are equal (eight at a time).
@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let a, let b else { return count == 0 }
    var i = 0
    while i + 8 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
