import CYAML
import ImageLint
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `imagelint-bench floor FOLDER [--threads N] [--once]`: the least work
/// any checker must do on a tree: list it, read every file, and run
/// libyaml's event parser (no nodes built) over the YAML and JSON files.
/// `scripts/bench.sh` compares `imagelint check` with it.
///
/// With `--threads N` the files are shared out by ``ConcurrentMap``, as
/// `check --jobs N` does. With `--once` it does one pass and prints a
/// checksum line, for timing whole processes with hyperfine.
enum FloorBenchmark {
    static func run(_ options: BenchmarkOptions) {
        guard let folder = options.path else {
            print("usage: imagelint-bench floor FOLDER [--threads N] [--rounds N] [--once]")
            exit(2)
        }
        if options.once {
            let totals = pass(folder, threads: options.threads)
            print("floor: \(totals.files) files, \(totals.bytes) bytes, \(totals.yamlFiles) YAML files, \(totals.events) events")
            return
        }
        let totals = pass(folder, threads: options.threads)
        print("floor: \(totals.files) files, \(totals.bytes) bytes, \(totals.yamlFiles) YAML files, \(totals.events) events; \(options.threads) thread(s)")
        let timings = RoundTimings.measure(rounds: options.rounds, items: 1) { pass(folder, threads: options.threads).events }
        print(timings.line("floor", unit: "run"))
        print("floor median: \(timings.format(timings.median / 1e6)) ms")
    }

    struct Totals: Sendable {
        var files = 0
        var bytes = 0
        var yamlFiles = 0
        var events = 0
    }

    /// One pass over the tree.
    static func pass(_ folder: String, threads: Int) -> Totals {
        var listed: [String] = []
        list(folder, into: &listed)
        let paths = listed
        let perFile = ConcurrentMap.map(count: paths.count, jobs: threads) { index in
            visit(paths[index])
        }
        return perFile.reduce(into: Totals()) { sum, file in
            sum.files += 1
            sum.bytes += file.bytes
            sum.yamlFiles += file.yamlFiles
            sum.events += file.events
        }
    }

    /// Every regular file under `folder`, depth first, by `d_type` (no stat).
    static func list(_ folder: String, into paths: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): list(path, into: &paths)
            case Int32(DT_REG): paths.append(path)
            default: continue
            }
        }
    }

    /// Reads one file (one allocation of its size) and parses it if it is YAML.
    static func visit(_ path: String) -> Totals {
        var totals = Totals()
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return totals }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return totals }
        let size = Int(info.st_size)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var offset = 0
            while offset < size {
                let got = read(descriptor, buffer.baseAddress.map { $0 + offset }, size - offset)
                if got <= 0 { break }
                offset += got
            }
            count = offset
        }
        totals.bytes = bytes.count
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".json") {
            totals.yamlFiles = 1
            totals.events = events(bytes)
        }
        return totals
    }

    /// How many events libyaml reports before the stream ends or fails.
    static func events(_ bytes: [UInt8]) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else { return 0 }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var count = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) != 0 {
                count += 1
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { break }
            }
            return count
        }
    }
}
