/// Finds the policy file for a run when `--policy` is not given:
/// `.imagelint.yaml` or `.imagelint.yml`, looked for in the current folder
/// and then each parent, stopping at the repository root (the folder with
/// `.git`) or the file system root. Without one, the embedded `recommended`
/// preset applies.
public enum PolicyDiscovery {
    public static let fileNames = [".imagelint.yaml", ".imagelint.yml"]

    /// The absolute path of the policy file, or nil.
    /// - Parameters:
    ///   - directory: absolute folder to start from.
    ///   - exists: whether an absolute path exists (a file or a folder).
    public static func find(from directory: String, exists: (String) -> Bool) -> String? {
        var folder = PolicyPath.normalize(directory)
        while true {
            for name in fileNames {
                let candidate = folder == "/" ? "/" + name : folder + "/" + name
                if exists(candidate) { return candidate }
            }
            let isRepositoryRoot = exists(folder == "/" ? "/.git" : folder + "/.git")
            if isRepositoryRoot || folder == "/" { return nil }
            folder = PolicyPath.directory(of: folder)
        }
    }
}
