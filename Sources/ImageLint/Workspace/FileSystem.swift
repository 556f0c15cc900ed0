#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// The few file-system calls the workspace needs, on POSIX directly (no
/// Foundation on the path every file takes).
public enum FileSystem {
    public enum EntryType: Sendable {
        case file, directory, other
    }

    /// A failed call, with the system's reason.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    static func reason(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }

    /// What `path` is, following symbolic links; nil when it does not exist.
    public static func type(of path: String) throws(Failure) -> EntryType {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Failure(path: path, reason: reason(errno)) }
        return entryType(info.st_mode)
    }

    private static func entryType(_ mode: mode_t) -> EntryType {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        default: .other
        }
    }

    /// The entries of a folder (without `.` and `..`), sorted by name
    /// bytes; a symbolic link to a folder is reported as `.other` so walks
    /// never loop.
    public static func entries(of path: String) throws(Failure) -> [(name: String, type: EntryType)] {
        guard let directory = opendir(path) else { throw Failure(path: path, reason: reason(errno)) }
        defer { closedir(directory) }
        var result: [(name: String, type: EntryType)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            // The entry's type from the folder itself when the file system
            // gives it (most do): no `lstat` per entry.
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG):
                result.append((name, .file))
                continue
            case Int32(DT_DIR):
                result.append((name, .directory))
                continue
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                break
            default:
                result.append((name, .other))
                continue
            }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else {
                result.append((name, .other))
                continue
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                // Follow links to files only.
                var target = stat()
                if stat(full, &target) == 0, target.st_mode & S_IFMT == S_IFREG {
                    result.append((name, .file))
                } else {
                    result.append((name, .other))
                }
                continue
            }
            result.append((name, entryType(info.st_mode)))
        }
        result.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return result
    }

    /// The whole content of a file.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(path: path, reason: reason(errno)) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw Failure(path: path, reason: reason(EISDIR))
        }
        // Read straight into an array of the file's size (no zero-filled
        // chunk, no copy); what reports no size (a pipe, /proc) or comes
        // up short is read on in chunks.
        let expected = max(0, Int(info.st_size))
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            while count < expected, let base = buffer.baseAddress {
                let got = systemRead(descriptor, base + count, expected - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
        if failure != 0 { throw Failure(path: path, reason: reason(failure)) }
        if expected > 0, bytes.count == expected, info.st_mode & S_IFMT == S_IFREG { return bytes }
        var chunk = [UInt8](repeating: 0, count: expected == 0 ? 64 * 1024 : 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: reason(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// The process's current folder.
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
