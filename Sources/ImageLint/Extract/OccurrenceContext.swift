/// Where in its file's structure an occurrence sits.
///
/// Fields are typed so policy conditions (`stage: final`, `containerType:
/// init`, `kind: CronJob`) match on them directly; the JSON `context` object
/// prints the fields that are set, in this declaration order.
public struct OccurrenceContext: Sendable, Hashable {
    /// The fields live in one shared box: an occurrence and its context are
    /// copied several times on the way from an extractor to a report, and
    /// copying a box is one reference count where copying the fields was
    /// one for each of about a dozen optional strings. A change to a shared
    /// box copies it first (``update(_:)``).
    private var storage: Storage

    public init() {
        storage = Storage(Fields())
    }

    /// A Dockerfile instruction's context, made in one step.
    init(instruction: String, stage: String?, stageIndex: Int?, isFinalStage: Bool?, platform: String?, onbuild: Bool?) {
        storage = Storage(Fields(
            instruction: instruction, stage: stage, stageIndex: stageIndex,
            isFinalStage: isFinalStage, platform: platform, onbuild: onbuild
        ))
    }

    public static func == (lhs: OccurrenceContext, rhs: OccurrenceContext) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    // Dockerfile
    /// The instruction keyword as written (`FROM`, `from`, `COPY`, `RUN`, `syntax`).
    public var instruction: String? {
        get { storage.fields.instruction }
        set { update { $0.instruction = newValue } }
    }

    /// The stage's name (lowercased, as BuildKit stores it), when it has one.
    public var stage: String? {
        get { storage.fields.stage }
        set { update { $0.stage = newValue } }
    }

    /// The 0-based index of the stage.
    public var stageIndex: Int? {
        get { storage.fields.stageIndex }
        set { update { $0.stageIndex = newValue } }
    }

    /// Whether the stage is the file's last (the default build target).
    public var isFinalStage: Bool? {
        get { storage.fields.isFinalStage }
        set { update { $0.isFinalStage = newValue } }
    }

    /// The `--platform` value as written.
    public var platform: String? {
        get { storage.fields.platform }
        set { update { $0.platform = newValue } }
    }

    /// Whether the instruction is an `ONBUILD` trigger.
    public var onbuild: Bool? {
        get { storage.fields.onbuild }
        set { update { $0.onbuild = newValue } }
    }

    // Compose; CI services (GitHub Actions service id, GitLab CI alias)
    public var service: String? {
        get { storage.fields.service }
        set { update { $0.service = newValue } }
    }

    /// Whether the compose service has `build` (its `image` is then the
    /// name the build tags, role `build-output`).
    public var hasBuild: Bool? {
        get { storage.fields.hasBuild }
        set { update { $0.hasBuild = newValue } }
    }

    /// The compose service's `pull_policy` as written.
    public var pullPolicy: String? {
        get { storage.fields.pullPolicy }
        set { update { $0.pullPolicy = newValue } }
    }

    /// The compose service's `profiles`.
    public var profiles: [String]? {
        get { storage.fields.profiles }
        set { update { $0.profiles = newValue } }
    }

    // Kustomize and Helm values
    /// The tag or digest is not part of this occurrence: it comes from where
    /// the reference is applied (a kustomize `images:` entry that only
    /// renames, or only appends a `tagSuffix`). Rules about tags and digests
    /// (`no-latest`, `require-tag`, `require-digest`, `tag-pattern`) must not
    /// judge such an occurrence; rules about names and registries still apply.
    public var tagInherited: Bool? {
        get { storage.fields.tagInherited }
        set { update { $0.tagInherited = newValue } }
    }

    /// Where the value sits in its file as a dotted key path
    /// (`metrics.image`, `images[2]`), for Helm values and kustomize entries.
    public var keyPath: String? {
        get { storage.fields.keyPath }
        set { update { $0.keyPath = newValue } }
    }

    // Kubernetes and CRDs
    public var kind: String? {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }

    public var namespace: String? {
        get { storage.fields.namespace }
        set { update { $0.namespace = newValue } }
    }

    public var name: String? {
        get { storage.fields.name }
        set { update { $0.name = newValue } }
    }

    public var container: String? {
        get { storage.fields.container }
        set { update { $0.container = newValue } }
    }

    /// `container`, `initContainer`, `ephemeralContainer`, `imageVolume`,
    /// `script`, `sidecar`, `step`, `stepTemplate`, `bundle`; for CI files
    /// `container` (a job's image), `service`, `step`, `action`.
    public var containerType: String? {
        get { storage.fields.containerType }
        set { update { $0.containerType = newValue } }
    }

    /// 0-based document index in a multi-document stream.
    public var document: Int? {
        get { storage.fields.document }
        set { update { $0.document = newValue } }
    }

    // CI
    /// The job's id (GitHub Actions, GitLab CI).
    public var job: String? {
        get { storage.fields.job }
        set { update { $0.job = newValue } }
    }

    /// Whether the job is hidden (GitLab CI `.name`: a template used
    /// through `extends`, anchors or `!reference`, never run itself).
    public var hidden: Bool? {
        get { storage.fields.hidden }
        set { update { $0.hidden = newValue } }
    }

    /// The 0-based index of the step in its job (GitHub Actions `uses: docker://`).
    public var step: Int? {
        get { storage.fields.step }
        set { update { $0.step = newValue } }
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        change(&storage.fields)
    }

    /// The fields, in declaration order (the JSON order).
    private struct Fields: Hashable {
        var instruction: String? = nil
        var stage: String? = nil
        var stageIndex: Int? = nil
        var isFinalStage: Bool? = nil
        var platform: String? = nil
        var onbuild: Bool? = nil
        var service: String? = nil
        var hasBuild: Bool? = nil
        var pullPolicy: String? = nil
        var profiles: [String]? = nil
        var tagInherited: Bool? = nil
        var keyPath: String? = nil
        var kind: String? = nil
        var namespace: String? = nil
        var name: String? = nil
        var container: String? = nil
        var containerType: String? = nil
        var document: Int? = nil
        var job: String? = nil
        var hidden: Bool? = nil
        var step: Int? = nil
    }

    /// Unchecked: the box is written only through ``update(_:)``, which
    /// first makes it unique, so a box two contexts share is never written.
    private final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }
}
