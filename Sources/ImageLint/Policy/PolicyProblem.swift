/// Something wrong in a policy file, at the position to fix it.
///
/// Every problem is reported (the loader does not stop at the first), and
/// any problem makes `check` and `policy check` exit with status 2.
public struct PolicyProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// The pseudo-rule under which policy problems appear among findings.
    public static let rule = "policy-error"

    /// `path:line:col: error: message`.
    public var description: String { "\(location): error: \(message)" }

    /// The problem as a finding of the `policy-error` pseudo-rule.
    public var finding: Finding {
        Finding(rule: PolicyProblem.rule, severity: .error, message: message, location: location)
    }
}
