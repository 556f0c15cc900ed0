/// Paths as reports show them: relative to the current folder when they
/// are below it, lexically normalised (`./a//b/../c` is `a/c`).
public enum DisplayPath {
    /// `path` without `.` segments, doubled slashes or resolvable `..`.
    public static func normalize(_ path: String) -> String {
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
