import ImageLint

/// The "read + extract" part of `imagelint-bench yaml`: for each group of
/// YAML file kinds, the files of those kinds under the corpus (detected and
/// loaded by `Workspace`, companions such as `.env` and `Chart.yaml`
/// included) are timed three times, interleaved: libyaml's bare event parse
/// of their bytes (the baseline), the YAML reader alone, and imagelint's
/// `Extractor.extract` (YAML reader + extractor, `.env` reading and
/// interpolation included). The target for the last is at most 1.5x the
/// baseline. To add kinds, add a group.
enum YAMLExtractBench {
    static let groups: [(label: String, kinds: Set<FileKind>)] = [
        // The figure: every YAML file of the corpus.
        ("every YAML kind", [.compose, .kustomize, .helmValues, .kubernetes, .githubActions, .gitlabCI]),
        ("compose + kustomize + helm-values", [.compose, .kustomize, .helmValues]),
        ("compose", [.compose]),
        ("kustomize", [.kustomize]),
        ("helm-values", [.helmValues]),
        ("kubernetes + github-actions + gitlab-ci", [.kubernetes, .githubActions, .gitlabCI]),
        ("kubernetes", [.kubernetes]),
        ("github-actions", [.githubActions]),
        ("gitlab-ci", [.gitlabCI]),
    ]

    static func run(corpus: String, rounds: Int) {
        let loaded = Workspace().load([corpus], currentDirectory: corpus).files
        for group in groups {
            let files = loaded.filter { group.kinds.contains($0.kind) }
            guard !files.isEmpty else { continue }
            let bytes = files.reduce(0) { $0 + $1.source.bytes.count }
            print("read + extract, \(group.label): \(files.count) files, \(bytes) bytes")
            let stages = [
                BenchStage(name: "libyaml events (baseline)") {
                    var events = 0
                    for file in files { events += YAMLBench.bareParse(file.source.bytes) }
                    return events
                },
                BenchStage(name: "YAMLReader.read") {
                    var nodes = 0
                    for file in files { nodes += YAMLBench.nodeCount(YAMLReader.read(file.source)) }
                    return nodes
                },
                BenchStage(name: "Extractor.extract") {
                    var found = 0
                    for file in files {
                        let extraction = Extractor.extract(file.source, kind: file.kind, companions: file.companions)
                        found += extraction.occurrences.count * 31 + extraction.diagnostics.count
                    }
                    return found
                },
            ]
            printRatios(stages, bytes: bytes, rounds: rounds)
        }
    }
}
