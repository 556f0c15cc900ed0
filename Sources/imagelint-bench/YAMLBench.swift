import CYAML
import ImageLint

/// `imagelint-bench yaml --corpus DIR [--rounds N] [--only STAGE | --extract-only]`
///
/// Loads every *.yml/*.yaml file under DIR into memory, then times,
/// single-threaded (thread CPU time, rounds interleaved): (a) libyaml's bare event parse (parse and delete every
/// event, nothing else), (b) imagelint's YAML reader building documents
/// with spans (files already loaded as `SourceFile`s, whose line index is
/// shared by every reader of a file), and (c) the same including building
/// the `SourceFile`. Prints medians and the ratios to (a).
///
/// Then "read + extract" per group of file kinds (``YAMLExtractBench``),
/// each against libyaml on the same files.
/// Generate a corpus with the shared generator, e.g.
/// `python3 gen-corpus.py --files 10000 --out /tmp/c`.
enum YAMLBench {
    static func run(_ arguments: ArraySlice<String>) -> Int32 {
        var corpus: String?
        var rounds = 7
        var only: Int?
        var extractOnly = false
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--corpus": corpus = iterator.next()
            case "--rounds": rounds = iterator.next().flatMap { Int($0) } ?? rounds
            // Runs one stage only (0-based), e.g. under a profiler.
            case "--only": only = iterator.next().flatMap { Int($0) }
            // Runs the read + extract groups only (profiling extractors).
            case "--extract-only": extractOnly = true
            default:
                print("unknown option \(argument)")
                return 2
            }
        }
        guard let corpus else {
            print("usage: imagelint-bench yaml --corpus DIR [--rounds N] [--only STAGE]")
            return 2
        }
        if extractOnly {
            YAMLExtractBench.run(corpus: corpus, rounds: rounds)
            return 0
        }
        let loaded = loadFiles(under: corpus, suffixes: [".yml", ".yaml"])
        let totalBytes = loaded.reduce(0) { $0 + $1.bytes.count }
        let files = loaded.map { SourceFile(path: $0.path, bytes: $0.bytes) }
        print("yaml: \(files.count) files, \(totalBytes) bytes; median thread CPU time of \(rounds) interleaved rounds")

        let stages = [
            BenchStage(name: "libyaml events (baseline)") {
                var events = 0
                for file in files { events += bareParse(file.bytes) }
                return events
            },
            BenchStage(name: "YAMLReader.read") {
                var nodes = 0
                for file in files { nodes += nodeCount(YAMLReader.read(file)) }
                return nodes
            },
            BenchStage(name: "SourceFile + YAMLReader.read") {
                var nodes = 0
                for file in loaded { nodes += nodeCount(YAMLReader.read(SourceFile(path: file.path, bytes: file.bytes))) }
                return nodes
            },
        ]
        if let only, stages.indices.contains(only) {
            let (seconds, checksum) = measure([stages[only]], rounds: rounds)[0]
            print("  \(stages[only].name): \(format(seconds)) (checksum \(checksum))")
            return 0
        }
        printRatios(stages, bytes: totalBytes, rounds: rounds)
        YAMLExtractBench.run(corpus: corpus, rounds: rounds)
        return 0
    }

    /// Parses `bytes` with libyaml and does nothing with the events.
    static func bareParse(_ bytes: [UInt8]) -> Int {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) != 0 else { return 0 }
        defer { yaml_parser_delete(parser) }
        var count = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            yaml_parser_set_input_string(parser, base, buffer.count)
            while yaml_parser_parse(parser, event) != 0 {
                count += 1
                let done = event.pointee.type == YAML_STREAM_END_EVENT
                yaml_event_delete(event)
                if done { break }
            }
        }
        return count
    }

    /// A checksum of what was read: documents, diagnostics, root extents.
    static func nodeCount(_ stream: YAMLStream) -> Int {
        stream.documents.reduce(stream.diagnostics.count) { count, document in
            count + (document.root?.span.end ?? 0) + 1
        }
    }
}
