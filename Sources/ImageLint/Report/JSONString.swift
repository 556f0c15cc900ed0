/// JSON string literals written by hand, so output is byte-stable: no
/// encoder decides key order, escaping or number formatting for us.
public enum JSONString {
    /// `text` as a JSON string literal, quotes included.
    ///
    /// Escapes `"` and `\`, writes `\n`, `\r`, `\t`, `\b`, `\f` for those
    /// controls and `\u00XX` for the other controls below U+0020; every
    /// other character is written as itself, in UTF-8.
    public static func quoted(_ text: some StringProtocol) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 2)
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x00 ..< 0x20:
                let digits = Array("0123456789abcdef".utf8)
                output += Array("\\u00".utf8)
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` quoted, or `null` when there is no text.
    public static func quotedOrNull(_ text: (some StringProtocol)?) -> String {
        text.map { quoted($0) } ?? "null"
    }
}
