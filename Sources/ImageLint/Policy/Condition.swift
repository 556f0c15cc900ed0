/// A compiled `match:` / `unless:` condition of a rule.
///
/// The keys of one YAML mapping are all required to hold (`all`); lists of
/// patterns hold when any pattern matches. Built-in rules such as
/// `no-latest` and `allowed-registries` are written with these same
/// conditions in their declarations, so custom rules and built-in rules go
/// through one evaluator.
public indirect enum Condition: Sendable, Hashable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    /// `registry:` — host globs or name prefixes (see ``RegistryPattern``).
    case registry([RegistryPattern])
    /// `image:` / `repository:` — globs over the normalized name.
    case image([ImagePattern])
    /// `tag: [globs]`.
    case tagGlobs([Glob])
    /// `tag: {regex: …}`.
    case tagRegex(TagRegex)
    /// `tag: present` / `tag: missing`.
    case tagPresent(Bool)
    /// `digest: present` / `digest: missing`.
    case digestPresent(Bool)
    /// `source:` — file kinds.
    case source(Set<SourceKind>)
    /// `role:` — what is done with the image.
    case role(Set<ImageRole>)
    /// `files:` — globs over the path relative to the policy's folder.
    case files(GlobSet)
    /// `stage: final | builder` (Dockerfile).
    case finalStage(Bool)
    /// `kind:` (Kubernetes).
    case kind(Set<String>)
    /// `namespace:` (Kubernetes), globs.
    case namespace([Glob])
    /// `containerType:` (Kubernetes).
    case containerType(Set<ContainerType>)
    /// `qualified: true | false` — whether the text names its registry.
    case qualified(Bool)

    /// The kind of container an image runs in, as the `containerType:` condition names it.
    public enum ContainerType: String, Sendable, Hashable, CaseIterable {
        case app, `init`, ephemeral, volume

        /// From ``OccurrenceContext/containerType``.
        init?(context value: String) {
            switch value {
            case "container": self = .app
            case "initContainer": self = .`init`
            case "ephemeralContainer": self = .ephemeral
            case "imageVolume": self = .volume
            default: return nil
            }
        }
    }

    /// The condition that always holds (an empty `match:`).
    public static let always = Condition.all([])

    /// Whether the condition holds for `subject`.
    public func holds(for subject: ConditionSubject) -> Bool {
        switch self {
        case .all(let parts):
            return parts.allSatisfy { $0.holds(for: subject) }
        case .any(let parts):
            return parts.contains { $0.holds(for: subject) }
        case .not(let inner):
            return !inner.holds(for: subject)
        case .registry(let patterns):
            return patterns.contains { $0.matches(subject.image) }
        case .image(let patterns):
            let name = subject.image.name
            return patterns.contains { $0.matches(name: name) }
        case .tagGlobs(let globs):
            guard let tag = subject.image.tag else { return false }
            return globs.contains { $0.matches(tag) }
        case .tagRegex(let regex):
            guard let tag = subject.image.tag else { return false }
            return regex.matches(tag)
        case .tagPresent(let present):
            return (subject.image.tag != nil) == present
        case .digestPresent(let present):
            return (subject.image.digest != nil) == present
        case .source(let kinds):
            return kinds.contains(subject.occurrence.source)
        case .role(let roles):
            return roles.contains(subject.occurrence.role)
        case .files(let set):
            return set.matches(subject.relativePaths)
        case .finalStage(let final):
            guard let isFinal = subject.occurrence.context.isFinalStage else { return false }
            return isFinal == final
        case .kind(let kinds):
            guard let kind = subject.occurrence.context.kind else { return false }
            return kinds.contains(kind)
        case .namespace(let globs):
            guard let namespace = subject.occurrence.context.namespace else { return false }
            return globs.contains { $0.matches(namespace) }
        case .containerType(let types):
            guard let value = subject.occurrence.context.containerType,
                  let type = ContainerType(context: value) else { return false }
            return types.contains(type)
        case .qualified(let qualified):
            return subject.image.qualified == qualified
        }
    }

    /// Whether the condition mentions `role:` anywhere (then a custom
    /// rule's default roles do not apply).
    var mentionsRole: Bool {
        switch self {
        case .role: true
        case .all(let parts), .any(let parts): parts.contains { $0.mentionsRole }
        case .not(let inner): inner.mentionsRole
        default: false
        }
    }
}

/// What a condition is evaluated on: one occurrence whose resolved text
/// parsed as a reference.
public struct ConditionSubject: Sendable {
    public var occurrence: ImageOccurrence
    public var image: ImageFacts
    /// The file's path relative to each of the policy's base directories,
    /// `/`-separated; nil where the file is outside that folder (then
    /// `files:` globs relative to it never match).
    public var relativePaths: [String?]

    public init(occurrence: ImageOccurrence, image: ImageFacts, relativePaths: [String?]) {
        self.occurrence = occurrence
        self.image = image
        self.relativePaths = relativePaths
    }
}
