/// A template construct of another system inside a value: imagelint does not
/// evaluate it, so the value is unresolved (never an invalid reference).
///
/// Examples: GitHub `${{ matrix.image }}`, GitLab `$[[ inputs.image ]]`,
/// Tekton `$(params.image)`, Argo `{{inputs.parameters.os-image}}`, Helm
/// `{{ .Values.image.tag }}`, CircleCI `<< parameters.image >>`,
/// devcontainer `${localEnv:IMAGE}`, ko `ko://example.com/cmd/app`.
public struct ForeignPlaceholder: Sendable, Hashable {
    /// Which template language wrote the placeholder.
    public enum Syntax: String, Sendable, Hashable, CaseIterable {
        /// `${{ … }}`: GitHub Actions expressions, Azure Pipelines template expressions.
        case dollarDoubleBrace
        /// `$[[ … ]]`: GitLab CI component inputs.
        case dollarDoubleBracket
        /// `$( … )`: Tekton variables (`$(params.x)`, `$(tasks.x.results.y)`), Azure macros (`$(var)`).
        case dollarParen
        /// `{{ … }}`: Argo Workflows parameters, Helm/Go templates, Jinja, cookiecutter.
        case doubleBrace
        /// `<< … >>`: CircleCI parameters.
        case doubleAngle
        /// `${localEnv:X}`, `${containerEnv:X}`, `${templateOption:x}`: dev container variables.
        case devcontainer
        /// `ko://import/path`: a Go import path that ko builds into an image.
        case ko
    }

    public var syntax: Syntax
    /// What the placeholder names, as written inside its delimiters with the
    /// surrounding blanks (and Go template trim markers) removed:
    /// `params.image`, `inputs.parameters.os-image`, `matrix.container`,
    /// `localEnv:IMAGE`; for ko the whole `ko://…` value.
    public var name: String
    /// Byte offsets of the whole construct (delimiters included) in the
    /// scanned value.
    public var range: Range<Int>

    public init(syntax: Syntax, name: String, range: Range<Int>) {
        self.syntax = syntax
        self.name = name
        self.range = range
    }
}

extension ForeignPlaceholder {
    /// The longest placeholder looked for, in bytes: real ones are short,
    /// and the bound keeps a scan over hostile input (`{{{{…` with no
    /// closing) linear.
    public static let maxLength = 1024

    /// Every foreign placeholder in `value`, in order, without overlaps.
    ///
    /// A construct whose closing delimiter is missing is not a placeholder
    /// (the consuming system rejects it too). Plain references contain none
    /// of the starting bytes (`$`, `{`, `<`), so the common case is one pass
    /// with no allocation.
    public static func scan(_ value: ArraySlice<UInt8>) -> [ForeignPlaceholder] {
        value.withUnsafeBufferPointer { scan($0) }
    }

    /// Every foreign placeholder in `value` (see ``scan(_:)-(ArraySlice<UInt8>)``).
    public static func scan(_ value: String) -> [ForeignPlaceholder] {
        var value = value
        return value.withUTF8 { scan($0) }
    }

