#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `imagelint-bench NAME [--rounds N] [--inputs N]`: runs one benchmark and prints
/// medians. Always build with `-c release`.
@main
struct BenchmarkMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let benchmark = Benchmark(rawValue: name) else {
            exit(Benchmark.usage())
        }
        #if DEBUG
        print("warning: this is a debug build; use `swift run -c release imagelint-bench`")
        #endif
        exit(benchmark.run(arguments.dropFirst()))
    }
}
