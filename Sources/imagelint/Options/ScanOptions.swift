import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `check` reads its input: `--jobs`, `--stdin-filename`.
struct ScanOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Check this many files at a time (default: one per processor core). The output does not depend on it.", valueName: "n"))
    var jobs: Int?

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp(
        "Check standard input as if it were the file at this path: its kind from the name, the policy from its folder, positions reported for it (for editors).",
        valueName: "path"
    ))
    var stdinFilename: String?

    func validate() throws {
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs needs a number of at least 1")
        }
        if let stdinFilename, stdinFilename.isEmpty {
            throw ValidationError("--stdin-filename needs a path")
        }
    }

    /// `jobs`, else the number of online processors.
    static func effectiveJobs(_ jobs: Int?) -> Int {
        if let jobs { return jobs }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
