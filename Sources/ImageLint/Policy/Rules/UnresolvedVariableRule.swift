/// `unresolved-variable`: the reference uses a variable (or a foreign
/// template placeholder) with no known value, so it cannot be checked.
///
/// Needs code to name each variable and point at where each was declared.
enum UnresolvedVariableRule {
    static func finding(_ occurrence: ImageOccurrence, rule: ActiveRule) -> Finding {
        let names = occurrence.unresolved.isEmpty
            ? occurrence.variables.filter { $0.value == nil }.map(\.name)
            : occurrence.unresolved
        let list = names.map { "`\($0)`" }.joined(separator: ", ")
        let subject = names.isEmpty ? "a variable has" : names.count == 1 ? "\(list) has" : "\(list) have"
        var related = occurrence.related
        for use in occurrence.variables where use.value == nil {
            if case .file(let location) = use.origin {
                related.append(RelatedLocation(location: location, message: "`\(use.name)` is declared here without a value"))
            }
        }
        return Finding(
            rule: rule.id, severity: rule.severity,
            message: "`\(occurrence.text)` cannot be checked: \(subject) no value here (give a default, set `variables:` in the policy, or pass --build-arg/--env)",
            location: occurrence.location, related: related, occurrence: occurrence
        )
    }
}
