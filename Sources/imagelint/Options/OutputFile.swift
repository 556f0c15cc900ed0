#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a whole file at once, without Foundation.
enum OutputFile {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// Writes `text` to `path`; with `exclusive`, fails if the file exists
    /// (so `init` never overwrites, even in a race).
    static func write(_ text: String, to path: String, exclusive: Bool = false) throws(Failure) {
        let flags = O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC)
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        FileStream(descriptor: descriptor).write(text)
    }
}
