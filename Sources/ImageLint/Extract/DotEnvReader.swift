/// Reads a Compose `.env` file the way compose-go's `dotenv` parser does.
///
/// - one `KEY=VALUE` per statement; an optional `export ` prefix; `KEY: VALUE`
///   is accepted too; a bare `KEY` line takes the value from the environment;
/// - keys are letters, digits, `_`, `.`, `-`, `[`, `]` (any non-ASCII byte
///   counts as a letter); blanks around the key and after `=` are skipped;
/// - `#` at the start of a statement comments out the line; after an
///   unquoted value only ` #` (a space, then `#`) starts a comment, as in
///   compose-go (`VAR=VAL# x` keeps `# x`);
/// - unquoted values end at the line break, trailing blanks removed;
/// - single-quoted values are literal (only `\'` is unescaped); double-quoted
///   values unescape `\"`, `\\`, `\n`, `\r`, `\t`, `\a`, `\b`, `\f`, `\v`,
///   `\$` and `\0ooo`; both may span lines (a CR before a line break inside
///   them is dropped, so CRLF files read like LF files);
/// - unquoted and double-quoted values are interpolated with
///   ``ComposeInterpolation`` using the environment first, then the keys
///   defined earlier in the file, then `fallback`;
/// - like compose-go, reading goes on right after a closing quote, so
///   `A="1" B=2` defines both.
///
/// Where compose-go stops at the first error (a bad key character, a key
/// with a space, an unterminated quote), the reader reports an error
/// diagnostic and goes on with the next line. A UTF-8 BOM is skipped.
public enum DotEnvReader {
    public static func read(
        _ file: SourceFile,
        environment: ComposeInterpolation.Lookup = { _ in nil },
        fallback: ComposeInterpolation.Lookup = { _ in nil }
    ) -> DotEnvFile {
        withoutActuallyEscaping(environment) { environment in
            withoutActuallyEscaping(fallback) { fallback in
                var scanner = DotEnvScanner(file: file, environment: environment, fallback: fallback)
                scanner.scan()
                return DotEnvFile(file: file, entries: scanner.entries, diagnostics: scanner.diagnostics)
            }
        }
    }
}

private struct DotEnvScanner {
    let file: SourceFile
    let bytes: [UInt8]
    var entries: [DotEnvEntry] = []
    /// The latest definition of each key so far.
    var lastIndex: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []

    let environment: ComposeInterpolation.Lookup
    let fallback: ComposeInterpolation.Lookup

    init(file: SourceFile, environment: @escaping ComposeInterpolation.Lookup, fallback: @escaping ComposeInterpolation.Lookup) {
        self.file = file
        self.bytes = file.bytes
        self.environment = environment
        self.fallback = fallback
    }

    /// Interpolates a value with the environment, the keys defined so far,
    /// then the fallback. Not mutating: the look-up's view of `entries` is
    /// gone when it returns, so recording the entry does not copy them.
    func interpolate(_ raw: ArraySlice<UInt8>) -> InterpolationResult {
        ComposeInterpolation.interpolate(raw) { name in
            if let value = environment(name) { return value }
            if let index = lastIndex[name], let value = entries[index].value {
                return VariableUse(name: name, value: value, origin: .file(file.location(entries[index].valueSpan)))
            }
            return fallback(name)
        }
    }

