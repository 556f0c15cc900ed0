/// A rule's documentation as reports show it (SARIF `help`): the summary,
/// the rationale, and the declaration's examples without their `«…»` marks.
enum RuleHelp {
    /// Plain text: examples indented under their file names.
    static func text(_ rule: ReportRule) -> String {
        var out = rule.summary
        if !rule.rationale.isEmpty { out += "\n\n" + unwrapped(rule.rationale) }
        for (title, examples) in groups(rule) {
            out += "\n\n\(title):"
            for example in examples {
                if let options = example.optionsYAML {
                    out += "\n\n  with options:\n" + indented(options, by: "    ")
                }
                for file in example.files {
                    out += "\n\n  \(file.path):\n" + indented(unmarked(file.text), by: "    ")
                }
            }
        }
        return out
    }

    /// Markdown: examples as fenced code blocks.
    static func markdown(_ rule: ReportRule) -> String {
        var out = rule.summary
        if !rule.rationale.isEmpty { out += "\n\n" + trimmed(rule.rationale) }
        for (title, examples) in groups(rule) {
            out += "\n\n### \(title)"
            for example in examples {
                if let options = example.optionsYAML {
                    out += "\n\nWith options:\n\n" + fenced(options, language: "yaml")
                }
                for file in example.files {
                    out += "\n\n`\(file.path)`:\n\n" + fenced(unmarked(file.text), language: language(of: file.path))
                }
            }
        }
        return out
    }

    private static func groups(_ rule: ReportRule) -> [(String, [RuleExample])] {
        let bad = rule.examples.filter { $0.isBad && $0.policy == nil }
        let good = rule.examples.filter { !$0.isBad && $0.policy == nil }
        return [("Reported", bad), ("Not reported", good)].filter { !$0.1.isEmpty }
    }

    /// `no-latest` → `NoLatest`, `acme/alpine-eol` → `AcmeAlpineEol`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Paragraphs with their line breaks joined by spaces.
    static func unwrapped(_ text: String) -> String {
        var paragraphs: [[Substring]] = [[]]
        for line in trimmed(text).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " }) {
                if paragraphs[paragraphs.count - 1].isEmpty == false { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line.trimmingSpaces)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
    }

    static func unmarked(_ text: String) -> String {
        String(text.filter { String($0) != RuleExample.openMark && String($0) != RuleExample.closeMark })
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while text.last?.isNewline == true || text.last == " " { text.removeLast() }
        return String(text)
    }

    private static func indented(_ text: String, by prefix: String) -> String {
        trimmed(text).split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : prefix + $0 }.joined(separator: "\n")
    }

    private static func fenced(_ text: String, language: String) -> String {
        let body = trimmed(text)
        // A fence longer than any backtick run inside the example.
        var longest = 0
        var run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + body + "\n" + fence
    }

    private static func language(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.lowercased().contains("dockerfile") || name.lowercased().hasSuffix(".containerfile") || name == "Containerfile" {
            return "dockerfile"
        }
        if name.hasSuffix(".env") || name == ".env" { return "sh" }
        return "yaml"
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
