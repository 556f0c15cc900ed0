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
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(file.systemPath)
            } catch {
                contents.failures.append(FileSystem.Failure(path: file.path, reason: error.reason))
                continue
            }
            if Workspace.isBinary(bytes) {
                contents.notes.append(Note(path: file.path, message: "binary file skipped"))
                continue
            }
            let detector = walker.detector
            let kind = file.kind
                ?? (file.isExplicit
                    ? detector.kind(forExplicitPath: file.path, systemPath: file.systemPath, content: bytes)
                    : detector.kind(forWalkedPath: file.path, systemPath: file.systemPath, content: bytes))
            guard let kind, forced == nil || kind == forced else {
                if file.isExplicit {
                    contents.notes.append(Note(path: file.path, message: "not a file kind imagelint reads (use --kind to choose one)"))
                }
                continue
            }
            let companions = companionLoader.companions(of: file, kind: kind)
            contents.files.append(LoadedFile(source: SourceFile(path: file.path, bytes: bytes), kind: kind, companions: companions))
        }
        return contents
    }

    /// A NUL byte among the first ``binaryProbeLength`` bytes.
    public static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(binaryProbeLength).contains(0)
    }
}
