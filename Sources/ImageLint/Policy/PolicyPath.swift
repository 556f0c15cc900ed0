/// Lexical path arithmetic on `/`-separated paths, for resolving `extends`
/// entries and making paths relative to a policy's folder, on top of the
/// workspace's ``DisplayPath``. No I/O and no symlink resolution: paths are
/// compared as written after `.`/`..` folding.
enum PolicyPath {
    /// `path` made absolute against `directory` and folded.
    static func absolute(_ path: String, from directory: String) -> String {
        DisplayPath.absolute(path, in: directory)
    }

    /// Folds `.`, `..` and repeated slashes; keeps a leading `/`.
    static func normalize(_ path: String) -> String {
        DisplayPath.normalize(path)
    }

    /// The folder holding `path` (`.` for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `path` relative to `base` when it is inside it (both absolute and
    /// folded); nil when it is outside.
    static func relative(_ path: String, to base: String) -> String? {
        // On bytes: paths are compared as written, and this runs for every
        // file of a run.
        let bytes = path.utf8
        if base == "/" { return path == "/" ? "" : String(Substring(bytes.dropFirst())) }
        if path == base { return "" }
        let prefix = base.utf8
        guard bytes.count >= prefix.count + 1, bytes.starts(with: prefix),
              bytes[bytes.index(bytes.startIndex, offsetBy: prefix.count)] == UInt8(ascii: "/")
        else { return nil }
        return String(Substring(bytes.dropFirst(prefix.count + 1)))
    }

    /// `path` relative to `base` with `..` where needed, for display.
    static func display(_ path: String, from base: String) -> String {
        if let inside = relative(path, to: base) { return inside.isEmpty ? "." : inside }
        let from = base.split(separator: "/")
        let to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/")
    }
}
