import Testing
@testable import ImageLint

@Suite("YAML structure")
struct YAMLStructureTests {
    @Test func multiDocumentStream() throws {
        let stream = read("---\napiVersion: v1\nkind: Pod\n---\n# only a comment\n---\n- a\n...\n--- x\n")
        #expect(stream.diagnostics.isEmpty)
        #expect(stream.isComplete)
        #expect(stream.documents.map(\.index) == [0, 1, 2, 3])
        #expect(stream.documents[0].root?["kind"]?.scalar?.value == "Pod")
        // A comment-only document is an empty (null) scalar.
        #expect(stream.documents[1].root?.isNull == true)
        #expect(stream.documents[2].root?.sequence?.count == 1)
        #expect(stream.documents[3].root?.scalar?.value == "x")
        #expect(stream.file.text(stream.documents[0].span).hasPrefix("---"))
    }

    @Test func emptyAndCommentOnlyFiles() {
        #expect(read("").documents.isEmpty)
        #expect(read("# nothing\n\n").documents.isEmpty)
        #expect(read("\u{FEFF}").documents.isEmpty)
        #expect(read("").diagnostics.isEmpty)
    }

    @Test func orderedPairsAndLookup() throws {
        let stream = read("b: 1\na: 2\nc: [x, {d: e}]\n")
        let mapping = try #require(stream.documents.first?.root?.mapping)
        #expect(mapping.map { $0.key.scalar?.value ?? "" } == ["b", "a", "c"])
        #expect(mapping.count == 3)
        #expect(mapping["a"]?.scalar?.value == "2")
        #expect(mapping["zz"] == nil)
        #expect(mapping["c"]?.sequence?.count == 2)
        #expect(mapping["c"]?.sequence?[1]?["d"]?.scalar?.value == "e")
        #expect(mapping["c"]?.sequence?[2] == nil)
        #expect(mapping["a"]?.reachedThrough == nil)
        #expect(mapping["a"]?.isMerged == false)
    }

    @Test func aliasPointsAtAnchoredText() throws {
        let marked = MarkedText("x-img: &img «nginx:1.2»\nservices:\n  a:\n    image: «*img»\n")
        let stream = read(bytes: marked.bytes)
        #expect(stream.diagnostics.isEmpty)
        let image = try #require(stream.documents.first?.node(at: [.value("services"), .value("a"), .value("image")]))
        #expect(image.span == marked.spans[0])
        #expect(image.scalar?.value == "nginx:1.2")
        #expect(image.reachedThrough?.span == marked.spans[1])
        #expect(image.reachedThrough?.kind == .alias)
        #expect(image.id == stream.documents[0].root?["x-img"]?.id)
        // As written, the value is the alias.
        let written = try #require(stream.documents.first?.node(at: [.value("services"), .value("a")])?.mapping?.writtenPairs.first { _ in true })
        #expect(written.value.kind == .alias)
        #expect(written.value.resolved?.span == marked.spans[0])
    }

    @Test func aliasedCollectionKeepsTheOutermostAlias() throws {
        let marked = MarkedText("base: &base\n  image: «x»\nweb: «*base»\n")
        let stream = read(bytes: marked.bytes)
        let image = try #require(stream.documents.first?.node(at: [.value("web"), .value("image")]))
        #expect(image.span == marked.spans[0])
        #expect(image.reachedThrough?.span == marked.spans[1])
    }

    @Test func singleMergeKey() throws {
        let marked = MarkedText("x-defaults: &defaults\n  image: «base:1»\n  restart: always\nservices:\n  web:\n    <<: «*defaults»\n    restart: «no»\n")
        let stream = read(bytes: marked.bytes)
        #expect(stream.diagnostics.isEmpty)
        let web = try #require(stream.documents.first?.node(at: [.value("services"), .value("web")])?.mapping)
        #expect(web.hasMergeKeys)
        #expect(web.count == 2)
        #expect(web.map { $0.key.scalar?.value ?? "" } == ["restart", "image"])
        let image = try #require(web["image"])
        #expect(image.span == marked.spans[0])
        #expect(image.isMerged)
        #expect(image.reachedThrough?.span == marked.spans[1])
        // The key written in the mapping overrides the merged one.
        let restart = try #require(web["restart"])
        #expect(restart.span == marked.spans[2])
        #expect(!restart.isMerged)
        #expect(web.writtenPairs.count == 2)
        #expect(web["<<"] == nil)
    }

