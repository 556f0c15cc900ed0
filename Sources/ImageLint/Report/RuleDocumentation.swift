/// `imagelint rules`, `imagelint rules ID` and `docs/rules.md`, all written
/// from the rule declarations, so the documentation cannot drift from what
/// the rules do.
public enum RuleDocumentation {
    /// One line per rule: id, default severity, summary.
    public static func list(_ catalog: RuleCatalog = .builtIn) -> String {
        let width = catalog.ids.map(\.count).max() ?? 0
        var out = ""
        for declaration in catalog.declarations {
            let id = declaration.id + String(repeating: " ", count: width - declaration.id.count)
            let severity = declaration.severity.rawValue + String(repeating: " ", count: 7 - declaration.severity.rawValue.count)
            out += "\(id)  \(severity)  \(declaration.summary)\n"
        }
        out += "\nRun `imagelint rules <id>` for a rule's rationale, options and examples.\n"
        return out
    }

    /// A rule explained: summary, rationale, roles, options, examples.
    public static func explain(_ declaration: RuleDeclaration) -> String {
        var out = "\(declaration.id) (default severity: \(declaration.severity.rawValue))\n\n"
        out += declaration.summary + "\n\n"
        out += declaration.rationale.trimmingTrailingNewlines() + "\n\n"
        let roles = declaration.roles.map(\.rawValue).joined(separator: ", ")
        out += "Applies to: " + (roles.isEmpty ? "the policy and suppression comments, not to images" : "images used as \(roles)") + "\n"
        if !declaration.options.isEmpty {
            out += "\nOptions:\n"
            for option in declaration.options {
                var line = "  \(option.name) (\(option.kind.rawValue)"
                if option.required { line += ", required" }
                if let value = option.defaultText { line += ", default \(value)" }
                out += line + "): \(option.description)\n"
            }
        }
        out += "\nExamples:\n"
        for example in declaration.examples {
            out += "\n  " + (example.isBad ? "Reported" : "Not reported")
            if let options = example.optionsYAML {
                out += ", with " + options.split(separator: "\n").joined(separator: "; ")
            }
            out += ":\n"
            if let policy = example.policy {
                out += "    # policy\n"
                out += render(policy, indent: "    ")
            }
            for file in example.files {
                out += "    # \(file.path)\n"
                out += render(file.text, indent: "    ")
            }
        }
        return out
    }

    /// Example text with the marked spans underlined by carets.
    static func render(_ marked: String, indent: String) -> String {
        var out = ""
        for line in marked.trimmingTrailingNewlines().split(separator: "\n", omittingEmptySubsequences: false) {
            let (text, spans) = RuleExample.unmarked(String(line))
            out += indent + text + "\n"
            guard !spans.isEmpty else { continue }
            var carets = ""
            let bytes = Array(text.utf8)
            for span in spans {
                let before = String(decoding: bytes[..<span.start], as: UTF8.self).unicodeScalars.count
                let width = max(1, String(decoding: bytes[span.start..<span.end], as: UTF8.self).unicodeScalars.count)
                carets += String(repeating: " ", count: max(0, before - carets.count)) + String(repeating: "^", count: width)
            }
            out += indent + carets + "\n"
        }
        return out
    }

    /// `docs/rules.md`.
    public static func markdown(_ catalog: RuleCatalog = .builtIn) -> String {
        var out = "# Rules\n\n"
        out += "Generated from `policies/rules/*.yaml` by `imagelint rules --format markdown`; do not edit by hand.\n\n"
        out += "| rule | default | summary |\n|---|---|---|\n"
        for declaration in catalog.declarations {
            out += "| [`\(declaration.id)`](#\(declaration.id)) | \(declaration.severity.rawValue) | \(declaration.summary.replacingPipes()) |\n"
        }
        for declaration in catalog.declarations {
            out += "\n## \(declaration.id)\n\n" + markdown(declaration)
        }
        return out
    }

    /// One rule's Markdown section without its heading: severity and
    /// roles, summary, rationale, options, examples (also SARIF's `help`).
    public static func markdown(_ declaration: RuleDeclaration) -> String {
        var out = "Default severity: **\(declaration.severity.rawValue)**. "
        let roles = declaration.roles.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        out += roles.isEmpty ? "Not about images.\n\n" : "Applies to images used as \(roles).\n\n"
        out += declaration.summary + "\n\n" + declaration.rationale.trimmingTrailingNewlines() + "\n"
        if !declaration.options.isEmpty {
            out += "\n| option | type | default | description |\n|---|---|---|---|\n"
            for option in declaration.options {
                let value = option.required ? "required" : option.defaultText.map { "`\($0)`" } ?? ""
                out += "| `\(option.name)` | \(option.kind.rawValue) | \(value.replacingPipes()) | \(option.description.replacingPipes()) |\n"
            }
        }
        for example in declaration.examples {
            out += "\n" + (example.isBad ? "Reported" : "Not reported")
            if let options = example.optionsYAML {
                out += " with `" + options.split(separator: "\n").joined(separator: "; ") + "`"
            }
            out += ":\n"
            if let policy = example.policy {
                out += "\n```yaml\n# .imagelint.yaml\n" + RuleExample.unmarked(policy).text.trimmingTrailingNewlines() + "\n```\n"
            }
            for file in example.files {
                let language = file.path.hasSuffix(".yaml") || file.path.hasSuffix(".yml") ? "yaml" : "dockerfile"
                out += "\n```\(language)\n# \(file.path)\n" + RuleExample.unmarked(file.text).text.trimmingTrailingNewlines() + "\n```\n"
            }
        }
        return out
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
