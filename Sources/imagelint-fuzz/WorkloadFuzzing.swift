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
            for occurrence in extraction.occurrences {
                let span = occurrence.location.span
                if span.start < 0 || span.end > input.count || span.start > span.end {
                    violations.append("\(kind): span \(span) outside the \(input.count) input bytes")
                }
                if (occurrence.resolved == nil) != !occurrence.unresolved.isEmpty {
                    violations.append("\(kind): '\(occurrence.text)' resolved \(occurrence.resolved ?? "nil") with unresolved \(occurrence.unresolved)")
                }
            }
            for diagnostic in extraction.diagnostics where diagnostic.location.span.end > input.count {
                violations.append("\(kind): diagnostic \(diagnostic.code) at \(diagnostic.location.span) outside the input")
            }
        }
        return violations
    }
}
