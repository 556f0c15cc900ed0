import Testing
@testable import imagelint

@Suite("Exit status")
struct ExitStatusTests {
    @Test func helpExitsZero() {
        #expect(runImageLint(["--help"]) == 0)
    }

    @Test func versionExitsZero() {
        #expect(runImageLint(["--version"]) == 0)
    }

    @Test(arguments: [["--no-such-option"], ["no-such-command", "x"]])
    func usageErrorsExitTwo(_ arguments: [String]) {
        #expect(runImageLint(arguments) == 2)
    }
}
