/// A regular expression in the small, common subset imagelint supports for
/// `tag: {regex: …}` and the `tag-pattern` rule, matched without
/// backtracking (see ``ScalarAutomaton``).
///
/// Supported: literals; `.`; classes `[a-z0-9_]`, `[^…]`; escapes `\d \w \s
/// \D \W \S` and `\` before any punctuation; anchors `^` and `$`; `*`, `+`,
/// `?`, `{m}`, `{m,}`, `{m,n}` (a trailing `?` for laziness is accepted and
/// changes nothing, since only *whether* it matches counts); groups `( )` and
/// `(?: )`; alternation `|`. Everything else — back-references, look-around,
/// word boundaries, flags, named groups — is rejected when the policy loads,
/// with the offset of the offending character.
///
/// Like most tools, a regex matches when it matches *part* of the tag; write
/// `^…$` to match the whole tag.
public struct TagRegex: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let automaton: ScalarAutomaton

    public typealias SyntaxError = PatternSyntaxError

    public init(_ pattern: String) throws(SyntaxError) {
        self.pattern = pattern
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        do {
            automaton = try ScalarAutomaton(node)
        } catch {
            throw SyntaxError(message: "the pattern is too large (more than \(ScalarAutomaton.stateLimit) states)", offset: 0)
        }
    }

    /// Whether the regex matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        automaton.matchesPart(Substring(text).unicodeScalars)
    }

    public var description: String { pattern }
}

