@testable import ImageReference
import Testing

/// Each hand-written mask and flag table entry against its definition, for
/// all 256 bytes.
@Suite("Byte classes")
struct ByteClassTests {
    static func members(_ characters: String) -> Set<UInt8> { Set(characters.utf8) }

    static let lower = "abcdefghijklmnopqrstuvwxyz"
    static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let digits = "0123456789"

    static let definitions: [(String, ByteClass, Set<UInt8>)] = [
        ("lowerHexDigit", .lowerHexDigit, members(digits + "abcdef")),
        ("ipv6Character", .ipv6Character, members(digits + "abcdefABCDEF:")),
        ("algorithmSeparator", .algorithmSeparator, members("+.-_")),
        ("normalizationMark", .normalizationMark, members("/:." + upper)),
        ("goDigestEncodedCharacter", .goDigestEncodedCharacter, members(lower + upper + digits + "=_-")),
    ]

    @Test("every mask holds exactly its members")
    func masks() {
        for (name, byteClass, expected) in Self.definitions {
            for byte in UInt8.min ... UInt8.max {
                #expect(byteClass.contains(byte) == expected.contains(byte), "\(name) at \(byte)")
            }
        }
    }

    @Test("the flag table has one entry per byte, each with exactly its flags")
    func flagTable() {
        #expect(CharacterFlags.table.utf8CodeUnitCount == 256)
        let flagged: [(UInt8, Set<UInt8>)] = [
            (CharacterFlags.digit, Self.members(Self.digits)),
            (CharacterFlags.lower, Self.members(Self.lower)),
            (CharacterFlags.upper, Self.members(Self.upper)),
            (CharacterFlags.hexLetter, Self.members("abcdefABCDEF")),
            (CharacterFlags.dash, Self.members("-")),
            (CharacterFlags.underscore, Self.members("_")),
            (CharacterFlags.dot, Self.members(".")),
        ]
        for byte in UInt8.min ... UInt8.max {
            let expected = flagged.reduce(UInt8(0)) { $0 | ($1.1.contains(byte) ? $1.0 : 0) }
            #expect(CharacterFlags.table.utf8Start[Int(byte)] == expected, "byte \(byte)")
        }
        let composite: [(String, UInt8, Set<UInt8>)] = [
            ("lowerOrDigit", CharacterFlags.lowerOrDigit, Self.members(Self.lower + Self.digits)),
            ("letterOrDigit", CharacterFlags.letterOrDigit, Self.members(Self.lower + Self.upper + Self.digits)),
            ("domainLabelCharacter", CharacterFlags.domainLabelCharacter, Self.members(Self.lower + Self.upper + Self.digits + "-")),
            ("tagCharacter", CharacterFlags.tagCharacter, Self.members(Self.lower + Self.upper + Self.digits + "_.-")),
            ("hexDigit", CharacterFlags.hexDigit, Self.members(Self.digits + "abcdefABCDEF")),
        ]
        for (name, flags, expected) in composite {
            for byte in UInt8.min ... UInt8.max {
                #expect(CharacterFlags.test(byte, flags) == expected.contains(byte), "\(name) at \(byte)")
            }
        }
    }

    @Test("every word class holds exactly its byte class, in every lane, whatever the other lanes hold")
    func wordClasses() {
        let classes: [(String, (ByteWord) -> UInt64, (UInt8) -> Bool)] = [
            ("hexDigits", { $0.hexDigits }, ASCII.isHexDigit),
            ("upperHexLetters", { $0.upperHexLetters }, { Self.members("ABCDEF").contains($0) }),
        ]
        // Neighbours that could disturb a lane through a carry or borrow.
        let fillers: [UInt8] = [0x00, 0x2D, 0x5F, 0x7F, 0x80, 0xFF]
        for (name, word, isMember) in classes {
            var mismatches: [String] = []
            for byte in UInt8.min ... UInt8.max {
                for lane in 0 ..< 8 {
                    for filler in fillers + [byte] {
                        var bytes = [UInt8](repeating: filler, count: 8)
                        bytes[lane] = byte
                        let expected = (0 ..< 8).reduce(UInt64(0)) { $0 | (isMember(bytes[$1]) ? 0x80 << (8 * $1) : 0) }
                        if word(ByteWord(bytes: bytes)) != expected {
                            mismatches.append("byte \(byte) in lane \(lane) among \(filler)")
                        }
                    }
                }
            }
            #expect(mismatches.isEmpty, "\(name): \(mismatches.prefix(5))")
        }
    }

    @Test("a word loads its first byte into the lowest lane, zeros past the end, and counts leading members")
    func wordLoadAndCount() {
        let text = Array("sha256:0123456789abcdefABCDEF0123456789".utf8)
        text.withUnsafeBytes { buffer in
            for offset in 0 ..< text.count {
                let word = ByteWord(buffer, at: offset)
                #expect(word.bits == ByteWord(bytes: Array(text[offset...].prefix(8))).bits, "at \(offset)")
                let run = text[offset...].prefix { ASCII.isHexDigit($0) }.count
                #expect(ByteWord.leadingMembers(word.hexDigits) == min(run, 8), "at \(offset)")
            }
        }
    }
}
