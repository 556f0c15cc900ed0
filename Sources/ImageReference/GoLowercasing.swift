/// What Go's `strings.ToLower` does to reference text, which
/// distribution/reference uses in three places: `Parse`'s "would the
/// lower-cased input pass?" check, the upper-case test that makes a first
/// component a domain, and normalization's lowercase check.
///
/// Go maps rune by rune with Unicode's simple lowercase mapping and turns
/// each invalid UTF-8 byte into U+FFFD. Only `A`–`Z`, U+0130 (`İ` → `i`) and
/// U+212A (Kelvin sign → `k`) become ASCII; any other non-ASCII text stays
/// non-ASCII and can never match the grammar.
enum GoLowercasing {
    /// Whether lower-casing `bytes[range]` would change it: an upper-case
    /// ASCII letter, a non-ASCII scalar that changes when lower-cased, or
    /// invalid UTF-8. Non-ASCII scalars use this Swift's Unicode tables,
    /// which may be newer than the Go release being compared with.
    static func changes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        firstChange(bytes, range) != nil
    }

    /// The offset of the first byte whose scalar lower-casing changes.
    static func firstChange(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let byte = bytes[offset]
            if byte < 0x80 {
                if ASCII.isUpper(byte) { return offset }
                offset += 1
                continue
            }
            guard let (scalar, length) = decodeScalar(bytes, at: offset, end: range.upperBound),
                  !scalar.properties.changesWhenLowercased
            else { return offset }
            offset += length
        }
        return nil
    }

    /// `bytes[start...]` lower-cased as Go would, when the result is ASCII,
    /// with the original offset of each resulting byte; nil when some
    /// non-ASCII text would remain (so no grammar match is possible).
    static func asciiLowercased(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int
    ) -> (bytes: [UInt8], originalOffsets: [Int])? {
        var lowered: [UInt8] = []
        var offsets: [Int] = []
        lowered.reserveCapacity(bytes.count - start)
        offsets.reserveCapacity(bytes.count - start)
        var offset = start
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                lowered.append(ASCII.lowercased(byte))
                offsets.append(offset)
                offset += 1
                continue
            }
            guard let (scalar, length) = decodeScalar(bytes, at: offset, end: bytes.count) else { return nil }
            switch scalar.value {
            case 0x130: lowered.append(UInt8(ascii: "i"))
            case 0x212A: lowered.append(UInt8(ascii: "k"))
            default: return nil
            }
            offsets.append(offset)
            offset += length
        }
        return (lowered, offsets)
    }

    /// Whether the bytes at `offset` start a non-ASCII scalar that Go
    /// lower-cases to ASCII (U+0130 or U+212A).
    static func isNonASCIIUpperCase(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard bytes[offset] >= 0x80, let (scalar, _) = decodeScalar(bytes, at: offset, end: bytes.count) else {
            return false
        }
        return scalar.value == 0x130 || scalar.value == 0x212A
    }

    /// Decodes one well-formed UTF-8 scalar (no overlong forms, no
    /// surrogates, nothing above U+10FFFF), or nil.
    static func decodeScalar(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at offset: Int,
        end: Int
    ) -> (Unicode.Scalar, Int)? {
        let lead = bytes[offset]
        let length: Int
        let minimum: UInt32
        var value: UInt32
        switch lead {
        case 0x00 ... 0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2 ... 0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0 ... 0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0 ... 0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard offset + length <= end else { return nil }
        for next in offset + 1 ..< offset + length {
            let byte = bytes[next]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
