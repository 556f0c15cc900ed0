/// A loaded, merged and compiled policy: what `check` evaluates.
///
/// Built by ``PolicyLoader`` from a policy file, the files and presets it
/// extends, and the built-in rule declarations.
public struct Policy: Sendable {
    /// The policy file, or nil for the embedded default.
    public var path: String?
    /// Every file and preset that went into it, in merge order
    /// (`preset:recommended`, `../base.yaml`, `.imagelint.yaml`).
    public var sources: [String]
    public var failOn: FailThreshold
    /// Folders that `files:` globs are relative to; ``GlobSet/base`` indexes
    /// this list (a policy extending a file in another folder has two).
    public var baseDirectories: [String]
    /// `files.include`; empty means every file.
    public var include: [GlobSet]
    /// `files.exclude`, from every layer.
    public var exclude: [GlobSet]
    /// `variables:`, for extractors (``ExtractionOptions/policyVariables``).
    public var variables: [String: String]
    /// The enabled rules, built-in ones first in catalog order, then custom rules.
    public var rules: [ActiveRule]
    /// Every rule id known to the policy (built-in, custom, pseudo-rules),
    /// for suppression comments and exceptions.
    public var knownRules: Set<String>
    public var exceptions: [PolicyException]

    public init(
        path: String? = nil,
        sources: [String] = [],
        failOn: FailThreshold = .error,
        baseDirectories: [String] = ["."],
        include: [GlobSet] = [],
        exclude: [GlobSet] = [],
        variables: [String: String] = [:],
        rules: [ActiveRule] = [],
        knownRules: Set<String> = [],
        exceptions: [PolicyException] = []
    ) {
        self.path = path
        self.sources = sources
        self.failOn = failOn
        self.baseDirectories = baseDirectories
        self.include = include
        self.exclude = exclude
        self.variables = variables
        self.rules = rules
        self.knownRules = knownRules
        self.exceptions = exceptions
    }

    /// The active rule with `id`, if enabled.
    public func rule(_ id: String) -> ActiveRule? {
        rules.first { $0.id == id }
    }

    /// Whether a file (its path relative to each base directory) is to be
    /// checked: included (or no include list) and not excluded.
    public func selects(relativePaths: [String?]) -> Bool {
        if !include.isEmpty, !include.contains(where: { $0.matches(relativePaths) }) { return false }
        return !exclude.contains { $0.matches(relativePaths) }
    }
}

/// Globs relative to one of the policy's base directories.
public struct GlobSet: Sendable, Hashable {
    /// Index into ``Policy/baseDirectories``.
    public var base: Int
    public var globs: [Glob]

    public init(base: Int, globs: [Glob]) {
        self.base = base
        self.globs = globs
    }

    /// Whether any glob matches the path relative to this set's base.
    public func matches(_ relativePaths: [String?]) -> Bool {
        guard base < relativePaths.count, let path = relativePaths[base] else { return false }
        return globs.contains { $0.matches(path) }
    }
}

/// A rule the policy enables, with its severity, scope and compiled check.
public struct ActiveRule: Sendable {
    public var id: String
    public var severity: Severity
    /// `files:` of the rule's configuration: it only applies to these files.
    public var scope: GlobSet?
    /// The roles of occurrences the rule looks at.
    public var roles: Set<ImageRole>
    public var check: RuleCheck
    /// Option values as written (built-in rules), for `policy check`.
    var options: [(name: String, value: YAMLNode)] = []
    /// The custom rule's mapping as written, for `policy check`.
    var definition: YAMLNode?

    public init(id: String, severity: Severity, scope: GlobSet? = nil, roles: Set<ImageRole>, check: RuleCheck) {
        self.id = id
        self.severity = severity
        self.scope = scope
        self.roles = roles
        self.check = check
    }

    /// Whether the rule applies to an occurrence in a file.
    public func applies(to occurrence: ImageOccurrence, relativePaths: [String?]) -> Bool {
        guard roles.contains(occurrence.role) else { return false }
        if let scope, !scope.matches(relativePaths) { return false }
        return true
    }
}

/// An active rule as the engine runs it: a class (one reference to copy per
/// rule and occurrence) with its roles as a bit mask.
final class CompiledRule: Sendable {
    let rule: ActiveRule
    private let roleMask: UInt8