    /// Every foreign placeholder in the UTF-8 bytes `value`.
    public static func scan(_ value: UnsafeBufferPointer<UInt8>) -> [ForeignPlaceholder] {
        var found: [ForeignPlaceholder] = []
        let n = value.count
        if n >= 5, value[0] == UInt8(ascii: "k"), value[1] == UInt8(ascii: "o"), value[2] == UInt8(ascii: ":"),
           value[3] == UInt8(ascii: "/"), value[4] == UInt8(ascii: "/") {
            found.append(ForeignPlaceholder(syntax: .ko, name: String(decoding: value, as: UTF8.self), range: 0..<n))
            return found
        }
        var i = 0
        while i < n {
            let c = value[i]
            guard c == UInt8(ascii: "$") || c == UInt8(ascii: "{") || c == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if let placeholder = match(value, at: i) {
                found.append(placeholder)
                i = placeholder.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// Whether `value` holds any foreign placeholder.
    public static func occurs(in value: ArraySlice<UInt8>) -> Bool {
        value.withUnsafeBufferPointer { bytes in
            if bytes.count >= 5, bytes[0] == UInt8(ascii: "k"), bytes[1] == UInt8(ascii: "o") { return !scan(bytes).isEmpty }
            for i in 0..<bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "$") || c == UInt8(ascii: "{") || c == UInt8(ascii: "<"), match(bytes, at: i) != nil {
                    return true
                }
            }
            return false
        }
    }

    /// The placeholder starting exactly at `start`, if one does: its
    /// opening delimiter there and its closing one later in `v`.
    public static func match(_ v: UnsafeBufferPointer<UInt8>, at start: Int) -> ForeignPlaceholder? {
        let n = v.count
        guard start >= 0, start < n else { return nil }
        func at(_ k: Int) -> UInt8 { k < n ? v[k] : 0 }
        let next = at(start + 1)
        switch v[start] {
        case UInt8(ascii: "$"):
            if next == UInt8(ascii: "{"), at(start + 2) == UInt8(ascii: "{") {
                return delimited(v, .dollarDoubleBrace, start: start, open: 3, close: UInt8(ascii: "}"))
            }
            if next == UInt8(ascii: "["), at(start + 2) == UInt8(ascii: "[") {
                return delimited(v, .dollarDoubleBracket, start: start, open: 3, close: UInt8(ascii: "]"))
            }
            if next == UInt8(ascii: "(") { return parenthesized(v, start: start) }
            if next == UInt8(ascii: "{") { return devcontainerVariable(v, start: start) }
            return nil
        case UInt8(ascii: "{"):
            guard next == UInt8(ascii: "{") else { return nil }
            return delimited(v, .doubleBrace, start: start, open: 2, close: UInt8(ascii: "}"))
        case UInt8(ascii: "<"):
            // `<< parameters.x >>`: a blank or a letter after `<<` (a lone
            // `<<` or `<<<` is not one).
            let after = at(start + 2)
            guard next == UInt8(ascii: "<"), after == UInt8(ascii: " ") || isLetter(after) else { return nil }
            return delimited(v, .doubleAngle, start: start, open: 2, close: UInt8(ascii: ">"))
        default:
            return nil
        }
    }

    /// A construct opened by `open` bytes at `start` and closed by `close`
    /// written twice (`}}`, `]]`, `>>`); nil when it is not closed.
    private static func delimited(
        _ v: UnsafeBufferPointer<UInt8>, _ syntax: Syntax, start: Int, open: Int, close: UInt8
    ) -> ForeignPlaceholder? {
        let contentStart = start + open
        let end = min(v.count, start + maxLength)
        var k = contentStart
        while k + 1 < end {
            if v[k] == close, v[k + 1] == close {
                let name = trimmedName(v, contentStart, k, goTrim: syntax == .doubleBrace)
                return ForeignPlaceholder(syntax: syntax, name: name, range: start..<(k + 2))
            }
            k += 1
        }
        return nil
    }

    /// `$( … )` with nested parentheses counted; nil when empty (`$()`) or
    /// not closed.
    private static func parenthesized(_ v: UnsafeBufferPointer<UInt8>, start: Int) -> ForeignPlaceholder? {
        var depth = 0
        var k = start + 1
        let limit = min(v.count, start + maxLength)
        while k < limit {
            if v[k] == UInt8(ascii: "(") {
                depth += 1
            } else if v[k] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 {
                    guard k > start + 2 else { return nil }
                    return ForeignPlaceholder(syntax: .dollarParen, name: trimmedName(v, start + 2, k, goTrim: false), range: start..<(k + 1))
                }
            }
            k += 1
        }
        return nil
    }

    /// Dev container variables with an argument: `${localEnv:X}`,
    /// `${containerEnv:X}`, `${templateOption:x}`. Other `${…}` forms
    /// belong to the file's own interpolation.
    private static func devcontainerVariable(_ v: UnsafeBufferPointer<UInt8>, start: Int) -> ForeignPlaceholder? {
        let n = min(v.count, start + maxLength)
        var k = start + 2
        while k < n, isLetter(v[k]) { k += 1 }
        guard k < n, v[k] == UInt8(ascii: ":"),
              devcontainerPrefixes.contains(String(decoding: UnsafeBufferPointer(rebasing: v[(start + 2)..<k]), as: UTF8.self))
        else { return nil }
        var end = k
        while end < n, v[end] != UInt8(ascii: "}") { end += 1 }
        guard end < n else { return nil }
        return ForeignPlaceholder(
            syntax: .devcontainer, name: trimmedName(v, start + 2, end, goTrim: false), range: start..<(end + 1))
    }

    private static let devcontainerPrefixes: Set<String> = ["localEnv", "containerEnv", "templateOption"]

    @inline(__always) private static func isLetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    @inline(__always) private static func isBlank(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")
    }

    /// The content between `from` and `to` without surrounding blanks; for
    /// Go templates also without the `-` trim markers (`{{- x -}}`).
    private static func trimmedName(_ v: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, goTrim: Bool) -> String {
        var a = from
        var b = to
        if goTrim {
            if a < b, v[a] == UInt8(ascii: "-"), a + 1 == b || isBlank(v[a + 1]) { a += 1 }
            if a < b, v[b - 1] == UInt8(ascii: "-"), b - 1 == a || isBlank(v[b - 2]) { b -= 1 }
        }
        while a < b, isBlank(v[a]) { a += 1 }
        while b > a, isBlank(v[b - 1]) { b -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: v[a..<b]), as: UTF8.self)
    }
}
