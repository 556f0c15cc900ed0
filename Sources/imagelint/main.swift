import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the command line and maps every outcome onto exit codes 0, 1 and 2.
func runImageLint(_ arguments: [String]) -> Int32 {
    do {
        var command = try ImageLintCommand.parseAsRoot(arguments)
        try command.run()
        return ExitStatus.success.rawValue
    } catch {
        let code = ImageLintCommand.exitCode(for: error)
        if code == .success {
            print(ImageLintCommand.fullMessage(for: error))
            return ExitStatus.success.rawValue
        }
        if let exit = error as? ExitCode, [ExitStatus.findings.rawValue, ExitStatus.failure.rawValue].contains(exit.rawValue) {
            return exit.rawValue
        }
        let message = ImageLintCommand.fullMessage(for: error)
        if !message.isEmpty {
            FileStream.standardError.write(message + "\n")
        }
        return ExitStatus.failure.rawValue
    }
}

exit(runImageLint(Array(CommandLine.arguments.dropFirst())))
