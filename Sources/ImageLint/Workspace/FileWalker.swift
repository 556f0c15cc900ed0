/// A file the workspace will read.
public struct WorkspaceFile: Sendable, Hashable {
    /// The path as reports show it.
    public var path: String
    /// The path to open.
    public var systemPath: String
    /// The kind, when the name (or `--kind`) decided it; nil when the
    /// content must decide.
    public var kind: FileKind?
    /// Named on the command line (content rules for explicit files apply).
    public var isExplicit: Bool

    public init(path: String, systemPath: String, kind: FileKind?, isExplicit: Bool) {
        self.path = path
        self.systemPath = systemPath
        self.kind = kind
        self.isExplicit = isExplicit
    }
}

/// Walks the paths given on the command line: files are taken as they are,
/// folders recursively, skipping `.git` and whatever `.gitignore` files
/// (at every level, and above the folder up to the repository root) say.
/// The result is sorted by path, so output never depends on the order the
/// file system lists entries.
public struct FileWalker: Sendable {
    public var detector: FileKindDetector

    public init(detector: FileKindDetector = FileKindDetector()) {
        self.detector = detector
    }

    public struct Result: Sendable {
        public var files: [WorkspaceFile] = []
        public var failures: [FileSystem.Failure] = []
    }

    /// The files under `paths`; `kind` forces the kind of files named
    /// explicitly and limits a folder walk to files of that kind. With
    /// `jobs` above one, the subfolders of each folder named are walked on
    /// that many threads (listing folders is a good part of a whole run,
    /// and the files cannot be checked before it ends).
    public func collect(_ paths: [String], kind forced: FileKind? = nil, currentDirectory: String, jobs: Int = 1) -> Result {
        var result = Result()
        var seen: Set<String> = []
        for path in paths {
            let absolute = DisplayPath.absolute(path, in: currentDirectory)
            let display = DisplayPath.display(path.hasPrefix("/") ? path : absolute, relativeTo: currentDirectory)
            let type: FileSystem.EntryType
            do {
                type = try FileSystem.type(of: absolute)
            } catch {
                result.failures.append(FileSystem.Failure(path: display, reason: error.reason))
                continue
            }
            switch type {
            case .file:
                if seen.insert(absolute).inserted {
                    result.files.append(WorkspaceFile(path: display, systemPath: absolute, kind: forced ?? detector.kind(forPath: display, systemPath: absolute), isExplicit: true))
                }
            case .directory:
                var stack = ignoresAbove(absolute)
                walk(absolute, display: display, relative: stack.prefix, ignores: &stack.ignores, forced: forced, seen: &seen, jobs: jobs, into: &result)
            case .other:
                result.failures.append(FileSystem.Failure(path: display, reason: "not a regular file or folder"))
            }
        }
        result.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return result
    }

    /// The `.gitignore` files of the folders above `folder` up to the
    /// repository root (the nearest folder with `.git`), and the path of
    /// `folder` relative to that root; none when there is no repository.
    private func ignoresAbove(_ folder: String) -> (ignores: GitIgnoreStack, prefix: [UInt8]) {
        var stack = GitIgnoreStack()
        var ancestors: [String] = []
        var current = folder
        var root: String?
        while true {
            if (try? FileSystem.type(of: DisplayPath.join(current, ".git"))) != nil {
                root = current
                break
            }
            guard current != "/", let slash = current.lastIndex(of: "/") else { break }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
            ancestors.append(current)
        }
        guard let root, root != folder else { return (stack, []) }
        let prefix = String(folder.dropFirst(root == "/" ? 1 : root.count + 1))
        // Outermost first: the root, then each folder down to the parent.
        for ancestor in ancestors.reversed() where ancestor.count >= root.count {
            let relative = ancestor == root ? "" : String(ancestor.dropFirst(root == "/" ? 1 : root.count + 1))
            if let text = try? FileSystem.read(DisplayPath.join(ancestor, ".gitignore")) {
                stack.push(folder: relative, ignore: GitIgnore(text: String(decoding: text, as: UTF8.self)))
            }
        }
        return (stack, Array(prefix.utf8))
    }

    private func walk(_ folder: String, display: String, relative: [UInt8], ignores: inout GitIgnoreStack, forced: FileKind?, seen: inout Set<String>, jobs: Int = 1, into result: inout Result) {
        let entries: [(name: String, type: FileSystem.EntryType)]
        do {
            entries = try FileSystem.entries(of: folder)
        } catch {
            result.failures.append(FileSystem.Failure(path: display, reason: error.reason))
            return
        }
        var pushed = false
        if entries.contains(where: { $0.name == ".gitignore" && $0.type == .file }),
           let text = try? FileSystem.read(DisplayPath.join(folder, ".gitignore")) {
            ignores.push(folder: String(decoding: relative, as: UTF8.self), ignore: GitIgnore(text: String(decoding: text, as: UTF8.self)))
            pushed = true
        }
        defer { if pushed { ignores.pop() } }
        var subfolders: [Subfolder] = []
        for entry in entries where entry.name != ".git" {
            let childRelative = relative.isEmpty ? Array(entry.name.utf8) : relative + [UInt8(ascii: "/")] + Array(entry.name.utf8)
            let childDisplay = DisplayPath.join(display, entry.name)
            let childPath = DisplayPath.join(folder, entry.name)
            switch entry.type {
            case .directory:
                if ignores.isIgnored(childRelative, isDirectory: true) { continue }
                if jobs > 1 {
                    subfolders.append(Subfolder(path: childPath, display: childDisplay, relative: childRelative))
                    continue
                }
                walk(childPath, display: childDisplay, relative: childRelative, ignores: &ignores, forced: forced, seen: &seen, into: &result)
            case .file:
                if ignores.isIgnored(childRelative, isDirectory: false) { continue }
                let kind = detector.kind(forPath: childDisplay, systemPath: childPath)
                let readsContent = kind == nil && detector.needsContent(forPath: childDisplay, forced: forced)
                if let forced, kind != forced, !readsContent { continue }
                guard kind != nil || readsContent else { continue }
                if seen.insert(childPath).inserted {
                    result.files.append(WorkspaceFile(path: childDisplay, systemPath: childPath, kind: kind, isExplicit: false))
                }
            case .other:
                continue
            }
        }
        guard !subfolders.isEmpty else { return }
        // Each subfolder on its own, from this folder's ignore rules; the
        // caller sorts the files, so the order they come back in is moot.
        let stack = ignores
        let folders = subfolders
        let walked = ConcurrentMap.map(count: folders.count, jobs: jobs) { index in
            let subfolder = folders[index]
            var ignores = stack
            var seen: Set<String> = []
            var part = Result()
            walk(subfolder.path, display: subfolder.display, relative: subfolder.relative, ignores: &ignores, forced: forced, seen: &seen, into: &part)
            return part
        }
        for part in walked {
            result.files += part.files.filter { seen.insert($0.systemPath).inserted }
            result.failures += part.failures
        }
    }

    /// A folder found by a walk, to be walked on another thread.
    private struct Subfolder: Sendable {
        var path: String
        var display: String
        var relative: [UInt8]
    }
}
