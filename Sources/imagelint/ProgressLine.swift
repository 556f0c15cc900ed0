import Dispatch
import ImageLint
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `checking 1234/10000 files` on standard error while a long run goes on,
/// redrawn in place ten times a second from one second in, erased at the
/// end. Only on a terminal: never when standard error is a pipe or a file,
/// when `CI` is set, or with `--quiet`.
final class ProgressLine: @unchecked Sendable {
    private let progress: WorkProgress
    private let queue = DispatchQueue(label: "imagelint.progress")
    private let timer: any DispatchSourceTimer
    /// Touched on `queue` only.
    private var shown = false

    /// Whether a progress line may be shown at all: standard error is a
    /// terminal, `CI` is not set, no `--quiet`.
    static func isWanted(quiet: Bool) -> Bool {
        isWanted(quiet: quiet, standardErrorIsTerminal: isatty(2) != 0, ciVariable: getenv("CI").map { String(cString: $0) })
    }

    static func isWanted(quiet: Bool, standardErrorIsTerminal: Bool, ciVariable: String?) -> Bool {
        !quiet && standardErrorIsTerminal && ciVariable == nil
    }

    init(progress: WorkProgress) {
        self.progress = progress
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .seconds(1), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// Stops drawing and erases the line; nothing is drawn afterwards.
    func stop() {
        queue.sync {
            timer.cancel()
            if shown { FileStream.standardError.write("\r\u{1B}[K") }
            shown = false
        }
    }

    private func draw() {
        shown = true
        FileStream.standardError.write("\rchecking \(progress.finished)/\(progress.total) files\u{1B}[K")
    }
}
