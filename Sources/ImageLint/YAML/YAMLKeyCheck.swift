/// Scratch space for the per-mapping key checks: raw buffers that only
/// grow, so closing a mapping allocates and reference-counts nothing.
struct YAMLKeyScratch {
    private(set) var signatures: UnsafeMutablePointer<UInt64>
    private(set) var keys: UnsafeMutablePointer<UInt32>
    private(set) var capacity: Int
    var mergeKeys: [UInt32] = []

    init() {
        capacity = 64
        signatures = .allocate(capacity: capacity)
        keys = .allocate(capacity: capacity)
    }

    mutating func reserve(_ count: Int) {
        guard count > capacity else { return }
        signatures.deallocate()
        keys.deallocate()
        capacity = max(count, capacity * 2)
        signatures = .allocate(capacity: capacity)
        keys = .allocate(capacity: capacity)
    }

    func deallocate() {
        signatures.deallocate()
        keys.deallocate()
    }
}

/// The keys a mapping with merge keys has so far: searched linearly while
/// few, through a signature index when many (a merge bomb).
struct YAMLSeenKeys {
    var signatures: [UInt64] = []
    var keys: [UInt32] = []
    var index: Set<YAMLKeyIdentity> = []
}

/// A scalar key's full content, hashed with the standard library's seeded
/// hasher (crafted collisions cannot make merges quadratic).
struct YAMLKeyIdentity: Hashable {
    var bytes: [UInt8]
    var type: UInt32
}

/// Duplicate-key detection and merge-key (`<<`) resolution, done once when
/// a mapping closes so look-ups later are plain scans.
extension YAMLStreamBuilder {
    mutating func checkKeys(mapping: UInt32) {
        let pairCount = Int(records[Int(mapping)].a)
        keyScratch.reserve(pairCount)
        let signatures = keyScratch.signatures
        let keys = keyScratch.keys
        // One pass over the keys: their signatures, and whether any might be
        // a merge key (`<<` or tagged: rare, handled below).
        var count = 0
        var mergeCandidate = false
        let source = bytes
        do {
            let records = records.buffer
            values.withUnsafeBufferPointer { values in
                var cursor = Int(mapping) + 1
                for _ in 0..<pairCount {
                    let keyRecord = records[cursor]
                    let keyIndex = UInt32(cursor)
                    cursor = Int(records[Int(keyRecord.next)].next)
                    var key = keyRecord
                    if keyRecord.kind == .alias {
                        guard keyRecord.a != YAMLNodeRecord.none else { continue }
                        key = records[Int(keyRecord.a)]
                    }
                    guard key.kind == .scalar else { continue }
                    let buffer = key.has(YAMLNodeRecord.valueInSource) ? source : values
                    let start = Int(key.a)
                    let length = Int(key.b)
                    guard let base = buffer.baseAddress, start + length <= buffer.count else { continue }
                    if keyRecord.kind == .scalar, keyRecord.tag != 0 || (length == 2 && base[start] == UInt8(ascii: "<")) { mergeCandidate = true }
                    signatures[count] = Self.signature(base + start, length)
                    keys[count] = keyIndex
                    count += 1
                }
            }
        }
        if mergeCandidate {
            // Take the merge keys out (they are neither duplicates nor pairs).
            keyScratch.mergeKeys.removeAll(keepingCapacity: true)
            var kept = 0
            for i in 0..<count {
                let keyIndex = keys[i]
                if isMergeKey(keyIndex), spendMergeWork(listLength(records[Int(keyIndex)].next), at: keyIndex),
                   !isSequenceMerge(records[Int(keyIndex)].next) {
                    keyScratch.mergeKeys.append(keyIndex)
                } else {
                    signatures[kept] = signatures[i]
                    keys[kept] = keyIndex
                    kept += 1
                }
            }
            count = kept
        }
        if count >= 2 { findDuplicates(count) }
        if mergeCandidate, !keyScratch.mergeKeys.isEmpty {
            let mergeKeys = keyScratch.mergeKeys
            applyMerges(mapping: mapping, mergeKeys: mergeKeys)
        }
    }

