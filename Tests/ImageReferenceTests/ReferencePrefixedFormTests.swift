@_spi(Checking) import ImageReference
import SeededRandom
import Testing

/// A normalized reference keeps the text it was parsed from and what
/// normalization puts in front of it, and builds the canonical string only
/// when asked. Its parts, equality, hash and edits must be exactly those of
/// the written-out canonical form.
@Suite("Reference prefixed forms")
struct ReferencePrefixedFormTests {
    static let hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

    /// Docker Hub spellings of one canonical reference, generated: each
    /// spelling normalizes to `canonical`.
    struct Spellings {
        var canonical: String
        var spellings: [String]
    }

    /// The suffix after the path (`:tag`, `@digest`, both or neither) and
    /// every way of writing a Docker Hub name with it.
    static func spellings(_ random: inout SeededGenerator, _ generator: inout ReferenceGenerator) -> Spellings {
        let generated = generator.reference()
        var suffix = generated.tag.map { ":" + $0 } ?? ""
        suffix += generated.digest.map { "@" + $0 } ?? ""
        // A first component without `.`, `:` or upper case, so the whole
        // text is a Docker Hub path.
        let components = generated.path.split(separator: "/").map { $0.replacing(".", with: "_") }
        let repository = components.joined(separator: "/")
        var spellings: [String]
        let canonical: String
        switch Int.random(in: 0 ..< 3, using: &random) {
        case 0:
            // One component: `library/` goes in front.
            let name = String(components[0])
            canonical = "docker.io/library/" + name + suffix
            spellings = [name, "library/" + name, "docker.io/" + name, "index.docker.io/" + name,
                         "docker.io/library/" + name, "index.docker.io/library/" + name]
        case 1:
            // `library/` and more than one component: `library/` is a namespace like any other.
            canonical = "docker.io/library/" + repository + "/x"
                + suffix
            spellings = ["library/" + repository + "/x", "docker.io/library/" + repository + "/x",
                         "index.docker.io/library/" + repository + "/x"]
        default:
            let path = components.count > 1 ? repository : "team/" + repository
            canonical = "docker.io/" + path + suffix
            spellings = [path, "docker.io/" + path, "index.docker.io/" + path]
        }
        return Spellings(canonical: canonical, spellings: spellings.map { $0 + suffix })
    }

    /// The parts of a canonical Docker Hub reference, by string operations
    /// on the canonical text alone (an oracle independent of the parser's
    /// offsets).
    struct CanonicalParts: Equatable, CustomStringConvertible {
        var domain, path, name, familiarName, familiar: String
        var tag, digest: String?

        init(canonical: String) {
            let afterDomain = String(canonical.dropFirst("docker.io/".count))
            let nameEnd = afterDomain.firstIndex { $0 == ":" || $0 == "@" } ?? afterDomain.endIndex
            domain = "docker.io"
            path = String(afterDomain[..<nameEnd])
            name = "docker.io/" + path
            let rest = afterDomain[nameEnd...]
            let digestStart = rest.firstIndex(of: "@")
            tag = rest.hasPrefix(":") ? String(rest.dropFirst().prefix { $0 != "@" }) : nil
            digest = digestStart.map { String(rest[rest.index(after: $0)...]) }
            let dropLibrary = path.hasPrefix("library/") && !path.dropFirst("library/".count).contains("/")
            familiarName = dropLibrary ? String(path.dropFirst("library/".count)) : path
            familiar = familiarName + rest
        }

        init(_ reference: Reference) {
            domain = String(reference.domain)
            path = String(reference.path)
            name = String(reference.name)
            familiarName = String(reference.familiarName)
            familiar = String(reference.familiar)
            tag = reference.tag.map(String.init)
            digest = reference.digest.map(\.description)
        }

        var description: String {
            "\(domain) | \(path) | \(name) | \(tag ?? "-") | \(digest ?? "-") | \(familiarName) | \(familiar)"
        }
    }

