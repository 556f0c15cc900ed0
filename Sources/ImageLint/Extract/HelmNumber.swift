/// How Helm prints a YAML number it was meant to print as text.
///
/// Helm reads values through `sigs.k8s.io/yaml` (YAML → JSON), so every
/// number becomes a Go `float64`, and templates print it with `%v`
/// (`strconv.FormatFloat(f, 'g', -1, 64)`): the shortest digits that
/// round-trip, in exponent form when the decimal exponent is below -4 or
/// at least 6. So `tag: 1.10` renders `1.1`, `tag: 20190806` renders
/// `2.0190806e+07`, `appVersion: 6.10` renders `6.1` (helm/helm#11800,
/// #13378), while `tag: 8` stays `8`.
enum HelmNumber {
    /// The text Helm renders for the decimal number `text`; nil for text
    /// that is not a plain decimal number (hex, octal, `.inf`, `.nan`).
    static func rendered(_ text: String) -> String? {
        guard isDecimal(text), let value = Double(text), value.isFinite else { return nil }
        return goFormat(value)
    }

    /// Go's `fmt.Sprint(float64)`.
    static func goFormat(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let negative = value < 0
        // Swift prints the same shortest round-trip digits as Go; only the
        // layout differs. Take the digits and the decimal point position.
        let description = String(describing: abs(value))
        var mantissa = Substring(description)
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = description[..<e]
            exponent = Int(description[description.index(after: e)...]) ?? 0
        }
        var digits: [Character] = []
        var pointAt = -1
        for c in mantissa {
            if c == "." { pointAt = digits.count } else { digits.append(c) }
        }
        if pointAt < 0 { pointAt = digits.count }
        var decimalPoint = pointAt + exponent
        while let first = digits.first, first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while let last = digits.last, last == "0" { digits.removeLast() }
        guard !digits.isEmpty else { return "0" }

        var out = negative ? "-" : ""
        let exp = decimalPoint - 1
        if exp < -4 || exp >= 6 {
            out.append(digits[0])
            if digits.count > 1 {
                out.append(".")
                out.append(contentsOf: digits[1...])
            }
            out.append("e")
            out.append(exp < 0 ? "-" : "+")
            let magnitude = String(abs(exp))
            if magnitude.count < 2 { out.append("0") }
            out.append(magnitude)
        } else if decimalPoint <= 0 {
            out.append("0.")
            out.append(String(repeating: "0", count: -decimalPoint))
            out.append(contentsOf: digits)
        } else if decimalPoint >= digits.count {
            out.append(contentsOf: digits)
            out.append(String(repeating: "0", count: decimalPoint - digits.count))
        } else {
            out.append(contentsOf: digits[..<decimalPoint])
            out.append(".")
            out.append(contentsOf: digits[decimalPoint...])
        }
        return out
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var integerDigits = 0
        while let b = bytes.first, isDigit(b) { integerDigits += 1; bytes = bytes.dropFirst() }
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            while let b = bytes.first, isDigit(b) { fractionDigits += 1; bytes = bytes.dropFirst() }
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var exponentDigits = 0
            while let b = bytes.first, isDigit(b) { exponentDigits += 1; bytes = bytes.dropFirst() }
            guard exponentDigits > 0 else { return false }
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
