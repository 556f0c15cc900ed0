/// The values of several keys of a mapping, found in one pass over its
/// effective pairs (merges applied, aliases followed): an extractor that
/// needs many fields of one mapping asks once instead of scanning the
/// mapping for each key. As with look-ups, the first pair of a key wins.
/// Up to eight keys; nothing is allocated.
struct YAMLKeyedValues {
    private var v0, v1, v2, v3, v4, v5, v6, v7: YAMLNode?

    /// `keys` (at most eight) are compared byte for byte with scalar keys.
    init(_ mapping: YAMLMapping, keys: [StaticString]) {
        var remaining = min(keys.count, 8)
        for pair in mapping {
            guard let key = pair.key.scalar else { continue }
            let bytes = key.valueBytes
            guard let index = Self.index(of: bytes, in: keys), self[index] == nil else { continue }
            set(index, pair.value)
            remaining -= 1
            if remaining == 0 { break }
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
        for index in 0..<min(keys.count, 8) where equal(bytes, keys[index]) { return index }
        return nil
    }

    @inline(__always) static func equal(_ bytes: ArraySlice<UInt8>, _ key: StaticString) -> Bool {
        guard bytes.count == key.utf8CodeUnitCount else { return false }
        return key.withUTF8Buffer { wanted in bytes.elementsEqual(wanted) }
    }
}
