/// The values of several keys of a mapping, found in one pass over its
/// effective pairs (merges applied, aliases followed): an extractor that
/// needs many fields of one mapping asks once instead of scanning the
/// mapping for each key. As with look-ups, the first pair of a key wins.
/// Up to eight keys; nothing is allocated.
struct YAMLKeyedValues {
    private var v0, v1, v2, v3, v4, v5, v6, v7: YAMLNode?

    /// `keys` (at most eight) are compared byte for byte with scalar keys.
    init(_ mapping: YAMLMapping, keys: [StaticString]) {
        if mapping.hasMergeKeys {
            fillFromEffectivePairs(mapping, keys: keys)
        } else {
            fillFromRecords(mapping, keys: keys)
        }
    }

    /// The general way: every effective pair, merges included.
    private mutating func fillFromEffectivePairs(_ mapping: YAMLMapping, keys: [StaticString]) {
        var remaining = min(keys.count, 8)
        for pair in mapping {
            guard let key = pair.key.scalar else { continue }
            guard let index = Self.index(of: key.valueBytes, in: keys), self[index] == nil else { continue }
            set(index, pair.value)
            remaining -= 1
            if remaining == 0 { return }
        }
    }

    /// The fast way for a mapping without merge keys (nearly all): its own
    /// pairs, keys compared straight from the stream's records and bytes;
    /// a node handle is made only for the values wanted. Same result as
    /// ``fillFromEffectivePairs(_:keys:)`` (an alias key takes that path).
    private mutating func fillFromRecords(_ mapping: YAMLMapping, keys: [StaticString]) {
        let node = mapping.node
        let storage = node.storage
        let records = storage.records
        var remaining = min(keys.count, 8)
        var cursor = Int(node.index) + 1
        var pairs = Int(records[Int(node.index)].a)
        storage.file.bytes.withUnsafeBufferPointer { source in
            storage.values.withUnsafeBufferPointer { decoded in
                while pairs > 0, remaining > 0 {
                    let key = records[cursor]
                    let valueIndex = Int(key.next)
                    pairs -= 1
                    defer { cursor = Int(records[valueIndex].next) }
                    if key.kind == .alias {
                        // `*k: v`: rare; follow the alias like the iterator does.
                        guard let scalar = node.child(UInt32(cursor)).scalar,
                              let index = Self.index(of: scalar.valueBytes, in: keys), self[index] == nil else { continue }
                        set(index, node.child(UInt32(valueIndex)))
                        remaining -= 1
                        continue
                    }
                    guard key.kind == .scalar else { continue }
                    let buffer = key.has(YAMLNodeRecord.valueInSource) ? source : decoded
                    let start = Int(key.a)
                    let end = start + Int(key.b)
                    guard end <= buffer.count else { continue }
                    let bytes = UnsafeBufferPointer(rebasing: buffer[start..<end])
                    guard let index = Self.index(of: bytes, in: keys), self[index] == nil else { continue }
                    set(index, node.child(UInt32(valueIndex)))
                    remaining -= 1
                }
            }
        }
    }

    /// The value of the key at `index` in the `keys` given.
    subscript(index: Int) -> YAMLNode? {
        switch index {
        case 0: v0
        case 1: v1
        case 2: v2
        case 3: v3
        case 4: v4
        case 5: v5
        case 6: v6
        case 7: v7
        default: nil
        }
    }

    private mutating func set(_ index: Int, _ node: YAMLNode) {
        switch index {
        case 0: v0 = node
        case 1: v1 = node
        case 2: v2 = node
        case 3: v3 = node
        case 4: v4 = node
        case 5: v5 = node
        case 6: v6 = node
        case 7: v7 = node
        default: break
        }
    }

    /// The position in `keys` (first eight) of the key `bytes`.
    static func index(of bytes: ArraySlice<UInt8>, in keys: [StaticString]) -> Int? {
        bytes.withUnsafeBufferPointer { index(of: $0, in: keys) }
    }

    static func index(of bytes: UnsafeBufferPointer<UInt8>, in keys: [StaticString]) -> Int? {
        for index in 0..<min(keys.count, 8) {
            let key = keys[index]
            guard bytes.count == key.utf8CodeUnitCount else { continue }
            if key.withUTF8Buffer({ memoryEqual(bytes.baseAddress, $0.baseAddress, bytes.count) }) { return index }
        }
        return nil
    }
}
