/// The kinds of file imagelint reads; each has one extractor.
///
/// Extending: add a case here, a ``FileNameRule`` (a ``FileNeighbourRule``
/// when other files decide, and, for kinds that can only be told by their
/// content, a ``FileContentRule``) to the detector's standard rules, and a
/// branch in ``Extractor/extract(_:kind:options:companions:)``. The raw
/// value is what `--kind` accepts.
public enum FileKind: String, Sendable, Hashable, CaseIterable {
    case dockerfile
    case compose
    case kustomize
    case helmValues = "helm-values"
    /// Kubernetes manifests and custom resources (YAML or JSON), by content.
    case kubernetes
    /// GitHub Actions workflows and action metadata files.
    case githubActions = "github-actions"
    /// GitLab CI pipelines, included files and components.
    case gitlabCI = "gitlab-ci"
}
