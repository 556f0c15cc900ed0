/// The benchmarks, one file each. To add one: a case here and a type with
/// a `run(_:)` that builds its inputs and prints ``RoundTimings`` lines.
enum Benchmark: String, CaseIterable {
    /// `Reference.parse` and `Reference.parseNormalized` on a mixed list.
    case reference
    /// The YAML reader against libyaml's bare event parse of the same bytes.
    case yaml
    /// The rule engine, default and heavy policies, against parsing alone.
    case policy
    /// The floor a whole `check` run is compared with: walk a folder, read
    /// every file, run libyaml's event parser over the YAML ones.
    case floor
    /// The Dockerfile reader and extractor over the Dockerfiles of a folder.
    case dockerfile

    /// Runs the benchmark with its command-line options; returns the exit status.
    func run(_ arguments: ArraySlice<String>) -> Int32 {
        switch self {
        case .reference:
            guard let options = BenchmarkOptions(arguments) else { return Benchmark.usage() }
            ReferenceBenchmark.run(options)
            return 0
        case .yaml:
            return YAMLBench.run(arguments)
        case .policy:
            guard let options = BenchmarkOptions(arguments) else { return Benchmark.usage() }
            PolicyBenchmark.run(options)
            return 0
        case .floor:
            guard let options = BenchmarkOptions(arguments) else { return Benchmark.usage() }
            FloorBenchmark.run(options)
            return 0
        case .dockerfile:
            guard let options = BenchmarkOptions(arguments) else { return Benchmark.usage() }
            return DockerfileBench.run(options)
        }
    }

    /// Prints the usage line; returns the usage-error status.
    static func usage() -> Int32 {
        let names = Benchmark.allCases.map(\.rawValue).joined(separator: "|")
        print("usage: imagelint-bench \(names) [options]")
        return 2
    }
}

/// Options shared by every benchmark.
struct BenchmarkOptions {
    /// How many timed rounds (after one warm-up round).
    var rounds = 7
    /// Threads, for benchmarks that can use several (`--threads N`).
    var threads = 1
    /// Do the work once, untimed, and print only a checksum line: for
    /// timing whole processes with hyperfine (`--once`).
    var once = false
    /// The folder a benchmark reads (`floor`, `dockerfile`).
    var path: String?
    /// How many inputs, for benchmarks whose inputs are generated; nil for
    /// the benchmark's default.
    var inputs: Int?

    init?(_ arguments: ArraySlice<String>) {
        var remaining = arguments
        while let argument = remaining.popFirst() {
            switch argument {
            case "--rounds":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else { return nil }
                rounds = value
            case "--threads":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else { return nil }
                threads = value
            case "--once":
                once = true
            case "--inputs":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else { return nil }
                inputs = value
            default:
                guard path == nil, !argument.hasPrefix("-") else { return nil }
                path = argument
            }
        }
    }
}
