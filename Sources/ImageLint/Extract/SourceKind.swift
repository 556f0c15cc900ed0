/// The kind of file an occurrence was found in; its raw value is the
/// `source` field of the JSON contract.
public enum SourceKind: String, Sendable, Hashable, CaseIterable, Codable {
    case dockerfile
    case compose
    case kubernetes
    case kustomize
    case githubActions = "github-actions"
    case gitlabCI = "gitlab-ci"
    case helmValues = "helm-values"
}
