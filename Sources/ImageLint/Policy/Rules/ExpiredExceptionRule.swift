/// `expired-exception`: a policy exception past its `expires` date. It no
/// longer applies (see ``PolicyException/isExpired(on:)``) and is reported
/// at its date in the policy file, once per run.
enum ExpiredExceptionRule {
    static func findings(_ policy: Policy, today: PolicyDate) -> [Finding] {
        guard let rule = policy.rules.first(where: { if case .expiredException = $0.check { true } else { false } }) else {
            return []
        }
        return policy.exceptions.compactMap { exception in
            guard exception.isExpired(on: today), let expires = exception.expires else { return nil }
            let covers = exception.rules.isEmpty ? "every rule" : exception.rules.sorted().map { "`\($0)`" }.joined(separator: ", ")
            return Finding(
                rule: rule.id, severity: rule.severity,
                message: "the exception for \(covers) (\"\(exception.reason)\") expired on \(expires) and no longer applies; fix the findings it covered, or renew it with a new date and reason",
                location: exception.location
            )
        }
    }
}