    private mutating func findDuplicates(_ n: Int) {
        let signatures = keyScratch.signatures
        let keys = keyScratch.keys
        var duplicates: [(first: UInt32, second: UInt32)] = []
        if n <= 16 {
            for j in 1..<n {
                let signature = signatures[j]
                for i in 0..<j where signatures[i] == signature && sameKey(keys[i], keys[j]) {
                    duplicates.append((keys[i], keys[j]))
                    break
                }
            }
        } else {
            // Sorted by content (signature first, then bytes, then type, then
            // position), equal keys are adjacent: O(n log n) whatever the keys.
            let sorted = (0..<n).map { (signatures[$0], keys[$0]) }.sorted { a, b in
                if a.0 != b.0 { return a.0 < b.0 }
                let order = compareKeys(a.1, b.1)
                return order != 0 ? order < 0 : a.1 < b.1
            }
            var groupStart = 0
            for j in 1..<n {
                if sorted[j].0 == sorted[groupStart].0, compareKeys(sorted[groupStart].1, sorted[j].1) == 0 {
                    duplicates.append((sorted[groupStart].1, sorted[j].1))
                } else {
                    groupStart = j
                }
            }
            duplicates.sort { $0.second < $1.second }
        }
        for (first, second) in duplicates { reportDuplicate(first: first, second: second) }
    }

    private mutating func reportDuplicate(first: UInt32, second: UInt32) {
        let key = resolvedIndex(second)
        let text = withValue(key) { String(decoding: $0, as: UTF8.self) }
        let firstSpan = SourceSpan(start: Int(records[Int(first)].start), end: Int(records[Int(first)].end))
        let position = file.lines.position(of: firstSpan.start)
        let span = SourceSpan(start: Int(records[Int(second)].start), end: Int(records[Int(second)].end))
        report(.error, "yaml-duplicate-key",
               "duplicate key \"\(text)\" in this mapping (first written at line \(position.line), column \(position.column)); the first one is used",
               span, related: [firstSpan])
    }

    // MARK: Merge keys

    @inline(__always)
    private func isMergeKey(_ index: UInt32) -> Bool {
        let r = records[Int(index)]
        guard r.kind == .scalar, r.b == 2 || r.tag != 0 else { return false }
        if r.tag != 0 { return tags[Int(r.tag - 1)] == "tag:yaml.org,2002:merge" }
        guard r.style == YAMLScalar.Style.plain.rawValue, r.b == 2 else { return false }
        return withValue(index) { $0[0] == UInt8(ascii: "<") && $0[1] == UInt8(ascii: "<") }
    }

    /// Length of the list a merge value names (directly or through an alias).
    private func listLength(_ value: UInt32) -> Int {
        let r = records[Int(value)]
        if r.kind == .sequence { return Int(r.a) }
        if r.kind == .alias, r.a != YAMLNodeRecord.none, records[Int(r.a)].kind == .sequence { return Int(records[Int(r.a)].a) }
        return 0
    }

    /// Counts work done for merge keys against the node limit, so that many
    /// merges of long lists (of empty mappings, say) cannot take quadratic
    /// time; false (with a diagnostic, reading stops) past the limit.
    private mutating func spendMergeWork(_ amount: Int, at key: UInt32) -> Bool {
        mergeWork += amount
        guard mergeWork > limits.maxNodes else { return true }
        if !stopped {
            report(.error, "yaml-node-limit", "merge keys expand to more than \(limits.maxNodes) YAML nodes; the rest of the file is not read",
                   SourceSpan(start: Int(records[Int(key)].start), end: Int(records[Int(key)].end)))
            stopped = true
        }
        return false
    }

    /// `- <<: *list` with `list` a sequence of scalars: not a YAML merge but
    /// an extension of some go-yaml forks (Woodpecker splices the sequence
    /// into the enclosing one). The pair is kept as written, without a
    /// diagnostic, for the extractor of that format to interpret.
    @inline(__always)
    private func isSequenceMerge(_ value: UInt32) -> Bool {
        let r = records[Int(value)]
        guard r.kind == .alias, r.a != YAMLNodeRecord.none else { return false }
        let target = records[Int(r.a)]
        guard target.kind == .sequence else { return false }
        var item = r.a + 1
        for _ in 0..<target.a {
            let resolved = resolvedIndex(item)
            if resolved == YAMLNodeRecord.none || records[Int(resolved)].kind != .mapping { return true }
            item = records[Int(item)].next
        }
        return false
    }

