import ImageLint

/// Properties of the Kubernetes, GitHub Actions and GitLab CI extractors
/// on any input bytes: each reads the bytes as YAML and returns, never
/// crashes or hangs, and every occurrence points inside the file with a
/// consistent resolution.
enum WorkloadFuzzing {
    static func violations(in input: UnsafeBufferPointer<UInt8>) -> [String] {
        let file = SourceFile(path: "fuzz.yaml", bytes: Array(input))
        let stream = YAMLReader.read(file)
        var violations: [String] = []
        let extractions: [(String, Extraction)] = [
            ("kubernetes", KubernetesExtractor.extract(stream)),
            ("github-actions", GitHubActionsExtractor.extract(stream)),
            ("gitlab-ci", GitLabCIExtractor.extract(stream)),
        ]
        for (kind, extraction) in extractions {
            violations += ExtractionProperties.violations(extraction, size: input.count, label: kind)
        }
        return violations
    }
}
