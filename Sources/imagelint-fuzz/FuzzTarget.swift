/// The fuzz targets of the one libFuzzer harness, chosen by name.
///
/// Each target checks properties of the code under test on arbitrary bytes
/// and returns what went wrong; the harness turns any violation into a
/// crash so libFuzzer keeps the input, and replay mode (and the regression
/// test) reports it. To add a target: a case here, a file with its checks.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `ImageReference`: both parse functions, round trips, error offsets.
    case reference
    /// Policy files and suppression comments: total, positions in range.
    case policy
    /// Globs, tag regexes, image and registry patterns, message templates.
    case pattern
    /// The YAML reader: reading, walking through aliases and merges, source maps.
    case yaml
    /// Compose interpolation, `.env`, compose / kustomize / Helm values extractors.
    case compose
    /// The Kubernetes, GitHub Actions and GitLab CI extractors on the YAML reader.
    case workloads
    /// The Dockerfile reader and extractor: spans, order, determinism.
    case dockerfile

    /// The properties this target violates on `input`; empty when all hold.
    func violations(in input: UnsafeBufferPointer<UInt8>) -> [String] {
        switch self {
        case .reference: ReferenceFuzzing.violations(in: input)
        case .policy: PolicyFuzzing.violations(in: input)
        case .pattern: PatternFuzzing.violations(in: input)
        case .yaml: YAMLFuzzTarget.violations(in: input)
        case .compose: ComposeFamilyFuzzing.violations(in: input)
        case .workloads: WorkloadFuzzing.violations(in: input)
        case .dockerfile: DockerfileFuzzing.violations(in: input)
        }
    }
}
