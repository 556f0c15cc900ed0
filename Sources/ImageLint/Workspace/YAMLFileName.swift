/// The lowercased name without its `.yml` / `.yaml` extension, or nil for
/// a name without one.
func yamlStem(_ fileName: String) -> Substring? {
    let lowered = fileName.lowercased()
    for suffix in [".yaml", ".yml"] where lowered.hasSuffix(suffix) && lowered.count > suffix.count {
        return Substring(lowered.dropLast(suffix.count))
    }
    return nil
}

/// The folder part of a `/`-separated path ("" for a bare name, "/" for a
/// file at the root).
func parentFolder(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// `folder/name`, or `name` when the folder is empty.
func joinPath(_ folder: String, _ name: String) -> String {
    folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
}
