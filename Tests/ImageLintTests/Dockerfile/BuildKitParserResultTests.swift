import Foundation
import Testing
@testable import ImageLint

/// Reads BuildKit's own parser test files (copied from moby/buildkit under
/// `fixtures/corpus/moby__buildkit/frontend/dockerfile/parser/`) and checks
/// the reader splits them exactly as BuildKit's `result` dumps say: the
/// instruction keywords, flags, `FROM`/`COPY`/`ADD` words, shell-form
/// `RUN`/`CMD`/`ENTRYPOINT` text (continuations joined), `ARG`/`ENV`/
/// `LABEL` words, and `ONBUILD` triggers.
@Suite("BuildKit parser results")
struct BuildKitParserResultTests {
    static let folder = "fixtures/corpus/moby__buildkit/frontend/dockerfile/parser"

    static var cases: [String] {
        let testfiles = (try? RepositoryFiles.list(folder + "/testfiles")) ?? []
        return (testfiles + [folder + "/testfile-line"]).filter {
            FileManager.default.fileExists(atPath: RepositoryFiles.url($0 + "/result").path)
        }
    }

    @Test func allCasesPresent() {
        #expect(Self.cases.count == 33)
    }

    @Test(arguments: cases)
    func matchesResult(_ folder: String) throws {
        let source = SourceFile(path: "Dockerfile", bytes: try RepositoryFiles.bytes(folder + "/Dockerfile"))
        let expected = try RepositoryFiles.text(folder + "/result").split(separator: "\n").map(String.init)
        let dockerfile = DockerfileReader.read(source)
        #expect(dockerfile.diagnostics.isEmpty, "\(dockerfile.diagnostics.map(\.message))")
        #expect(dockerfile.instructions.count == expected.count)
        for (instruction, line) in zip(dockerfile.instructions, expected) {
            let dump = Self.dump(instruction, escape: dockerfile.escape)
            if dump.complete {
                #expect(dump.text == line)
            } else {
                #expect(line.hasPrefix(dump.text), "\(line) should start with \(dump.text)")
            }
        }
    }

    /// The instruction in BuildKit's dump format; `complete` is false when
    /// only the keyword and flags are rendered (argument forms the reader
    /// leaves to later stages).
    static func dump(_ instruction: DockerfileInstruction, escape: UInt8) -> (text: String, complete: Bool) {
        var text = "(" + instruction.keyword.lowercased()
        if !instruction.flags.isEmpty {
            let flags = instruction.flags.map { quote("--" + $0.name + ($0.value.map { "=" + $0 } ?? "")) }
            text += " [" + flags.joined(separator: " ") + "]"
        }
        let line = instruction.line
        let words: (DockerfileLogicalLine, [Range<Int>]) -> String = { line, ranges in
            ranges.map { " " + quote(line.text($0.lowerBound, $0.upperBound)) }.joined()
        }
        let hasArguments = instruction.argumentsStart < instruction.argumentsEnd
        switch instruction.kind {
        case .from, .expose:
            text += words(line, DockerfileWords.whitespaceDelimited(line, from: instruction.argumentsStart, to: instruction.argumentsEnd))
        case .copy, .add:
            if instruction.isJSON { return (text, false) }
            text += words(line, DockerfileWords.whitespaceDelimited(line, from: instruction.argumentsStart, to: instruction.argumentsEnd))
        case .run, .cmd, .entrypoint:
            if instruction.isJSON { return (text, false) }
            if hasArguments { text += " " + quote(instruction.arguments) }
        case .arg:
            text += words(line, DockerfileWords.quoteAware(line, from: instruction.argumentsStart, to: instruction.argumentsEnd, escape: escape))
        case .env, .label:
            let ranges = DockerfileWords.quoteAware(line, from: instruction.argumentsStart, to: instruction.argumentsEnd, escape: escape)
            guard let first = ranges.first else { break }
            if !line.text(first.lowerBound, first.upperBound).contains("=") {
                // Old form: name, then the rest of the line.
                var split = instruction.argumentsStart
                while split < instruction.argumentsEnd, !GoSpace.isSeparator(line.bytes[split]) { split += 1 }
                var rest = split
                while rest < instruction.argumentsEnd, GoSpace.isSeparator(line.bytes[rest]) { rest += 1 }
                text += " " + quote(line.text(instruction.argumentsStart, split)) + " " + quote(line.text(rest, instruction.argumentsEnd)) + " \"\""
            } else {
                for range in ranges {
                    let word = line.text(range.lowerBound, range.upperBound)
                    let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    text += " " + quote(String(parts[0])) + " " + quote(parts.count > 1 ? String(parts[1]) : "") + " \"=\""
                }
            }
        case .onbuild:
            guard let trigger = instruction.trigger else { return (text, false) }
            let inner = dump(trigger, escape: escape)
            return (text + " " + inner.text + (inner.complete ? ")" : ""), inner.complete)
        default:
            return (text, false)
        }
        return (text + ")", true)
    }

    /// Go's `%q`.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
