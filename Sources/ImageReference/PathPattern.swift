/// Shell-style patterns with the semantics of Go's `path.Match`, which
/// `reference.FamiliarMatch` uses.
///
/// - `*` matches any run of bytes without `/`;
/// - `?` matches one character (UTF-8 scalar) other than `/`;
/// - `[class]` matches one character in the class: ranges `a-z`, single
///   characters, `^` first to negate, `\` to escape; a class may match `/`;
/// - `\c` matches `c` literally; anything else matches itself.
///
/// A malformed pattern (an unterminated or empty class, a class item that
/// starts with `-` or `]`, a trailing `\`, invalid UTF-8 in a class) is an
/// error whatever the name, as in Go since 1.19.
public enum PathPattern {
    /// Whether `name` matches `pattern` as a whole.
    public static func matches(_ pattern: String, _ name: some StringProtocol) throws(PathPatternError) -> Bool {
        let patternOutcome: Result<Bool, PathPatternError> = withUTF8(of: pattern) { patternBytes in
            if let offset = syntaxError(patternBytes) { return .failure(PathPatternError(offset: offset)) }
            return .success(withUTF8(of: name) { nameBytes in
                PatternMatcher(pattern: patternBytes, name: nameBytes).matches()
            })
        }
        return try patternOutcome.get()
    }

    /// The offset of the first syntax error in `pattern`, or nil.
    static func syntaxError(_ pattern: UnsafeBufferPointer<UInt8>) -> Int? {
        var offset = 0
        while offset < pattern.count {
            switch pattern[offset] {
            case UInt8(ascii: "\\"):
                guard offset + 1 < pattern.count else { return offset }
                offset += 2
            case UInt8(ascii: "["):
                offset += 1
                if offset < pattern.count, pattern[offset] == UInt8(ascii: "^") { offset += 1 }
                var items = 0
                while true {
                    if offset < pattern.count, pattern[offset] == UInt8(ascii: "]"), items > 0 {
                        offset += 1
                        break
                    }
                    guard case .success = PatternMatcher.classCharacter(pattern, at: &offset) else { return offset }
                    if pattern[offset] == UInt8(ascii: "-") {
                        offset += 1
                        guard case .success = PatternMatcher.classCharacter(pattern, at: &offset) else { return offset }
                    }
                    items += 1
                }
            default:
                offset += 1
            }
        }
        return nil
    }
}

/// A malformed pattern; the message is Go's `path.ErrBadPattern`.
public struct PathPatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset in the pattern where it became malformed.
    public let offset: Int

    public var description: String { "syntax error in pattern" }
}

/// Matching of a syntactically valid pattern, chunk by chunk as Go does:
/// the pattern is a sequence of `*`-led chunks without `*`, and each chunk
/// is matched at the leftmost place the star before it allows.
struct PatternMatcher {
    let pattern: UnsafeBufferPointer<UInt8>
    let name: UnsafeBufferPointer<UInt8>

    func matches() -> Bool {
        var patternOffset = 0
        var nameOffset = 0
        nextChunk: while patternOffset < pattern.count {
            var star = false
            while patternOffset < pattern.count, pattern[patternOffset] == UInt8(ascii: "*") {
                star = true
                patternOffset += 1
            }
            let chunk = patternOffset ..< chunkEnd(from: patternOffset)
            patternOffset = chunk.upperBound
            let isLastChunk = patternOffset == pattern.count
            if star, chunk.isEmpty {
                // A trailing star matches the rest unless it holds a "/".
                return !name[nameOffset...].contains(ASCII.slash)
            }
            if let end = match(chunk, at: nameOffset), end == name.count || !isLastChunk {
                nameOffset = end
                continue nextChunk
            }
            if star {
                // The star takes one more byte at a time, never a "/".
                var skipped = nameOffset
                while skipped < name.count, name[skipped] != ASCII.slash {
                    skipped += 1
                    if let end = match(chunk, at: skipped) {
                        if isLastChunk, end < name.count { continue }
                        nameOffset = end
                        continue nextChunk
                    }
                }
            }
            return false
        }
        return nameOffset == name.count
    }

