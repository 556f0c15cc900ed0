// imagelint-fuzz: one libFuzzer harness, several targets.
//
// Built with `-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING` it
// exports `LLVMFuzzerTestOneInput`; the target is chosen by the environment
// variable IMAGELINT_FUZZ_TARGET (see scripts/fuzz.sh). Built normally it is
// a replay tool, so crashing inputs become regression tests:
//
//   imagelint-fuzz <target> <file or folder>...

import Foundation

/// Every target: a name and a function that must not trap on any bytes.
let fuzzTargets: [String: @Sendable ([UInt8]) -> Void] = [
    "yaml": YAMLFuzzTarget.run,
]

#if FUZZING
private let selectedTarget: @Sendable ([UInt8]) -> Void = {
    let name = getenv("IMAGELINT_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = fuzzTargets[name] else {
        print("IMAGELINT_FUZZ_TARGET must be one of: \(fuzzTargets.keys.sorted().joined(separator: ", "))")
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget(bytes)
    return 0
}

/// libFuzzer's driver, for programs that have their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable's entry point under this name (and points
/// `main` at it), so the fuzzing build starts libFuzzer's driver from here.
@_cdecl("imagelint_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzTestOneInput(data, size) }
}
#else
@main
enum FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = fuzzTargets[name], arguments.count > 1 else {
            print("usage: imagelint-fuzz <\(fuzzTargets.keys.sorted().joined(separator: "|"))> <file or folder>...")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            for file in inputFiles(path) {
                guard let bytes = readBytes(file) else { continue }
                target(bytes)
                count += 1
            }
        }
        print("\(name): \(count) inputs replayed, no crash")
    }

    /// The file itself, or every file in the folder (not recursive).
    static func inputFiles(_ path: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [path] }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }

    static func readBytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }
}
#endif