    mutating func scan() {
        let n = bytes.count
        var i = file.lines.bomLength
        while i < n {
            // The start of a statement: skip blanks and line breaks.
            while i < n, Self.isWhitespace(bytes[i]) { i += 1 }
            guard i < n else { break }
            if bytes[i] == UInt8(ascii: "#") {
                i = lineEnd(from: i)
                continue
            }
            if startsWithExport(at: i) {
                i += 6
                while i < n, Self.isBlank(bytes[i]) { i += 1 }
            }
            let keyStart = i
            var j = i
            var terminator: UInt8 = 0
            var badCharacter = -1
            while j < n {
                let c = bytes[j]
                if c == UInt8(ascii: "=") || c == UInt8(ascii: ":") || c == UInt8(ascii: "\n") {
                    terminator = c
                    break
                }
                if !Self.isBlank(c), !Self.isKeyByte(c) {
                    badCharacter = j
                    break
                }
                j += 1
            }
            if badCharacter >= 0 {
                let end = lineEnd(from: badCharacter)
                let character = file.text(SourceSpan(start: badCharacter, end: min(badCharacter + LineIndex.scalarLength(bytes, at: badCharacter, limit: n), n)))
                error("unexpected character \"\(character)\" in variable name", SourceSpan(start: badCharacter, end: min(badCharacter + 1, end)))
                i = end
                continue
            }
            var keyEnd = j
            while keyEnd > keyStart, Self.isBlank(bytes[keyEnd - 1]) { keyEnd -= 1 }
            let keySpan = SourceSpan(start: keyStart, end: keyEnd)
            if keyEnd == keyStart {
                error("missing variable name before \"\(Character(Unicode.Scalar(terminator)))\"", SourceSpan(start: j, end: min(j + 1, n)))
                i = lineEnd(from: j)
                continue
            }
            if bytes[keyStart..<keyEnd].contains(where: Self.isBlank) {
                error("variable name \"\(file.text(keySpan))\" cannot contain a space", keySpan)
                i = lineEnd(from: j)
                continue
            }
            let key = file.text(keySpan)
            if terminator != UInt8(ascii: "=") && terminator != UInt8(ascii: ":") {
                // A bare `KEY`: inherited from the environment.
                let inherited = environment(key)
                record(DotEnvEntry(
                    key: key, keySpan: keySpan, valueSpan: keySpan, quoting: .none, literal: "",
                    isInherited: true, value: inherited?.value,
                    unresolved: inherited?.value == nil ? [key] : [],
                    variables: inherited.map { [$0] } ?? []
                ))
                i = j + 1
                continue
            }
            var v = j + 1
            while v < n, Self.isBlank(bytes[v]) { v += 1 }
            if v < n, bytes[v] == UInt8(ascii: "'") || bytes[v] == UInt8(ascii: "\"") {
                i = quoted(key: key, keySpan: keySpan, quoteAt: v)
            } else {
                i = unquoted(key: key, keySpan: keySpan, start: v)
            }
        }
    }

    /// An unquoted value from `start` to the end of its line.
    mutating func unquoted(key: String, keySpan: SourceSpan, start: Int) -> Int {
        let lineEnd = lineEnd(from: start)
        var end = lineEnd
        var k = start
        while k + 1 < lineEnd {
            if bytes[k] == UInt8(ascii: " "), bytes[k + 1] == UInt8(ascii: "#") {
                end = k
                break
            }
            k += 1
        }
        while end > start, Self.isWhitespace(bytes[end - 1]) { end -= 1 }
        let span = SourceSpan(start: start, end: end)
        let raw = bytes[start..<end]
        let result = interpolate(raw)
        for problem in result.problems {
            error(problem.message, SourceSpan(start: start + problem.start, end: start + problem.end))
        }
        record(DotEnvEntry(
            key: key, keySpan: keySpan, valueSpan: span, quoting: .none,
            literal: String(decoding: raw, as: UTF8.self), isInherited: false,
            value: result.problems.isEmpty ? result.value : nil,
            unresolved: result.unresolved, variables: result.variables
        ))
        return lineEnd
    }

