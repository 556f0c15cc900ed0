@_spi(Checking) import ImageReference
import SeededRandom
import Testing

/// Generated references and random or mutated bytes: round trips hold,
/// nothing traps, error offsets stay inside the input.
@Suite("Reference properties")
struct ReferencePropertyTests {
    static let iterations = 3000

    @Test("generated valid references parse to their parts and round-trip")
    func generatedReferences() throws {
        var generator = ReferenceGenerator(seed: 0xA11CE)
        for _ in 0 ..< Self.iterations {
            let parts = generator.reference()
            let reference = try #require(try? Reference.parse(parts.text), "\(parts.text) did not parse")
            #expect(reference.description == parts.text)
            #expect(try Reference.parse(reference.description) == reference)
            #expect(reference.tag.map(String.init) == parts.tag, "\(parts.text)")
            #expect(reference.digest?.description == parts.digest, "\(parts.text)")
            if let domain = parts.domain {
                #expect(reference.domain == domain, "\(parts.text)")
                #expect(reference.path == parts.path, "\(parts.text)")
            }
            try checkTotal(Array(parts.text.utf8))
            if let normalized = try? Reference.parseNormalized(parts.text) {
                #expect(try Reference.parseNormalized(normalized.description) == normalized)
                #expect(try Reference.parse(normalized.description) == normalized)
            }
        }
    }

    @Test("random bytes never trap and errors stay in range")
    func randomBytes() throws {
        var random = SeededGenerator(seed: 0xB17E5)
        for _ in 0 ..< Self.iterations {
            let count = Int.random(in: 0 ..< 72, using: &random)
            let bytes = (0 ..< count).map { _ in ReferenceGenerator.noisyByte(&random) }
            try checkTotal(bytes)
        }
    }

    @Test("mutated valid references never trap and errors stay in range")
    func mutatedReferences() throws {
        var generator = ReferenceGenerator(seed: 0x3A7E)
        var random = SeededGenerator(seed: 0x3A7F)
        for _ in 0 ..< Self.iterations {
            var bytes = Array(generator.reference().text.utf8)
            for _ in 0 ..< Int.random(in: 1 ... 3, using: &random) {
                let position = Int.random(in: 0 ... bytes.count, using: &random)
                let byte = ReferenceGenerator.noisyByte(&random)
                switch Int.random(in: 0 ..< 3, using: &random) {
                case 0: bytes.insert(byte, at: position)
                case 1 where position < bytes.count: bytes.remove(at: position)
                default: if position < bytes.count { bytes[position] = byte }
                }
            }
            try checkTotal(bytes)
        }
    }

    /// Every entry point returns a value or an error with an offset in
    /// `0...count`; valid results round-trip.
    func checkTotal(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        let count = bytes.count
        let textCount = text.utf8.count
        let strict = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ReferenceError) in try Reference.parse(utf8: buffer) }
        }
        switch strict {
        case let .success(reference): #expect(try Reference.parse(reference.description) == reference)
        case let .failure(error): #expect((0 ... count).contains(error.offset), "parse \(bytes): \(error.offset)")
        }
        let normalized = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ReferenceError) in try Reference.parseNormalized(utf8: buffer) }
        }
        let stepByStep = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ReferenceError) in try Reference.parseNormalizedStepByStep(utf8: buffer) }
        }
        #expect(normalized == stepByStep, "fast and step-by-step normalization differ on \(bytes)")
        switch normalized {
        case let .success(reference): #expect(try Reference.parseNormalized(reference.description) == reference)
        case let .failure(error): #expect((0 ... count).contains(error.offset), "parseNormalized \(bytes): \(error.offset)")
        }
        let name = try Reference.withName("example.com/x")
        let errors: [ReferenceError?] = [
            Self.error { () throws(ReferenceError) in _ = try Reference.parseCanonical(text) },
            Self.error { () throws(ReferenceError) in _ = try Reference.parseDocker(text) },
            Self.error { () throws(ReferenceError) in _ = try Reference.withName(text) },
            Self.error { () throws(ReferenceError) in _ = try AnyReference.parse(text) },
            Self.error { () throws(ReferenceError) in _ = try Digest.parse(text) },
            Self.error { () throws(ReferenceError) in _ = try name.withTag(text) },
            Self.error { () throws(ReferenceError) in _ = try name.withDigest(text) },
        ]
        for case let error? in errors {
            #expect((0 ... textCount).contains(error.offset), "\(text): \(error.kind) at \(error.offset)")
        }
        if let any = try? AnyReference.parse(text) {
            _ = try? any.familiarMatch(text)
        }
        _ = try? PathPattern.matches(text, "docker.io/library/nginx")
    }

    /// The error `body` throws, if any.
    static func error(_ body: () throws(ReferenceError) -> Void) -> ReferenceError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }
}

