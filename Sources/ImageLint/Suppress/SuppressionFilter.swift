/// Applies one file's suppressions to its findings and reports those that
/// suppressed nothing, so suppressions do not outlive their reason.
public struct SuppressionFilter: Sendable {
    public private(set) var scan: SuppressionScan
    /// `used[s][e]`: whether entry `e` of suppression `s` suppressed something.
    private var used: [[Bool]]

    public init(_ scan: SuppressionScan) {
        self.scan = scan
        used = scan.suppressions.map { Array(repeating: false, count: $0.entries.count) }
    }

    /// Whether a suppression covers `finding`; marks every covering entry used.
    public mutating func suppresses(_ finding: Finding) -> Bool {
        suppresses(rule: finding.rule, line: finding.location.start.line)
    }

    /// Whether a suppression covers `rule` on `line` (nil: only whole-file
    /// suppressions count); marks every covering entry used.
    public mutating func suppresses(rule: String, line: Int?) -> Bool {
        var suppressed = false
        for (s, suppression) in scan.suppressions.enumerated() {
            switch suppression.scope {
            case .file: break
            case .line(let target): guard target == line else { continue }
            }
            for (e, entry) in suppression.entries.enumerated() where entry.rule == rule {
                used[s][e] = true
                suppressed = true
            }
        }
        return suppressed
    }

    /// Why an entry suppressed nothing.
    public enum UnusedReason: Sendable, Hashable {
        case unknownRule(suggestion: String?)
        case ruleNotEnabled
        case nothingToSuppress
    }

    /// One entry that suppressed nothing.
    public struct Unused: Sendable, Hashable {
        public var rule: String
        public var span: SourceSpan
        public var reason: UnusedReason
        public var scope: Suppression.Scope
    }

    /// The entries that suppressed nothing, in file order.
    /// - Parameters:
    ///   - knownRules: every rule id the policy knows (built-in, custom, pseudo).
    ///   - enabledRules: the ids of rules that can produce findings in this file.
    public func unused(knownRules: Set<String>, enabledRules: Set<String>) -> [Unused] {
        var result: [Unused] = []
        for (s, suppression) in scan.suppressions.enumerated() {
            for (e, entry) in suppression.entries.enumerated() where !used[s][e] {
                let reason: UnusedReason
                if !knownRules.contains(entry.rule) {
                    reason = .unknownRule(suggestion: DidYouMean.suggestion(for: entry.rule, among: knownRules.sorted()))
                } else if !enabledRules.contains(entry.rule) {
                    reason = .ruleNotEnabled
                } else {
                    reason = .nothingToSuppress
                }
                result.append(Unused(rule: entry.rule, span: entry.span, reason: reason, scope: suppression.scope))
            }
        }
        return result.sorted { $0.span < $1.span }
    }
}