    @Test func mergeListEarlierWinsAndOwnKeysOverride() throws {
        let text = """
            a: &a {image: from-a, x: a}
            b: &b {image: from-b, y: b, x: b}
            c:
              image: own
              <<: [*a, *b]
            d:
              <<: [*b, *a]
            e:
              <<: {inline: 1}
              <<: *a
            """
        let stream = read(text)
        #expect(stream.diagnostics.isEmpty, "\(stream.diagnostics)")
        let root = try #require(stream.documents.first?.root)
        let c = try #require(root["c"]?.mapping)
        #expect(c["image"]?.scalar?.value == "own")
        #expect(c["x"]?.scalar?.value == "a")
        #expect(c["y"]?.scalar?.value == "b")
        #expect(c.map { $0.key.scalar?.value ?? "" } == ["image", "x", "y"])
        let d = try #require(root["d"]?.mapping)
        #expect(d["image"]?.scalar?.value == "from-b")
        #expect(d["x"]?.scalar?.value == "b")
        let e = try #require(root["e"]?.mapping)
        #expect(e["inline"]?.scalar?.value == "1")
        #expect(e["inline"]?.isMerged == true)
        #expect(e["inline"]?.reachedThrough == nil)
        #expect(e["image"]?.scalar?.value == "from-a")
    }

    @Test func nestedMergesChain() throws {
        let stream = read("a: &a {image: x}\nb: &b {<<: *a, tag: 1}\nc: {<<: *b}\n")
        let c = try #require(stream.documents.first?.root?["c"]?.mapping)
        #expect(c["image"]?.scalar?.value == "x")
        #expect(c["tag"]?.scalar?.value == "1")
        // The alias in c's own merge key is the way in.
        #expect(c["image"]?.reachedThrough.map { stream.file.text($0.span) } == "*b")
    }

    @Test func invalidMergeIsAWarning() throws {
        let stream = read("a: {<<: 3, b: 1}\n")
        #expect(stream.codes == ["yaml-invalid-merge"])
        #expect(stream.diagnostics.first?.severity == .warning)
        #expect(stream.documents.first?.root?["a"]?["b"]?.scalar?.value == "1")
    }

    @Test func sequenceMergeIsKeptAsWritten() throws {
        // Woodpecker's `- <<: *paths` splices a list; not a YAML merge.
        let stream = read("p: &p [a, b]\nm: &m [{x: 1}]\nq:\n  - <<: *p\n  - <<: *m\n")
        #expect(stream.diagnostics.isEmpty)
        let items = try #require(stream.documents.first?.root?["q"]?.sequence)
        #expect(items[0]?.mapping?.hasMergeKeys == false)
        #expect(items[0]?["<<"]?.sequence?.count == 2)
        // An alias of a list of mappings is a merge.
        #expect(items[1]?["x"]?.scalar?.value == "1")
    }

    @Test func undefinedAndRecursiveAliases() throws {
        let stream = read("a: *nope\nb: &r [1, *r]\n")
        #expect(stream.codes == ["yaml-undefined-alias", "yaml-recursive-alias"])
        let undefined = stream.diagnostics[0].location
        #expect(undefined.start.line == 1 && undefined.start.column == 4 && undefined.end.column == 9)
        let root = try #require(stream.documents.first?.root)
        #expect(root["a"]?.kind == .alias)
        #expect(root["a"]?.scalar == nil)
        #expect(root["b"]?.sequence?.count == 2)
        // Walking it terminates.
        var visited = 0
        stream.documents[0].walk { _ in visited += 1; return .descend }
        #expect(visited == 5)
    }

    @Test func duplicateKeysKeepTheFirst() throws {
        let stream = read("image: a\nname: x\nimage: b\n\"image\": c\n1: one\n\"1\": quoted\n")
        #expect(stream.codes == ["yaml-duplicate-key", "yaml-duplicate-key"])
        let first = stream.diagnostics[0]
        #expect(first.severity == .error)
        #expect(first.location.start.line == 3)
        #expect(first.related.first?.start.line == 1)
        #expect(stream.diagnostics[1].location.start.line == 4)
        #expect(stream.documents.first?.root?["image"]?.scalar?.value == "a")
        #expect(stream.documents.first?.root?.mapping?.count == 6)
    }

    @Test func duplicateKeysInLargeMappings() throws {
        var text = ""
        for i in 0..<100 { text += "key\(i): \(i)\n" }
        text += "key42: again\n"
        let stream = read(text)
        #expect(stream.codes == ["yaml-duplicate-key"])
        #expect(stream.diagnostics.first?.location.start.line == 101)
        #expect(stream.diagnostics.first?.related.first?.start.line == 43)
    }

