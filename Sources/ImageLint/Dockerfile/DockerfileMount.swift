/// A `RUN --mount=…` value: a CSV record of `key=value` fields, read like
/// Go's `encoding/csv` (quoted fields with `""` for a quote; a quote inside
/// an unquoted field is an error), with keys compared case-insensitively.
///
/// Only what image extraction needs is kept (whether the type takes a
/// `from`, and the `from` value), and fields are read in place: most mounts
/// are `type=cache,target=…` and need no copy at all.
struct DockerfileMount {
    /// One field: its text and, for each byte, its index in the flag value.
    struct Field {
        var bytes: [UInt8]
        var indices: [Int]
    }

    struct SyntaxError: Error {
        var message: String
    }

    /// Whether `from` names a source for this mount type (bind, the
    /// default, and cache).
    var usesFrom = true
    /// The `from` value and the indices of its bytes in the flag value.
    var from: Field?

    init(_ value: [UInt8]) throws(SyntaxError) {
        // A CSV error anywhere in the record wins over a bad field before
        // it, as in BuildKit (which reads the whole record first).
        var validation = FieldScanner(value)
        while try validation.next() != nil {}
        var scanner = FieldScanner(value)
        while let field = try scanner.next() {
            if field.isQuoted {
                let unquoted = Self.unquoted(value, field.range)
                try apply(unquoted.bytes[...]) { Array(unquoted.indices[$0]) }
            } else {
                try apply(value[field.range]) { Array($0) }
            }
        }
    }

    /// Reads one field, given as its text and a map from ranges of that
    /// text's indices to indices of the flag value.
    private mutating func apply(_ bytes: ArraySlice<UInt8>, indices: (Range<Int>) -> [Int]) throws(SyntaxError) {
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else {
            let key = String(decoding: bytes, as: UTF8.self).lowercased()
            guard ["readonly", "ro", "readwrite", "rw", "required"].contains(key) else {
                throw SyntaxError(message: "invalid field '\(String(decoding: bytes, as: UTF8.self))' must be a key=value pair")
            }
            return
        }
        let key = bytes[bytes.startIndex..<equals]
        let valueRange = (equals + 1)..<bytes.endIndex
        if Self.equalsIgnoringCase(key, "type") {
            let type = bytes[valueRange]
            usesFrom = Self.equalsIgnoringCase(type, "bind") || Self.equalsIgnoringCase(type, "cache")
        } else if Self.equalsIgnoringCase(key, "from") {
            from = Field(bytes: Array(bytes[valueRange]), indices: indices(valueRange))
        }
    }

    /// Whether `bytes` is `word` (lowercase ASCII letters) in any case. No
    /// other character lowercases to one of the letters of the words used
    /// here, so this agrees with comparing `lowercased()` strings.
    private static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { letters in
            zip(bytes, letters).allSatisfy { b, letter in b == letter || b == letter &- 0x20 }
        }
    }

    /// The text of a quoted field (`""` is one quote) and, for each of its
    /// bytes, its index in the flag value.
    private static func unquoted(_ value: [UInt8], _ range: Range<Int>) -> Field {
        let quote = UInt8(ascii: "\"")
        var field = Field(bytes: [], indices: [])
        var i = range.lowerBound
        while i < range.upperBound {
            field.bytes.append(value[i])
            field.indices.append(i)
            i += value[i] == quote ? 2 : 1
        }
        return field
    }

    /// The fields of one CSV record, in order, as ranges of the value.
    private struct FieldScanner {
        /// A field's text: for a quoted field, the part between its quotes
        /// (which may hold `""` pairs).
        struct FieldRange {
            var range: Range<Int>
            var isQuoted: Bool
        }

        let value: [UInt8]
        var position = 0
        var done = false

        init(_ value: [UInt8]) {
            self.value = value
        }

        mutating func next() throws(SyntaxError) -> FieldRange? {
            guard !value.isEmpty else { throw SyntaxError(message: "failed to parse csv mounts: EOF") }
            guard !done else { return nil }
            let quote = UInt8(ascii: "\"")
            let comma = UInt8(ascii: ",")
            var i = position
            let field: FieldRange
            if i < value.count, value[i] == quote {
                i += 1
                let start = i
                var closed = false
                while i < value.count {
                    if value[i] == quote {
                        if i + 1 < value.count, value[i + 1] == quote {
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    i += 1
                }
                guard closed, i == value.count || value[i] == comma else {
                    throw SyntaxError(message: "failed to parse csv mounts: extraneous or missing \" in quoted-field")
                }
                field = FieldRange(range: start..<(i - 1), isQuoted: true)
            } else {
                let start = i
                while i < value.count, value[i] != comma {
                    if value[i] == quote {
                        throw SyntaxError(message: "failed to parse csv mounts: bare \" in non-quoted-field")
                    }
                    i += 1
                }
                field = FieldRange(range: start..<i, isQuoted: false)
            }
            if i < value.count {
                position = i + 1
            } else {
                done = true
            }
            return field
        }
    }
}
