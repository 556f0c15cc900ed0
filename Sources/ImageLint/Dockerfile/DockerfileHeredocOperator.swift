/// A word of an instruction line that opens a here-document, read the way
/// BuildKit's `parseHeredoc` does: `^(\d*)<<(-?)([^<]*)$`, then the name
/// with its quotes removed (a quoted name turns expansion off).
struct DockerfileHeredocOperator: Equatable {
    var name: [UInt8]
    var chomp: Bool
    var expand: Bool
    var fileDescriptor: Int

    /// The operator of `word`, nil when the word is not one; throws when
    /// the name cannot be lexed.
    static func parse(_ word: [UInt8]) throws(ShellSyntaxError) -> DockerfileHeredocOperator? {
        var i = 0
        var descriptor = 0
        while i < word.count, word[i] >= 0x30, word[i] <= 0x39 {
            // Go's ParseUint error (overflow) leaves 0; so does saturating here.
            descriptor = descriptor > Int.max / 20 ? 0 : descriptor * 10 + Int(word[i] - 0x30)
            i += 1
        }
        guard i + 1 < word.count, word[i] == UInt8(ascii: "<"), word[i + 1] == UInt8(ascii: "<") else { return nil }
        i += 2
        var chomp = false
        if i < word.count, word[i] == UInt8(ascii: "-") {
            chomp = true
            i += 1
        }
        let rest = Array(word[i...])
        guard !rest.isEmpty, !rest.contains(UInt8(ascii: "<")) else { return nil }

        var options = ShellLexer<EmptyShellVariables>.Options()
        options.skipUnsetEnv = true
        let plain = try ShellLexer.process(rest, from: 0, to: rest.count, options: options, variables: EmptyShellVariables()).words
        guard plain.count == 1 else { return nil }
        options.rawQuotes = true
        let raw = try ShellLexer.process(rest, from: 0, to: rest.count, options: options, variables: EmptyShellVariables()).words
        guard raw.count == plain.count else {
            throw ShellSyntaxError(message: "internal lexing of heredoc produced inconsistent results: \(String(decoding: rest, as: UTF8.self))")
        }
        let expand = quoteCount(plain[0]) == quoteCount(raw[0])
        return DockerfileHeredocOperator(name: plain[0], chomp: chomp, expand: expand, fileDescriptor: descriptor)
    }

    private static func quoteCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "'") || $1 == UInt8(ascii: "\"") ? 1 : 0) }
    }
}
