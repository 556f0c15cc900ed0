import ArgumentParser

/// imagelint's only exit codes.
///
/// A CI gate must never pass because the tool failed, and scripts should not
/// need to know swift-argument-parser's 64 for a usage error: everything
/// maps onto these three.
enum ExitStatus: Int32 {
    /// Nothing at or above the failure threshold.
    case success = 0
    /// Findings at or above the threshold, or an invalid input to `ref`.
    case findings = 1
    /// A usage error, a bad policy, unreadable input or an internal error.
    case failure = 2

    var exitCode: ExitCode { ExitCode(rawValue) }
}
