/// The top-level keys of a YAML file, found by a cheap line scan (no YAML
/// parse) for kind detection: a line that starts at column 0 with a plain
/// or quoted key followed by `:`. Only block-style top levels are seen; a
/// file whose top level is a flow mapping gives no keys.
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

    init(_ bytes: [UInt8]) {
        var lines: [(start: Int, end: Int)] = []
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count {
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > i, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            lines.append((i, contentEnd))
            i = end + 1
        }
        for (index, line) in lines.enumerated() {
            guard line.end > line.start else { continue }
            let first = bytes[line.start]
            if first == 0x20 || first == 0x09 || first == UInt8(ascii: "#") || first == UInt8(ascii: "-") || first == UInt8(ascii: "{")
                || first == UInt8(ascii: "[") || first == UInt8(ascii: "%") || first == UInt8(ascii: ".") { continue }
            guard let (key, valueStart) = Self.key(bytes, line.start, line.end) else { continue }
            let value = Self.inlineValue(bytes, valueStart, line.end)
            var holdsMapping = value.hasPrefix("{")
            if value.isEmpty || value.hasPrefix("&") || value.hasPrefix("!") {
                holdsMapping = Self.nextLineIsIndentedMapping(bytes, lines, after: index)
            }
            entries.append((key, Entry(inlineValue: value, holdsMapping: holdsMapping)))
        }
    }

    func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }?.entry
    }

    /// The key at the start of a line and where its value starts.
    private static func key(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (String, Int)? {
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var j = start + 1
            while j < end, bytes[j] != first { j += 1 }
            guard j + 1 < end, bytes[j + 1] == UInt8(ascii: ":") else { return nil }
            return (String(decoding: bytes[(start + 1)..<j], as: UTF8.self), j + 2)
        }
        var j = start
        while j < end {
            if bytes[j] == UInt8(ascii: ":"), j + 1 == end || bytes[j + 1] == 0x20 || bytes[j + 1] == 0x09 {
                var keyEnd = j
                while keyEnd > start, bytes[keyEnd - 1] == 0x20 || bytes[keyEnd - 1] == 0x09 { keyEnd -= 1 }
                return (String(decoding: bytes[start..<keyEnd], as: UTF8.self), j + 1)
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

    private static func nextLineIsIndentedMapping(_ bytes: [UInt8], _ lines: [(start: Int, end: Int)], after index: Int) -> Bool {
        for line in lines[(index + 1)...] {
            var j = line.start
            while j < line.end, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            guard j < line.end, bytes[j] != UInt8(ascii: "#") else { continue }
            return j > line.start && bytes[j] != UInt8(ascii: "-")
        }
        return false
    }
}
