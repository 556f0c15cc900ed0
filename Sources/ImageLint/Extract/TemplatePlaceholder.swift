/// Placeholders of other template systems inside a value that names an
/// image: they are not variables imagelint can resolve, so the value is
/// reported as *unresolved* (naming the placeholder), never parsed as a
/// broken reference.
///
/// The Dockerfile lexer's view of the shared ``ForeignPlaceholder`` scanner
/// (formats.md §0.2: GitHub/Azure `${{ … }}`, Go/Helm/Argo/Django/jq
/// `{{ … }}`, GitLab `$[[ … ]]`, Tekton/Azure `$( … )`, CircleCI
/// `<< … >>`, devcontainer `${localEnv:X}`), plus any `${name:x…}` the
/// lexer could not read as a substitution (``matchColonVariable(_:at:end:)``).
public enum TemplatePlaceholder {
    /// The longest placeholder looked for, in bytes (see
    /// ``ForeignPlaceholder/maxLength``).
    public static let maxLength = ForeignPlaceholder.maxLength
    /// A placeholder found in a value.
    public struct Match: Sendable, Hashable {
        /// Byte range of the whole placeholder (delimiters included).
        public var range: Range<Int>
        /// The name to report: what is inside the delimiters, without the
        /// surrounding blanks (`matrix.image` for `${{ matrix.image }}`).
        public var name: String

        public init(range: Range<Int>, name: String) {
            self.range = range
            self.name = name
        }
    }

    /// The placeholder starting exactly at `i`, if any: the shared
    /// ``ForeignPlaceholder/match(_:at:)`` on `bytes[i..<end]` (ko's
    /// `ko://` is a whole value, never part of a Dockerfile word), named
    /// as every extractor names it: `.Values.tag` for `{{ .Values.tag }}`.
    public static func match<C: RandomAccessCollection>(_ bytes: C, at i: Int, end: Int) -> Match?
    where C.Element == UInt8, C.Index == Int {
        guard i >= bytes.startIndex, i + 1 < end, end <= bytes.endIndex else { return nil }
        // Most calls are at an ordinary `$` or `{`: decide cheaply.
        let b0 = bytes[i]
        let b1 = bytes[i + 1]
        guard (b0 == UInt8(ascii: "$") && (b1 == UInt8(ascii: "{") || b1 == UInt8(ascii: "[") || b1 == UInt8(ascii: "(")))
            || (b0 == UInt8(ascii: "{") && b1 == UInt8(ascii: "{")) || (b0 == UInt8(ascii: "<") && b1 == UInt8(ascii: "<"))
        else { return nil }
        let window = i..<min(end, i + ForeignPlaceholder.maxLength)
        let found = bytes.withContiguousStorageIfAvailable { buffer in
            ForeignPlaceholder.match(UnsafeBufferPointer(rebasing: buffer[(window.lowerBound - bytes.startIndex)..<(window.upperBound - bytes.startIndex)]), at: 0)
        } ?? Array(bytes[window]).withUnsafeBufferPointer { ForeignPlaceholder.match($0, at: 0) }
        guard let found, found.syntax != .ko else { return nil }
        return Match(range: (i + found.range.lowerBound)..<(i + found.range.upperBound), name: found.name)
    }

    /// A `${prefix:key}` devcontainer-style variable at `i` (`${localEnv:HOME}`,
    /// `${templateOption:imageVariant}`): `${`, a name, `:`, a letter, then
    /// anything up to the matching `}`. Reported by the text inside the
    /// braces. (`${VAR:-x}`, `${VAR:+x}`, `${VAR:?x}` are shell forms: a
    /// letter never follows their colon.)
    public static func matchColonVariable<C: RandomAccessCollection>(_ bytes: C, at i: Int, end: Int) -> Match?
    where C.Element == UInt8, C.Index == Int {
        guard i + 3 < end, bytes[i] == UInt8(ascii: "$"), bytes[i + 1] == UInt8(ascii: "{") else { return nil }
        var j = i + 2
        while j < end, isNameByte(bytes[j]) { j += 1 }
        guard j > i + 2, j + 1 < end, bytes[j] == UInt8(ascii: ":") else { return nil }
        let key = bytes[j + 1] | 0x20
        guard key >= 0x61, key <= 0x7A else { return nil }
        return braced(bytes, from: i, end: end)
    }

    /// The `${…}` at `i` up to its matching `}` (nested braces counted),
    /// named by the text inside; nil when it is not closed.
    public static func braced<C: RandomAccessCollection>(_ bytes: C, from i: Int, end: Int) -> Match?
    where C.Element == UInt8, C.Index == Int {
        guard i + 1 < end, bytes[i] == UInt8(ascii: "$"), bytes[i + 1] == UInt8(ascii: "{") else { return nil }
        var depth = 0
        var j = i + 1
        let end = min(end, i + maxLength)
        while j < end {
            let b = bytes[j]
            if b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 {
                    return Match(range: i..<(j + 1), name: text(bytes, (i + 2)..<j))
                }
            }
            j += 1
        }
        return nil
    }

    /// Every placeholder in `bytes[start..<end]`, left to right, not
    /// overlapping.
    public static func scan<C: RandomAccessCollection>(_ bytes: C, from start: Int, to end: Int) -> [Match]
    where C.Element == UInt8, C.Index == Int {
        var found: [Match] = []
        var i = start
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "$") || b == UInt8(ascii: "{") || b == UInt8(ascii: "<") {
                if let m = match(bytes, at: i, end: end) ?? matchColonVariable(bytes, at: i, end: end) {
                    found.append(m)
                    i = m.range.upperBound
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// The placeholders of a whole string.
    public static func scan(_ string: String) -> [Match] {
        let bytes = Array(string.utf8)
        return scan(bytes, from: 0, to: bytes.count)
    }

    @inline(__always)
    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_")
    }

    private static func text<C: RandomAccessCollection>(_ bytes: C, _ range: Range<Int>) -> String
    where C.Element == UInt8, C.Index == Int {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
