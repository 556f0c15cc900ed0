/// A `RUN --mount=…` value: a CSV record of `key=value` fields, read like
/// Go's `encoding/csv` (quoted fields with `""` for a quote; a quote inside
/// an unquoted field is an error), with keys compared case-insensitively.
///
/// Only what image extraction needs is kept (whether the type takes a
/// `from`, and the `from` value). The record is read in one pass, in
/// place (the flag's value is a slice of its line): nothing is allocated
/// unless there is a `from` (most mounts are `type=cache,target=…`).
struct DockerfileMount {
    /// The `from` value with its quotes undone, and the range of the flag
    /// value from its first byte to its last (for its span), in offsets
    /// from the value's start.
    struct Source {
        var bytes: [UInt8]
        var range: Range<Int>
    }

    struct SyntaxError: Error {
        var message: String
    }

    /// Whether `from` names a source for this mount type (bind, the
    /// default, and cache).
    var usesFrom = true
    /// The `from` value; nil when the record has none.
    var from: Source?

    init(_ value: ArraySlice<UInt8>) throws(SyntaxError) {
        var mount = DockerfileMount()
        // On the buffer, offsets count from the value's start.
        if let error = value.withUnsafeBufferPointer({ mount.read($0) }) { throw error }
        self = mount
    }

    private init() {}

    /// Reads the record; gives its error, if it has one.
    private mutating func read(_ value: UnsafeBufferPointer<UInt8>) -> SyntaxError? {
        guard !value.isEmpty else { return SyntaxError(message: "failed to parse csv mounts: EOF") }
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let equalsSign = UInt8(ascii: "=")
        // BuildKit reads the whole record before it looks at a field, so a
        // CSV error anywhere wins over a bad field before it: the first
        // field error waits here until the record has been read to its end.
        var fieldError: SyntaxError?
        var i = 0
        while true {
            // One field from `i`; `equals` is the first `=` in it, if any.
            var equals = -1
            let start: Int
            let isQuoted = value[i] == quote
            if isQuoted {
                i += 1
                start = i
                var closed = false
                while i < value.count {
                    let byte = value[i]
                    if byte == quote {
                        if i + 1 < value.count, value[i + 1] == quote {
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if byte == equalsSign, equals < 0 { equals = i }
                    i += 1
                }
                guard closed, i == value.count || value[i] == comma else {
                    return SyntaxError(message: "failed to parse csv mounts: extraneous or missing \" in quoted-field")
                }
            } else {
                start = i
                while i < value.count {
                    let byte = value[i]
                    // One compare passes letters, one mask test the rest
                    // but `"`, `,` and `=`.
                    if byte < 0x40, (0x2000_1004_0000_0000 as UInt64) >> UInt64(byte) & 1 != 0 {
                        if byte == comma { break }
                        if byte == quote {
                            return SyntaxError(message: "failed to parse csv mounts: bare \" in non-quoted-field")
                        }
                        if equals < 0 { equals = i }
                    }
                    i += 1
                }
            }
            // The field's text ends before the closing quote of a quoted one.
            let end = isQuoted ? i - 1 : i
            if fieldError == nil {
                fieldError = apply(value, start..<end, isQuoted: isQuoted, equals: equals)
            }
            // `i` is at the comma after the field, or at the end: a comma
            // as the last byte leaves one more (empty) field.
            guard i < value.count else { break }
            i += 1
            if i == value.count {
                if fieldError == nil { fieldError = apply(value, i..<i, isQuoted: false, equals: -1) }
                break
            }
        }
        return fieldError
    }

    /// Reads the field `value[range]` (for a quoted field, its text between
    /// the quotes, with `""` pairs still doubled); `equals` is its first
    /// `=` or -1. Gives the field's error, if it has one.
    ///
    /// A key or value compared with a word here is compared as written: a
    /// `""` pair leaves a quote in it either way, and no word has one.
    @inline(__always)
    private mutating func apply(_ value: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isQuoted: Bool, equals: Int) -> SyntaxError? {
        guard equals >= 0 else {
            if Self.equalsIgnoringCase(value, range, "readonly") || Self.equalsIgnoringCase(value, range, "ro")
                || Self.equalsIgnoringCase(value, range, "readwrite") || Self.equalsIgnoringCase(value, range, "rw")
                || Self.equalsIgnoringCase(value, range, "required") {
                return nil
            }
            let text = isQuoted ? Self.unquoted(value, range).bytes : Array(value[range])
            return SyntaxError(message: "invalid field '\(String(decoding: text, as: UTF8.self))' must be a key=value pair")
        }
        let key = range.lowerBound..<equals
        // `=` is never half of a `""` pair, so the value starts on a
        // character of the unquoted text.
        let valueRange = (equals + 1)..<range.upperBound
        if Self.equalsIgnoringCase(value, key, "type") {
            usesFrom = Self.equalsIgnoringCase(value, valueRange, "bind") || Self.equalsIgnoringCase(value, valueRange, "cache")
        } else if Self.equalsIgnoringCase(value, key, "from") {
            from = isQuoted
                ? Self.unquoted(value, valueRange)
                : Source(bytes: Array(value[valueRange]), range: valueRange)
        }
        return nil
    }

    /// Whether `value[range]` is `word` (lowercase ASCII letters) in any
    /// case. No other character lowercases to one of the letters of the
    /// words used here, so this agrees with comparing `lowercased()`
    /// strings.
    @inline(__always)
    private static func equalsIgnoringCase(_ value: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        // Setting 0x20 turns a capital letter into its small one and no
        // other byte into a small letter.
        let letters = word.utf8Start
        for offset in 0..<range.count where value[range.lowerBound + offset] | 0x20 != letters[offset] {
            return false
        }
        return true
    }

    /// The text of part of a quoted field (`""` is one quote), with the
    /// range from its first byte's offset in the flag value to just after
    /// its last byte's (a `""` pair counts as its first quote).
    private static func unquoted(_ value: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Source {
        let quote = UInt8(ascii: "\"")
        var bytes: [UInt8] = []
        var last = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            bytes.append(value[i])
            last = i
            i += value[i] == quote ? 2 : 1
        }
        return Source(bytes: bytes, range: bytes.isEmpty ? range.lowerBound..<range.lowerBound : range.lowerBound..<(last + 1))
    }
}
