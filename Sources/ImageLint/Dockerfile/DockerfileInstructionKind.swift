/// The instructions BuildKit knows; anything else is ``unknown`` (parsed,
/// then rejected by BuildKit as "unknown instruction").
public enum DockerfileInstructionKind: String, Sendable, Hashable, CaseIterable {
    case add, arg, cmd, copy, entrypoint, env, expose, from, healthcheck, label
    case maintainer, onbuild, run, shell, stopsignal, user, volume, workdir
    case unknown

    /// The kind of a keyword, compared case-insensitively without building
    /// a String (this runs once per instruction).
    static func of(_ bytes: [UInt8], _ start: Int, _ end: Int) -> DockerfileInstructionKind {
        let count = end - start
        guard count >= 3, count <= 11 else { return .unknown }
        // Pack the lowercased keyword into an integer: at most 11 ASCII letters.
        var packed: UInt64 = 0
        var high: UInt32 = 0
        for i in start..<end {
            let b = bytes[i]
            guard (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) else { return .unknown }
            let lower = b | 0x20
            if i - start < 8 {
                packed |= UInt64(lower) << (8 * UInt64(i - start))
            } else {
                high |= UInt32(lower) << (8 * UInt32(i - start - 8))
            }
        }
        return table[Key(packed: packed, high: high)] ?? .unknown
    }

    private struct Key: Hashable {
        var packed: UInt64
        var high: UInt32
    }

    private static let table: [Key: DockerfileInstructionKind] = {
        var table: [Key: DockerfileInstructionKind] = [:]
        for kind in allCases where kind != .unknown {
            var packed: UInt64 = 0
            var high: UInt32 = 0
            for (i, b) in kind.rawValue.utf8.enumerated() {
                if i < 8 { packed |= UInt64(b) << (8 * UInt64(i)) } else { high |= UInt32(b) << (8 * UInt32(i - 8)) }
            }
            table[Key(packed: packed, high: high)] = kind
        }
        return table
    }()

    /// Instructions whose shell form may carry here-documents.
    public var acceptsHeredocs: Bool { self == .run || self == .copy || self == .add }

    /// Instructions whose arguments may be a JSON array (exec form).
    public var acceptsJSONForm: Bool {
        switch self {
        case .run, .cmd, .entrypoint, .shell, .add, .copy, .volume: true
        default: false
        }
    }
}