    @Test func unknownTagsAreKept() throws {
        let text = """
            image: !reference [.defaults, image]
            services: [!reference [.x, 0]]
            reset: !reset null
            over: !override {a: 1}
            ref: !Ref Param
            str: !!str 1.10
            """
        let stream = read(text)
        #expect(stream.diagnostics.isEmpty)
        let root = try #require(stream.documents.first?.root)
        #expect(root["image"]?.tag == "!reference")
        #expect(root["image"]?.sequence?.count == 2)
        #expect(root["services"]?.sequence?[0]?.tag == "!reference")
        #expect(root["reset"]?.tag == "!reset")
        #expect(root["over"]?.tag == "!override")
        #expect(root["ref"]?.tag == "!Ref")
        #expect(root["str"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["str"]?.scalar?.coreType == .string)
    }

    @Test func valuesStayAsWritten() throws {
        let root = try #require(read("tag: 1.10\nn: 010\nb: yes\n").documents.first?.root)
        #expect(root["tag"]?.scalar?.value == "1.10")
        #expect(root["tag"]?.scalar?.coreType == .float)
        #expect(root["n"]?.scalar?.value == "010")
        #expect(root["b"]?.scalar?.coreType == .string)
    }

    @Test func walkFollowsAliasesAndMerges() throws {
        let stream = read("x: &x {image: a}\ns:\n  one: {<<: *x}\n  two: *x\n  list: [*x]\n")
        var images: [(Int, String?)] = []
        let diagnostics = try #require(stream.documents.first).walk { step in
            if step.key?.scalar?.value == "image" {
                images.append((step.node.id, step.node.reachedThrough.map { stream.file.text($0.span) }))
            }
            return .descend
        }
        #expect(diagnostics.isEmpty)
        #expect(images.count == 4)
        #expect(Set(images.map(\.0)).count == 1)
        #expect(images.map(\.1) == [nil, "*x", "*x", "*x"])
    }

    @Test func walkCanSkipAndStop() throws {
        let stream = read("a: {b: {c: 1}}\nd: 2\n")
        var keys: [String] = []
        stream.documents[0].walk { step in
            if let key = step.key?.scalar?.value { keys.append(key) }
            return step.key?.scalar?.value == "a" ? .skipChildren : .descend
        }
        #expect(keys == ["a", "d"])
        keys = []
        stream.documents[0].walk { step in
            if let key = step.key?.scalar?.value { keys.append(key) }
            return step.key == nil ? .descend : .stop
        }
        #expect(keys == ["a"])
    }
}

@Suite("YAML core types")
struct YAMLCoreTypeTests {
    @Test(arguments: [
        ("", YAMLCoreType.null), ("~", .null), ("null", .null), ("NULL", .null), ("Null", .null), ("nULL", .string),
        ("true", .bool), ("False", .bool), ("yes", .string), ("on", .string),
        ("8", .int), ("-8", .int), ("+0", .int), ("0o17", .int), ("0x1F", .int), ("0x", .string), ("0o8", .string),
        ("1.10", .float), ("1e3", .float), ("553640e6", .float), ("1.", .float), (".5", .float), ("-.inf", .float),
        (".NaN", .float), ("1e", .string), ("7284872", .int), ("3.6", .float), ("1.2.3", .string), ("v1", .string),
        ("latest", .string), ("1_000", .string), ("1:20", .string), ("+", .string), (".", .string), ("-", .string),
    ])
    func resolve(_ text: String, _ type: YAMLCoreType) {
        #expect(YAMLCoreType.resolve(text) == type)
    }

    @Test func quotedIsAlwaysString() throws {
        let root = try #require(read("a: '1.0'\nb: \"true\"\nc: |\n  8\n").documents.first?.root)
        for key in ["a", "b", "c"] {
            #expect(root[key]?.scalar?.coreType == .string)
        }
    }
}

@Suite("YAML storage")
struct YAMLStorageTests {
    @Test func recordStaysSmall() {
        // The reader's speed is mostly memory traffic; keep records at 32 bytes.
        #expect(MemoryLayout<YAMLNodeRecord>.stride == 32)
    }

    @Test func anchorsAreKeptPerNode() throws {
        let stream = read("a: &first x\nb: &second [1]\nc: *first\n")
        let root = try #require(stream.documents.first?.root)
        #expect(root["a"]?.anchor == "first")
        #expect(root["b"]?.anchor == "second")
        #expect(root["c"]?.anchor == "first")
        #expect(root["b"]?.sequence?[0]?.anchor == nil)
    }
}
