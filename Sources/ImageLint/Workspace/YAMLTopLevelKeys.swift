/// Some top-level keys of a YAML file, found by a cheap byte scan (no YAML
/// parse) for kind detection: a line that starts at column 0 with a plain
/// or quoted key followed by `:`. Only the keys asked for are kept, and
/// nothing is allocated for the others. Only block-style top levels are
/// seen; a file whose top level is a flow mapping gives no keys.
struct YAMLTopLevelKeys {
    struct Entry {
        /// The text after `: ` on the key's line, without a comment and
        /// quotes ("" when the value starts on the next line).
        var inlineValue: String
        /// Whether the value is a mapping: inline `{`, or a next content
        /// line that is indented and is not a `- ` sequence item.
        var holdsMapping: Bool
    }

    private var entries: [(key: String, entry: Entry)] = []

    init(_ bytes: [UInt8], keys wanted: [String]) {
        let wantedBytes = wanted.map { Array($0.utf8) }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let n = bytes.count
        while i < n {
            var end = i
            while end < n, bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > i, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd > i, Self.canStartKey(bytes[i]), let (keyRange, valueStart) = Self.key(bytes, i, contentEnd),
               let index = wantedBytes.firstIndex(where: { $0.count == keyRange.count && bytes[keyRange].elementsEqual($0) }),
               !entries.contains(where: { $0.key == wanted[index] }) {
                let value = Self.inlineValue(bytes, valueStart, contentEnd)
                var holdsMapping = value.hasPrefix("{")
                if value.isEmpty || value.hasPrefix("&") || value.hasPrefix("!") {
                    holdsMapping = Self.nextLineIsIndentedMapping(bytes, from: end + 1)
                }
                entries.append((wanted[index], Entry(inlineValue: value, holdsMapping: holdsMapping)))
                if entries.count == wanted.count { return }
            }
            i = end + 1
        }
    }

    func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }?.entry
    }

    @inline(__always) private static func canStartKey(_ b: UInt8) -> Bool {
        !(b == 0x20 || b == 0x09 || b == UInt8(ascii: "#") || b == UInt8(ascii: "-") || b == UInt8(ascii: "{")
            || b == UInt8(ascii: "[") || b == UInt8(ascii: "%") || b == UInt8(ascii: "."))
    }

    /// The key's byte range at the start of a line and where its value starts.
    private static func key(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (Range<Int>, Int)? {
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var j = start + 1
            while j < end, bytes[j] != first { j += 1 }
            guard j + 1 < end, bytes[j + 1] == UInt8(ascii: ":") else { return nil }
            return ((start + 1)..<j, j + 2)
        }
        var j = start
        while j < end {
            if bytes[j] == UInt8(ascii: ":"), j + 1 == end || bytes[j + 1] == 0x20 || bytes[j + 1] == 0x09 {
                var keyEnd = j
                while keyEnd > start, bytes[keyEnd - 1] == 0x20 || bytes[keyEnd - 1] == 0x09 { keyEnd -= 1 }
                return (start..<keyEnd, j + 1)
            }
            j += 1
        }
        return nil
    }

    private static func inlineValue(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        var s = start
        while s < end, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
        var e = s
        while e < end {
            if bytes[e] == UInt8(ascii: "#"), e == s || bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { break }
            e += 1
        }
        while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        if e - s >= 2, bytes[s] == bytes[e - 1], bytes[s] == UInt8(ascii: "\"") || bytes[s] == UInt8(ascii: "'") {
            s += 1
            e -= 1
        }
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// Whether the first content line from `start` on is indented and not a `- ` item.
    private static func nextLineIsIndentedMapping(_ bytes: [UInt8], from start: Int) -> Bool {
        var i = start
        while i < bytes.count {
            var j = i
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            if j < bytes.count, bytes[j] != 0x0A, bytes[j] != 0x0D, bytes[j] != UInt8(ascii: "#") {
                return j > i && bytes[j] != UInt8(ascii: "-")
            }
            while j < bytes.count, bytes[j] != 0x0A { j += 1 }
            i = j + 1
        }
        return false
    }
}
