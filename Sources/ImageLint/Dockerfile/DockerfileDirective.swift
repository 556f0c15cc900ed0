/// A parser directive at the top of a Dockerfile: `# syntax=…`,
/// `# escape=…` or `# check=…`.
public struct DockerfileDirective: Sendable, Hashable {
    public enum Name: String, Sendable, Hashable, CaseIterable {
        case syntax, escape, check
    }

    public var name: Name
    /// The key as written (`syntax`, `SYNTAX`, `Syntax`).
    public var key: String
    /// The value as BuildKit reads it (blanks around it removed).
    public var value: String
    /// The whole directive line (without its terminator).
    public var lineSpan: SourceSpan
    public var keySpan: SourceSpan
    public var valueSpan: SourceSpan

    public init(name: Name, key: String, value: String, lineSpan: SourceSpan, keySpan: SourceSpan, valueSpan: SourceSpan) {
        self.name = name
        self.key = key
        self.value = value
        self.lineSpan = lineSpan
        self.keySpan = keySpan
        self.valueSpan = valueSpan
    }
}

/// Reads one line as a parser directive, with BuildKit's pattern
/// `^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$`.
struct DirectiveLineMatch {
    var keyStart: Int
    var keyEnd: Int
    var valueStart: Int
    var valueEnd: Int

    /// The match for `bytes[start..<end]`, or nil when the line is not of
    /// the directive form at all.
    static func match(_ bytes: [UInt8], start: Int, end: Int) -> DirectiveLineMatch? {
        guard start < end, bytes[start] == UInt8(ascii: "#") else { return nil }
        var i = start + 1
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        let keyStart = i
        guard i < end, isLetter(bytes[i]) else { return nil }
        i += 1
        while i < end, isLetter(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) { i += 1 }
        let keyEnd = i
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < end, bytes[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        // `[ \t]*(.+?)[ \t]*$`: the value is the rest without surrounding
        // blanks; a rest of blanks only still matches, with its last blank
        // as the value (the regexp needs one character for `.+?`).
        guard i < end else { return nil }
        var valueEnd = end
        while valueEnd > i, bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09 { valueEnd -= 1 }
        var valueStart = i
        while valueStart < valueEnd, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        if valueStart == valueEnd {
            valueStart = end - 1
            valueEnd = end
        }
        return DirectiveLineMatch(keyStart: keyStart, keyEnd: keyEnd, valueStart: valueStart, valueEnd: valueEnd)
    }

    @inline(__always)
    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// The known directive this key names (compared case-insensitively):
    /// the key lowercased and packed little-endian into an integer, as
    /// instruction keywords are matched, with no array per line.
    func name(in bytes: [UInt8]) -> DockerfileDirective.Name? {
        let count = keyEnd - keyStart
        guard count == 6 || count == 5 else { return nil }
        var packed: UInt64 = 0
        for (shift, b) in zip(stride(from: 0, to: 48, by: 8), bytes[keyStart..<keyEnd]) {
            // Only letters and digits reach here; digits never match.
            packed |= UInt64(b | 0x20) << UInt64(shift)
        }
        switch packed {
        case 0x78_61_74_6e_79_73: return .syntax
        case 0x65_70_61_63_73_65: return .escape
        case 0x6b_63_65_68_63: return .check
        default: return nil
        }
    }
}
