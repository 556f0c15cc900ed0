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

extension OutputFile {
    /// Replaces the file at `path` with `text` so that no reader ever sees
    /// part of it: the text goes to a temporary file in the same folder
    /// (same file system, so the rename is atomic), which is then renamed
    /// over `path`. On any failure the temporary file is removed and `path`
    /// is left as it was.
    ///
    /// A path that is not a regular file (`/dev/null`, `/dev/stdout`, a
    /// named pipe) or is a symbolic link is written in place instead, so the
    /// device or the link is never replaced by a file.
    static func replace(_ text: String, at path: String) throws(Failure) {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            try write(text, to: path)
            return
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw Failure(path: path, reason: "not a file name") }
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).imagelint-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        var failure: Int32 = 0
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, base + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw Failure(path: path, reason: String(cString: strerror(failure)))
        }
    }
}
