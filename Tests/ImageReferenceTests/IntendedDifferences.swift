import Testing

/// A vector where we differ from distribution/reference on purpose.
///
/// The check asserts what the vectors say (so a change to them is noticed)
/// and then every field of OUR result.
struct IntendedDifference: Sendable {
    let id: String
    let reason: String
    /// The vector's fields that we contradict.
    let upstream: [String: JSONValue]
    /// Our whole result.
    let ours: [String: JSONValue]

    func check(_ testCase: ConformanceCase, observed: [String: JSONValue]) {
        for (field, value) in upstream {
            #expect(testCase.fields[field] == value, "the vector's \(field) changed; review this difference")
        }
        for field in ConformanceRunner.checkedFields(testCase.kind) {
            #expect(
                observed[field] == ours[field],
                "\(field): ours \(observed[field]?.description ?? "absent"), intended \(ours[field]?.description ?? "absent")"
            )
        }
    }
}

/// Every vector where we differ on purpose, with the reason.
enum IntendedDifferences {
    static let strongerDigests = """
        sha384 and sha512 digests are accepted on purpose (OCI allows sha512); the vectors \
        were made with only sha256 linked into go-digest, so upstream calls them unsupported
        """

    static let sha384 = "sha384:" + String(repeating: "f", count: 96)
    static let sha512 = "sha512:" + String(repeating: "f", count: 128)

    static let all: [IntendedDifference] = [
        IntendedDifference(
            id: "dr.parse.014",
            reason: strongerDigests,
            upstream: ["input": .string("validname@" + sha512), "valid": false, "error": "unsupported digest algorithm"],
            ours: [
                "valid": true, "ref_type": "name+digest", "name": "validname", "domain": "",
                "path": "validname", "digest": .string(sha512), "string": .string("validname@" + sha512),
                "familiar": .string("validname@" + sha512), "familiar_name": "validname",
            ]
        ),
        IntendedDifference(
            id: "sup.normalize.039",
            reason: strongerDigests,
            upstream: ["input": .string("nginx@" + sha384), "valid": false, "error": "unsupported digest algorithm"],
            ours: dockerHubNginx(digest: sha384)
        ),
        IntendedDifference(
            id: "sup.normalize.040",
            reason: strongerDigests,
            upstream: ["input": .string("nginx@" + sha512), "valid": false, "error": "unsupported digest algorithm"],
            ours: dockerHubNginx(digest: sha512)
        ),
        IntendedDifference(
            id: "sup.any.003",
            reason: strongerDigests + "; ParseAnyReference therefore reads a bare sha512 digest as a digest, not as the name sha512 with a tag",
            upstream: ["input": .string(sha512), "valid": true, "ref_type": "name+tag"],
            ours: [
                "valid": true, "ref_type": "digest", "digest": .string(sha512),
                "string": .string(sha512), "familiar": .string(sha512),
            ]
        ),
    ]

    static let byCase: [String: IntendedDifference] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    static func dockerHubNginx(digest: String) -> [String: JSONValue] {
        [
            "valid": true, "ref_type": "name+digest", "name": "docker.io/library/nginx", "domain": "docker.io",
            "path": "library/nginx", "digest": .string(digest),
            "string": .string("docker.io/library/nginx@" + digest),
            "familiar": .string("nginx@" + digest), "familiar_name": "nginx",
        ]
    }
}

@Suite("Intended differences")
struct IntendedDifferenceListTests {
    @Test("every listed case exists and has a reason")
    func listedCasesExist() {
        let ids = Set(ConformanceVectors.distribution.map(\.id))
        for difference in IntendedDifferences.all {
            #expect(ids.contains(difference.id), "\(difference.id) is not a distribution/supplementary case")
            #expect(!difference.reason.isEmpty)
        }
    }
}
