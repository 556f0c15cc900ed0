import Testing
@testable import ImageLint

@Suite("Byte search")
struct ByteSearchTests {
    /// The plain definition the `memchr`/`memcmp` search must agree with.
    static func naiveContains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return (0 ... haystack.count - needle.count).contains { Array(haystack[$0 ..< $0 + needle.count]) == needle }
    }

    @Test(arguments: [
        ("", ""), ("", "a"), ("a", ""), ("abc", "abc"), ("abc", "abcd"), ("xxabc", "abc"), ("abcxx", "abc"),
        ("aab", "ab"), ("abab", "bab"), ("# imagelint: ignore", "imagelint:"), ("imagelint", "imagelint:"), ("ÿaÿ", "aÿ"),
    ])
    func agreesWithTheDefinition(haystack: String, needle: String) {
        let h = Array(haystack.utf8)
        let n = Array(needle.utf8)
        let found = h.withUnsafeBufferPointer { hb in n.withUnsafeBufferPointer { ByteSearch.contains(hb, $0) } }
        #expect(found == Self.naiveContains(h, n), "\(haystack) / \(needle)")
    }

    @Test func firstClampsItsRange() {
        let bytes: [UInt8] = Array("a\nb\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteSearch.first(0x0A, in: buffer, from: 0, to: 4) == 1)
            #expect(ByteSearch.first(0x0A, in: buffer, from: 2, to: 99) == 3)
            #expect(ByteSearch.first(0x0A, in: buffer, from: 2, to: 3) == 3)
            #expect(ByteSearch.first(0x0A, in: buffer, from: 5, to: 9) == 4)
        }
    }
}