    /// Builds the mapping's effective pairs: its own (non-merge) pairs as
    /// written, then each merge source's effective pairs whose key is not
    /// there yet, in the order the sources are written.
    private mutating func applyMerges(mapping: UInt32, mergeKeys: [UInt32]) {
        let tableStart = mergedPairs.count
        var seen = YAMLSeenKeys()
        var cursor = mapping + 1
        for _ in 0..<records[Int(mapping)].a {
            let keyIndex = cursor
            let valueIndex = records[Int(keyIndex)].next
            cursor = records[Int(valueIndex)].next
            if mergeKeys.contains(keyIndex) { continue }
            _ = insertIfNew(keyIndex, into: &seen)
            mergedPairs.append(YAMLMergedPair(key: keyIndex, value: valueIndex, via: YAMLNodeRecord.none))
        }
        sources: for mergeKey in mergeKeys {
            for (source, via) in mergeSources(records[Int(mergeKey)].next) {
                let pairs = effectivePairs(of: source)
                guard spendMergeWork(pairs.count + 1, at: mergeKey) else { break sources }
                for (key, value) in pairs {
                    guard insertIfNew(key, into: &seen) else { continue }
                    if records.count + mergedPairs.count >= limits.maxNodes {
                        report(.error, "yaml-node-limit", "merge keys expand to more than \(limits.maxNodes) YAML nodes; the rest of the file is not read",
                               SourceSpan(start: Int(records[Int(mergeKey)].start), end: Int(records[Int(mergeKey)].end)))
                        stopped = true
                        break sources
                    }
                    mergedPairs.append(YAMLMergedPair(key: key, value: value, via: via))
                }
            }
        }
        records[Int(mapping)].b = UInt32(tableStart)
        records[Int(mapping)].c = UInt32(mergedPairs.count - tableStart)
    }

    /// Adds a scalar key to `seen` unless an equal key is there; false when
    /// it was there. Non-scalar keys are never equal to anything.
    private func insertIfNew(_ keyIndex: UInt32, into seen: inout YAMLSeenKeys) -> Bool {
        let key = resolvedIndex(keyIndex)
        guard key != YAMLNodeRecord.none, records[Int(key)].kind == .scalar else { return true }
        let keySignature = signature(key)
        if seen.keys.count < 64 {
            for (i, s) in seen.signatures.enumerated() where s == keySignature && sameKey(seen.keys[i], key) { return false }
        } else {
            // Many keys (a merge bomb): a set of the keys' full content.
            if seen.index.isEmpty {
                for k in seen.keys { seen.index.insert(identity(k)) }
            }
            guard seen.index.insert(identity(key)).inserted else { return false }
        }
        seen.signatures.append(keySignature)
        seen.keys.append(key)
        return true
    }

    /// The mappings a `<<` value names, each with the node that brought it
    /// (the alias, or the inline mapping itself).
    private mutating func mergeSources(_ value: UInt32) -> [(mapping: UInt32, via: UInt32)] {
        let r = records[Int(value)]
        switch r.kind {
        case .mapping:
            return [(value, value)]
        case .alias:
            guard r.a != YAMLNodeRecord.none else { return [] }
            let target = records[Int(r.a)].kind
            if target == .mapping { return [(r.a, value)] }
            // An alias of a list of mappings: each brought by the alias.
            if target == .sequence { return listSources(r.a, via: value) }
        case .sequence:
            return listSources(value, via: nil)
        case .scalar:
            break
        }
        reportInvalidMerge(value)
        return []
    }

    /// The mappings of a merge list; each item is its own way in unless the
    /// list itself was reached through the alias `via`.
    private mutating func listSources(_ list: UInt32, via: UInt32?) -> [(mapping: UInt32, via: UInt32)] {
        var result: [(mapping: UInt32, via: UInt32)] = []
        var item = list + 1
        for _ in 0..<records[Int(list)].a {
            let ir = records[Int(item)]
            if ir.kind == .mapping {
                result.append((item, via ?? item))
            } else if ir.kind == .alias, ir.a != YAMLNodeRecord.none, records[Int(ir.a)].kind == .mapping {
                result.append((ir.a, via ?? item))
            } else if !(ir.kind == .alias && ir.a == YAMLNodeRecord.none) {
                reportInvalidMerge(item)
            }
            item = ir.next
        }
        return result
    }

