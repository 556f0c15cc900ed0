/// Text made safe for XML reports (JUnit, Checkstyle).
enum XMLText {
    /// `text` escaped for an attribute value or element content: the five
    /// markup characters as entities, tab, LF and CR as character references
    /// (so attribute normalization keeps them), and every character XML 1.0
    /// does not allow (other controls, U+FFFE, U+FFFF) dropped.
    static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t": out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n": out.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            default:
                if isAllowed(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// XML 1.0's `Char` production (tab, LF and CR are handled above).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `name="value"` with the value escaped.
    static func attribute(_ name: String, _ value: String) -> String {
        "\(name)=\"\(escaped(value))\""
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
}
