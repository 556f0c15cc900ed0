#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One thing to time.
struct BenchStage {
    let name: String
    /// Runs the stage once over the whole input; returns a checksum so the
    /// work cannot be optimised away (and stages can be compared).
    let run: () -> Int
}

/// Runs every stage once per round, interleaved (so load from other
/// processes hits all stages alike), after one warm-up round; returns each
/// stage's median CPU time of this thread in seconds, and its checksum.
func measure(_ stages: [BenchStage], rounds: Int) -> [(seconds: Double, checksum: Int)] {
    var times = Array(repeating: [Double](), count: stages.count)
    var checksums = stages.map { $0.run() }
    for _ in 0..<max(1, rounds) {
        for (i, stage) in stages.enumerated() {
            let start = threadCPUTime()
            checksums[i] = stage.run()
            times[i].append(threadCPUTime() - start)
        }
    }
    return times.indices.map { i in
        let sorted = times[i].sorted()
        return (sorted[sorted.count / 2], checksums[i])
    }
}

/// CPU time used by the calling thread, in seconds (not wall time: other
/// processes on a shared machine do not count).
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Every regular file under `root` whose name ends with one of `suffixes`,
/// sorted by path, with its bytes.
func loadFiles(under root: String, suffixes: [String]) -> [(path: String, bytes: [UInt8])] {
    var result: [(String, [UInt8])] = []
    var pending = [root]
    while let folder = pending.popLast() {
        guard let directory = opendir(folder) else { continue }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                pending.append(path)
            } else if suffixes.contains(where: { name.hasSuffix($0) }), let bytes = readFile(path) {
                result.append((path, bytes))
            }
        }
    }
    return result.sorted { $0.0 < $1.0 }
}

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return bytes
}

func format(_ seconds: Double) -> String {
    let ms = (seconds * 10_000).rounded() / 10
    return "\(ms) ms"
}

/// Measures `stages` and prints each median with its throughput and its
/// ratio to the first stage (the baseline).
func printRatios(_ stages: [BenchStage], bytes: Int, rounds: Int) {
    var baseline: Double?
    for (stage, (seconds, checksum)) in zip(stages, measure(stages, rounds: rounds)) {
        let ratio = baseline.map { " \(((seconds / $0) * 100).rounded() / 100)x" } ?? ""
        let throughput = (Double(bytes) / seconds / 1_048_576).rounded()
        print("  \(stage.name): \(format(seconds)) (\(Int(throughput)) MiB/s, checksum \(checksum))\(ratio)")
        if baseline == nil { baseline = seconds }
    }
}
