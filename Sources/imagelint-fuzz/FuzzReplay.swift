#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replay mode: runs input files through a target, as regression tests do.
///
///     imagelint-fuzz TARGET FILE...
enum FuzzReplay {
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            print("usage: imagelint-fuzz \(names) FILE...")
            return 2
        }
        var failed = false
        for path in arguments.dropFirst(2) {
            guard let bytes = readFile(path) else {
                print("\(path): cannot read")
                failed = true
                continue
            }
            let violations = bytes.withUnsafeBufferPointer { target.violations(in: $0) }
            for violation in violations { print("\(path): \(violation)") }
            failed = failed || !violations.isEmpty
        }
        return failed ? 1 : 0
    }

    /// The bytes of the file at `path`, or nil.
    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0 ..< count])
        }
    }
}
