/// Turns the paths of a run into source files of known kinds: walks them,
/// reads each file, skips binary files and files of no known kind.
public struct Workspace: Sendable {
    public var walker: FileWalker

    public init(walker: FileWalker = FileWalker()) {
        self.walker = walker
    }

    /// A file ready for its extractor.
    public struct LoadedFile: Sendable {
        public var source: SourceFile
        public var kind: FileKind
        /// The files its extractor also reads (a compose file's `.env`, a
        /// values file's `Chart.yaml`).
        public var companions = CompanionFiles()
    }

    /// What the run should tell the user about a path it did not use.
    public struct Note: Sendable, Hashable {
        public var path: String
        public var message: String
    }

    public struct Contents: Sendable {
        public var files: [LoadedFile] = []
        /// Paths that could not be read (the run must exit with 2).
        public var failures: [FileSystem.Failure] = []
        /// Paths skipped on purpose (binary, unknown kind).
        public var notes: [Note] = []
    }

    /// How many leading bytes are searched for a NUL to call a file binary.
    public static let binaryProbeLength = 8 * 1024

    /// - Parameter selects: decides from a file's display path whether it is
    ///   read at all (a policy's `files:` include/exclude), so excluded files
    ///   cost nothing.
    public func load(
        _ paths: [String], kind forced: FileKind? = nil, currentDirectory: String,
        selects: (String) -> Bool = { _ in true }
    ) -> Contents {
        let collected = walker.collect(paths, kind: forced, currentDirectory: currentDirectory)
        var companionLoader = CompanionLoader(fileExists: walker.detector.fileExists)
        var contents = Contents()
        contents.failures = collected.failures
        for file in collected.files where selects(file.path) {
            switch load(file, kind: forced, companions: &companionLoader) {
            case .file(let loaded): contents.files.append(loaded)
            case .failure(let failure): contents.failures.append(failure)
            case .note(let note): contents.notes.append(note)
            case .skipped: continue
            }
        }
        return contents
    }

    /// What reading one walked file gave.
    public enum Loaded: Sendable {
        case file(LoadedFile)
        /// It could not be read.
        case failure(FileSystem.Failure)
        /// Not used, for a reason the user should see (binary, unknown kind of an explicit file).
        case note(Note)
        /// Not used, silently (a walked file of no known kind).
        case skipped
    }

    /// Reads one file of ``FileWalker/collect(_:kind:currentDirectory:)``
    /// and decides its kind: the step a parallel run does per file.
    public func load(_ file: WorkspaceFile, kind forced: FileKind? = nil) -> Loaded {
        var companions = CompanionLoader(fileExists: walker.detector.fileExists)
        return load(file, kind: forced, companions: &companions)
    }

    /// As ``load(_:kind:)``, reading each companion file once for all
    /// the files loaded through the same `companions`.
    func load(_ file: WorkspaceFile, kind forced: FileKind?, companions: inout CompanionLoader) -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(file.systemPath)
        } catch {
            return .failure(FileSystem.Failure(path: file.path, reason: error.reason))
        }
        return classify(file, bytes: bytes, kind: forced, companions: &companions)
    }

    /// The kind of `file` with content `bytes` (also for text that did not
    /// come from the disk, such as an editor's buffer on standard input).
    public func classify(_ file: WorkspaceFile, bytes: [UInt8], kind forced: FileKind? = nil) -> Loaded {
        var companions = CompanionLoader(fileExists: walker.detector.fileExists)
        return classify(file, bytes: bytes, kind: forced, companions: &companions)
    }

    func classify(_ file: WorkspaceFile, bytes: [UInt8], kind forced: FileKind?, companions: inout CompanionLoader) -> Loaded {
        if Workspace.isBinary(bytes) {
            return .note(Note(path: file.path, message: "binary file skipped"))
        }
        let detector = walker.detector
        // A nil kind means the name rules already said nothing (the walk
        // asked them): only the content is left to look at.
        let kind = file.kind
            ?? detector.kind(byContentOf: file.path, systemPath: file.systemPath, content: bytes, explicit: file.isExplicit)
        guard let kind, forced == nil || kind == forced else {
            if file.isExplicit {
                return .note(Note(path: file.path, message: "not a file kind imagelint reads (use --kind to choose one)"))
            }
            return .skipped
        }
        let companionFiles = companions.companions(of: file, kind: kind)
        return .file(LoadedFile(source: SourceFile(path: file.path, bytes: bytes), kind: kind, companions: companionFiles))
    }

    /// A NUL byte among the first ``binaryProbeLength`` bytes.
    public static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(binaryProbeLength).contains(0)
    }
}
