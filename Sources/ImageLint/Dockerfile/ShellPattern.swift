/// The shell patterns of BuildKit's `${VAR#pattern}`, `${VAR%pattern}` and
/// `${VAR/pattern/replacement}`: `?` is one character, `*` any run of
/// characters, `\` escapes `*`, `?` and `\` (and is dropped before `}` and
/// `/`); there are no bracket expressions. Characters are Unicode scalars.
///
/// BuildKit turns the pattern into a regular expression; this matches the
/// same strings directly with a table over (pattern position, text
/// position), so it never backtracks.
struct ShellPattern {
    enum Token: Equatable {
        case scalar(UInt32)
        case any
        case star
    }

    var tokens: [Token]

    struct InvalidPattern: Error {
        var message: String
    }

    init(_ pattern: [UInt8]) throws(InvalidPattern) {
        let scalars = ShellPattern.scalars(pattern)
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case 0x2A: tokens.append(.star)
            case 0x3F: tokens.append(.any)
            case 0x5C:
                let next: UInt32? = i + 1 < scalars.count ? scalars[i + 1] : nil
                if next == 0x7D || next == 0x2F {
                    i += 1
                    continue
                }
                guard let escaped = next, escaped == 0x2A || escaped == 0x3F || escaped == 0x5C else {
                    let shown = next.flatMap { Unicode.Scalar($0) }.map { String(Character($0)) } ?? ""
                    throw InvalidPattern(message: "invalid escape '\\\(shown)'")
                }
                tokens.append(.scalar(escaped))
                i += 1
            default:
                tokens.append(.scalar(c))
            }
            i += 1
        }
        self.tokens = tokens
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    var reversed: ShellPattern { ShellPattern(tokens: tokens.reversed()) }

    /// The ends `e` for which the pattern matches exactly `text[start..<e]`,
    /// as flags indexed by `e - start`.
    func matchEnds(_ text: [UInt32], from start: Int) -> [Bool] {
        let m = tokens.count
        // `current[p]`: the first `p` tokens match the text consumed so far.
        var current = [Bool](repeating: false, count: m + 1)
        current[0] = true
        closeStars(&current)
        var ends = [Bool](repeating: false, count: text.count - start + 1)
        ends[0] = current[m]
        var k = start
        while k < text.count {
            var next = [Bool](repeating: false, count: m + 1)
            var any = false
            for p in 0..<m where current[p] {
                switch tokens[p] {
                case .star:
                    next[p] = true
                    any = true
                case .any:
                    next[p + 1] = true
                    any = true
                case .scalar(let s) where s == text[k]:
                    next[p + 1] = true
                    any = true
                default:
                    break
                }
            }
            guard any else { break }
            closeStars(&next)
            current = next
            k += 1
            ends[k - start] = current[m]
        }
        return ends
    }

    /// A star may match nothing: being before it is being after it.
    private func closeStars(_ state: inout [Bool]) {
        for p in 0..<tokens.count where state[p] && tokens[p] == .star {
            state[p + 1] = true
        }
    }

    /// `${VAR#pattern}` / `${VAR##pattern}`: remove the shortest (longest)
    /// matching prefix.
    func trimPrefix(_ value: [UInt32], greedy: Bool) -> [UInt32] {
        let ends = matchEnds(value, from: 0)
        let chosen = greedy ? ends.lastIndex(of: true) : ends.firstIndex(of: true)
        guard let length = chosen else { return value }
        return Array(value[length...])
    }

    /// `${VAR%pattern}` / `${VAR%%pattern}`: remove the shortest (longest)
    /// matching suffix, found as a prefix of the reversed text.
    func trimSuffix(_ value: [UInt32], greedy: Bool) -> [UInt32] {
        Array(reversed.trimPrefix(value.reversed(), greedy: greedy).reversed())
    }

    /// `${VAR/pattern/repl}` / `${VAR//pattern/repl}`: replace the leftmost
    /// (every) match, each as long as possible, the way Go's regexp
    /// replaces (an empty match right after a match is skipped).
    func replace(in value: [UInt32], with replacement: [UInt32], all: Bool) -> [UInt32] {
        var output: [UInt32] = []
        var lastMatchEnd = 0
        var searchPos = 0
        while searchPos <= value.count {
            guard let match = leftmostLongest(value, from: searchPos) else { break }
            output.append(contentsOf: value[lastMatchEnd..<match.lowerBound])
            if match.upperBound > lastMatchEnd || match.lowerBound == 0 {
                output.append(contentsOf: replacement)
            }
            lastMatchEnd = match.upperBound
            if !all { break }
            searchPos = max(searchPos + 1, match.upperBound)
        }
        output.append(contentsOf: value[lastMatchEnd...])
        return output
    }

    /// The leftmost match starting at or after `position`, as long as
    /// possible for that start. One pass over the text: each pattern state
    /// remembers the smallest start that reaches it, so the work is linear
    /// in the text (times the pattern length) whatever the pattern.
    private func leftmostLongest(_ value: [UInt32], from position: Int) -> Range<Int>? {
        let m = tokens.count
        let none = Int.max
        var current = [Int](repeating: none, count: m + 1)
        var best: (start: Int, end: Int)?
        var k = position
        while true {
            if best == nil, k <= value.count, current[0] == none { current[0] = k }
            for p in 0..<m where tokens[p] == .star && current[p] < current[p + 1] {
                current[p + 1] = current[p]
            }
            if current[m] != none, best.map({ current[m] <= $0.start }) ?? true {
                best = (current[m], k)
            }
            guard k < value.count else { break }
            let limit = best?.start ?? none
            var next = [Int](repeating: none, count: m + 1)
            var alive = false
            for p in 0..<m where current[p] <= limit {
                let start = current[p]
                switch tokens[p] {
                case .star:
                    next[p] = min(next[p], start)
                case .any:
                    next[p + 1] = min(next[p + 1], start)
                case .scalar(let s) where s == value[k]:
                    next[p + 1] = min(next[p + 1], start)
                default:
                    continue
                }
                alive = true
            }
            current = next
            k += 1
            if best != nil, !alive { break }
        }
        return best.map { $0.start..<$0.end }
    }

    static func scalars(_ bytes: [UInt8]) -> [UInt32] {
        Array(String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value))
    }

    static func bytes(_ scalars: [UInt32]) -> [UInt8] {
        var string = String.UnicodeScalarView()
        for s in scalars { string.append(Unicode.Scalar(s) ?? "\u{FFFD}") }
        return Array(String(string).utf8)
    }
}
