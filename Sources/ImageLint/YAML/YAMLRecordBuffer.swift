/// The reader's growing list of node records: a plain buffer the builder
/// owns alone, so an append is a store and a count increment (an `Array`
/// checks uniqueness and capacity through several calls per append, which
/// showed in the reader's profile). Handed to the storage at the end.
struct YAMLRecordBuffer {
    private(set) var base: UnsafeMutablePointer<YAMLNodeRecord>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ record: YAMLNodeRecord) {
        if count == capacity { grow() }
        (base + count).initialize(to: record)
        count += 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<YAMLNodeRecord>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    @inline(__always)
    subscript(index: Int) -> YAMLNodeRecord {
        get {
            precondition(index >= 0 && index < count, "record index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "record index out of range")
            base[index] = newValue
        }
    }

    var last: YAMLNodeRecord? { count > 0 ? base[count - 1] : nil }

    var buffer: UnsafeBufferPointer<YAMLNodeRecord> { UnsafeBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    /// Hands the records over (the storage frees them); this buffer must
    /// not be used again.
    mutating func finish() -> YAMLRecords {
        let records = YAMLRecords(base: UnsafePointer(base), count: count)
        count = 0
        capacity = 0
        return records
    }
}
