/// Runs the extractor for a file's kind.
public enum Extractor {
    public static func extract(
        _ file: SourceFile, kind: FileKind, options: ExtractionOptions = ExtractionOptions(), companions: CompanionFiles = CompanionFiles()
    ) -> Extraction {
        switch kind {
        case .dockerfile:
            DockerfileExtractor.extract(file, options: options)
        case .compose:
            ComposeExtractor.extract(file, dotEnv: companions.dotEnv, options: options)
        case .kustomize:
            KustomizeExtractor.extract(file)
        case .helmValues:
            HelmValuesExtractor.extract(file, chart: companions.chart)
        case .kubernetes:
            KubernetesExtractor.extract(file, options: options)
        case .githubActions:
            GitHubActionsExtractor.extract(file, options: options)
        case .gitlabCI:
            GitLabCIExtractor.extract(file, options: options)
        }
    }
}
