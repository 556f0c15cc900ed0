import ImageLint

/// `imagelint-bench dockerfile PATH [--rounds N]`
///
/// Loads every Dockerfile under PATH into memory (detected by
/// `Workspace`, as `check` does), then times, single-threaded and with the
/// rounds interleaved: (a) touching every byte once (the baseline),
/// (b) `DockerfileReader.read`, (c) reader and extractor (variables,
/// stages, occurrences with spans), and (d) the same including building
/// the `SourceFile` (line index). Prints medians, MiB/s and ratios to (a);
/// the target (issue 6) is at least 200 MB/s for (c), reading and
/// extracting a file already in memory.
///
/// Generate a corpus with the shared generator:
/// `python3 gen-corpus.py --files 10000 --seed 1 --out /tmp/c`.
enum DockerfileBench {
    static func run(_ options: BenchmarkOptions) -> Int32 {
        guard let corpus = options.path else {
            print("usage: imagelint-bench dockerfile PATH [--rounds N]")
            return 2
        }
        let loaded = Workspace().load([corpus], currentDirectory: corpus).files.filter { $0.kind == .dockerfile }
        let sources = loaded.map(\.source)
        let inputs = sources.map { (path: $0.path, bytes: $0.bytes) }
        let bytes = inputs.reduce(0) { $0 + $1.bytes.count }
        guard bytes > 0 else {
            print("dockerfile: no Dockerfiles under \(corpus)")
            return 1
        }
        let occurrences = sources.reduce(0) { $0 + DockerfileExtractor.extract($1).occurrences.count }
        print("dockerfile: \(inputs.count) files, \(bytes) bytes, \(occurrences) occurrences; "
            + "median thread CPU time of \(options.rounds) interleaved rounds")
        let stages = [
            BenchStage(name: "every byte once (baseline)") {
                var sum = 0
                for input in inputs { sum &+= input.bytes.reduce(0) { $0 &+ Int($1) } }
                return sum
            },
            BenchStage(name: "DockerfileReader.read") {
                var count = 0
                for file in sources { count &+= DockerfileReader.read(file).instructions.count }
                return count
            },
            BenchStage(name: "read + extract") {
                var count = 0
                for file in sources { count &+= checksum(DockerfileExtractor.extract(file)) }
                return count
            },
            BenchStage(name: "SourceFile + read + extract") {
                var count = 0
                for input in inputs {
                    count &+= checksum(DockerfileExtractor.extract(SourceFile(path: input.path, bytes: input.bytes)))
                }
                return count
            },
        ]
        printRatios(stages, bytes: bytes, rounds: options.rounds)
        return 0
    }

    /// What was found: occurrences, their positions, diagnostics.
    static func checksum(_ extraction: Extraction) -> Int {
        extraction.occurrences.reduce(extraction.diagnostics.count) { $0 &+ $1.location.span.end &+ $1.unresolved.count }
    }
}
