import Testing
@testable import ImageLint

@Suite("Tag regex")
struct TagRegexTests {
    @Test(arguments: [
        ("^v?[0-9]+\\.[0-9]+$", "1.27", true),
        ("^v?[0-9]+\\.[0-9]+$", "v1.27", true),
        ("^v?[0-9]+\\.[0-9]+$", "1.27-alpine", false),
        ("alpine", "3.20-alpine3.19", true),
        ("^alpine", "3.20-alpine", false),
        ("alpine$", "3.20-alpine", true),
        ("^(latest|stable|edge)$", "stable", true),
        ("^(latest|stable|edge)$", "stable-slim", false),
        ("^(?:[0-9]+\\.){2}[0-9]+$", "1.2.3", true),
        ("^(?:[0-9]+\\.){2}[0-9]+$", "1.2", false),
        ("^[0-9]{1,3}$", "123", true),
        ("^[0-9]{1,3}$", "1234", false),
        ("^[0-9]{2,}$", "12345", true),
        ("^[0-9]{2,}$", "1", false),
        ("^\\d+\\w*$", "12ab_", true),
        ("^\\D+$", "abc", true),
        ("^\\D+$", "ab1", false),
        ("^[^-]+$", "a-b", false),
        ("^[a-z0-9-]+$", "ab-9", true),
        ("^a.c$", "aéc", true),
        ("x*", "", true),
        ("^$", "", true),
        ("^$", "a", false),
        ("a+?b", "aab", true),
        ("(a|^)b", "b", true),
        ("(a*)*$", String(repeating: "a", count: 100) + "b", true),
        ("^(a*)*$", String(repeating: "a", count: 100) + "b", false),
        ("^(a|a)*$", String(repeating: "a", count: 200) + "!", false),
    ])
    func matching(_ pattern: String, _ text: String, _ expected: Bool) throws {
        #expect(try TagRegex(pattern).matches(text) == expected)
    }

    @Test(arguments: [
        ("a(b", "the group opened here has no closing ')'", 1),
        ("ab)", "unmatched ')'", 2),
        ("*a", "'*' has nothing to repeat", 0),
        ("a**", "a quantifier cannot follow another quantifier", 2),
        ("a++", "possessive quantifiers are not supported", 2),
        ("(?=a)", "'(?' groups other than '(?:' (look-around, flags, named groups) are not supported", 0),
        ("(?i)a", "'(?' groups other than '(?:' (look-around, flags, named groups) are not supported", 0),
        ("(a)\\1", "the escape '\\1' is not supported", 3),
        ("\\bword", "the escape '\\b' is not supported", 0),
        ("[a-", "the class opened here has no closing ']'", 0),
        ("[z-a]", "the range is out of order", 1),
        ("a{2,1}", "the count {2,1} is out of order", 1),
        ("a{x}", "expected a count after '{' (write \\{ for a literal brace)", 1),
        ("a{1001}", "counts above 1000 are not supported", 1),
        ("^*", "an anchor cannot be repeated", 1),
        ("[[:alpha:]]", "POSIX classes like [:alpha:] are not supported", 1),
        ("a]", "unmatched ']' (write \\] for a literal)", 1),
        ("é(", "the group opened here has no closing ')'", 1),
    ])
    func syntaxErrors(_ pattern: String, _ message: String, _ offset: Int) {
        #expect(throws: TagRegex.SyntaxError(message: message, offset: offset)) { try TagRegex(pattern) }
    }

    /// More than 64 states: the general simulation instead of bit masks.
    @Test func largeAutomataMatchTheSame() throws {
        let regex = try TagRegex("^[ab]{70}(-rc[0-9]+)?$")
        #expect(regex.matches(String(repeating: "ab", count: 35)))
        #expect(regex.matches(String(repeating: "a", count: 70) + "-rc12"))
        #expect(!regex.matches(String(repeating: "a", count: 71)))
        #expect(!regex.matches(String(repeating: "a", count: 69)))
        let search = try TagRegex("x[0-9]{80}y")
        #expect(search.matches("prefix-x" + String(repeating: "7", count: 80) + "y-suffix"))
        #expect(!search.matches("x" + String(repeating: "7", count: 79) + "y"))
    }

    @Test func hugeCountsAreRejectedNotAllocated() {
        #expect(throws: TagRegex.SyntaxError.self) { try TagRegex("(a{1000}){1000}") }
    }
}
