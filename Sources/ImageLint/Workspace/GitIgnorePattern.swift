/// One line of a `.gitignore` file, compiled.
///
/// Semantics (gitignore(5)): `!` negates; a trailing `/` matches only
/// directories; a pattern with a `/` at its start or middle is anchored to
/// the `.gitignore`'s folder, otherwise it matches a name at any depth;
/// `*` and `?` do not match `/`; `[…]` is a character class (`!` or `^`
/// negates, ranges allowed); a leading `**/` matches in every folder, a
/// trailing `/**` everything inside, `/**/` zero or more folders; `\`
/// quotes the next character; trailing blanks are dropped unless quoted.
public struct GitIgnorePattern: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case byte(UInt8)
        /// `?`: one character other than `/`.
        case any
        /// `*`: any run of characters without `/`.
        case star
        /// `**/`: empty, or anything ending in `/`.
        case folders
        /// A trailing `/**`: `/` and at least one more character.
        case inside
        /// `[…]`: one byte (other than `/`) in (or, negated, not in) the set.
        case set([ClosedRange<UInt8>], negated: Bool)
    }

    public let negated: Bool
    public let directoryOnly: Bool
    /// Matched against the whole path below the `.gitignore`'s folder
    /// (otherwise against the last component).
    public let anchored: Bool
    let tokens: [Token]

    /// The pattern of one line, or nil for a blank line or a comment.
    public init?(line: Substring) {
        var bytes = Array(line.utf8)
        while let last = bytes.last, last == 0x0D || last == 0x0A { bytes.removeLast() }
        // Trailing blanks go, unless the last one is quoted with `\`.
        while let last = bytes.last, last == 0x20 || last == 0x09 {
            if bytes.count >= 2, bytes[bytes.count - 2] == UInt8(ascii: "\\") { break }
            bytes.removeLast()
        }
        guard let first = bytes.first, first != UInt8(ascii: "#") else { return nil }
        var negated = false
        if first == UInt8(ascii: "!") {
            negated = true
            bytes.removeFirst()
        }
        var directoryOnly = false
        if bytes.last == UInt8(ascii: "/") {
            directoryOnly = true
            bytes.removeLast()
        }
        guard !bytes.isEmpty else { return nil }
        // A slash left at the start or in the middle anchors the pattern.
        let anchored = bytes.contains(UInt8(ascii: "/"))
        if bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
        self.negated = negated
        self.directoryOnly = directoryOnly
        self.anchored = anchored
        self.tokens = GitIgnorePattern.tokenize(bytes)
    }

    private static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        let slash = UInt8(ascii: "/")
        let asterisk = UInt8(ascii: "*")
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case asterisk:
                var run = 0
                while i + run < bytes.count, bytes[i + run] == asterisk { run += 1 }
                let atSegmentStart = i == 0 || bytes[i - 1] == slash
                let atSegmentEnd = i + run == bytes.count || bytes[i + run] == slash
                if run == 2, atSegmentStart, atSegmentEnd {
                    if i + run == bytes.count {
                        if tokens.last == .byte(slash) {
                            // `…/**`: everything inside; replaces the slash.
                            tokens.removeLast()
                            tokens.append(.inside)
                        } else {
                            // `**` alone (or after `**/`) matches everything.
                            tokens.append(.folders)
                            tokens.append(.star)
                        }
                        i += run
                    } else {
                        tokens.append(.folders)
                        i += run + 1
                    }
                } else {
                    tokens.append(.star)
                    i += run
                }
            case UInt8(ascii: "?"):
                tokens.append(.any)
                i += 1
            case UInt8(ascii: "["):
                if let (set, negated, next) = parseSet(bytes, from: i) {
                    tokens.append(.set(set, negated: negated))
                    i = next
                } else {
                    tokens.append(.byte(b))
                    i += 1
                }
            case UInt8(ascii: "\\"):
                if i + 1 < bytes.count {
                    tokens.append(.byte(bytes[i + 1]))
                    i += 2
                } else {
                    i += 1
                }
            default:
                tokens.append(.byte(b))
                i += 1
            }
        }
        return tokens
    }

    /// A bracket expression at `start`, or nil when it is not closed.
    private static func parseSet(_ bytes: [UInt8], from start: Int) -> ([ClosedRange<UInt8>], Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "^") {
            negated = true
            i += 1
        }
        var ranges: [ClosedRange<UInt8>] = []
        var first = true
        while i < bytes.count {
            var b = bytes[i]
            if b == UInt8(ascii: "]"), !first { return (ranges, negated, i + 1) }
            first = false
            if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
                i += 1
                b = bytes[i]
            }
            if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] != UInt8(ascii: "]") {
                var upper = bytes[i + 2]
                var skip = 3
                if upper == UInt8(ascii: "\\"), i + 3 < bytes.count {
                    upper = bytes[i + 3]
                    skip = 4
                }
                if b <= upper { ranges.append(b...upper) }
                i += skip
            } else {
                ranges.append(b...b)
                i += 1
            }
        }
        return nil
    }

    /// Whether the pattern matches `path` (relative to the `.gitignore`'s
    /// folder, `/`-separated, no leading slash).
    public func matches(_ path: [UInt8], isDirectory: Bool) -> Bool {
        if directoryOnly, !isDirectory { return false }
        var text = path[...]
        if !anchored, let slash = path.lastIndex(of: UInt8(ascii: "/")) {
            text = path[(slash + 1)...]
        }
        return GitIgnorePattern.match(tokens, Array(text))
    }

    /// Dynamic programming over (token, text position): no backtracking.
    static func match(_ tokens: [Token], _ text: [UInt8]) -> Bool {
        let n = text.count
        let slash = UInt8(ascii: "/")
        // `after[j]`: tokens from the current one on match text[j...].
        var after = [Bool](repeating: false, count: n + 1)
        after[n] = true
        for token in tokens.reversed() {
            var current = [Bool](repeating: false, count: n + 1)
            switch token {
            case .byte(let b):
                for j in 0..<n where text[j] == b { current[j] = after[j + 1] }
            case .any:
                for j in 0..<n where text[j] != slash { current[j] = after[j + 1] }
            case .set(let ranges, let negated):
                for j in 0..<n where text[j] != slash {
                    let inSet = ranges.contains { $0.contains(text[j]) }
                    if inSet != negated { current[j] = after[j + 1] }
                }
            case .star:
                current[n] = after[n]
                var j = n - 1
                while j >= 0 {
                    current[j] = after[j] || (text[j] != slash && current[j + 1])
                    j -= 1
                }
            case .folders:
                // Empty, or up to and including any later slash.
                var reachable = false
                var j = n
                while j >= 0 {
                    if j < n, text[j] == slash, after[j + 1] { reachable = true }
                    current[j] = after[j] || reachable
                    j -= 1
                }
            case .inside:
                for j in 0..<n where text[j] == slash && j + 1 < n { current[j] = true }
            }
            after = current
        }
        return after[0]
    }
}
