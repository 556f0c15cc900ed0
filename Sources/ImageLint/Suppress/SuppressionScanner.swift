/// Finds suppression comments in a file's raw bytes, line by line.
///
/// Suppressions are read from bytes rather than from a reader's output so
/// they work the same in every file kind and even in a file with syntax
/// errors. Only comments that begin `# imagelint:` are looked at, and a file
/// without the text `imagelint:` is skipped in one pass.
public enum SuppressionScanner {
    /// Scans `file`. Comments whose `#` lies inside one of `excluding`
    /// (sorted spans of block scalars or heredoc bodies a reader found) are
    /// text, not comments.
    public static func scan(_ file: SourceFile, style: CommentStyle, excluding: [SourceSpan] = []) -> SuppressionScan {
        let bytes = file.bytes
        var scan = SuppressionScan()
        guard contains(bytes, marker) else { return scan }
        let lines = file.lines
        var inLeadingBlock = true
        var pendingOwnLine: [Suppression] = []
        var excludedIndex = 0
        for lineIndex in 0..<lines.lineCount {
            var start = lines.lineStarts[lineIndex]
            if lineIndex == 0 { start = lines.bomLength }
            let end = lines.lineEnds[lineIndex]
            // The empty "line" after a final line break is no line at all.
            if lineIndex > 0, lineIndex == lines.lineCount - 1, start == end { break }
            let firstNonBlank = skipBlanks(bytes, from: start, to: end)
            let isBlank = firstNonBlank == end
            let isCommentLine = !isBlank && bytes[firstNonBlank] == hash
            let isDocumentMarker = style == .yaml && isDocumentStart(bytes, from: firstNonBlank, to: end)
            if !isBlank, !isCommentLine, !isDocumentMarker { inLeadingBlock = false }

            // Own-line comments wait for the next line that is not itself a comment.
            if !isCommentLine, !pendingOwnLine.isEmpty, !isBlank {
                for var suppression in pendingOwnLine {
                    suppression.scope = .line(lineIndex + 1)
                    scan.suppressions.append(suppression)
                }
                pendingOwnLine.removeAll()
            } else if isBlank, !pendingOwnLine.isEmpty {
                // A blank line detaches the comment from what follows.
                for suppression in pendingOwnLine {
                    scan.malformed.append(MalformedSuppression(
                        message: "this suppression is followed by a blank line, so it applies to no line",
                        span: suppression.span
                    ))
                }
                pendingOwnLine.removeAll()
            }

            guard let hashOffset = commentStart(bytes, from: firstNonBlank, to: end, style: style) else { continue }
            while excludedIndex < excluding.count, excluding[excludedIndex].end <= hashOffset { excludedIndex += 1 }
            if excludedIndex < excluding.count, excluding[excludedIndex].contains(hashOffset) { continue }

            switch parseComment(bytes, hash: hashOffset, end: end) {
            case .none:
                continue
            case .malformed(let problem):
                scan.malformed.append(problem)
            case .suppression(var suppression, let isFile):
                suppression.line = lineIndex + 1
                if isFile {
                    if isCommentLine, inLeadingBlock {
                        scan.suppressions.append(suppression)
                    } else {
                        scan.malformed.append(MalformedSuppression(
                            message: "'ignore-file' only counts in the comment block at the top of the file",
                            span: suppression.span
                        ))
                    }
                } else if isCommentLine {
                    pendingOwnLine.append(suppression)
                } else {
                    suppression.scope = .line(lineIndex + 1)
                    scan.suppressions.append(suppression)
                }
            }
        }
        for suppression in pendingOwnLine {
            scan.malformed.append(MalformedSuppression(
                message: "this suppression is at the end of the file, so it applies to no line",
                span: suppression.span
            ))
        }
        return scan
    }

    private static let hash = UInt8(ascii: "#")
    private static let marker = Array("imagelint:".utf8)

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func skipBlanks(_ bytes: [UInt8], from: Int, to end: Int) -> Int {
        var i = from
        while i < end, isBlank(bytes[i]) { i += 1 }
        return i
    }

    private static func isDocumentStart(_ bytes: [UInt8], from: Int, to end: Int) -> Bool {
        guard end - from >= 3, bytes[from] == UInt8(ascii: "-"), bytes[from + 1] == UInt8(ascii: "-"),
              bytes[from + 2] == UInt8(ascii: "-") else { return false }
        return from + 3 == end || isBlank(bytes[from + 3])
    }

