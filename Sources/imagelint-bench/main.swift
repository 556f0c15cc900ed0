// imagelint-bench: release-build benchmarks, one per concern.
//
//   swift run -c release imagelint-bench <name> [options]
//
// Each benchmark prints medians over several rounds. Never a timed test.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let benchmarks: [String: (ArraySlice<String>) -> Int32] = [
    "yaml": YAMLBench.run,
]

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    print("usage: imagelint-bench <\(benchmarks.keys.sorted().joined(separator: "|"))> [options]")
    exit(2)
}
exit(benchmark(arguments.dropFirst()))
