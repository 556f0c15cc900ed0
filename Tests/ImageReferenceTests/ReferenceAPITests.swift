import ImageReference
import Testing

/// The value type and its smaller APIs, beyond what the vectors check.
@Suite("Reference API")
struct ReferenceAPITests {
    static let hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

    @Test("parts are slices of the canonical string")
    func parts() throws {
        let reference = try Reference.parseNormalized("nginx:1.25@sha256:" + Self.hex64)
        #expect(reference.description == "docker.io/library/nginx:1.25@sha256:" + Self.hex64)
        #expect(reference.domain == "docker.io")
        #expect(reference.path == "library/nginx")
        #expect(reference.name == "docker.io/library/nginx")
        #expect(reference.tag == "1.25")
        #expect(reference.digest?.algorithm == "sha256")
        #expect(reference.digest?.encoded == Substring(Self.hex64))
        #expect(reference.familiar == "nginx:1.25@sha256:" + Self.hex64)
        #expect(reference.familiarName == "nginx")
        #expect(!reference.isNameOnly)
        #expect(reference.nameOnly.description == "docker.io/library/nginx")
        #expect(reference.nameOnly.isNameOnly)
    }

    @Test("equal references are equal values and hash alike")
    func hashable() throws {
        let spellings = ["nginx", "library/nginx", "docker.io/nginx", "index.docker.io/library/nginx"]
        let references = try Set(spellings.map { try Reference.parseNormalized($0) })
        #expect(references.count == 1)
        #expect(try Reference.parse("docker.io/library/nginx") == Reference.parseNormalized("nginx"))
        #expect(try Reference.parse("nginx") != Reference.parseNormalized("nginx"))
    }

    @Test("parsing bytes and strings agree")
    func bytesAndStrings() throws {
        for text in ["nginx", "ghcr.io/a/b:c", "[::1]:5000/x@sha256:" + Self.hex64, "Foo/bar"] {
            let bytes = Array(text.utf8)
            let fromBytes = try bytes.withUnsafeBufferPointer { buffer throws(ReferenceError) in
                try Reference.parseNormalized(utf8: buffer)
            }
            #expect(try fromBytes == Reference.parseNormalized(text))
            let strict = try bytes.withUnsafeBufferPointer { buffer throws(ReferenceError) in
                try Reference.parse(utf8: buffer)
            }
            #expect(try strict == Reference.parse(text))
        }
    }

    @Test("tags and digests can be set, kept and dropped")
    func editing() throws {
        let name = try Reference.parseNormalized("ghcr.io/acme/api")
        let tagged = try name.withTag("1.4")
        let pinned = try tagged.withDigest("sha256:" + Self.hex64)
        #expect(pinned.description == "ghcr.io/acme/api:1.4@sha256:" + Self.hex64)
        #expect(try pinned.withTag("2.0").description == "ghcr.io/acme/api:2.0@sha256:" + Self.hex64)
        #expect(name.withDefaultTag().description == "ghcr.io/acme/api:latest")
        #expect(tagged.withDefaultTag() == tagged)
        #expect(try Reference.parseDocker("ghcr.io/acme/api:1.4@sha256:" + Self.hex64).tag == nil)
    }

    @Test("digests: go-digest's checks with sha256, sha384 and sha512 available")
    func digests() throws {
        #expect(try Digest.parse("sha256:" + Self.hex64).algorithm == "sha256")
        #expect(try Digest.parse("sha384:" + String(repeating: "a", count: 96)).encoded.count == 96)
        #expect(try Digest.parse("sha512:" + String(repeating: "a", count: 128)).description.count == 135)
        #expect(throws: ReferenceError(.unsupportedDigestAlgorithm, at: 0)) { try Digest.parse("md5:abc") }
        #expect(throws: ReferenceError(.invalidChecksumFormat, at: 0)) { try Digest.parse("MD5:abc") }
        #expect(throws: ReferenceError(.invalidChecksumFormat, at: 0)) { try Digest.parse(":abc") }
        #expect(throws: ReferenceError(.invalidChecksumFormat, at: 4)) { try Digest.parse("abc:") }
        #expect(throws: ReferenceError(.invalidChecksumFormat, at: 3)) { try Digest.parse("abc") }
        #expect(throws: ReferenceError(.invalidChecksumLength, at: 10)) { try Digest.parse("sha256:abc") }
        // WithDigest only checks the grammar; validate() applies go-digest's rules.
        let loose = try Reference.withName("x").withDigest("sha256:" + String(repeating: "a", count: 40))
        #expect(throws: ReferenceError(.invalidChecksumLength, at: 47)) { try loose.digest?.validate() }
    }

    @Test("single productions, like Go's exported expressions")
    func syntax() {
        #expect(ReferenceSyntax.isDomain("[fd00:1:2::3]:75050"))
        #expect(!ReferenceSyntax.isDomain("ab-.com"))
        #expect(ReferenceSyntax.isTag("_internal"))
        #expect(!ReferenceSyntax.isTag(String(repeating: "a", count: 129)))
        #expect(ReferenceSyntax.isDigest("sha256:" + String(repeating: "F", count: 32)))
        #expect(ReferenceSyntax.isIdentifier(Self.hex64))
        #expect(ReferenceSyntax.splitName("a/b/c")?.domain == "a")
        #expect(ReferenceSyntax.splitReference("localhost:8080@sha256:" + Self.hex64)?.tag == "8080")
    }

    @Test("familiar matching and sorting")
    func familiarMatchAndSort() throws {
        #expect(try Reference.parseNormalized("nginx:1.25").familiarMatch("nginx"))
        #expect(try Reference.parseNormalized("bitnami/redis:7").familiarMatch("bitnami/*"))
        #expect(try !Reference.parseNormalized("ghcr.io/a/b").familiarMatch("*/b"))
        #expect(AnyReference.sorted(["b", "a:1", "???", Self.hex64]) == [
            "docker.io/library/a:1", "docker.io/library/b", "sha256:" + Self.hex64, "???",
        ])
    }
}