/// Recursive descent over the pattern's scalars; nesting is bounded so a
/// hostile pattern cannot exhaust the stack.
private struct RegexParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var depth = 0
    static let maxDepth = 64
    static let maxCount = 1000

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    typealias SyntaxError = TagRegex.SyntaxError

    mutating func parse() throws(SyntaxError) -> PatternNode {
        let node = try parseAlternation()
        if index < scalars.count {
            // Only an unmatched `)` stops the top level early.
            throw SyntaxError(message: "unmatched ')'", offset: index)
        }
        return node
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func parseAlternation() throws(SyntaxError) -> PatternNode {
        var choices = [try parseConcatenation()]
        while current == "|" {
            index += 1
            choices.append(try parseConcatenation())
        }
        return choices.count == 1 ? choices[0] : .alternation(choices)
    }

    private mutating func parseConcatenation() throws(SyntaxError) -> PatternNode {
        var parts: [PatternNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let atomStart = index
            var atom = try parseAtom()
            atom = try parseQuantifiers(atom, atomStart: atomStart)
            parts.append(atom)
        }
        return parts.count == 1 ? parts[0] : .concat(parts)
    }

    private mutating func parseAtom() throws(SyntaxError) -> PatternNode {
        guard let scalar = current else { return .empty }
        switch scalar {
        case "(":
            return try parseGroup()
        case "[":
            return try parseClass()
        case ".":
            index += 1
            return .anyScalar
        case "^":
            index += 1
            return .startAnchor
        case "$":
            index += 1
            return .endAnchor
        case "\\":
            return try parseEscape(inClass: false)
        case "*", "+", "?":
            throw SyntaxError(message: "'\(scalar)' has nothing to repeat", offset: index)
        case "{":
            throw SyntaxError(message: "'{' has nothing to repeat (write \\{ for a literal brace)", offset: index)
        case "]", "}":
            // Literal, as in most engines, but flagged: usually a typo.
            throw SyntaxError(message: "unmatched '\(scalar)' (write \\\(scalar) for a literal)", offset: index)
        default:
            index += 1
            return .scalar(scalar)
        }
    }

    private mutating func parseGroup() throws(SyntaxError) -> PatternNode {
        let open = index
        index += 1
        if current == "?" {
            if index + 1 < scalars.count, scalars[index + 1] == ":" {
                index += 2
            } else {
                throw SyntaxError(
                    message: "'(?' groups other than '(?:' (look-around, flags, named groups) are not supported",
                    offset: open
                )
            }
        }
        depth += 1
        guard depth <= RegexParser.maxDepth else {
            throw SyntaxError(message: "groups are nested too deeply (more than \(RegexParser.maxDepth))", offset: open)
        }
        let inner = try parseAlternation()
        depth -= 1
        guard current == ")" else {
            throw SyntaxError(message: "the group opened here has no closing ')'", offset: open)
        }
        index += 1
        return inner
    }

    private mutating func parseQuantifiers(_ atom: PatternNode, atomStart: Int) throws(SyntaxError) -> PatternNode {
        var node = atom
        var quantified = false
        while let scalar = current {
            let quantifierStart = index
            var bounds: (min: Int, max: Int?)
            switch scalar {
            case "*": bounds = (0, nil); index += 1
            case "+": bounds = (1, nil); index += 1
            case "?": bounds = (0, 1); index += 1
            case "{": bounds = try parseCount()
            default: return node
            }
            if quantified {
                throw SyntaxError(message: "a quantifier cannot follow another quantifier", offset: quantifierStart)
            }
            if case .startAnchor = atom {
                throw SyntaxError(message: "an anchor cannot be repeated", offset: quantifierStart)
            }
            if case .endAnchor = atom {
                throw SyntaxError(message: "an anchor cannot be repeated", offset: quantifierStart)
            }
            quantified = true
            node = .repeated(node, min: bounds.min, max: bounds.max)
            // Lazy form: same set of matches.
            if current == "?" { index += 1 }
            if current == "+" {
                throw SyntaxError(message: "possessive quantifiers are not supported", offset: index)
            }
        }
        return node
    }

    private mutating func parseCount() throws(SyntaxError) -> (min: Int, max: Int?) {
        let open = index
        index += 1
        guard let low = parseNumber() else {
            throw SyntaxError(message: "expected a count after '{' (write \\{ for a literal brace)", offset: open)
        }
        var high: Int? = low
        if current == "," {
            index += 1
            high = parseNumber()
        }
        guard current == "}" else {
            throw SyntaxError(message: "the count opened here has no closing '}'", offset: open)
        }
        index += 1
        if let high, high < low {
            throw SyntaxError(message: "the count {\(low),\(high)} is out of order", offset: open)
        }
        if low > RegexParser.maxCount || (high ?? 0) > RegexParser.maxCount {
            throw SyntaxError(message: "counts above \(RegexParser.maxCount) are not supported", offset: open)
        }
        return (low, high)
    }

    private mutating func parseNumber() -> Int? {
        var value: Int?
        while let scalar = current, ("0"..."9").contains(scalar) {
            value = min((value ?? 0) * 10 + Int(scalar.value - 0x30), 1_000_000)
            index += 1
        }
        return value
    }

    private mutating func parseEscape(inClass: Bool) throws(SyntaxError) -> PatternNode {
        let start = index
        index += 1
        guard let scalar = current else {
            throw SyntaxError(message: "a trailing backslash escapes nothing", offset: start)
        }
        index += 1
        switch scalar {
        case "d": return .set(.digits)
        case "w": return .set(.word)
        case "s": return .set(.space)
        case "D", "W", "S":
            if inClass {
                throw SyntaxError(message: "'\\\(scalar)' is not supported inside a class", offset: start)
            }
            var set: ScalarSet = scalar == "D" ? .digits : scalar == "W" ? .word : .space
            set.negated = true
            return .set(set)
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        default:
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                throw SyntaxError(message: "the escape '\\\(scalar)' is not supported", offset: start)
            }
            return .scalar(scalar)
        }
    }

    private mutating func parseClass() throws(SyntaxError) -> PatternNode {
        let open = index
        index += 1
        var set = ScalarSet()
        if current == "^" {
            set.negated = true
            index += 1
        }
        var first = true
        while let scalar = current {
            if scalar == "]", !first {
                index += 1
                return .set(set)
            }
            first = false
            let low: UInt32
            if scalar == "\\" {
                let escape = try parseEscape(inClass: true)
                switch escape {
                case .scalar(let literal): low = literal.value
                case .set(let inner):
                    set.ranges.append(contentsOf: inner.ranges)
                    continue
                default: low = 0
                }
            } else {
                if scalar == "[", index + 1 < scalars.count, scalars[index + 1] == ":" {
                    throw SyntaxError(message: "POSIX classes like [:alpha:] are not supported", offset: index)
                }
                low = scalar.value
                index += 1
            }
            if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                let dash = index
                index += 1
                let high: UInt32
                if current == "\\" {
                    guard case .scalar(let literal) = try parseEscape(inClass: true) else {
                        throw SyntaxError(message: "a class escape cannot end a range", offset: dash)
                    }
                    high = literal.value
                } else if let scalar = current {
                    high = scalar.value
                    index += 1
                } else {
                    break
                }
                guard low <= high else {
                    throw SyntaxError(message: "the range is out of order", offset: dash - 1)
                }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
        throw SyntaxError(message: "the class opened here has no closing ']'", offset: open)
    }
}
