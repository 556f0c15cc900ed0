/// The patterns of one `.gitignore` file, for paths below its folder.
public struct GitIgnore: Sendable {
    public let patterns: [GitIgnorePattern]

    public init(patterns: [GitIgnorePattern]) {
        self.patterns = patterns
    }

    /// Parses the text of a `.gitignore` file.
    public init(text: String) {
        // Split on line-feed bytes: a String sees "\r\n" as one character.
        self.patterns = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true).compactMap {
            GitIgnorePattern(line: Substring($0))
        }
    }

    /// What this file says about `path` (relative to its folder): true for
    /// ignored, false for re-included by a `!` pattern, nil when no pattern
    /// matches. The last matching pattern decides.
    public func decision(_ path: [UInt8], isDirectory: Bool) -> Bool? {
        for pattern in patterns.reversed() where pattern.matches(path, isDirectory: isDirectory) {
            return !pattern.negated
        }
        return nil
    }
}

/// The `.gitignore` files in effect at some folder: each with the path of
/// its folder, outermost first. The innermost file with an opinion wins.
public struct GitIgnoreStack: Sendable {
    public struct Level: Sendable {
        /// The folder of the `.gitignore`, relative to the walk root
        /// (empty for the root; `..`-relative for files above it).
        public var folder: [UInt8]
        public var ignore: GitIgnore
    }

    public private(set) var levels: [Level] = []

    public init() {}

    public mutating func push(folder: String, ignore: GitIgnore) {
        levels.append(Level(folder: Array(folder.utf8), ignore: ignore))
    }

    public mutating func pop() {
        levels.removeLast()
    }

    /// Whether `path` (relative to the walk root, or to the repository
    /// root for levels above it: each level stores a prefix) is ignored.
    public func isIgnored(_ path: [UInt8], isDirectory: Bool) -> Bool {
        for level in levels.reversed() {
            var relative = path[...]
            if !level.folder.isEmpty {
                guard path.count > level.folder.count, path.starts(with: level.folder), path[level.folder.count] == UInt8(ascii: "/") else { continue }
                relative = path[(level.folder.count + 1)...]
            }
            if let decision = level.ignore.decision(Array(relative), isDirectory: isDirectory) { return decision }
        }
        return false
    }
}
