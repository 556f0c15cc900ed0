import ImageReference
import Testing

/// Error kinds, messages, subjects and the offsets a caret is put under.
@Suite("Reference errors")
struct ReferenceErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        enum Entry: String, Sendable { case parse, normalized, canonical, withName, any }
        let entry: Entry
        let input: String
        let kind: ReferenceError.Kind
        let offset: Int
        var subject: String?

        var testDescription: String { "\(entry.rawValue)(\(input.count > 40 ? String(input.prefix(30)) + "…" : input))" }

        func run() throws(ReferenceError) {
            switch entry {
            case .parse: _ = try Reference.parse(input)
            case .normalized: _ = try Reference.parseNormalized(input)
            case .canonical: _ = try Reference.parseCanonical(input)
            case .withName: _ = try Reference.withName(input)
            case .any: _ = try AnyReference.parse(input)
            }
        }
    }

    static let hex64 = String(repeating: "f", count: 64)

    static let cases: [Case] = [
        // Empty input and grammar failures: the first byte no reference can continue with.
        Case(entry: .parse, input: "", kind: .nameEmpty, offset: 0),
        Case(entry: .parse, input: ":justtag", kind: .invalidFormat, offset: 0),
        Case(entry: .parse, input: "foo bar", kind: .invalidFormat, offset: 3),
        Case(entry: .parse, input: "foo//bar", kind: .invalidFormat, offset: 4),
        Case(entry: .parse, input: "docker-/docker", kind: .invalidFormat, offset: 7),
        Case(entry: .parse, input: "a___b", kind: .invalidFormat, offset: 3),
        Case(entry: .parse, input: "nginx:", kind: .invalidFormat, offset: 6),
        Case(entry: .parse, input: "nginx:-x", kind: .invalidFormat, offset: 6),
        Case(entry: .parse, input: "nginx:" + String(repeating: "a", count: 129), kind: .invalidFormat, offset: 134),
        Case(entry: .parse, input: "foo.com:http/bar", kind: .invalidFormat, offset: 12),
        Case(entry: .parse, input: "[2001:db8::1]", kind: .invalidFormat, offset: 13),
        Case(entry: .parse, input: "[fe80::1%eth0]:5000/repo", kind: .invalidFormat, offset: 8),
        Case(entry: .parse, input: "nginx@sha256:abc", kind: .invalidFormat, offset: 16),
        Case(entry: .parse, input: "nginx@1sha:" + hex64, kind: .invalidFormat, offset: 6),
        Case(entry: .parse, input: "ngïnx", kind: .invalidFormat, offset: 2),
        // Upper case: the first letter lower-casing fixes, never one in the domain or tag.
        Case(entry: .parse, input: "Uppercase:tag", kind: .nameContainsUppercase, offset: 0),
        Case(entry: .parse, input: "test:5000/Uppercase/lowercase:tag", kind: .nameContainsUppercase, offset: 10),
        Case(entry: .parse, input: "Foo/FarB", kind: .nameContainsUppercase, offset: 4),
        Case(entry: .parse, input: "Foo.com/Bar:TAG", kind: .nameContainsUppercase, offset: 8),
        // Go lower-cases the Kelvin sign to k and U+0130 to i.
        Case(entry: .parse, input: "ng\u{212A}nx", kind: .nameContainsUppercase, offset: 2),
        Case(entry: .parse, input: "\u{130}.com/foo", kind: .nameContainsUppercase, offset: 0),
        // Length: the byte after the 255th of the path.
        Case(entry: .parse, input: "domain/" + String(repeating: "a", count: 256), kind: .nameTooLong, offset: 7 + 255),
        Case(entry: .normalized, input: String(repeating: "a", count: 248), kind: .nameTooLong, offset: 247),
        Case(entry: .withName, input: "example.com/" + String(repeating: "a", count: 256), kind: .nameTooLong, offset: 12 + 255),
        // go-digest, in its order: algorithm, length, hex.
        Case(entry: .parse, input: "validname@invaliddigest:" + hex64, kind: .unsupportedDigestAlgorithm, offset: 10),
        Case(entry: .parse, input: "nginx@SHA256:" + hex64, kind: .invalidChecksumFormat, offset: 6),
        Case(entry: .parse, input: "repo@sha256:" + String(repeating: "f", count: 34), kind: .invalidChecksumLength, offset: 46),
        Case(entry: .parse, input: "repo@sha256:" + String(repeating: "f", count: 65), kind: .invalidChecksumLength, offset: 76),
        Case(entry: .normalized, input: "nginx@sha256:" + String(repeating: "F", count: 64), kind: .invalidChecksumFormat, offset: 13),
        Case(entry: .normalized, input: "nginx@sha256:" + String(repeating: "f", count: 63) + "A", kind: .invalidChecksumFormat, offset: 76),
        // Normalization: the repository part named, the offset in the input.
        Case(entry: .normalized, input: "docker/Docker", kind: .repositoryNotLowercase, offset: 7, subject: "docker/Docker"),
        Case(entry: .normalized, input: "Uppercase:tag", kind: .repositoryNotLowercase, offset: 0, subject: "library/Uppercase"),
        Case(entry: .normalized, input: "docker.io/docker/Docker", kind: .repositoryNotLowercase, offset: 17, subject: "docker/Docker"),
        Case(entry: .normalized, input: "Foo/Bar", kind: .repositoryNotLowercase, offset: 4, subject: "Bar"),
        Case(entry: .normalized, input: "ab/Äb", kind: .repositoryNotLowercase, offset: 3, subject: "ab/Äb"),
        Case(entry: .normalized, input: "ng\u{212A}nx", kind: .repositoryNotLowercase, offset: 2, subject: "library/ng\u{212A}nx"),
        Case(entry: .normalized, input: "nginx@SHA256:" + hex64, kind: .repositoryNotLowercase, offset: 6, subject: "library/nginx@SHA256"),
        // A first component with non-ASCII upper case is a domain, which then fails.
        Case(entry: .normalized, input: "Äb/foo", kind: .invalidFormat, offset: 0),
        // An upper-case first component is a domain; "Foo_Bar" is none, so the path fails on case.
        Case(entry: .normalized, input: "Foo_Bar/x", kind: .nameContainsUppercase, offset: 0),
        Case(entry: .normalized, input: hex64, kind: .hexadecimalRepositoryName, offset: 0, subject: hex64),
        Case(entry: .normalized, input: "", kind: .invalidFormat, offset: 0),
        // Canonical: where the input and its canonical form part.
        Case(entry: .canonical, input: "docker.io/foo", kind: .nameNotCanonical, offset: 10),
        Case(entry: .canonical, input: "foo", kind: .nameNotCanonical, offset: 0),
        Case(entry: .withName, input: "example.com/repo:tag", kind: .invalidFormat, offset: 16),
        Case(entry: .withName, input: "", kind: .invalidFormat, offset: 0),
        Case(entry: .any, input: "sha256:" + String(repeating: "F", count: 64) + "/", kind: .invalidFormat, offset: 71),
    ]

    @Test("kind, offset and subject", arguments: cases)
    func errorDetails(_ testCase: Case) {
        do throws(ReferenceError) {
            try testCase.run()
            Issue.record("\(testCase.input) was accepted")
        } catch {
            #expect(error.kind == testCase.kind)
            #expect(error.offset == testCase.offset)
            #expect(error.subject == testCase.subject)
        }
    }

    @Test("messages are upstream's, with the subject named")
    func messages() {
        #expect(ReferenceError(.repositoryNotLowercase, at: 0, subject: "docker/Docker").message
            == "invalid reference format: repository name (docker/Docker) must be lowercase")
        #expect(ReferenceError(.hexadecimalRepositoryName, at: 0, subject: "ab").message
            == "invalid repository name (ab), cannot specify 64-byte hexadecimal strings")
        #expect(ReferenceError(.invalidFormat, at: 3).description == "invalid reference format")
        for kind in ReferenceError.Kind.allCases {
            #expect(!ReferenceError(kind, at: 0).message.isEmpty)
        }
    }

    @Test("WithTag and WithDigest point into their argument")
    func editingErrors() throws {
        let name = try Reference.withName("example.com/foo")
        #expect(throws: ReferenceError(.invalidTagFormat, at: 0)) { try name.withTag("-foo") }
        #expect(throws: ReferenceError(.invalidTagFormat, at: 3)) { try name.withTag("foo/bar") }
        #expect(throws: ReferenceError(.invalidDigestFormat, at: 10)) { try name.withDigest("sha256:abc") }
        #expect(throws: ReferenceError(.invalidDigestFormat, at: 3)) { try name.withDigest("foo") }
    }
}
