/// The benchmarks, one file each. To add one: a case here and a type with
/// a `run(_:)` that builds its inputs and prints ``RoundTimings`` lines.
enum Benchmark: String, CaseIterable {
    /// `Reference.parse` and `Reference.parseNormalized` on a mixed list.
    case reference

    func run(_ options: BenchmarkOptions) {
        switch self {
        case .reference: ReferenceBenchmark.run(options)
        }
    }
}

/// Options shared by every benchmark.
struct BenchmarkOptions {
    /// How many timed rounds (after one warm-up round).
    var rounds = 7
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
            case "--inputs":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else { return nil }
                inputs = value
            default:
                return nil
            }
        }
    }
}
