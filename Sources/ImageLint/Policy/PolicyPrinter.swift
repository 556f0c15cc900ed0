/// The effective policy as YAML, after `extends` and merging: what
/// `imagelint policy check` prints, so "which rules apply here, and how?"
/// has one answer. Re-reading the output gives the same policy (with
/// `extends: []`, since everything is already merged in).
public enum PolicyPrinter {
    public static func render(_ policy: Policy, catalog: RuleCatalog = .builtIn) -> String {
        var lines: [String] = []
        lines.append("# The effective policy, merged from: \(policy.sources.joined(separator: ", "))")
        lines.append("extends: []")
        lines.append("fail-on: \(policy.failOn.rawValue)")
        let include = policy.include.flatMap(\.globs).map(\.pattern)
        let exclude = policy.exclude.flatMap(\.globs).map(\.pattern)
        if !include.isEmpty || !exclude.isEmpty {
            lines.append("files:")
            if !include.isEmpty { lines.append("  include: " + flowList(include)) }
            if !exclude.isEmpty { lines.append("  exclude: " + flowList(exclude)) }
        }
        if !policy.variables.isEmpty {
            lines.append("variables:")
            for name in policy.variables.keys.sorted() {
                lines.append("  \(YAMLText.scalar(name)): \(YAMLText.quoted(policy.variables[name] ?? ""))")
            }
        }
        let builtIn = policy.rules.filter { catalog.declaration($0.id) != nil }
        let custom = policy.rules.filter { catalog.declaration($0.id) == nil }
        lines.append(builtIn.isEmpty ? "rules: {}" : "rules:")
        for rule in builtIn {
            let declared = catalog.declaration(rule.id).map { Set($0.roles) } ?? rule.roles
            if rule.scope == nil, rule.options.isEmpty, rule.roles == declared {
                lines.append("  \(rule.id): \(rule.severity.rawValue)")
                continue
            }
            lines.append("  \(rule.id):")
            lines.append("    severity: \(rule.severity.rawValue)")
            if let scope = rule.scope { lines.append("    files: " + flowList(scope.globs.map(\.pattern))) }
            if rule.roles != declared { lines.append("    roles: " + flowList(roleNames(rule.roles))) }
            for option in rule.options {
                lines.append(contentsOf: YAMLText.entry("    \(option.name):", option.value, indent: 4))
            }
        }
        if !custom.isEmpty {
            lines.append("custom-rules:")
            for rule in custom {
                guard let definition = rule.definition else { continue }
                lines.append(contentsOf: listItem(definition))
            }
        }
        if !policy.exceptions.isEmpty {
            lines.append("exceptions:")
            for exception in policy.exceptions {
                guard let definition = exception.definition else { continue }
                lines.append(contentsOf: listItem(definition))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func listItem(_ node: YAMLNode) -> [String] {
        var inner = YAMLText.lines(node, indent: 4)
        if let first = inner.first { inner[0] = "  - " + first.dropFirst(4) }
        return inner
    }

    private static func flowList(_ items: [String]) -> String {
        "[" + items.map(YAMLText.scalar).joined(separator: ", ") + "]"
    }

    private static func roleNames(_ roles: Set<ImageRole>) -> [String] {
        let order: [ImageRole] = [.pull, .buildSource, .buildOutput, .frontend, .artifact]
        return order.filter(roles.contains).map(\.rawValue)
    }
}

/// The JSON Schema of policy files (`policies/imagelint-policy.schema.json`),
/// embedded so `imagelint policy schema` can hand it to editors.
public enum PolicySchema {
    public static var text: String { EmbeddedPolicies.schema.text }
}