/// Random references that satisfy the grammar, with their parts.
struct ReferenceGenerator {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    struct Parts {
        var text: String
        var domain: String?
        var path: String
        var tag: String?
        var digest: String?
    }

    static let lowerOrDigit = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    static let letterOrDigit = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let tagCharacters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
    static let hexDigits = Array("0123456789abcdef")

    /// Bytes that are mostly reference characters, plus some that never are.
    static let noise: [UInt8] = Array("abcxyzAZ09/:@._-[]% +\t\"é".utf8) + [0, 0x80, 0xC4, 0xB0, 0xE2, 0x84, 0xAA, 0xFF]

    static func noisyByte(_ random: inout SeededGenerator) -> UInt8 {
        noise[Int.random(in: 0 ..< noise.count, using: &random)]
    }

    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0 ..< 100, using: &random) < percent
    }

    mutating func run(_ alphabet: [Character], _ lengths: ClosedRange<Int>) -> String {
        String((0 ..< Int.random(in: lengths, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" })
    }

    mutating func reference() -> Parts {
        let domain: String? = chance(60) ? domain() : nil
        var components = (0 ..< Int.random(in: 1 ... 4, using: &random)).map { _ in pathComponent() }
        if domain == nil, components.count > 1 {
            // Without a domain, a first component that is also a domain would
            // be read as one; an underscore keeps it a path component.
            components[0] += "_x"
        }
        let path = components.joined(separator: "/")
        let tag: String? = chance(60) ? tag() : nil
        let digest: String? = chance(30) ? digest() : nil
        var text = domain.map { $0 + "/" } ?? ""
        text += path
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest }
        return Parts(text: text, domain: domain, path: path, tag: tag, digest: digest)
    }

    mutating func domain() -> String {
        var host: String
        switch Int.random(in: 0 ..< 10, using: &random) {
        case 0:
            host = "[" + run(Array("0123456789abcdefABCDEF:"), 1 ... 20) + "]"
        case 1:
            host = "localhost"
        default:
            host = (0 ..< Int.random(in: 1 ... 4, using: &random)).map { _ in domainLabel() }.joined(separator: ".")
        }
        if chance(40) { host += ":" + run(Array("0123456789"), 1 ... 6) }
        return host
    }

    mutating func domainLabel() -> String {
        let first = run(Self.letterOrDigit, 1 ... 1)
        guard chance(70) else { return first }
        return first + run(Self.letterOrDigit + ["-", "-"], 0 ... 8) + run(Self.letterOrDigit, 1 ... 1)
    }

    mutating func pathComponent() -> String {
        var component = run(Self.lowerOrDigit, 1 ... 6)
        while chance(30) {
            let separators = [".", "_", "__", "-", "--", "---"]
            component += separators[Int.random(in: 0 ..< separators.count, using: &random)]
            component += run(Self.lowerOrDigit, 1 ... 6)
        }
        return component
    }

    mutating func tag() -> String {
        let length = chance(5) ? Int.random(in: 100 ... 127, using: &random) : Int.random(in: 0 ... 12, using: &random)
        return run(Self.letterOrDigit + ["_"], 1 ... 1) + run(Self.tagCharacters, length ... length)
    }

    mutating func digest() -> String {
        switch Int.random(in: 0 ..< 10, using: &random) {
        case 0: "sha512:" + run(Self.hexDigits, 128 ... 128)
        case 1: "sha384:" + run(Self.hexDigits, 96 ... 96)
        default: "sha256:" + run(Self.hexDigits, 64 ... 64)
        }
    }
}
