import ImageReference

/// Evaluates a policy's rules on one occurrence: the single place where
/// built-in rules written as conditions, custom rules and the code rules
/// that look at one occurrence are run.
public struct RuleEngine: Sendable {
    public let policy: Policy

    public init(policy: Policy) {
        self.policy = policy
    }

    /// What evaluating one occurrence gives.
    public struct Evaluation: Sendable {
        public var findings: [Finding] = []
        /// The parsed reference's facts, when the resolved text parsed.
        public var image: ImageFacts?
    }

    /// Runs every applicable rule on `occurrence` in a file whose paths
    /// relative to the policy's base directories are `relativePaths`.
    public func evaluate(_ occurrence: ImageOccurrence, relativePaths: [String?]) -> Evaluation {
        var evaluation = Evaluation()
        guard let resolved = occurrence.resolved, occurrence.unresolved.isEmpty else {
            if let rule = applicableRule(.unresolvedVariable, occurrence, relativePaths) {
                evaluation.findings.append(UnresolvedVariableRule.finding(occurrence, rule: rule))
            }
            return evaluation
        }
        let reference: Reference
        do {
            reference = try Reference.parseNormalized(resolved)
        } catch {
            if let rule = applicableRule(.invalidReference, occurrence, relativePaths) {
                evaluation.findings.append(InvalidReferenceRule.finding(occurrence, resolved: resolved, error: error, rule: rule))
            }
            return evaluation
        }
        let image = ImageFacts(reference: reference, written: resolved)
        evaluation.image = image
        let subject = ConditionSubject(occurrence: occurrence, image: image, relativePaths: relativePaths)
        for rule in policy.rules where rule.applies(to: occurrence, relativePaths: relativePaths) {
            switch rule.check {
            case .conditions(let check):
                guard check.fires(for: subject) else { continue }
                evaluation.findings.append(Self.finding(rule: rule, check: check, subject: subject, reference: reference))
            case .deniedImages(let entries):
                if let finding = DeniedImagesRule.finding(subject, entries: entries, rule: rule) {
                    evaluation.findings.append(finding)
                }
            default:
                continue
            }
        }
        return evaluation
    }

    private enum CodeRule { case unresolvedVariable, invalidReference }

    private func applicableRule(_ which: CodeRule, _ occurrence: ImageOccurrence, _ relativePaths: [String?]) -> ActiveRule? {
        policy.rules.first { rule in
            switch (which, rule.check) {
            case (.unresolvedVariable, .unresolvedVariable), (.invalidReference, .invalidReference):
                return rule.applies(to: occurrence, relativePaths: relativePaths)
            default:
                return false
            }
        }
    }

    /// The finding of a rule written as conditions.
    static func finding(rule: ActiveRule, check: ConditionCheck, subject: ConditionSubject, reference: Reference) -> Finding {
        let occurrence = subject.occurrence
        let image = subject.image
        let message = check.message.render { name in
            switch name {
            case "image": occurrence.resolved ?? occurrence.text
            case "registry": image.domain
            case "repository": image.name
            case "tag": image.tag ?? ""
            case "digest": image.digest ?? ""
            case "normalized": image.normalized
            case "familiar": String(reference.familiar)
            case "source": occurrence.source.rawValue
            case "file": occurrence.location.path
            default: check.optionTexts[name] ?? ""
            }
        }
        var fix: Fix?
        if check.fix == .qualify, occurrence.text == occurrence.resolved {
            fix = Fix(
                title: "Write `\(image.normalized)`",
                edits: [TextEdit(path: occurrence.location.path, span: occurrence.location.span, replacement: image.normalized)],
                safety: .safe
            )
        }
        return Finding(
            rule: rule.id, severity: rule.severity, message: message, location: occurrence.location,
            related: occurrence.related, occurrence: occurrence, normalized: image.normalized, fix: fix
        )
    }
}