    init(_ rule: ActiveRule) {
        self.rule = rule
        roleMask = rule.roles.reduce(0) { $0 | CompiledRule.bit($1) }
    }

    static func bit(_ role: ImageRole) -> UInt8 {
        switch role {
        case .pull: 1
        case .buildSource: 2
        case .buildOutput: 4
        case .frontend: 8
        case .artifact: 16
        }
    }

    func applies(to occurrence: ImageOccurrence, relativePaths: [String?]) -> Bool {
        guard roleMask & CompiledRule.bit(occurrence.role) != 0 else { return false }
        if let scope = rule.scope, !scope.matches(relativePaths) { return false }
        return true
    }
}

/// How a rule decides: conditions (built-in rules declared as data and
/// custom rules), or code for the few that need it.
public enum RuleCheck: Sendable {
    /// Fires when `match` holds and `unless` does not.
    case conditions(ConditionCheck)
    case invalidReference
    case unresolvedVariable
    case deniedImages([DeniedImage])
    /// Run-level: compares every use of an image across the checked files.
    case consistentTags
    /// Policy-level: reported once per run for each expired exception.
    case expiredException
    /// Reported per file for suppressions that suppressed nothing.
    case unusedSuppression
}

/// A rule written as conditions: every custom rule and most built-in ones.
///
/// A class, so the engine's loop over rules copies one reference per rule.
public final class ConditionCheck: Sendable {
    public let match: Condition
    public let unless: Condition?
    public let message: MessageTemplate
    /// Option values for the message's placeholders (`{registries}`).
    public let optionTexts: [String: String]
    public let fix: GenericFix?

    public init(match: Condition, unless: Condition?, message: MessageTemplate, optionTexts: [String: String] = [:], fix: GenericFix? = nil) {
        self.match = match
        self.unless = unless
        self.message = message
        self.optionTexts = optionTexts
        self.fix = fix
    }

    public func fires(for subject: ConditionSubject) -> Bool {
        guard match.holds(for: subject) else { return false }
        if let unless, unless.holds(for: subject) { return false }
        return true
    }
}

/// Fixes a declared rule can offer without code of its own.
public enum GenericFix: String, Sendable, Hashable {
    /// Rewrite the reference in its normalized form (safe: same image).
    case qualify
}

/// One entry of `denied-images`.
public struct DeniedImage: Sendable, Hashable {
    public var pattern: ImagePattern
    /// The suggested replacement, shown and offered as an unsafe fix.
    public var use: String?
    public var reason: String?

    public init(pattern: ImagePattern, use: String? = nil, reason: String? = nil) {
        self.pattern = pattern
        self.use = use
        self.reason = reason
    }
}

/// One entry of `exceptions:`.
public struct PolicyException: Sendable {
    /// Rule ids it covers; empty means every rule.
    public var rules: Set<String>
    /// Images it covers; empty means every image (and findings without one).
    public var images: [ImagePattern]
    /// Files it covers; nil means every file.
    public var files: GlobSet?
    public var reason: String
    public var expires: PolicyDate?
    /// Where the exception is written (its `expires` value when it has one),
    /// for the `expired-exception` finding.
    public var location: SourceLocation
    /// The exception's mapping as written, for `policy check`.
    var definition: YAMLNode?

    public init(rules: Set<String>, images: [ImagePattern], files: GlobSet?, reason: String, expires: PolicyDate?, location: SourceLocation) {
        self.rules = rules
        self.images = images
        self.files = files
        self.reason = reason
        self.expires = expires
        self.location = location
    }

    /// Whether the exception has expired on `today` (it expires at the start
    /// of its `expires` day).
    public func isExpired(on today: PolicyDate) -> Bool {
        guard let expires else { return false }
        return today >= expires
    }

    /// Whether it covers `finding` in a file with these relative paths.
    public func covers(_ finding: Finding, imageName: String?, relativePaths: [String?]) -> Bool {
        if !rules.isEmpty, !rules.contains(finding.rule) { return false }
        if !images.isEmpty {
            guard let imageName, images.contains(where: { $0.matches(name: imageName) }) else { return false }
        }
        if let files, !files.matches(relativePaths) { return false }
        return true
    }
}
