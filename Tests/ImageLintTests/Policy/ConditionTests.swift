import Testing
@testable import ImageLint

@Suite("Conditions and patterns")
struct ConditionTests {
    static func facts(_ domain: String, _ path: String, tag: String? = nil, digest: String? = nil, qualified: Bool = true) -> ImageFacts {
        ImageFacts(domain: domain, path: path, tag: tag, digest: digest, qualified: qualified, familiarName: path)
    }

    static func subject(_ image: ImageFacts, context: OccurrenceContext = OccurrenceContext(), source: SourceKind = .dockerfile, role: ImageRole = .pull, path: String? = "Dockerfile") -> ConditionSubject {
        let file = SourceFile(path: "Dockerfile", text: "FROM x\n")
        let occurrence = ImageOccurrence(source: source, role: role, location: file.location(SourceSpan(start: 5, end: 6)), text: "x", resolved: "x", context: context)
        return ConditionSubject(occurrence: occurrence, image: image, relativePaths: [path])
    }

    @Test(arguments: ["nginx", "docker.io/nginx", "index.docker.io/library/nginx", "docker.io/library/nginx", "index.docker.io/nginx"])
    func imagePatternsAreNormalized(_ written: String) throws {
        let pattern = try ImagePattern(written)
        #expect(pattern.normalized == "docker.io/library/nginx")
        #expect(pattern.matches(Self.facts("docker.io", "library/nginx")))
        #expect(!pattern.matches(Self.facts("docker.io", "library/nginx-extra")))
    }

    @Test(arguments: [
        ("bitnami/*", "docker.io/bitnami/*"),
        ("*", "docker.io/library/*"),
        ("**", "**"),
        ("ghcr.io/acme/**", "ghcr.io/acme/**"),
        ("localhost/app", "localhost/app"),
        ("localhost:5000/app", "localhost:5000/app"),
        ("docker.io/*", "docker.io/library/*"),
        ("docker.io/**", "docker.io/**"),
        ("*/nginx", "*/nginx"),
    ])
    func normalization(_ written: String, _ normalized: String) throws {
        #expect(try ImagePattern(written).normalized == normalized)
    }

    @Test(arguments: [
        ("nginx:1.27", "an image pattern matches names only; remove the tag (use a `tag:` condition)", 5),
        ("ghcr.io/acme/api:1", "an image pattern matches names only; remove the tag (use a `tag:` condition)", 16),
        ("nginx@sha256:abc", "an image pattern matches names only; remove the digest (use a `digest:` condition)", 5),
        ("ghcr.io/[acme/x", "the class opened here has no closing ']'", 8),
        ("index.docker.io/[x", "the class opened here has no closing ']'", 16),
    ])
    func imagePatternErrors(_ written: String, _ message: String, _ offset: Int) {
        #expect(throws: ImagePattern.SyntaxError(message: message, offset: offset)) { try ImagePattern(written) }
    }

    @Test func registryEntries() throws {
        let acme = try RegistryPattern("ghcr.io/acme")
        #expect(acme.matches(Self.facts("ghcr.io", "acme/x")))
        #expect(acme.matches(Self.facts("ghcr.io", "acme/x/y")))
        #expect(!acme.matches(Self.facts("ghcr.io", "acmeevil/x")))
        let ecr = try RegistryPattern("*.dkr.ecr.*.amazonaws.com")
        #expect(ecr.matches(Self.facts("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "api")))
        #expect(!ecr.matches(Self.facts("ghcr.io", "api")))
        let hub = try RegistryPattern("index.docker.io")
        #expect(hub.matches(Self.facts("docker.io", "library/nginx")))
        let library = try RegistryPattern("docker.io/library")
        #expect(library.matches(Self.facts("docker.io", "library/nginx")))
        #expect(!library.matches(Self.facts("docker.io", "bitnami/nginx")))
        let bitnami = try RegistryPattern("bitnami/")
        #expect(bitnami.matches(Self.facts("docker.io", "bitnami/nginx")))
        let port = try RegistryPattern("localhost:5000")
        #expect(port.matches(Self.facts("localhost:5000", "app")))
        #expect(!port.matches(Self.facts("localhost", "app")))
    }

    @Test func tagDigestAndCombinators() throws {
        let latest = Condition.any([.tagGlobs([try Glob("latest")]), .all([.tagPresent(false), .digestPresent(false)])])
        #expect(latest.holds(for: Self.subject(Self.facts("docker.io", "library/nginx"))))
        #expect(latest.holds(for: Self.subject(Self.facts("docker.io", "library/nginx", tag: "latest"))))
        #expect(!latest.holds(for: Self.subject(Self.facts("docker.io", "library/nginx", tag: "1.27"))))
        #expect(!latest.holds(for: Self.subject(Self.facts("docker.io", "library/nginx", digest: "sha256:00"))))
        #expect(Condition.not(latest).holds(for: Self.subject(Self.facts("docker.io", "library/nginx", tag: "1"))))
        #expect(Condition.always.holds(for: Self.subject(Self.facts("a.io", "b"))))
        let regex = Condition.tagRegex(try TagRegex("^3\\.1[0-9]$"))
        #expect(regex.holds(for: Self.subject(Self.facts("docker.io", "library/alpine", tag: "3.19"))))
        #expect(!regex.holds(for: Self.subject(Self.facts("docker.io", "library/alpine"))))
    }

    @Test func contextSelectors() throws {
        var final = OccurrenceContext()
        final.isFinalStage = true
        var builder = OccurrenceContext()
        builder.isFinalStage = false
        let image = Self.facts("docker.io", "library/golang", tag: "1.22")
        #expect(Condition.finalStage(true).holds(for: Self.subject(image, context: final)))
        #expect(!Condition.finalStage(true).holds(for: Self.subject(image, context: builder)))
        #expect(Condition.finalStage(false).holds(for: Self.subject(image, context: builder)))
        #expect(!Condition.finalStage(false).holds(for: Self.subject(image)))

        var pod = OccurrenceContext()
        pod.kind = "CronJob"
        pod.namespace = "kube-system"
        pod.containerType = "initContainer"
        let k8s = Self.subject(image, context: pod, source: .kubernetes)
        #expect(Condition.kind(["CronJob", "Job"]).holds(for: k8s))
        #expect(!Condition.kind(["Deployment"]).holds(for: k8s))
        #expect(Condition.namespace([try Glob("kube-*")]).holds(for: k8s))
        #expect(Condition.containerType([.`init`]).holds(for: k8s))
        #expect(!Condition.containerType([.app]).holds(for: k8s))
        #expect(Condition.source([.kubernetes]).holds(for: k8s))
        #expect(!Condition.source([.compose]).holds(for: k8s))
        #expect(Condition.role([.pull]).holds(for: k8s))
        #expect(Condition.files(GlobSet(base: 0, globs: [try Glob("deploy/**")])).holds(for: Self.subject(image, path: "deploy/prod/x.yaml")))
        #expect(!Condition.files(GlobSet(base: 0, globs: [try Glob("deploy/**")])).holds(for: Self.subject(image, path: nil)))
        #expect(Condition.qualified(false).holds(for: Self.subject(Self.facts("docker.io", "library/nginx", qualified: false))))
    }
}