    /// Where the chunk starting at `start` ends: at the next `*` outside a
    /// class, or at the end.
    func chunkEnd(from start: Int) -> Int {
        var offset = start
        var inClass = false
        while offset < pattern.count {
            switch pattern[offset] {
            case UInt8(ascii: "\\"):
                if offset + 1 < pattern.count { offset += 1 }
            case UInt8(ascii: "["):
                inClass = true
            case UInt8(ascii: "]"):
                inClass = false
            case UInt8(ascii: "*") where !inClass:
                return offset
            default:
                break
            }
            offset += 1
        }
        return offset
    }

    /// Matches one chunk at `start` in the name; returns where it ends.
    func match(_ chunk: Range<Int>, at start: Int) -> Int? {
        var patternOffset = chunk.lowerBound
        var nameOffset = start
        while patternOffset < chunk.upperBound {
            guard nameOffset < name.count else { return nil }
            switch pattern[patternOffset] {
            case UInt8(ascii: "["):
                let (character, width) = Self.goRune(name, at: nameOffset)
                nameOffset += width
                patternOffset += 1
                var negated = false
                if pattern[patternOffset] == UInt8(ascii: "^") {
                    negated = true
                    patternOffset += 1
                }
                var matched = false
                var items = 0
                while true {
                    if pattern[patternOffset] == UInt8(ascii: "]"), items > 0 {
                        patternOffset += 1
                        break
                    }
                    guard case let .success(low) = Self.classCharacter(pattern, at: &patternOffset) else { return nil }
                    var high = low
                    if pattern[patternOffset] == UInt8(ascii: "-") {
                        patternOffset += 1
                        guard case let .success(value) = Self.classCharacter(pattern, at: &patternOffset) else {
                            return nil
                        }
                        high = value
                    }
                    if low <= character, character <= high { matched = true }
                    items += 1
                }
                if matched == negated { return nil }
            case UInt8(ascii: "?"):
                if name[nameOffset] == ASCII.slash { return nil }
                nameOffset += Self.goRune(name, at: nameOffset).width
                patternOffset += 1
            case UInt8(ascii: "\\"):
                patternOffset += 1
                guard pattern[patternOffset] == name[nameOffset] else { return nil }
                patternOffset += 1
                nameOffset += 1
            default:
                guard pattern[patternOffset] == name[nameOffset] else { return nil }
                patternOffset += 1
                nameOffset += 1
            }
        }
        return nameOffset
    }

    /// One class item (Go's `getEsc`): an optionally escaped, well-formed
    /// character that is not `-` or `]` and is not the end of the pattern.
    static func classCharacter(_ pattern: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> Result<UInt32, PathPatternError> {
        guard offset < pattern.count, pattern[offset] != UInt8(ascii: "-"), pattern[offset] != UInt8(ascii: "]") else {
            return .failure(PathPatternError(offset: offset))
        }
        if pattern[offset] == UInt8(ascii: "\\") {
            offset += 1
            guard offset < pattern.count else { return .failure(PathPatternError(offset: offset)) }
        }
        guard let (scalar, width) = GoLowercasing.decodeScalar(pattern, at: offset, end: pattern.count) else {
            return .failure(PathPatternError(offset: offset))
        }
        offset += width
        guard offset < pattern.count else { return .failure(PathPatternError(offset: offset)) }
        return .success(scalar.value)
    }

    /// Go's `utf8.DecodeRune`: the scalar and its width, or U+FFFD and 1
    /// for an invalid byte.
    static func goRune(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, width: Int) {
        guard let (scalar, width) = GoLowercasing.decodeScalar(bytes, at: offset, end: bytes.count) else {
            return (0xFFFD, 1)
        }
        return (scalar.value, width)
    }
}
