/// A glob over `/`-separated text: file paths, image names, domains, tags.
///
/// Syntax (documented in the README, "Globs"):
/// - `*` matches any run of characters except `/`;
/// - `**` matches any run of characters including `/`; as a whole path
///   component (`**/x`, `a/**/b`) it also matches zero components, so
///   `**/testdata/**` matches `testdata/a` as well as `src/testdata/a`;
/// - `?` matches one character except `/`;
/// - `[abc]`, `[a-z0-9]`, `[!abc]` (or `[^abc]`) match one character of a class;
/// - `\x` matches `x` literally.
/// A glob matches the whole text. Matching is per Unicode scalar and
/// case-sensitive, and never backtracks (see ``ScalarAutomaton``).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let matcher: Matcher

    private enum Matcher: Sendable, Hashable {
        /// No wildcards: plain equality.
        case literal(String)
        /// `prefix**` (anything after), or `prefix*` (anything without `/`).
        case prefix(String, crossesSlash: Bool)
        case automaton(ScalarAutomaton)
    }

    public typealias SyntaxError = PatternSyntaxError

    public init(_ pattern: String) throws(SyntaxError) {
        self.pattern = pattern
        var parser = GlobParser(pattern)
        let node = try parser.parse()
        if let literal = GlobParser.literalText(node) {
            matcher = .literal(literal)
        } else if let (prefix, crossesSlash) = GlobParser.prefixForm(node) {
            matcher = .prefix(prefix, crossesSlash: crossesSlash)
        } else {
            do {
                matcher = .automaton(try ScalarAutomaton(node))
            } catch {
                throw SyntaxError(message: "pattern is too large", offset: 0)
            }
        }
    }

    /// Whether the glob matches the whole of `text`.
    public func matches(_ text: String) -> Bool {
        switch matcher {
        case .literal(let literal): text == literal
        case .prefix(let prefix, let crossesSlash):
            text.hasPrefix(prefix) && (crossesSlash || !text.utf8.dropFirst(prefix.utf8.count).contains(UInt8(ascii: "/")))
        case .automaton(let automaton): automaton.matchesWhole(Substring(text).unicodeScalars)
        }
    }

    /// Whether the pattern has no wildcards (it matches one text only).
    public var isLiteral: Bool {
        if case .literal = matcher { return true }
        return false
    }

    /// Whether `text` contains a character that is special in a glob.
    public static func hasWildcards(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "*" || $0 == "?" || $0 == "[" || $0 == "\\" }
    }

    public var description: String { pattern }
}

/// Turns glob text into a ``PatternNode``.
private struct GlobParser {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws(Glob.SyntaxError) -> PatternNode {
        var parts: [PatternNode] = []
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "*":
                let runStart = index
                while index < scalars.count, scalars[index] == "*" { index += 1 }
                let run = index - runStart
                if run == 1 {
                    parts.append(.repeated(.anyButSlash, min: 0, max: nil))
                    continue
                }
                let atComponentStart = runStart == 0 || scalars[runStart - 1] == "/"
                let beforeSlash = index < scalars.count && scalars[index] == "/"
                if atComponentStart, beforeSlash {
                    // `**/`: zero or more whole components.
                    index += 1
                    parts.append(.repeated(.concat([.repeated(.anyScalar, min: 0, max: nil), .scalar("/")]), min: 0, max: 1))
                } else {
                    parts.append(.repeated(.anyScalar, min: 0, max: nil))
                }
            case "?":
                index += 1
                parts.append(.anyButSlash)
            case "[":
                parts.append(try parseClass())
            case "\\":
                guard index + 1 < scalars.count else {
                    throw Glob.SyntaxError(message: "a trailing backslash escapes nothing", offset: index)
                }
                parts.append(.scalar(scalars[index + 1]))
                index += 2
            default:
                parts.append(.scalar(scalar))
                index += 1
            }
        }
        return .concat(parts)
    }

    private mutating func parseClass() throws(Glob.SyntaxError) -> PatternNode {
        let open = index
        index += 1
        var set = ScalarSet()
        if index < scalars.count, scalars[index] == "!" || scalars[index] == "^" {
            set.negated = true
            index += 1
        }
        var first = true
        while index < scalars.count {
            var low = scalars[index]
            if low == "]", !first {
                index += 1
                // A negated class never matches `/`, like `*` and `?`.
                if set.negated { set.ranges.append(0x2F...0x2F) }
                return .set(set)
            }
            first = false
            if low == "\\", index + 1 < scalars.count {
                index += 1
                low = scalars[index]
            }
            index += 1
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                var high = scalars[index + 1]
                index += 2
                if high == "\\", index < scalars.count {
                    high = scalars[index]
                    index += 1
                }
                guard low.value <= high.value else {
                    throw Glob.SyntaxError(message: "the range \(low)-\(high) is out of order", offset: index - 3)
                }
                set.ranges.append(low.value...high.value)
            } else {
                set.ranges.append(low.value...low.value)
            }
        }
        throw Glob.SyntaxError(message: "the class opened here has no closing ']'", offset: open)
    }

    /// `literal*` or `literal**` as a prefix test, when the node is exactly that.
    static func prefixForm(_ node: PatternNode) -> (String, Bool)? {
        guard case .concat(let parts) = node, let last = parts.last,
              case .repeated(let step, 0, nil) = last else { return nil }
        let crossesSlash: Bool
        switch step {
        case .anyScalar: crossesSlash = true
        case .anyButSlash: crossesSlash = false
        default: return nil
        }
        guard let prefix = literalText(.concat(Array(parts.dropLast()))) else { return nil }
        return (prefix, crossesSlash)
    }

    /// The literal text a node matches when it has no wildcards.
    static func literalText(_ node: PatternNode) -> String? {
        guard case .concat(let parts) = node else { return nil }
        var text = String.UnicodeScalarView()
        for part in parts {
            guard case .scalar(let scalar) = part else { return nil }
            text.append(scalar)
        }
        return String(text)
    }
}
