import ImageLint
import ImageReference

/// `imagelint-bench policy`: the rule engine on the reference benchmark's
/// 100,000 references, under the default policy and under a heavy one
/// (strict, registry and image lists, a tag pattern, custom rules with
/// globs and a regex, exceptions), against parsing alone as the baseline.
enum PolicyBenchmark {
    static let heavyPolicy = """
        extends: [strict]
        rules:
          allowed-registries:
            registries: [ghcr.io/acme, docker.io/library, "*.dkr.ecr.*.amazonaws.com", quay.io/prometheus]
          denied-images:
            images: [{image: centos, use: "rockylinux:9"}, "docker.io/bitnami/**"]
          tag-pattern: warning
        custom-rules:
          - {id: acme/alpine-eol, message: "{image}", match: {repository: alpine, tag: ["3.1?", "3.1?.*"]}}
          - {id: acme/dev-tags, message: "{image}", match: {tag: {regex: "(^|-)(dev|rc[0-9]*|snapshot)($|-)"}}}
          - {id: acme/ghcr-final, message: "{image}", match: {stage: final}, unless: {registry: ghcr.io/acme}}
        exceptions:
          - {rules: [require-digest], images: [postgres], reason: bench}
        """

    static func run(_ options: BenchmarkOptions) {
        let inputs = ReferenceCorpus.make(count: options.inputs ?? ReferenceBenchmark.inputCount)
        let file = SourceFile(path: "Dockerfile", text: "FROM x\n")
        let location = file.location(SourceSpan(start: 5, end: 6))
        var context = OccurrenceContext()
        context.isFinalStage = true
        let occurrences = inputs.map {
            ImageOccurrence(source: .dockerfile, location: location, text: $0, resolved: $0, context: context)
        }
        let loader = PolicyLoader(workingDirectory: "/bench") { _ in nil }
        let recommended = RuleEngine(policy: loader.loadDefault().policy)
        let heavyResult = loader.load(file: SourceFile(path: ".imagelint.yaml", text: heavyPolicy))
        guard heavyResult.problems.isEmpty else {
            print("policy: the heavy policy has problems: \(heavyResult.problems)")
            return
        }
        let heavy = RuleEngine(policy: heavyResult.policy)
        let paths: [String?] = ["Dockerfile"]
        let findings = occurrences.reduce(0) { $0 + heavy.evaluate($1, relativePaths: paths).findings.count }
        print("policy: \(occurrences.count) occurrences; heavy policy: \(heavyResult.policy.rules.count) rules, \(findings) findings")

        let parse = RoundTimings.measure(rounds: options.rounds, items: occurrences.count) {
            var checksum = 0
            for input in inputs {
                checksum &+= (try? Reference.parseNormalized(input))?.checksum ?? 1
            }
            return checksum
        }
        print(parse.line("parseNormalized (baseline)", unit: "occurrence"))

        for (name, engine) in [("evaluate, recommended", recommended), ("evaluate, heavy policy", heavy)] {
            let timings = RoundTimings.measure(rounds: options.rounds, items: occurrences.count) {
                var checksum = 0
                for occurrence in occurrences {
                    checksum &+= engine.evaluate(occurrence, relativePaths: paths).findings.count
                }
                return checksum
            }
            print(timings.line(name, unit: "occurrence"))
        }
    }
}