    @Test("every Docker Hub spelling has the canonical form's parts, equality and hash")
    func generatedSpellings() throws {
        var random = SeededGenerator(seed: 0x9_4EF1)
        var generator = ReferenceGenerator(seed: 0x9_4EF2)
        var checked = 0
        for _ in 0 ..< 400 {
            let case_ = Self.spellings(&random, &generator)
            let expected = CanonicalParts(canonical: case_.canonical)
            // Parsing the canonical text as written gives a reference with
            // no prefix, all of whose parts are slices of that text.
            let written = try Reference.parse(case_.canonical)
            #expect(written.description == case_.canonical)
            #expect(CanonicalParts(written) == expected)
            for spelling in case_.spellings {
                let reference = try Reference.parseNormalized(spelling)
                #expect(reference.description == case_.canonical, "\(spelling)")
                #expect(CanonicalParts(reference) == expected, "\(spelling)")
                #expect(reference.isNameOnly == written.isNameOnly, "\(spelling)")
                #expect(reference.digest?.algorithm == written.digest?.algorithm, "\(spelling)")
                #expect(reference.digest?.encoded == written.digest?.encoded, "\(spelling)")
                #expect(reference == written, "\(spelling)")
                #expect(written == reference, "\(spelling)")
                #expect(reference.hashValue == written.hashValue, "\(spelling)")
                let fromBytes = try Array(spelling.utf8).withUnsafeBufferPointer { buffer throws(ReferenceError) in
                    try Reference.parseNormalized(utf8: buffer)
                }
                #expect(fromBytes == reference && fromBytes.hashValue == reference.hashValue, "\(spelling)")
                #expect(CanonicalParts(fromBytes) == expected, "\(spelling)")
                try checkEdits(reference, written, spelling)
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    /// Edits of a prefixed reference equal the same edits of its
    /// written-out form.
    func checkEdits(_ reference: Reference, _ written: Reference, _ spelling: String) throws {
        let pairs: [(Reference, Reference)] = [
            (reference.nameOnly, written.nameOnly),
            (reference.withDefaultTag(), written.withDefaultTag()),
            (try reference.withTag("v2"), try written.withTag("v2")),
            (try reference.withDigest("sha256:" + Self.hex64), try written.withDigest("sha256:" + Self.hex64)),
            (try Reference.parseDocker(spelling), try Reference.parseDocker(written.description)),
        ]
        for (edited, expected) in pairs {
            #expect(edited == expected, "\(spelling)")
            #expect(edited.description == expected.description, "\(spelling)")
            #expect(CanonicalParts(edited) == CanonicalParts(expected), "\(spelling)")
        }
    }

    @Test("prefixed and written-out forms differ where their canonical forms do")
    func inequality() throws {
        let nginx = try Reference.parseNormalized("nginx")
        let unequal = try [
            Reference.parseNormalized("nginx:1"),
            Reference.parseNormalized("nginy"),
            Reference.parseNormalized("library/nginx/x"),
            Reference.parseNormalized("acme/nginx"),
            Reference.parse("nginx"),
            Reference.parse("docker.io/library/nginy"),
            Reference.parse("docker.io/library/nginx:1"),
        ]
        for other in unequal {
            #expect(nginx != other, "\(other)")
            #expect(other != nginx, "\(other)")
        }
        // Same lengths and offsets, different bytes only where the other
        // side has its prefix.
        #expect(try Reference.parse("docker.io/xibrary/nginx") != Reference.parseNormalized("nginx"))
        #expect(try Reference.parse("dockerxio/library/nginx") != Reference.parseNormalized("nginx"))
    }

    @Test("familiar forms follow the step-by-step definition", arguments: [
        ("nginx", "nginx", "nginx"),
        ("library/nginx:1", "nginx", "nginx:1"),
        ("index.docker.io/library/nginx", "nginx", "nginx"),
        ("index.docker.io/nginx@sha256:" + hex64, "nginx", "nginx@sha256:" + hex64),
        ("docker.io/library/foo/bar", "library/foo/bar", "library/foo/bar"),
        ("library/foo/bar:t", "library/foo/bar", "library/foo/bar:t"),
        ("index.docker.io/library/foo/bar", "library/foo/bar", "library/foo/bar"),
        ("bitnami/redis:7", "bitnami/redis", "bitnami/redis:7"),
        ("docker.io/bitnami/redis", "bitnami/redis", "bitnami/redis"),
        ("library/library", "library", "library"),
        ("ghcr.io/library/nginx", "ghcr.io/library/nginx", "ghcr.io/library/nginx"),
    ])
    func familiar(input: String, familiarName: String, familiar: String) throws {
        let reference = try Reference.parseNormalized(input)
        #expect(reference.familiarName == familiarName)
        #expect(reference.familiar == familiar)
    }

    @Test("the step-by-step path keeps the text and prefix as the fast path does")
    func stepByStepPath() throws {
        // 64 bytes: the fast path leaves every input of that length (it
        // could be an image id) to the step-by-step one.
        let name = String(repeating: "abcdefghijklmnopqrstuvwxyz", count: 3).prefix(64)
        for spelling in [String(name), "library/" + name, "docker.io/" + name] {
            let reference = try Reference.parseNormalized(spelling)
            let written = try Reference.parse("docker.io/library/" + name)
            #expect(reference == written && reference.hashValue == written.hashValue, "\(spelling)")
            #expect(CanonicalParts(reference) == CanonicalParts(canonical: written.description), "\(spelling)")
        }
        let tagged = String(name.prefix(60)) + ":1.2"
        let reference = try Reference.parseNormalized(tagged)
        #expect(reference.description == "docker.io/library/" + tagged)
        #expect(reference.familiar == Substring(tagged) && reference.tag == "1.2")
    }

    @Test("Hasher streams bytes: any split of the text hashes as the whole")
    func hasherStreams() {
        let text = Array("docker.io/library/some-longer-name_with.parts:1.25.3-alpine@sha256:\(Self.hex64)".utf8)
        var whole = Hasher()
        text.withUnsafeBytes { whole.combine(bytes: $0) }
        let expected = whole.finalize()
        for split in 0 ... text.count {
            var parts = Hasher()
            text.withUnsafeBytes { bytes in
                parts.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes[..<split]))
                parts.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes[split...]))
            }
            #expect(parts.finalize() == expected, "split at \(split)")
        }
    }

    @Test("parseCanonical refuses every prefixed spelling at the first differing byte")
    func canonical() throws {
        #expect(try Reference.parseCanonical("docker.io/library/nginx:1").description == "docker.io/library/nginx:1")
        for (input, offset) in [("nginx", 0), ("docker.io/nginx", 10), ("index.docker.io/a/b", 0), ("library/x", 0)] {
            #expect(throws: ReferenceError.self) { try Reference.parseCanonical(input) }
            do {
                _ = try Reference.parseCanonical(input)
            } catch {
                #expect(error.kind == .nameNotCanonical && error.offset == offset, "\(input)")
            }
        }
    }
}
