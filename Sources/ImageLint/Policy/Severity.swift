/// How serious a finding is: `error`, `warning` or `note`.
///
/// The same three levels as a reader's ``Diagnostic``, so a syntax error and
/// a policy finding sort, count and fail a run the same way.
public typealias Severity = Diagnostic.Severity

extension Diagnostic.Severity: CaseIterable {
    public static var allCases: [Diagnostic.Severity] { [.error, .warning, .note] }
}

/// A rule's level as a policy sets it: a severity, or `off`.
public enum RuleLevel: Sendable, Hashable {
    case off
    case on(Severity)

    /// Parses `error`, `warning`, `note` or `off`.
    public init?(keyword: String) {
        if keyword == "off" {
            self = .off
        } else if let severity = Severity(rawValue: keyword) {
            self = .on(severity)
        } else {
            return nil
        }
    }

    public static let keywords = ["error", "warning", "note", "off"]

    public var keyword: String {
        switch self {
        case .off: "off"
        case .on(let severity): severity.rawValue
        }
    }

    public var severity: Severity? {
        if case .on(let severity) = self { return severity }
        return nil
    }
}

/// The lowest severity that makes a run fail (exit code 1): the policy's
/// `fail-on:` or the command line's `--fail-on`.
public enum FailThreshold: String, Sendable, Hashable, CaseIterable {
    case error, warning, note, never

    /// Whether a finding of `severity` fails the run.
    public func fails(_ severity: Severity) -> Bool {
        switch self {
        case .never: false
        case .error: severity >= .error
        case .warning: severity >= .warning
        case .note: true
        }
    }
}
