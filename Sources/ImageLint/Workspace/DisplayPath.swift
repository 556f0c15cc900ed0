/// Paths as reports show them: relative to the current folder when they
/// are below it, lexically normalised (`./a//b/../c` is `a/c`).
public enum DisplayPath {
    /// `path` without `.` segments, doubled slashes or resolvable `..`.
    public static func normalize(_ path: String) -> String {
        isNormal(path) ? path : folded(path)
    }

    /// The folding of ``normalize(_:)`` for paths that need it.
    static func folded(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether `path` is already normal: not empty, no empty, `.` or `..`
    /// segment, no trailing slash (except `/` itself). Every file of a walk
    /// passes here, so this is one pass over the bytes.
    static func isNormal(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var segmentLength = 0
        var dotsOnly = true
        var count = 0
        for byte in path.utf8 {
            count += 1
            if byte == slash {
                // An empty segment (`//`, or a trailing `/` found below) or a `.`/`..` one.
                if count > 1, segmentLength == 0 || (dotsOnly && segmentLength <= 2) { return false }
                segmentLength = 0
                dotsOnly = true
            } else {
                segmentLength += 1
                if byte != dot { dotsOnly = false }
            }
        }
        if count == 0 { return false }
        if count == 1 { return true }
        return segmentLength > 0 && !(dotsOnly && segmentLength <= 2)
    }

    /// `path` made absolute against `directory` and normalised.
    public static func absolute(_ path: String, in directory: String) -> String {
        normalize(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// How to show `path`: relative to `directory` when below it.
    public static func display(_ path: String, relativeTo directory: String) -> String {
        let normalized = normalize(path)
        guard normalized.hasPrefix("/") else { return normalized }
        let base = normalize(directory)
        if normalized == base { return "." }
        let prefix = base == "/" ? "/" : base + "/"
        if normalized.hasPrefix(prefix) { return String(normalized.dropFirst(prefix.count)) }
        return normalized
    }

    /// `name` inside folder `folder` (either may be `.`).
    public static func join(_ folder: String, _ name: String) -> String {
        if folder == "." || folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
