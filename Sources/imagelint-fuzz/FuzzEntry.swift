#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if FUZZING
/// The target named by `IMAGELINT_FUZZ_TARGET`.
let environmentTarget: FuzzTarget? = getenv("IMAGELINT_FUZZ_TARGET")
    .flatMap { FuzzTarget(rawValue: String(cString: $0)) }

/// libFuzzer's entry point: a violation is a crash, so the input is kept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = environmentTarget else {
        fatalError("set IMAGELINT_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue))")
    }
    let violations = target.violations(in: UnsafeBufferPointer(start: data, count: size))
    if !violations.isEmpty {
        fatalError(violations.joined(separator: "\n"))
    }
    return 0
}

/// libFuzzer's driver (in its runtime, with or without its own `main`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry point in fuzzing mode. SwiftPM links an executable
/// target with `main` aliased to `<module>_main`, so libFuzzer's own `main`
/// is never used; this one starts libFuzzer's driver instead.
@_cdecl("imagelint_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzTestOneInput)
}
#else
/// Built normally the harness is a replay tool; see ``FuzzReplay``.
@main
struct ImageLintFuzz {
    static func main() {
        exit(FuzzReplay.run(CommandLine.arguments))
    }
}
#endif