    /// The offset of the `#` that starts a comment on the line, if any.
    private static func commentStart(_ bytes: [UInt8], from: Int, to end: Int, style: CommentStyle) -> Int? {
        guard from < end else { return nil }
        if bytes[from] == hash { return from }
        guard style == .yaml else { return nil }
        var i = from
        var previous: UInt8 = 0x20
        while i < end {
            let byte = bytes[i]
            if byte == hash, isBlank(previous) { return i }
            // A quote that starts a scalar: skip to its end on this line.
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\""), startsScalar(previous) {
                guard let close = closingQuote(bytes, from: i + 1, to: end, quote: byte) else { return nil }
                i = close + 1
                previous = byte
                continue
            }
            previous = byte
            i += 1
        }
        return nil
    }

    private static func startsScalar(_ previous: UInt8) -> Bool {
        isBlank(previous) || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
            || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-")
    }

    private static func closingQuote(_ bytes: [UInt8], from: Int, to end: Int, quote: UInt8) -> Int? {
        var i = from
        while i < end {
            let byte = bytes[i]
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if byte == quote {
                // `''` inside a single-quoted scalar is an escaped quote.
                if quote == UInt8(ascii: "'"), i + 1 < end, bytes[i + 1] == quote {
                    i += 2
                    continue
                }
                return i
            }
            i += 1
        }
        return nil
    }

    private enum Parsed {
        case none
        case malformed(MalformedSuppression)
        case suppression(Suppression, isFile: Bool)
    }

    /// Reads `# imagelint: ignore[a, b] reason` starting at the `#`.
    private static func parseComment(_ bytes: [UInt8], hash: Int, end: Int) -> Parsed {
        var i = skipBlanks(bytes, from: hash + 1, to: end)
        guard hasPrefix(bytes, at: i, end: end, marker) else { return .none }
        let commentSpan = SourceSpan(start: hash, end: trimmedEnd(bytes, from: hash, to: end))
        func problem(_ message: String) -> Parsed {
            .malformed(MalformedSuppression(message: message, span: commentSpan))
        }
        i = skipBlanks(bytes, from: i + marker.count, to: end)
        let wordStart = i
        while i < end, isDirectiveByte(bytes[i]) { i += 1 }
        let directive = String(decoding: bytes[wordStart..<i], as: UTF8.self)
        let isFile: Bool
        switch directive {
        case "ignore": isFile = false
        case "ignore-file": isFile = true
        case "":
            return problem("expected 'ignore[rule, …]' or 'ignore-file[rule, …]' after 'imagelint:'")
        default:
            return problem("unknown directive '\(directive)'\(DidYouMean.hint(for: directive, among: ["ignore", "ignore-file"])); expected 'ignore[rule, …]' or 'ignore-file[rule, …]'")
        }
        guard i < end, bytes[i] == UInt8(ascii: "[") else {
            return problem("expected '[' with the rules to ignore after '\(directive)', e.g. \(directive)[no-latest]")
        }
        i += 1
        var entries: [Suppression.Entry] = []
        while true {
            i = skipBlanks(bytes, from: i, to: end)
            let idStart = i
            while i < end, !isBlank(bytes[i]), bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "]") { i += 1 }
            let idEnd = i
            i = skipBlanks(bytes, from: i, to: end)
            guard i < end else { return problem("the rule list has no closing ']'") }
            if idStart == idEnd {
                if bytes[i] == UInt8(ascii: "]"), entries.isEmpty {
                    return problem("the rule list is empty: name the rules to ignore")
                }
                if bytes[i] != UInt8(ascii: ",") && bytes[i] != UInt8(ascii: "]") {
                    return problem("expected ',' or ']' in the rule list")
                }
                return problem("empty rule id in the rule list")
            }
            entries.append(Suppression.Entry(
                rule: String(decoding: bytes[idStart..<idEnd], as: UTF8.self),
                span: SourceSpan(start: idStart, end: idEnd)
            ))
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                break
            }
            guard bytes[i] == UInt8(ascii: ",") else { return problem("expected ',' or ']' in the rule list") }
            i += 1
        }
        let reasonStart = skipBlanks(bytes, from: i, to: end)
        let reasonEnd = trimmedEnd(bytes, from: reasonStart, to: end)
        let reason = reasonStart < reasonEnd ? String(decoding: bytes[reasonStart..<reasonEnd], as: UTF8.self) : nil
        return .suppression(
            Suppression(scope: .file, entries: entries, reason: reason, span: commentSpan, line: 0),
            isFile: isFile
        )
    }

    private static func isDirectiveByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func trimmedEnd(_ bytes: [UInt8], from: Int, to end: Int) -> Int {
        var e = end
        while e > from, isBlank(bytes[e - 1]) { e -= 1 }
        return e
    }

    private static func hasPrefix(_ bytes: [UInt8], at i: Int, end: Int, _ prefix: [UInt8]) -> Bool {
        guard end - i >= prefix.count else { return false }
        for k in 0..<prefix.count where bytes[i + k] != prefix[k] { return false }
        return true
    }

    /// Whether `needle` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { ByteSearch.contains(haystack, $0) }
        }
    }
}
