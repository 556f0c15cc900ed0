import Testing
@testable import ImageLint

/// Exact spans and values in every scalar style and position.
@Suite("YAML spans")
struct YAMLSpanTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let path: [YAMLPathStep]
        let value: String
        let style: YAMLScalar.Style
        var document = 0
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain", text: "image: «nginx:1.2»\n", path: [.value("image")], value: "nginx:1.2", style: .plain),
        Case(name: "plain, trailing blanks and comment", text: "image: «busybox»   # tag: 7\nb: 1\n", path: [.value("image")], value: "busybox", style: .plain),
        Case(name: "plain, two spaces after colon", text: "image:  «nginx:alpine»\n", path: [.value("image")], value: "nginx:alpine", style: .plain),
        Case(name: "plain with # inside", text: "image: «a#b» #c\n", path: [.value("image")], value: "a#b", style: .plain),
        Case(name: "plain, tab after colon", text: "image:\t«x:1»\t\n", path: [.value("image")], value: "x:1", style: .plain),
        Case(name: "plain multi-line", text: "a: «one\n  two\n\n  three» # c\nb: 1\n", path: [.value("a")], value: "one two\nthree", style: .plain),
        Case(name: "plain at end of file without newline", text: "a: «x»", path: [.value("a")], value: "x", style: .plain),
        Case(name: "empty value", text: "image:«»\nb: 1\n", path: [.value("image")], value: "", style: .plain),
        Case(name: "empty value at end of file", text: "b: 1\nimage:«»", path: [.value("image")], value: "", style: .plain),
        Case(name: "single-quoted", text: "image: '«nginx:1.2»'\n", path: [.value("image")], value: "nginx:1.2", style: .singleQuoted),
        Case(name: "single-quoted with ''", text: "image: '«it''s»' # c\n", path: [.value("image")], value: "it's", style: .singleQuoted),
        Case(name: "single-quoted multi-line", text: "a: '«x \n   y»'\n", path: [.value("a")], value: "x y", style: .singleQuoted),
        Case(name: "double-quoted", text: "image: \"«memcached:1.6-alpine»\"\n", path: [.value("image")], value: "memcached:1.6-alpine", style: .doubleQuoted),
        Case(name: "double-quoted with escapes", text: "image: \"«a\\tb\\u00e9\\\"»\"\n", path: [.value("image")], value: "a\tbé\"", style: .doubleQuoted),
        Case(name: "double-quoted escaped line break", text: "a: \"«x \\\n   y»\"\n", path: [.value("a")], value: "x y", style: .doubleQuoted),
        Case(name: "empty double-quoted", text: "image: \"«»\"\n", path: [.value("image")], value: "", style: .doubleQuoted),
        Case(name: "literal", text: "run: |\n  «FROM alpine\n  RUN x»\nnext: 1\n", path: [.value("run")], value: "FROM alpine\nRUN x\n", style: .literal),
        Case(name: "literal with comment on indicator line", text: "run: | # inline\n    «FROM a»\n", path: [.value("run")], value: "FROM a\n", style: .literal),
        Case(name: "literal strip", text: "run: |-\n  «a\n   b»\n\nnext: 1\n", path: [.value("run")], value: "a\n b", style: .literal),
        Case(name: "literal keep", text: "run: |+\n  «a»\n\n\nnext: 1\n", path: [.value("run")], value: "a\n\n\n", style: .literal),
        Case(name: "literal with leading empty line", text: "run: |\n\n  «a\n  b»\n", path: [.value("run")], value: "\na\nb\n", style: .literal),
        Case(name: "literal with explicit indentation", text: "- |1\n «  x»\n", path: [.item(0)], value: "  x\n", style: .literal),
        Case(name: "literal at end of file", text: "b: |\n  «last»", path: [.value("b")], value: "last", style: .literal),
        Case(name: "literal item in a sequence", text: "- |\n  «a»\n- b\n", path: [.item(0)], value: "a\n", style: .literal),
        Case(name: "folded", text: "d: >\n  «a\n  b»\n", path: [.value("d")], value: "a b\n", style: .folded),
        Case(name: "folded strip with more-indented line", text: "d: >-\n  «a\n    b\n  c»\n\ne: 1\n", path: [.value("d")], value: "a\n  b\nc", style: .folded),
        Case(name: "flow mapping value", text: "svc: {name: a, image: «b»}\n", path: [.value("svc"), .value("image")], value: "b", style: .plain),
        Case(name: "flow mapping quoted", text: "svc: {name: a, image: \"«b:1»\" }\n", path: [.value("svc"), .value("image")], value: "b:1", style: .doubleQuoted),
        Case(name: "flow sequence item", text: "services: [«docker.io/library/redis», x]\n", path: [.value("services"), .item(0)], value: "docker.io/library/redis", style: .plain),
        Case(name: "flow sequence last item", text: "services: [a, «x»]\n", path: [.value("services"), .item(1)], value: "x", style: .plain),
        Case(name: "block mapping key", text: "a: 1\n«image»: x\n", path: [.key("image")], value: "image", style: .plain),
        Case(name: "quoted key", text: "\"«image»\": x\n", path: [.key("image")], value: "image", style: .doubleQuoted),
        Case(name: "flow key", text: "{a: 1, «image»: x}\n", path: [.key("image")], value: "image", style: .plain),
        Case(name: "JSON", text: "{\"spec\": {\"image\": \"«x:1»\"}}", path: [.value("spec"), .value("image")], value: "x:1", style: .doubleQuoted),
        Case(name: "anchored scalar", text: "a: &anc «v»\n", path: [.value("a")], value: "v", style: .plain),
        Case(name: "tagged scalar", text: "image: !reset «null»\n", path: [.value("image")], value: "null", style: .plain),
        Case(name: "anchor and tag on a quoted scalar", text: "image: &a !t \"«x»\"\n", path: [.value("image")], value: "x", style: .doubleQuoted),
        Case(name: "anchor glued to a plain value", text: "&t«?Ir»", path: [], value: "?Ir", style: .plain),
        Case(name: "properties on their own line", text: "image: &a # c\n  «multi\n  line»\n", path: [.value("image")], value: "multi line", style: .plain),
        Case(name: "CRLF plain", text: "a: x\r\nimage: «nginx»\r\n", path: [.value("image")], value: "nginx", style: .plain),
        Case(name: "CRLF literal", text: "run: |\r\n  «FROM a\r\n  RUN b»\r\nnext: 1\r\n", path: [.value("run")], value: "FROM a\nRUN b\n", style: .literal),
        Case(name: "CRLF multi-line plain", text: "a: «x\r\n  y»\r\n", path: [.value("a")], value: "x y", style: .plain),
        Case(name: "BOM", text: "\u{FEFF}image: «x»\n", path: [.value("image")], value: "x", style: .plain),
        Case(name: "non-ASCII before the value", text: "é: «ü-x» # ß\n", path: [.value("é")], value: "ü-x", style: .plain),
        Case(name: "non-ASCII in flow before the value", text: "- {ключ: значение, image: «🐳»}\n", path: [.item(0), .value("image")], value: "🐳", style: .plain),
        Case(name: "non-ASCII on earlier lines", text: "x: \"日本語\"\n# ü comment\nimage: '«äb»'\n", path: [.value("image")], value: "äb", style: .singleQuoted),
        Case(name: "second document", text: "a: 1\n---\nimage: «y»\n", path: [.value("image")], value: "y", style: .plain, document: 1),
        Case(name: "explicit document with value on the marker line", text: "--- «a»\n...\n", path: [], value: "a", style: .plain),
    ]

    @Test(arguments: cases)
    func span(_ c: Case) throws {
        let marked = MarkedText(c.text)
        let stream = read(bytes: marked.bytes)
        #expect(stream.diagnostics.isEmpty, "\(stream.diagnostics)")
        let document = try #require(stream.documents.count > c.document ? stream.documents[c.document] : nil)
        let node = try #require(document.node(at: c.path))
        let scalar = try #require(node.scalar)
        #expect(node.span == marked.span, "text: \(String(decoding: marked.bytes[max(0, node.span.start)..<min(marked.bytes.count, node.span.end)], as: UTF8.self))")
        #expect(scalar.value == c.value)
        #expect(scalar.style == c.style)
        #expect(scalar.hasValue(c.value))
    }

    /// Every value byte of every case maps to the same byte in the file
    /// where the source map calls itself exact.
    @Test(arguments: cases)
    func sourceMap(_ c: Case) throws {
        let marked = MarkedText(c.text)
        let stream = read(bytes: marked.bytes)
        let document = try #require(stream.documents.count > c.document ? stream.documents[c.document] : nil)
        let scalar = try #require(document.node(at: c.path)?.scalar)
        let map = scalar.sourceMap
        #expect(map.isExact)
        let value = Array(scalar.valueBytes)
        for (i, byte) in value.enumerated() {
            let offset = try #require(map.sourceOffset(forValueOffset: i))
            #expect(offset >= 0 && offset < marked.bytes.count)
            // Bytes made by escapes or folding map to what made them.
            let madeByDecoding = byte == UInt8(ascii: "\n") || (c.style == .doubleQuoted && marked.bytes[offset] == UInt8(ascii: "\\"))
                || ((c.style == .plain || c.style.isQuoted || c.style == .folded) && byte == UInt8(ascii: " ") && marked.bytes[offset] != byte)
                || (c.name == "double-quoted with escapes")
            if !madeByDecoding {
                #expect(marked.bytes[offset] == byte, "value offset \(i)")
            }
        }
        #expect(map.sourceOffset(forValueOffset: value.count + 1) == nil)
        #expect(map.sourceOffset(forValueOffset: -1) == nil)
    }

    @Test func collectionSpans() throws {
        let marked = MarkedText("a:\n  «b: 1\n  c: [x, y]»  # end\nd: «[1, 2]»\ne: «{f: g}»\nh:\n«- i\n- j»\n")
        let stream = read(bytes: marked.bytes)
        let document = try #require(stream.documents.first)
        #expect(document.node(at: [.value("a")])?.span == marked.spans[0])
        #expect(document.node(at: [.value("d")])?.span == marked.spans[1])
        #expect(document.node(at: [.value("e")])?.span == marked.spans[2])
        #expect(document.node(at: [.value("h")])?.span == marked.spans[3])
    }

    @Test func collectionWithPropertiesStartsAtContent() throws {
        let marked = MarkedText("a: &x\n  «b: c»\nd: !t\n  «- e»\nf: &y !u «[1]»\n")
        let stream = read(bytes: marked.bytes)
        let document = try #require(stream.documents.first)
        #expect(document.node(at: [.value("a")])?.span == marked.spans[0])
        #expect(document.node(at: [.value("d")])?.span == marked.spans[1])
        #expect(document.node(at: [.value("f")])?.span == marked.spans[2])
        #expect(document.node(at: [.value("d")])?.tag == "!t")
        #expect(document.node(at: [.value("f")])?.anchor == "y")
    }

    @Test func literalBlockMapsDockerfileLines() throws {
        let text = "services:\n  web:\n    build:\n      dockerfile_inline: |\n        FROM alpine\n        RUN echo é\n        FROM busybox AS x\n"
        let stream = read(text)
        let scalar = try #require(stream.documents.first?.node(at: [.value("services"), .value("web"), .value("build"), .value("dockerfile_inline")])?.scalar)
        let value = Array(scalar.valueBytes)
        let map = scalar.sourceMap
        #expect(map.isOneToOne == false) // line starts skip indentation
        let bytes = Array(text.utf8)
        // "busybox" in the value and in the file.
        let needle = Array("busybox".utf8)
        let start = try #require((0...(value.count - needle.count)).first { Array(value[$0..<($0 + needle.count)]) == needle })
        let span = try #require(map.sourceSpan(forValueRange: start..<(start + 7)))
        #expect(String(decoding: bytes[span.start..<span.end], as: UTF8.self) == "busybox")
        #expect(stream.file.location(span).start.line == 7)
        #expect(stream.file.location(span).start.column == 14)
    }
}
