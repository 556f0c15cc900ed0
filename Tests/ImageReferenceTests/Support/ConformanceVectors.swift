import Foundation
import TestSupport
import Testing

/// One case of `fixtures/conformance/reference-vectors.json`, with its
/// fields as decoded JSON (a key is absent when it does not apply).
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let id: String
    let impl: String
    let kind: String
    let fields: [String: JSONValue]

    var testDescription: String { id }

    func string(_ key: String) -> String? { fields[key]?.stringValue }

    var input: String { string("input") ?? "" }

    func strings(_ key: String) -> [String] {
        fields[key]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The `[op, argument]` steps of `with_*`, `trim_named` and `tag_name_only` cases.
    var steps: [[String]] {
        fields["steps"]?.arrayValue?.map { $0.arrayValue?.compactMap(\.stringValue) ?? [] } ?? []
    }
}

/// The vectors file, loaded once.
enum ConformanceVectors {
    static let distributionImplementations: Set<String> = ["distribution/reference", "supplementary"]

    static let all: [ConformanceCase] = load()

    /// The cases every result field of which must pass.
    static var distribution: [ConformanceCase] {
        all.filter { distributionImplementations.contains($0.impl) }
    }

    /// The cases that are only reported: v2.8.2 and go-containerregistry.
    static var reportedOnly: [ConformanceCase] {
        all.filter { !distributionImplementations.contains($0.impl) }
    }

    private struct File: Decodable {
        let total: Int
        let cases: [[String: JSONValue]]
    }

    private static func load() -> [ConformanceCase] {
        let path = RepositoryRoot.fixture("conformance/reference-vectors.json")
        guard let data = FileManager.default.contents(atPath: path),
              let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.cases.map { fields in
            ConformanceCase(
                id: fields["id"]?.stringValue ?? "?",
                impl: fields["impl"]?.stringValue ?? "?",
                kind: fields["kind"]?.stringValue ?? "?",
                fields: fields
            )
        }
    }
}
