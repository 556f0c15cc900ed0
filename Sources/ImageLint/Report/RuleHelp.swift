/// A rule's documentation as SARIF shows it: built-in rules through
/// ``RuleDocumentation`` (the same text as `imagelint rules ID` and
/// `docs/rules.md`), pseudo-rules and custom rules by their summary and
/// rationale.
enum RuleHelp {
    static func text(_ rule: ReportRule) -> String {
        if let declaration = rule.declaration { return RuleDocumentation.explain(declaration) }
        return rule.rationale.isEmpty ? rule.summary : rule.summary + "\n\n" + unwrapped(rule.rationale)
    }

    static func markdown(_ rule: ReportRule) -> String {
        if let declaration = rule.declaration { return RuleDocumentation.markdown(declaration) }
        return rule.rationale.isEmpty ? rule.summary : rule.summary + "\n\n" + unwrapped(rule.rationale)
    }

    /// `no-latest` → `NoLatest`, `acme/alpine-eol` → `AcmeAlpineEol`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Paragraphs with their line breaks joined by spaces (SARIF
    /// `fullDescription` is plain text that viewers wrap themselves).
    static func unwrapped(_ text: String) -> String {
        var paragraphs: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(trimmed)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
    }
}
