import ImageReference

/// Evaluates a policy's rules on one occurrence: the single place where
/// built-in rules written as conditions, custom rules and the code rules
/// that look at one occurrence are run.
public struct RuleEngine: Sendable {
    public let policy: Policy
    /// The rules written as conditions or looking at parsed images, in policy order.
    private let imageRules: [CompiledRule]
    private let unresolvedVariable: CompiledRule?
    private let invalidReference: CompiledRule?

    public init(policy: Policy) {
        self.policy = policy
        var imageRules: [CompiledRule] = []
        var unresolvedVariable: CompiledRule?
        var invalidReference: CompiledRule?
        for rule in policy.rules {
            switch rule.check {
            case .conditions, .deniedImages: imageRules.append(CompiledRule(rule))
            case .unresolvedVariable: unresolvedVariable = CompiledRule(rule)
            case .invalidReference: invalidReference = CompiledRule(rule)
            default: break
            }
        }
        self.imageRules = imageRules
        self.unresolvedVariable = unresolvedVariable
        self.invalidReference = invalidReference
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
            if let compiled = unresolvedVariable, compiled.applies(to: occurrence, relativePaths: relativePaths) {
                evaluation.findings.append(UnresolvedVariableRule.finding(occurrence, rule: compiled.rule))
            }
            return evaluation
        }
        let reference: Reference
        do {
            reference = try Reference.parseNormalized(resolved)
        } catch {
            if let compiled = invalidReference, compiled.applies(to: occurrence, relativePaths: relativePaths) {
                evaluation.findings.append(InvalidReferenceRule.finding(occurrence, resolved: resolved, error: error, rule: compiled.rule))
            }
            return evaluation
        }
        let image = ImageFacts(reference: reference, written: resolved)
        evaluation.image = image
        let subject = ConditionSubject(occurrence: occurrence, image: image, relativePaths: relativePaths)
        for compiled in imageRules where compiled.applies(to: occurrence, relativePaths: relativePaths) {
            switch compiled.rule.check {
            case .conditions(let check):
                guard check.fires(for: subject) else { continue }
                evaluation.findings.append(Self.finding(rule: compiled.rule, check: check, subject: subject, reference: reference))
            case .deniedImages(let entries):
                if let finding = DeniedImagesRule.finding(subject, entries: entries, rule: compiled.rule) {
                    evaluation.findings.append(finding)
                }
            default:
                continue
            }
        }
        return evaluation
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
