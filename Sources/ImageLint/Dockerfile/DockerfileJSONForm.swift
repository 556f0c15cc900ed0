/// Decides exec (JSON) form the way BuildKit's `parseJSON` does: the
/// arguments, after leading blanks, start with `[` and the whole text is one
/// valid JSON value (Go's `json.Unmarshal` into `[]any`).
enum DockerfileJSONForm {
    enum Outcome: Equatable {
        /// Not JSON: shell form.
        case shell
        /// A JSON array of strings: exec form.
        case strings
        /// A valid JSON array with an element that is not a string: an error.
        case notStrings
    }

    /// Go's `json.Unmarshal` nesting limit.
    private static let maxDepth = 10_000

    static func classify(_ bytes: [UInt8], from start: Int, to end: Int) -> Outcome {
        var i = GoSpace.skipSpaces(bytes, from: start, to: end)
        guard i < end, bytes[i] == UInt8(ascii: "[") else { return .shell }
        var scanner = Scanner(bytes: bytes, pos: i, end: end)
        var allStrings = true
        // Top level: an array whose elements we classify.
        scanner.pos += 1
        scanner.skipBlanks()
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.pos += 1
        } else {
            while true {
                scanner.skipBlanks()
                if scanner.peek() != UInt8(ascii: "\"") { allStrings = false }
                guard scanner.value() else { return .shell }
                scanner.skipBlanks()
                guard let b = scanner.peek() else { return .shell }
                scanner.pos += 1
                if b == UInt8(ascii: "]") { break }
                guard b == UInt8(ascii: ",") else { return .shell }
            }
        }
        scanner.skipBlanks()
        i = scanner.pos
        guard i == end else { return .shell }
        return allStrings ? .strings : .notStrings
    }

    /// A JSON syntax checker with an explicit stack (no recursion, so any
    /// nesting depth is safe).
    private struct Scanner {
        let bytes: [UInt8]
        var pos: Int
        let end: Int

        func peek() -> UInt8? { pos < end ? bytes[pos] : nil }

        mutating func skipBlanks() {
            while pos < end, bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0A || bytes[pos] == 0x0D { pos += 1 }
        }

        /// One complete value; false on any syntax error.
        mutating func value() -> Bool {
            // Each entry: true for an object, false for an array.
            var stack: [Bool] = []
            while true {
                skipBlanks()
                guard let b = peek() else { return false }
                var closedScalar = true
                switch b {
                case UInt8(ascii: "{"):
                    pos += 1
                    skipBlanks()
                    if peek() == UInt8(ascii: "}") {
                        pos += 1
                    } else {
                        guard stack.count < DockerfileJSONForm.maxDepth, string() else { return false }
                        skipBlanks()
                        guard peek() == UInt8(ascii: ":") else { return false }
                        pos += 1
                        stack.append(true)
                        closedScalar = false
                    }
                case UInt8(ascii: "["):
                    pos += 1
                    skipBlanks()
                    if peek() == UInt8(ascii: "]") {
                        pos += 1
                    } else {
                        guard stack.count < DockerfileJSONForm.maxDepth else { return false }
                        stack.append(false)
                        closedScalar = false
                    }
                case UInt8(ascii: "\""):
                    guard string() else { return false }
                case UInt8(ascii: "t"):
                    guard literal("true") else { return false }
                case UInt8(ascii: "f"):
                    guard literal("false") else { return false }
                case UInt8(ascii: "n"):
                    guard literal("null") else { return false }
                default:
                    guard number() else { return false }
                }
                guard closedScalar else { continue }
                // After a complete value: close containers or move on.
                while let isObject = stack.last {
                    skipBlanks()
                    guard let next = peek() else { return false }
                    pos += 1
                    if next == UInt8(ascii: ",") {
                        if isObject {
                            skipBlanks()
                            guard string() else { return false }
                            skipBlanks()
                            guard peek() == UInt8(ascii: ":") else { return false }
                            pos += 1
                        }
                        break
                    }
                    guard next == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                    stack.removeLast()
                }
                if stack.isEmpty { return true }
            }
        }

        mutating func literal(_ word: String) -> Bool {
            let utf8 = Array(word.utf8)
            guard pos + utf8.count <= end, bytes[pos..<(pos + utf8.count)].elementsEqual(utf8) else { return false }
            pos += utf8.count
            return true
        }

        mutating func string() -> Bool {
            guard peek() == UInt8(ascii: "\"") else { return false }
            pos += 1
            while pos < end {
                let b = bytes[pos]
                if b == UInt8(ascii: "\"") {
                    pos += 1
                    return true
                }
                if b < 0x20 { return false }
                if b == UInt8(ascii: "\\") {
                    pos += 1
                    guard pos < end else { return false }
                    switch bytes[pos] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                         UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        pos += 1
                    case UInt8(ascii: "u"):
                        guard pos + 4 < end else { return false }
                        for k in 1...4 where !isHex(bytes[pos + k]) { return false }
                        pos += 5
                    default:
                        return false
                    }
                    continue
                }
                pos += 1
            }
            return false
        }

        mutating func number() -> Bool {
            if peek() == UInt8(ascii: "-") { pos += 1 }
            guard let first = peek(), isDigit(first) else { return false }
            pos += 1
            if first != UInt8(ascii: "0") {
                while let d = peek(), isDigit(d) { pos += 1 }
            }
            if peek() == UInt8(ascii: ".") {
                pos += 1
                guard let d = peek(), isDigit(d) else { return false }
                while let d = peek(), isDigit(d) { pos += 1 }
            }
            if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                pos += 1
                if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { pos += 1 }
                guard let d = peek(), isDigit(d) else { return false }
                while let d = peek(), isDigit(d) { pos += 1 }
            }
            return true
        }

        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66) }
    }
}