    private mutating func reportInvalidMerge(_ index: UInt32) {
        let r = records[Int(index)]
        report(.warning, "yaml-invalid-merge", "a merge key (<<) takes a mapping, an alias of one, or a list of those; this value is ignored",
               SourceSpan(start: Int(r.start), end: Int(r.end)))
    }

    /// A closed mapping's effective pairs (its merged table if it has one).
    private func effectivePairs(of mapping: UInt32) -> [(UInt32, UInt32)] {
        let r = records[Int(mapping)]
        if r.b != YAMLNodeRecord.none {
            return mergedPairs[Int(r.b)..<Int(r.b + r.c)].map { ($0.key, $0.value) }
        }
        var result: [(UInt32, UInt32)] = []
        result.reserveCapacity(Int(r.a))
        var cursor = mapping + 1
        for _ in 0..<r.a {
            let valueIndex = records[Int(cursor)].next
            result.append((cursor, valueIndex))
            cursor = records[Int(valueIndex)].next
        }
        return result
    }

    // MARK: Keys

    /// An alias's target (or the node itself); `none` for a broken alias.
    @inline(__always)
    func resolvedIndex(_ index: UInt32) -> UInt32 {
        let r = records[Int(index)]
        return r.kind == .alias ? r.a : index
    }

    private func identity(_ key: UInt32) -> YAMLKeyIdentity {
        YAMLKeyIdentity(bytes: withValue(key) { Array($0) }, type: keyType(key))
    }

    /// Whether two keys are the same key: the same decoded text and the
    /// same type (`"1"` and `1` differ; `a` and `"a"` do not).
    @inline(__always)
    private func sameKey(_ a: UInt32, _ b: UInt32) -> Bool {
        let ka = resolvedIndex(a)
        let kb = resolvedIndex(b)
        guard records[Int(ka)].b == records[Int(kb)].b, keyType(ka) == keyType(kb) else { return false }
        return withValue(ka) { va in withValue(kb) { vb in va.elementsEqual(vb) } }
    }

    /// Orders two keys by type, then bytes; 0 when they are the same key.
    private func compareKeys(_ a: UInt32, _ b: UInt32) -> Int {
        let ka = resolvedIndex(a)
        let kb = resolvedIndex(b)
        let ta = keyType(ka)
        let tb = keyType(kb)
        if ta != tb { return ta < tb ? -1 : 1 }
        return withValue(ka) { va in
            withValue(kb) { vb in
                for (x, y) in zip(va, vb) where x != y { return x < y ? -1 : 1 }
                return va.count == vb.count ? 0 : (va.count < vb.count ? -1 : 1)
            }
        }
    }

    /// The tag number; for an untagged plain scalar that is not a string in
    /// the core schema, a value no tag number takes.
    @inline(__always)
    private func keyType(_ index: UInt32) -> UInt32 {
        let r = records[Int(index)]
        if r.tag != 0 { return r.tag }
        guard r.style == YAMLScalar.Style.plain.rawValue else { return 0 }
        return withValue(index) { YAMLCoreType.resolve($0) } == .string ? 0 : UInt32.max
    }

    /// Calls `body` with a scalar's decoded value.
    @inline(__always)
    func withValue<R>(_ index: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let r = records[Int(index)]
        let start = Int(r.a)
        let count = Int(r.b)
        if r.has(YAMLNodeRecord.valueInSource) {
            return body(UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]))
        }
        return values.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
    }

    /// A cheap key signature from the length and the first and last eight
    /// bytes. Equal keys have equal signatures, so only keys with equal
    /// signatures need a full comparison.
    @inline(__always)
    func signature(_ index: UInt32) -> UInt64 {
        let r = records[Int(index)]
        let count = Int(r.b)
        let start = Int(r.a)
        if r.has(YAMLNodeRecord.valueInSource), let base = bytes.baseAddress, start + count <= bytes.count {
            return Self.signature(base + start, count)
        }
        return values.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start + count <= buffer.count else { return 0 }
            return Self.signature(base + start, count)
        }
    }

    @inline(__always)
    static func signature(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        if count >= 8 {
            head = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            tail = UnsafeRawPointer(p + count - 8).loadUnaligned(as: UInt64.self)
        } else {
            for i in 0..<count { head = head << 8 | UInt64(p[i]) }
        }
        return (head ^ (tail &* 0x9E37_79B9_7F4A_7C15)) &+ UInt64(count) << 56
    }
}
