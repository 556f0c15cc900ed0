/// Reads the companion files of the files a run loads (see
/// ``CompanionFiles``), each companion once per run.
struct CompanionLoader {
    let fileExists: @Sendable (String) -> Bool
    /// Companions read so far, by system path (nil: absent or unreadable).
    private var cache: [String: SourceFile?] = [:]

    init(fileExists: @escaping @Sendable (String) -> Bool) {
        self.fileExists = fileExists
    }

    mutating func companions(of file: WorkspaceFile, kind: FileKind) -> CompanionFiles {
        switch kind {
        case .compose:
            return CompanionFiles(dotEnv: read(near: file, name: ".env", levels: 1))
        case .helmValues:
            return CompanionFiles(chart: read(near: file, name: "Chart.yaml", levels: 2))
        case .dockerfile, .kustomize, .kubernetes, .githubActions, .gitlabCI:
            return CompanionFiles()
        }
    }

    /// `name` in the file's folder, or (with `levels: 2`) the folder above:
    /// the first that exists, its display path built the same way.
    private mutating func read(near file: WorkspaceFile, name: String, levels: Int) -> SourceFile? {
        var system = parentFolder(file.systemPath)
        var display = parentFolder(file.path)
        for _ in 0..<levels {
            let candidate = joinPath(system, name)
            if let cached = cache[candidate] {
                if let cached { return cached }
            } else if fileExists(candidate), let bytes = try? FileSystem.read(candidate) {
                let source = SourceFile(path: joinPath(display, name), bytes: bytes)
                cache[candidate] = .some(source)
                return source
            } else {
                cache[candidate] = .some(nil)
            }
            guard !system.isEmpty, system != "/" else { return nil }
            system = parentFolder(system)
            display = display.isEmpty || display == "." ? ".." : parentFolder(display).isEmpty ? "" : parentFolder(display)
        }
        return nil
    }
}
