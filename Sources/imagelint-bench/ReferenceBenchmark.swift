import ImageReference
import SeededRandom

/// `imagelint-bench reference`: `Reference.parse` and
/// `Reference.parseNormalized` over a deterministic mix of 100,000
/// realistic references, valid and invalid.
enum ReferenceBenchmark {
    static let inputCount = 100_000

    static func run(_ options: BenchmarkOptions) {
        let inputs = ReferenceCorpus.make(count: options.inputs ?? inputCount)
        let validStrict = inputs.count { (try? Reference.parse($0)) != nil }
        let validNormalized = inputs.count { (try? Reference.parseNormalized($0)) != nil }
        let averageLength = Double(inputs.reduce(0) { $0 + $1.utf8.count }) / Double(inputs.count)
        print("reference: \(inputs.count) inputs, average \(Int(averageLength.rounded())) bytes; "
            + "valid: \(validStrict) strict, \(validNormalized) normalized")

        // Same-run baseline: touching every byte of every input, so figures
        // from a busy or slow machine can be read against it.
        let baseline = RoundTimings.measure(rounds: options.rounds, items: inputs.count) {
            var checksum = 0
            for input in inputs {
                checksum &+= input.utf8.withContiguousStorageIfAvailable { bytes in
                    bytes.reduce(0) { $0 &+ Int($1) }
                } ?? 0
            }
            return checksum
        }
        print(baseline.line("baseline", unit: "ref") + "  (sum of every byte)")

        let strict = RoundTimings.measure(rounds: options.rounds, items: inputs.count) {
            var checksum = 0
            for input in inputs {
                do throws(ReferenceError) {
                    checksum &+= try Reference.parse(input).checksum
                } catch {
                    checksum &+= error.offset
                }
            }
            return checksum
        }
        print(strict.line("parse", unit: "ref"))

        let normalized = RoundTimings.measure(rounds: options.rounds, items: inputs.count) {
            var checksum = 0
            for input in inputs {
                do throws(ReferenceError) {
                    checksum &+= try Reference.parseNormalized(input).checksum
                } catch {
                    checksum &+= error.offset
                }
            }
            return checksum
        }
        print(normalized.line("parseNormalized", unit: "ref"))
    }
}

extension Reference {
    /// A cheap use of the result, so parsing cannot be optimized away. Not
    /// `description`, which a normalized reference builds only when asked
    /// (an allocation that is no part of parsing), nor a part such as the
    /// tag (making a `Substring` costs about as much as the parse itself).
    var checksum: Int { isNameOnly ? 1 : 2 }
}

/// Builds the benchmark's references: mostly the shapes found in real
/// Dockerfiles, compose files and manifests, plus typical mistakes.
enum ReferenceCorpus {
    static let names = [
        "nginx", "redis", "postgres", "alpine", "ubuntu", "debian", "node", "python", "golang", "busybox",
        "mysql", "mongo", "rabbitmq", "traefik", "grafana", "prometheus", "envoy", "memcached", "httpd",
        "elasticsearch", "kibana", "vault", "consul", "etcd", "coredns", "pause", "kube-proxy", "api",
        "web-frontend", "worker", "cert-manager-controller", "ingress-nginx", "my_service", "app.server",
    ]
    static let namespaces = [
        "library", "bitnami", "grafana", "acme", "team-a", "platform", "infra", "ml", "data_eng", "org/sub",
    ]
    static let registries = [
        "ghcr.io", "quay.io", "gcr.io", "registry.k8s.io", "docker.io", "index.docker.io", "public.ecr.aws",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com", "myregistry.azurecr.io", "registry.gitlab.com",
        "localhost:5000", "registry.local:5000", "10.0.0.12:5000", "[2001:db8::1]:5000", "[::1]",
        "harbor.example.com:8443",
    ]
    static let tags = [
        "latest", "1.25", "1.25.3", "3.20", "22.04", "bookworm-slim", "v1.2.3", "16-alpine", "stable",
        "2024.06.01", "sha-4f2a9c1", "main", "1.0.0-rc.1", "Latest", "jammy-20240530", "_internal",
    ]
    static let mistakes = [
        "nginx:", "foo//bar", "-bad/name", "nginx@sha256:abc", "nginx latest", "ghcr.io/acme/api:1.4 ",
        "MyOrg/App:1", "docker.io/Library/nginx", "nginx:.hidden", "registry:port/app", "UPPER",
        "https://ghcr.io/acme/api", "foo/bar/", "ngïnx", "",
    ]

    static func make(count: Int) -> [String] {
        var random = SeededGenerator(seed: 0x1A6E_11A7)
        return (0 ..< count).map { _ in make(using: &random) }
    }

    static func make(using random: inout SeededGenerator) -> String {
        let shape = Int.random(in: 0 ..< 100, using: &random)
        let name = pick(names, &random)
        switch shape {
        case 0 ..< 30:
            // Docker Hub short forms: nginx, nginx:1.25, bitnami/redis:7
            var text = Bool.random(using: &random) ? name : pick(namespaces, &random) + "/" + name
            if Int.random(in: 0 ..< 4, using: &random) > 0 { text += ":" + pick(tags, &random) }
            return text
        case 30 ..< 70:
            // Registry, namespace, name and tag.
            return pick(registries, &random) + "/" + pick(namespaces, &random) + "/" + name + ":" + pick(tags, &random)
        case 70 ..< 85:
            // Pinned by digest, with or without a tag.
            let tag = Bool.random(using: &random) ? ":" + pick(tags, &random) : ""
            return pick(registries, &random) + "/" + name + tag + "@sha256:" + hex(64, &random)
        case 85 ..< 90:
            // Deep paths with every separator kind.
            return pick(registries, &random) + "/a__b/c---d/e.f/" + name
        default:
            return pick(mistakes, &random)
        }
    }

    static func pick(_ values: [String], _ random: inout SeededGenerator) -> String {
        values[Int.random(in: 0 ..< values.count, using: &random)]
    }

    static func hex(_ count: Int, _ random: inout SeededGenerator) -> String {
        let digits = Array("0123456789abcdef")
        return String((0 ..< count).map { _ in digits[Int.random(in: 0 ..< 16, using: &random)] })
    }
}
