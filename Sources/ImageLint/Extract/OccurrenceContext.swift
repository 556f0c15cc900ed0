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
