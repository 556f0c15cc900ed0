/// Hard limits that keep the YAML reader and walkers safe on hostile input.
/// Each limit reached is reported as a positioned diagnostic, never a crash,
/// hang or runaway memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Files larger than this are not read at all (`yaml-file-too-large`,
    /// a warning: the file is reported as skipped). At most 4 GiB - 1.
    public var maxFileSize: Int
    /// Collections nested deeper than this stop the read (`yaml-depth-limit`);
    /// walks stop descending at this effective depth (aliases included).
    public var maxDepth: Int
    /// Nodes per stream, counting merged pairs (`yaml-node-limit`).
    public var maxNodes: Int
    /// Nodes a walk may visit through aliases and merge keys, per walk
    /// (`yaml-alias-limit`): billion-laughs protection. Look-ups that follow
    /// one alias at a time are not counted (they cannot expand).
    public var maxAliasExpansion: Int

    public init(maxFileSize: Int = 8 << 20, maxDepth: Int = 256, maxNodes: Int = 1_000_000, maxAliasExpansion: Int = 100_000) {
        self.maxFileSize = min(max(0, maxFileSize), Int(UInt32.max - 1))
        self.maxDepth = max(1, maxDepth)
        self.maxNodes = min(max(1, maxNodes), Int(UInt32.max - 2))
        self.maxAliasExpansion = max(0, maxAliasExpansion)
    }

    public static let `default` = YAMLLimits()
}
