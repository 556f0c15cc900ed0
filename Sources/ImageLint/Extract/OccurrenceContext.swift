/// Where in its file's structure an occurrence sits.
///
/// Fields are typed so policy conditions (`stage: final`, `containerType:
/// init`, `kind: CronJob`) match on them directly; the JSON `context` object
/// prints the fields that are set, in this declaration order.
public struct OccurrenceContext: Sendable, Hashable {
    // Dockerfile
    /// The instruction keyword as written (`FROM`, `from`, `COPY`, `RUN`, `syntax`).
    public var instruction: String?
    /// The stage's name (lowercased, as BuildKit stores it), when it has one.
    public var stage: String?
    /// The 0-based index of the stage.
    public var stageIndex: Int?
    /// Whether the stage is the file's last (the default build target).
    public var isFinalStage: Bool?
    /// The `--platform` value as written.
    public var platform: String?
    /// Whether the instruction is an `ONBUILD` trigger.
    public var onbuild: Bool?

    // Compose; CI services (GitHub Actions service id, GitLab CI alias)
    public var service: String?
    /// Whether the compose service has `build` (its `image` is then the
    /// name the build tags, role `build-output`).
    public var hasBuild: Bool?
    /// The compose service's `pull_policy` as written.
    public var pullPolicy: String?
    /// The compose service's `profiles`.
    public var profiles: [String]?

    // Kustomize and Helm values
    /// The tag or digest is not part of this occurrence: it comes from where
    /// the reference is applied (a kustomize `images:` entry that only
    /// renames, or only appends a `tagSuffix`). Rules about tags and digests
    /// (`no-latest`, `require-tag`, `require-digest`, `tag-pattern`) must not
    /// judge such an occurrence; rules about names and registries still apply.
    public var tagInherited: Bool?
    /// Where the value sits in its file as a dotted key path
    /// (`metrics.image`, `images[2]`), for Helm values and kustomize entries.
    public var keyPath: String?

    // Kubernetes and CRDs
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var container: String?
    /// `container`, `initContainer`, `ephemeralContainer`, `imageVolume`,
    /// `script`, `sidecar`, `step`, `stepTemplate`, `bundle`; for CI files
    /// `container` (a job's image), `service`, `step`, `action`.
    public var containerType: String?
    /// 0-based document index in a multi-document stream.
    public var document: Int?

    // CI
    /// The job's id (GitHub Actions, GitLab CI).
    public var job: String?
    /// Whether the job is hidden (GitLab CI `.name`: a template used
    /// through `extends`, anchors or `!reference`, never run itself).
    public var hidden: Bool?
    /// The 0-based index of the step in its job (GitHub Actions `uses: docker://`).
    public var step: Int?

    public init() {}
}