    /// A quoted value whose opening quote is at `quoteAt`.
    mutating func quoted(key: String, keySpan: SourceSpan, quoteAt: Int) -> Int {
        let n = bytes.count
        let quote = bytes[quoteAt]
        var chars: [UInt8] = []
        var escaped = false
        var k = quoteAt + 1
        while k < n {
            let c = bytes[k]
            if c == UInt8(ascii: "\r"), k + 1 < n, bytes[k + 1] == UInt8(ascii: "\n") {
                k += 1
                continue
            }
            if c != quote {
                if !escaped, c == UInt8(ascii: "\\") {
                    escaped = true
                } else {
                    if escaped {
                        escaped = false
                        chars.append(UInt8(ascii: "\\"))
                    }
                    chars.append(c)
                }
                k += 1
                continue
            }
            if escaped {
                escaped = false
                chars.append(c)
                k += 1
                continue
            }
            // The closing quote.
            let span = SourceSpan(start: quoteAt + 1, end: k)
            if quote == UInt8(ascii: "'") {
                record(DotEnvEntry(
                    key: key, keySpan: keySpan, valueSpan: span, quoting: .single,
                    literal: String(decoding: chars, as: UTF8.self), isInherited: false,
                    value: String(decoding: chars, as: UTF8.self)
                ))
            } else {
                let unescaped = Self.expandEscapes(chars)
                let result = interpolate(unescaped[...])
                for problem in result.problems {
                    // Escapes break the 1:1 mapping: report on the whole value.
                    error(problem.message, span)
                }
                record(DotEnvEntry(
                    key: key, keySpan: keySpan, valueSpan: span, quoting: .double,
                    literal: String(decoding: unescaped, as: UTF8.self), isInherited: false,
                    value: result.problems.isEmpty ? result.value : nil,
                    unresolved: result.unresolved, variables: result.variables
                ))
            }
            return k + 1
        }
        let openingLineEnd = lineEnd(from: quoteAt)
        error("unterminated quoted value for \(key)", SourceSpan(start: quoteAt, end: openingLineEnd))
        return openingLineEnd
    }

    /// compose-go's `expandEscapes` on a double-quoted value (after the
    /// quote scan kept every other `\x` pair): `\$` becomes `$$` so that
    /// interpolation leaves a literal `$`.
    static func expandEscapes(_ chars: [UInt8]) -> [UInt8] {
        guard chars.contains(UInt8(ascii: "\\")) else { return chars }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == UInt8(ascii: "\\"), i + 1 < chars.count else {
                out.append(c)
                i += 1
                continue
            }
            let e = chars[i + 1]
            var replacement: [UInt8]?
            switch e {
            case UInt8(ascii: "a"): replacement = [0x07]
            case UInt8(ascii: "b"): replacement = [0x08]
            case UInt8(ascii: "f"): replacement = [0x0C]
            case UInt8(ascii: "n"): replacement = [0x0A]
            case UInt8(ascii: "r"): replacement = [0x0D]
            case UInt8(ascii: "t"): replacement = [0x09]
            case UInt8(ascii: "v"): replacement = [0x0B]
            case UInt8(ascii: "\\"): replacement = [0x5C]
            case UInt8(ascii: "\""): replacement = [0x22]
            case UInt8(ascii: "$"): replacement = [0x24, 0x24]
            case UInt8(ascii: "0"):
                // `\0ooo`: three octal digits after the `\0` (Go's `\ooo`).
                if i + 5 <= chars.count {
                    let digits = chars[(i + 2)..<(i + 5)]
                    if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) {
                        let value = digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }
                        if value <= 0xFF {
                            out.append(UInt8(value))
                            i += 5
                            continue
                        }
                    }
                }
            default:
                break
            }
            if let replacement {
                out.append(contentsOf: replacement)
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    mutating func record(_ entry: DotEnvEntry) {
        lastIndex[entry.key] = entries.count
        entries.append(entry)
    }

    /// The offset of the line break that ends the line holding `offset` (or the end).
    func lineEnd(from offset: Int) -> Int {
        var k = offset
        while k < bytes.count, bytes[k] != UInt8(ascii: "\n") { k += 1 }
        return k
    }

    func startsWithExport(at i: Int) -> Bool {
        let word: [UInt8] = Array("export".utf8)
        guard i + 6 < bytes.count else { return false }
        for (k, b) in word.enumerated() where bytes[i + k] != b { return false }
        return Self.isBlank(bytes[i + 6])
    }

    mutating func error(_ message: String, _ span: SourceSpan) {
        diagnostics.append(Diagnostic(severity: .error, code: "dotenv-syntax", message: message, location: file.location(span)))
    }

    /// Blanks inside a line (compose-go's `isSpace`, ASCII part).
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C || b == 0x0D
    }

    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool {
        isBlank(b) || b == 0x0A
    }

    @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == 0x5F || b == 0x2E || b == 0x2D || b == 0x5B || b == 0x5D || b >= 0x80
    }
}
