/// Reusable scratch space for the per-mapping key checks, so closing a
/// mapping allocates nothing in the common case.
struct YAMLKeyScratch {
    var entries: [(hash: UInt64, key: UInt32)] = []
    var mergeKeys: [UInt32] = []
}

/// What makes two scalar keys the same key: the same decoded text and the
/// same type (`"1"` and `1` differ; `a` and `"a"` do not).
struct YAMLKeyIdentity: Hashable {
    var bytes: [UInt8]
    var type: UInt32
}

/// Duplicate-key detection and merge-key (`<<`) resolution, done once when
/// a mapping closes so look-ups later are plain scans.
extension YAMLStreamBuilder {
    mutating func checkKeys(mapping: UInt32) {
        let pairCount = records[Int(mapping)].a
        keyScratch.entries.removeAll(keepingCapacity: true)
        keyScratch.mergeKeys.removeAll(keepingCapacity: true)
        var cursor = mapping + 1
        for _ in 0..<pairCount {
            let keyIndex = cursor
            let valueIndex = records[Int(keyIndex)].next
            cursor = records[Int(valueIndex)].next
            if isMergeKey(keyIndex), !isSequenceMerge(valueIndex) {
                keyScratch.mergeKeys.append(keyIndex)
                continue
            }
            let key = resolvedIndex(keyIndex)
            guard key != YAMLNodeRecord.none, records[Int(key)].kind == .scalar else { continue }
            keyScratch.entries.append((hash: withValue(key) { Self.fnv1a($0) }, key: keyIndex))
        }
        findDuplicates()
        if !keyScratch.mergeKeys.isEmpty {
            let mergeKeys = keyScratch.mergeKeys
            applyMerges(mapping: mapping, mergeKeys: mergeKeys)
        }
    }

    private mutating func findDuplicates() {
        let entries = keyScratch.entries
        let n = entries.count
        guard n >= 2 else { return }
        if n <= 16 {
            for j in 1..<n {
                for i in 0..<j where entries[i].hash == entries[j].hash && sameKey(entries[i].key, entries[j].key) {
                    reportDuplicate(first: entries[i].key, second: entries[j].key)
                    break
                }
            }
            return
        }
        let sorted = entries.sorted { ($0.hash, $0.key) < ($1.hash, $1.key) }
        var runStart = 0
        for j in 1...n {
            if j < n, sorted[j].hash == sorted[runStart].hash { continue }
            if j - runStart >= 2 {
                for b in (runStart + 1)..<j {
                    for a in runStart..<b where sameKey(sorted[a].key, sorted[b].key) {
                        reportDuplicate(first: sorted[a].key, second: sorted[b].key)
                        break
                    }
                }
            }
            runStart = j
        }
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

    private func isMergeKey(_ index: UInt32) -> Bool {
        let r = records[Int(index)]
        guard r.kind == .scalar else { return false }
        if r.tag != 0 { return tags[Int(r.tag - 1)] == "tag:yaml.org,2002:merge" }
        guard r.style == YAMLScalar.Style.plain.rawValue, r.b == 2 else { return false }
        return withValue(index) { $0[0] == UInt8(ascii: "<") && $0[1] == UInt8(ascii: "<") }
    }

    /// `- <<: *list` with `list` a sequence of scalars: not a YAML merge but
    /// an extension of some go-yaml forks (Woodpecker splices the sequence
    /// into the enclosing one). The pair is kept as written, without a
    /// diagnostic, for the extractor of that format to interpret.
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
        var seen = Set<YAMLKeyIdentity>()
        var cursor = mapping + 1
        for _ in 0..<records[Int(mapping)].a {
            let keyIndex = cursor
            let valueIndex = records[Int(keyIndex)].next
            cursor = records[Int(valueIndex)].next
            if mergeKeys.contains(keyIndex) { continue }
            if let identity = identity(keyIndex) { seen.insert(identity) }
            mergedPairs.append(YAMLMergedPair(key: keyIndex, value: valueIndex, via: YAMLNodeRecord.none))
        }
        sources: for mergeKey in mergeKeys {
            for (source, via) in mergeSources(records[Int(mergeKey)].next) {
                for (key, value) in effectivePairs(of: source) {
                    if let identity = identity(key) {
                        if seen.contains(identity) { continue }
                        seen.insert(identity)
                    }
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
    func resolvedIndex(_ index: UInt32) -> UInt32 {
        let r = records[Int(index)]
        return r.kind == .alias ? r.a : index
    }

    private func identity(_ keyIndex: UInt32) -> YAMLKeyIdentity? {
        let key = resolvedIndex(keyIndex)
        guard key != YAMLNodeRecord.none, records[Int(key)].kind == .scalar else { return nil }
        return YAMLKeyIdentity(bytes: withValue(key) { Array($0) }, type: keyType(key))
    }

    private func sameKey(_ a: UInt32, _ b: UInt32) -> Bool {
        let ka = resolvedIndex(a)
        let kb = resolvedIndex(b)
        guard records[Int(ka)].b == records[Int(kb)].b, keyType(ka) == keyType(kb) else { return false }
        return withValue(ka) { va in withValue(kb) { vb in va.elementsEqual(vb) } }
    }

    /// The tag number; for an untagged plain scalar that is not a string in
    /// the core schema, a value no tag number takes.
    private func keyType(_ index: UInt32) -> UInt32 {
        let r = records[Int(index)]
        if r.tag != 0 { return r.tag }
        guard r.style == YAMLScalar.Style.plain.rawValue else { return 0 }
        return withValue(index) { YAMLCoreType.resolve($0) } == .string ? 0 : UInt32.max
    }

    /// Calls `body` with a scalar's decoded value.
    func withValue<R>(_ index: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let r = records[Int(index)]
        let start = Int(r.a)
        let count = Int(r.b)
        if r.has(YAMLNodeRecord.valueInSource) {
            return body(UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]))
        }
        return values.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
    }

    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
