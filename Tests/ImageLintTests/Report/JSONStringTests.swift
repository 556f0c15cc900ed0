import ImageLint
import Testing

@Suite("JSON strings")
struct JSONStringTests {
    @Test("quotes and escapes", arguments: [
        ("plain", #""plain""#),
        ("a\"b\\c", #""a\"b\\c""#),
        ("line\nfeed\r\t", #""line\nfeed\r\t""#),
        ("\u{08}\u{0C}\u{00}\u{1F}", #""\b\f\u0000\u001f""#),
        ("ngïnx/→/😀", "\"ngïnx/→/😀\""),
        ("/", #""/""#),
        ("", #""""#),
    ])
    func quoted(_ text: String, _ expected: String) {
        #expect(JSONString.quoted(text) == expected)
    }

    @Test("null for a missing value")
    func null() {
        #expect(JSONString.quotedOrNull(nil as String?) == "null")
        #expect(JSONString.quotedOrNull("x" as Substring?) == #""x""#)
    }
}
