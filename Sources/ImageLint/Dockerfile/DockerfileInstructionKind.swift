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
        // The keywords packed the same way (little-endian, so the first
        // letter is the lowest byte: 0x6d6f7266 is "from"); a switch over
        // constants costs less than hashing into a table for every line.
        return switch (packed, high) {
        case (0x646461, 0): .add
        case (0x677261, 0): .arg
        case (0x646d63, 0): .cmd
        case (0x79706f63, 0): .copy
        case (0x696f707972746e65, 0x746e): .entrypoint
        case (0x766e65, 0): .env
        case (0x65736f707865, 0): .expose
        case (0x6d6f7266, 0): .from
        case (0x686368746c616568, 0x6b6365): .healthcheck
        case (0x6c6562616c, 0): .label
        case (0x6e6961746e69616d, 0x7265): .maintainer
        case (0x646c6975626e6f, 0): .onbuild
        case (0x6e7572, 0): .run
        case (0x6c6c656873, 0): .shell
        case (0x6e676973706f7473, 0x6c61): .stopsignal
        case (0x72657375, 0): .user
        case (0x656d756c6f76, 0): .volume
        case (0x7269646b726f77, 0): .workdir
        default: .unknown
        }
    }

    /// The keyword in capitals (`FROM`); empty for ``unknown``.
    public var capitalKeyword: String {
        switch self {
        case .add: "ADD"
        case .arg: "ARG"
        case .cmd: "CMD"
        case .copy: "COPY"
        case .entrypoint: "ENTRYPOINT"
        case .env: "ENV"
        case .expose: "EXPOSE"
        case .from: "FROM"
        case .healthcheck: "HEALTHCHECK"
        case .label: "LABEL"
        case .maintainer: "MAINTAINER"
        case .onbuild: "ONBUILD"
        case .run: "RUN"
        case .shell: "SHELL"
        case .stopsignal: "STOPSIGNAL"
        case .user: "USER"
        case .volume: "VOLUME"
        case .workdir: "WORKDIR"
        case .unknown: ""
        }
    }

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
