import Testing
@testable import ImageLint

@Suite("YAMLKeyedValues")
struct YAMLKeyedValuesTests {
    static let keys: [StaticString] = ["image", "build", "name", "x\ty", ""]

    /// What each key's value reads as, through the keyed look-up and
    /// through plain subscripts (which must agree).
    static func check(_ text: String) -> [String?] {
        let stream = YAMLReader.read(text: text)
        guard let mapping = stream.documents.first?.root?.mapping else { return [] }
        let fields = YAMLKeyedValues(mapping, keys: keys)
        var values: [String?] = []
        for (index, key) in keys.enumerated() {
            let viaKeyed = fields[index].map { $0.scalar?.value ?? $0.sourceText }
            let viaSubscript = mapping[key.description].map { $0.scalar?.value ?? $0.sourceText }
            #expect(viaKeyed == viaSubscript, "\(key) in \(text)")
            #expect(fields[index]?.id == mapping[key.description]?.id)
            values.append(viaKeyed)
        }
        return values
    }

    @Test func plainMapping() {
        #expect(Self.check("name: n\nimage: i\nother: o\n") == ["i", nil, "n", nil, nil])
    }

    @Test func quotedAndEscapedKeys() {
        #expect(Self.check("\"im\\x61ge\": i\n'name': n\n\"x\\ty\": t\n\"\": empty\n") == ["i", nil, "n", "t", "empty"])
    }

    @Test func duplicateKeysFirstWins() {
        #expect(Self.check("image: first\nimage: second\n") == ["first", nil, nil, nil, nil])
    }

    @Test func mergeKeysAndOverrides() {
        let text = "base: &b {image: merged, build: b}\nm:\n  <<: *b\n  image: own\n"
        let stream = YAMLReader.read(text: text)
        let mapping = stream.documents.first?.root?["m"]?.mapping
        #expect(mapping?.hasMergeKeys == true)
        let fields = mapping.map { YAMLKeyedValues($0, keys: Self.keys) }
        #expect(fields?[0]?.scalar?.value == "own")
        #expect(fields?[1]?.scalar?.value == "b")
        #expect(fields?[1]?.isMerged == true)
    }

    @Test func aliasKeysAndValues() {
        #expect(Self.check("k: &k image\nv: &v value\n*k : *v\n") == ["value", nil, nil, nil, nil])
    }

    @Test func flowMappingAndCollections() {
        #expect(Self.check("{build: {context: .}, image: [a, b], name: ~}") == ["[a, b]", "{context: .}", "~", nil, nil])
    }
}
