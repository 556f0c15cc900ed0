/// Finds the `# syntax=` directive the way BuildKit chooses the frontend
/// (`parser.DetectSyntax`), which differs from the Dockerfile parser: a
/// leading `#!` line is skipped, lines are not left-trimmed, and a repeated
/// directive means no syntax directive at all.
enum DockerfileFrontendDetector {
    static func detect(_ file: SourceFile) -> DockerfileDirective? {
        let bytes = file.bytes
        var position = file.lines.bomLength
        let hasShebang = position + 1 < bytes.count && bytes[position] == UInt8(ascii: "#") && bytes[position + 1] == UInt8(ascii: "!")
        if hasShebang {
            position = PhysicalLine.at(bytes, position).next
        }
        // One bit per directive name: three names, no set to allocate.
        var seen: UInt8 = 0
        var syntax: DockerfileDirective?
        while position < bytes.count {
            let line = PhysicalLine.at(bytes, position)
            position = line.next
            // bufio.ScanLines drops one carriage return only.
            var end = line.terminator
            if end > line.start, bytes[end - 1] == 0x0D { end -= 1 }
            guard let match = DirectiveLineMatch.match(bytes, start: line.start, end: end), let name = match.name(in: bytes) else { break }
            let bit: UInt8 = switch name {
            case .syntax: 1
            case .escape: 2
            case .check: 4
            }
            guard seen & bit == 0 else { return nil }
            seen |= bit
            if name == .syntax {
                syntax = DockerfileDirective(
                    name: .syntax,
                    key: String(decoding: bytes[match.keyStart..<match.keyEnd], as: UTF8.self),
                    value: String(decoding: bytes[match.valueStart..<match.valueEnd], as: UTF8.self),
                    lineSpan: SourceSpan(start: line.start, end: end),
                    keySpan: SourceSpan(start: match.keyStart, end: match.keyEnd),
                    valueSpan: SourceSpan(start: match.valueStart, end: match.valueEnd)
                )
            }
        }
        return syntax
    }

}
