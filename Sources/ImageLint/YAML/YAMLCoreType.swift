/// The type a plain scalar resolves to under the YAML 1.2 core schema.
///
/// imagelint keeps every value as the text written, but some tools read
/// YAML with a schema and break on numbers: kustomize's `newTag: 3.6`
/// ("cannot unmarshal number into … string"), Helm's `tag: 1.10` (becomes
/// `1.1`). Extractors use this to warn where the consuming tool would fail.
public enum YAMLCoreType: Sendable, Hashable {
    case string
    /// `null`, `Null`, `NULL`, `~`, or nothing at all.
    case null
    /// `true`/`True`/`TRUE`/`false`/`False`/`FALSE`.
    case bool
    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    case int
    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf`, `.nan`
    /// (each in its three spellings).
    case float

    /// Whether a consumer reading into a string field would get a non-string.
    public var isNonString: Bool { self != .string }

    /// Resolves the text of a plain scalar.
    public static func resolve(_ text: UnsafeBufferPointer<UInt8>) -> YAMLCoreType {
        let n = text.count
        if n == 0 { return .null }
        let c0 = text[0]
        // Fast exit: every non-string form starts with one of these bytes.
        switch c0 {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"):
            break
        default:
            return .string
        }
        if matches(text, ["~", "null", "Null", "NULL"]) { return .null }
        if matches(text, ["true", "True", "TRUE", "false", "False", "FALSE"]) { return .bool }
        if matches(text, [".nan", ".NaN", ".NAN"]) { return .float }
        var i = 0
        if c0 == UInt8(ascii: "-") || c0 == UInt8(ascii: "+") { i = 1 }
        let rest = UnsafeBufferPointer(rebasing: text[i...])
        if matches(rest, [".inf", ".Inf", ".INF"]) { return .float }
        if i == 0, n > 2, c0 == UInt8(ascii: "0") {
            let c1 = text[1]
            if c1 == UInt8(ascii: "o"), text[2...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) { return .int }
            if c1 == UInt8(ascii: "x"), text[2...].allSatisfy(isHexDigit) { return .int }
        }
        // Decimal int or float.
        let digitsStart = i
        while i < n, isDigit(text[i]) { i += 1 }
        let intDigits = i - digitsStart
        if i == n { return intDigits > 0 ? .int : .string }
        var fractionDigits = 0
        if text[i] == UInt8(ascii: ".") {
            i += 1
            let s = i
            while i < n, isDigit(text[i]) { i += 1 }
            fractionDigits = i - s
        }
        guard intDigits > 0 || fractionDigits > 0 else { return .string }
        if i < n, text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") { i += 1 }
            let s = i
            while i < n, isDigit(text[i]) { i += 1 }
            if i == s { return .string }
        }
        return i == n ? .float : .string
    }

    /// Resolves a string's text (convenience for tests and policies).
    public static func resolve(_ text: String) -> YAMLCoreType {
        var text = text
        return text.withUTF8 { resolve($0) }
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
        for word in words where word.utf8CodeUnitCount == text.count {
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            if w.elementsEqual(text) { return true }
        }
        return false
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    @inline(__always) private static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
    }
}
