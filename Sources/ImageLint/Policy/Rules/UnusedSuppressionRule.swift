/// `unused-suppression`: a suppression comment entry that suppressed
/// nothing, or a comment that looks like a suppression but is not one.
enum UnusedSuppressionRule {
    /// Unused entries naming other rules (and malformed comments) are
    /// reported first, so that an `ignore[unused-suppression]` silencing
    /// them counts as used before its own entries are looked at.
    enum Pass { case otherRules, ownRule }

    /// The findings of one pass, each with the line its suppression applies
    /// to (nil for whole-file and malformed ones).
    static func findings(
        file: SourceFile, filter: SuppressionFilter, policy: Policy, enabledRules: Set<String>, rule: ActiveRule, pass: Pass
    ) -> [(finding: Finding, line: Int?)] {
        var result: [(Finding, Int?)] = []
        for unused in filter.unused(knownRules: policy.knownRules, enabledRules: enabledRules)
        where (unused.rule == rule.id) == (pass == .ownRule) {
            let place: String
            let line: Int?
            switch unused.scope {
            case .file:
                place = "in this file"
                line = nil
            case .line(let target):
                place = "on line \(target)"
                line = target
            }
            let message: String
            switch unused.reason {
            case .unknownRule(let suggestion):
                message = "unknown rule `\(unused.rule)` in a suppression comment" + (suggestion.map { " (did you mean `\($0)`?)" } ?? "")
            case .ruleNotEnabled:
                message = "`\(unused.rule)` is suppressed, but the policy does not enable it"
            case .nothingToSuppress:
                message = "`\(unused.rule)` is suppressed, but it reports nothing \(place); remove it from the comment"
            }
            result.append((Finding(rule: rule.id, severity: rule.severity, message: message, location: file.location(unused.span)), line))
        }
        for malformed in filter.scan.malformed where pass == .otherRules {
            result.append((Finding(rule: rule.id, severity: rule.severity, message: malformed.message, location: file.location(malformed.span)), nil))
        }
        return result
    }
}
