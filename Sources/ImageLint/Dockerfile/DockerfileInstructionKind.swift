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
        guard count >= 3, count <= 11, start >= 0, end <= bytes.count else { return .unknown }
        // The keyword lowercased and packed into integers, little-endian
        // (the first letter is the lowest byte: 0x6d6f7266 is "from"), and
        // whether every byte is a letter; then compared with the keywords
        // of its length.
        let (low, lowLetters) = Self.packedLowercase(bytes, from: start, count: min(count, 8))
        let (high, highLetters) = count > 8 ? Self.packedLowercase(bytes, from: start + 8, count: count - 8) : (0, true)
        let packed = low
        let allLetters = lowLetters && highLetters
        guard allLetters else { return .unknown }
        switch count {
        case 3:
            switch packed {
            case 0x646461: return .add
            case 0x677261: return .arg
            case 0x646d63: return .cmd
            case 0x766e65: return .env
            case 0x6e7572: return .run
            default: return .unknown
            }
        case 4:
            switch packed {
            case 0x79706f63: return .copy
            case 0x6d6f7266: return .from
            case 0x72657375: return .user
            default: return .unknown
            }
        case 5:
            switch packed {
            case 0x6c6562616c: return .label
            case 0x6c6c656873: return .shell
            default: return .unknown
            }
        case 6:
            switch packed {
            case 0x65736f707865: return .expose
            case 0x656d756c6f76: return .volume
            default: return .unknown
            }
        case 7:
            switch packed {
            case 0x646c6975626e6f: return .onbuild
            case 0x7269646b726f77: return .workdir
            default: return .unknown
            }
        case 10:
            switch (packed, high) {
            case (0x696f707972746e65, 0x746e): return .entrypoint
            case (0x6e6961746e69616d, 0x7265): return .maintainer
            case (0x6e676973706f7473, 0x6c61): return .stopsignal
            default: return .unknown
            }
        case 11:
            return (packed, high) == (0x686368746c616568, 0x6b6365) ? .healthcheck : .unknown
        default:
            return .unknown
        }
    }

    /// Up to eight bytes from `start` with bit 0x20 set (a capital
    /// becomes its small letter, no other byte becomes a letter), packed
    /// little-endian, and whether all of them are ASCII letters. Eight
    /// bytes are read at once where the array has them, and tested as one
    /// integer: this runs for every instruction.
    private static func packedLowercase(_ bytes: [UInt8], from start: Int, count: Int) -> (UInt64, Bool) {
        let lanes: UInt64 = count == 8 ? ~0 : (1 << UInt64(8 * count)) - 1
        let word: UInt64 = bytes.withUnsafeBytes { raw in
            if start + 8 <= raw.count {
                return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) & lanes
            }
            var word: UInt64 = 0
            for k in 0..<count { word |= UInt64(raw[start + k]) << UInt64(8 * k) }
            return word
        }
        let highBits = 0x8080_8080_8080_8080 & lanes
        let lower = (word | 0x2020_2020_2020_2020) & lanes
        // Per byte below 0x80 (no carries between bytes): adding 0x1F sets
        // the top bit from `a` (0x61) up, adding 0x05 from `{` (0x7B) up.
        let fromA = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & highBits
        let pastZ = (lower &+ 0x0505_0505_0505_0505) & highBits
        let letters = word & highBits == 0 && fromA & ~pastZ == highBits
        return (lower, letters)
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
