/// What looking a variable up gives.
enum ShellLookup: Equatable {
    /// Set, with a value known statically (a slice: a source keeps values
    /// as they were given, often part of a line, and only a value the
    /// lexer uses is copied).
    case value(ArraySlice<UInt8>)
    /// Set, but its value is not known (it depends on an unresolved variable).
    case unknown
    /// Not set.
    case unset
}

/// Where the lexer gets variable values.
protocol ShellVariableSource {
    func lookup(_ name: String) -> ShellLookup
}

/// A variable source with nothing in it (BuildKit's `emptyEnvs`).
struct EmptyShellVariables: ShellVariableSource {
    func lookup(_ name: String) -> ShellLookup { .unset }
}

/// A reason BuildKit's lexer would refuse the text.
struct ShellSyntaxError: Error, Equatable {
    var message: String
    /// A `${…}` form BuildKit does not support (a foreign template, most
    /// likely), as opposed to broken quoting or a missing brace.
    var isUnsupportedForm: Bool = false
}

/// One variable the text referred to.
struct ShellVariableReference: Equatable {
    var name: String
    /// The default word of `${NAME:-word}` / `${NAME-word}` when it was used
    /// because the variable is unset or empty.
    var usedDefault: [UInt8]?
}

/// BuildKit's shell-word lexer (`frontend/dockerfile/shell`): quotes, the
/// escape character, and `$VAR` / `${VAR…}` expansion with every modifier.
///
/// Two departures, both only with `unsetIsUnresolved`: a variable with no
/// value that the result needs makes the text *unresolved* (BuildKit would
/// substitute an empty string), and with `placeholders` foreign template
/// syntax (`{{ … }}`, `${{ … }}`, `$( … )`, `$[[ … ]]`, `${name:key}`) is
/// recorded as an unresolved placeholder instead of being an error or
/// literal text.
struct ShellLexer<Variables: ShellVariableSource> {
    struct Options {
        var escape: UInt8 = UInt8(ascii: "\\")
        var rawQuotes = false
        var rawEscapes = false
        var skipUnsetEnv = false
        var unsetIsUnresolved = false
        var placeholders = false
    }

    struct Result {
        var value: [UInt8]
        var words: [[UInt8]]
        /// Variables and placeholders without a known value, in order.
        var unresolved: [String]
        var references: [ShellVariableReference]
    }

    private let bytes: [UInt8]
    private var pos: Int
    private let end: Int
    private let options: Options
    private let variables: Variables
    private var unresolved: [String] = []
    private var references: [ShellVariableReference] = []
    /// How many `${…}` are open; nesting is limited so any input is safe
    /// for the stack (real files nest two or three deep).
    private var depth = 0
    static var maxNesting: Int { 64 }

    init(_ bytes: [UInt8], from start: Int, to end: Int, options: Options, variables: Variables) {
        self.bytes = bytes
        self.pos = start
        self.end = end
        self.options = options
        self.variables = variables
    }

    /// BuildKit's `ProcessWord` / `ProcessWords`: the whole text as one
    /// value, and split into words on unquoted blanks.
    static func process(_ bytes: [UInt8], from start: Int, to end: Int, options: Options, variables: Variables) throws(ShellSyntaxError) -> Result {
        var lexer = ShellLexer(bytes, from: start, to: end, options: options, variables: variables)
        let (value, words) = try lexer.processStopOn(nil, rawEscapes: options.rawEscapes)
        return Result(value: value, words: words, unresolved: lexer.unresolved, references: lexer.references)
    }

    /// Whether `bytes[start..<end]` holds nothing the lexer interprets (no
    /// quote, `$`, escape character, or `{` that could open a placeholder):
    /// then ``process`` gives the text itself as the value and refers to
    /// no variable, so a caller that needs only the value may skip it (most
    /// image words are plain, and lexing copies every byte).
    static func isLiteral(_ bytes: [UInt8], from start: Int, to end: Int, options: Options) -> Bool {
        guard start < end else { return true }
        for i in start..<end {
            switch bytes[i] {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "$"), options.escape:
                return false
            case UInt8(ascii: "{") where options.placeholders:
                return false
            default:
                continue
            }
        }
        return true
    }

    // MARK: - Words

    private struct Words {
        var word: [UInt8] = []
        var words: [[UInt8]] = []
        var inWord = false

        mutating func addCharacter(_ scalar: ArraySlice<UInt8>, isSpace: Bool) {
            if isSpace {
                if inWord, !word.isEmpty {
                    words.append(word)
                    word = []
                    inWord = false
                }
            } else {
                addRaw(scalar)
            }
        }

        mutating func addRaw(_ bytes: ArraySlice<UInt8>) {
            word.append(contentsOf: bytes)
            inWord = true
        }

        mutating func addString(_ bytes: [UInt8]) {
            // A value without blanks or other than ASCII (nearly every one)
            // is one piece of the current word.
            if !bytes.isEmpty, !bytes.contains(where: { $0 >= 0x80 || GoSpace.isASCIISpace($0) }) {
                addRaw(bytes[...])
                return
            }
            var i = 0
            while i < bytes.count {
                let space = GoSpace.spaceLength(bytes, at: i, end: bytes.count)
                let length = space > 0 ? space : LineIndex.scalarLength(bytes, at: i, limit: bytes.count)
                addCharacter(bytes[i..<(i + length)], isSpace: space > 0)
                i += length
            }
        }

        mutating func finish() -> [[UInt8]] {
            if !word.isEmpty {
                words.append(word)
                word = []
                inWord = false
            }
            return words
        }
    }

    // MARK: - Scanning

    @inline(__always)
    private func peek() -> UInt8? { pos < end ? bytes[pos] : nil }

    @inline(__always)
    private func peek(_ offset: Int) -> UInt8? { pos + offset < end ? bytes[pos + offset] : nil }

    /// Consumes one whole character (UTF-8 sequence) and returns its bytes.
    private mutating func nextCharacter() -> ArraySlice<UInt8> {
        let length = LineIndex.scalarLength(bytes, at: pos, limit: end)
        defer { pos += length }
        return bytes[pos..<(pos + length)]
    }

    private mutating func processStopOn(_ stop: UInt8?, rawEscapes: Bool) throws(ShellSyntaxError) -> ([UInt8], [[UInt8]]) {
        var result: [UInt8] = []
        var words = Words()
        while let ch = peek() {
            if let stop, ch == stop {
                pos += 1
                return (result, words.finish())
            }
            switch ch {
            case UInt8(ascii: "'"):
                let text = try processSingleQuote()
                result.append(contentsOf: text)
                words.addRaw(text[...])
            case UInt8(ascii: "\""):
                let text = try processDoubleQuote()
                result.append(contentsOf: text)
                words.addRaw(text[...])
            case UInt8(ascii: "$"):
                let text = try processDollar()
                result.append(contentsOf: text)
                words.addString(text)
            default:
                if options.placeholders, ch == UInt8(ascii: "{"), let placeholder = TemplatePlaceholder.match(bytes, at: pos, end: end) {
                    record(placeholder)
                    continue
                }
                // A run of plain ASCII (most of a word) goes over at once
                // instead of character by character.
                let runEnd = plainRunEnd(stop: stop)
                if runEnd > pos {
                    let run = bytes[pos..<runEnd]
                    words.addRaw(run)
                    result.append(contentsOf: run)
                    pos = runEnd
                    continue
                }
                if ch == options.escape {
                    pos += 1
                    if rawEscapes {
                        words.addRaw([ch][...])
                        result.append(ch)
                    }
                    guard pos < end else { break }
                    let escaped = nextCharacter()
                    words.addRaw(escaped)
                    result.append(contentsOf: escaped)
                } else {
                    let space = GoSpace.spaceLength(bytes, at: pos, end: end)
                    let character = space > 0 ? bytes[pos..<(pos + space)] : nextCharacter()
                    if space > 0 { pos += space }
                    words.addCharacter(character, isSpace: space > 0)
                    result.append(contentsOf: character)
                }
            }
        }
        if let stop {
            throw ShellSyntaxError(message: "unexpected end of statement while looking for matching \(Character(Unicode.Scalar(stop)))")
        }
        return (result, words.finish())
    }

    /// Where the run of bytes from `pos` that the character loop would
    /// copy one by one, unchanged, ends: ASCII other than blanks, quotes,
    /// `$`, `{` (a placeholder may start there), the escape character and
    /// `stop`.
    private func plainRunEnd(stop: UInt8?) -> Int {
        var i = pos
        while i < end {
            let byte = bytes[i]
            guard byte < 0x80, byte > 0x20, byte != options.escape, byte != stop else { break }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "{"): return i
            default: i += 1
            }
        }
        return i
    }

    private mutating func processSingleQuote() throws(ShellSyntaxError) -> [UInt8] {
        var text: [UInt8] = []
        let quote = bytes[pos]
        pos += 1
        if options.rawQuotes { text.append(quote) }
        while let ch = peek() {
            pos += 1
            if ch == quote {
                if options.rawQuotes { text.append(ch) }
                return text
            }
            text.append(ch)
        }
        throw ShellSyntaxError(message: "unexpected end of statement while looking for matching single-quote")
    }

    private mutating func processDoubleQuote() throws(ShellSyntaxError) -> [UInt8] {
        var text: [UInt8] = []
        let quote = bytes[pos]
        pos += 1
        if options.rawQuotes { text.append(quote) }
        while true {
            guard var ch = peek() else {
                throw ShellSyntaxError(message: "unexpected end of statement while looking for matching double-quote")
            }
            if ch == quote {
                pos += 1
                if options.rawQuotes { text.append(ch) }
                return text
            }
            if ch == UInt8(ascii: "$") {
                text.append(contentsOf: try processDollar())
                continue
            }
            if options.placeholders, ch == UInt8(ascii: "{"), let placeholder = TemplatePlaceholder.match(bytes, at: pos, end: end) {
                record(placeholder)
                continue
            }
            pos += 1
            if ch == options.escape {
                if options.rawQuotes { text.append(ch) }
                guard let next = peek() else { continue }
                if next == UInt8(ascii: "\"") || next == UInt8(ascii: "$") || next == options.escape {
                    ch = next
                    pos += 1
                }
            }
            text.append(ch)
        }
    }

    // MARK: - Expansion

    private mutating func processDollar() throws(ShellSyntaxError) -> [UInt8] {
        let dollarAt = pos
        if options.placeholders, let placeholder = TemplatePlaceholder.match(bytes, at: pos, end: end) {
            record(placeholder)
            return []
        }
        pos += 1
        guard peek() == UInt8(ascii: "{") else {
            let name = processName()
            if name.isEmpty { return [UInt8(ascii: "$")] }
            return substitute(name, written: "$" + name)
        }
        do {
            return try processBraced()
        } catch where error.isUnsupportedForm && options.placeholders {
            // `${templateOption:x}`, `${localEnv:HOME}`: the whole `${…}` is
            // a placeholder of another tool. Other unsupported forms stay
            // syntax errors.
            guard let placeholder = TemplatePlaceholder.matchColonVariable(bytes, at: dollarAt, end: end) else { throw error }
            record(placeholder)
            return []
        }
    }

    private mutating func processBraced() throws(ShellSyntaxError) -> [UInt8] {
        pos += 1
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxNesting else {
            throw ShellSyntaxError(message: "substitutions nested more than \(Self.maxNesting) deep")
        }
        switch peek() {
        case nil:
            throw ShellSyntaxError(message: "syntax error: missing '}'")
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ":"):
            throw ShellSyntaxError(message: "syntax error: bad substitution", isUnsupportedForm: true)
        default:
            break
        }
        let name = processName()
        guard var ch = peek() else { throw ShellSyntaxError(message: "syntax error: missing '}'") }
        pos += 1
        var modifier = [ch]
        var nullIsUnset = false
        switch ch {
        case UInt8(ascii: "}"):
            return substitute(name, written: "${\(name)}")
        case UInt8(ascii: "/"):
            return try processReplacement(name)
        case UInt8(ascii: ":"):
            nullIsUnset = true
            guard let next = peek() else { throw ShellSyntaxError(message: "syntax error: missing '}'") }
            pos += 1
            ch = next
            modifier.append(next)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"):
            break
        default:
            throw unsupported(modifier)
        }
        let isPattern = ch == UInt8(ascii: "#") || ch == UInt8(ascii: "%")
        if nullIsUnset && isPattern { throw unsupported(modifier) }
        let referencesBefore = references.count
        let unresolvedBefore = unresolved.count
        let word: [UInt8]
        do {
            word = try processStopOn(UInt8(ascii: "}"), rawEscapes: isPattern).0
        } catch {
            if peek() == nil { throw ShellSyntaxError(message: "syntax error: missing '}'") }
            throw error
        }
        // The word is always read (its errors count) but only contributes
        // when it is used; forget what it referred to otherwise.
        func dropWord(_ lexer: inout ShellLexer) {
            lexer.references.removeSubrange(referencesBefore...)
            lexer.unresolved.removeSubrange(unresolvedBefore...)
        }
        let lookup = variables.lookup(name)
        if options.skipUnsetEnv, lookup == .unset {
            return Array("${\(name)".utf8) + modifier + word + [UInt8(ascii: "}")]
        }
        switch ch {
        case UInt8(ascii: "-"):
            switch lookup {
            case .unset:
                references.append(ShellVariableReference(name: name, usedDefault: word))
                return word
            case .value(let value) where nullIsUnset && value.isEmpty:
                references.append(ShellVariableReference(name: name, usedDefault: word))
                return word
            case .value(let value):
                dropWord(&self)
                references.append(ShellVariableReference(name: name))
                return Array(value)
            case .unknown:
                references.append(ShellVariableReference(name: name))
                markUnresolved(name)
                return []
            }
        case UInt8(ascii: "+"):
            references.append(ShellVariableReference(name: name))
            switch lookup {
            case .unset:
                dropWord(&self)
                return []
            case .value(let value) where nullIsUnset && value.isEmpty:
                dropWord(&self)
                return []
            case .value:
                return word
            case .unknown:
                if nullIsUnset {
                    markUnresolved(name)
                    return []
                }
                return word
            }
        case UInt8(ascii: "?"):
            dropWord(&self)
            references.append(ShellVariableReference(name: name))
            switch lookup {
            case .value(let value) where nullIsUnset && value.isEmpty:
                if options.unsetIsUnresolved {
                    markUnresolved(name)
                    return []
                }
                let message = word.isEmpty ? "is not allowed to be empty" : String(decoding: word, as: UTF8.self)
                throw ShellSyntaxError(message: "\(name): \(message)")
            case .value(let value):
                return Array(value)
            case .unset:
                if options.unsetIsUnresolved {
                    markUnresolved(name)
                    return []
                }
                let message = word.isEmpty ? "is not allowed to be unset" : String(decoding: word, as: UTF8.self)
                throw ShellSyntaxError(message: "\(name): \(message)")
            case .unknown:
                markUnresolved(name)
                return []
            }
        case UInt8(ascii: "#"), UInt8(ascii: "%"):
            references.append(ShellVariableReference(name: name))
            var pattern = word
            let greedy = pattern.first == ch
            if greedy { pattern.removeFirst() }
            let compiled: ShellPattern
            do {
                compiled = try ShellPattern(pattern)
            } catch {
                throw ShellSyntaxError(message: "invalid pattern (\(String(decoding: pattern, as: UTF8.self))) in substitution: \(error.message)")
            }
            guard let value = resolvedValue(lookup, name: name) else { return [] }
            let scalars = ShellPattern.scalars(value)
            let trimmed = ch == UInt8(ascii: "#") ? compiled.trimPrefix(scalars, greedy: greedy) : compiled.trimSuffix(scalars, greedy: greedy)
            return ShellPattern.bytes(trimmed)
        default:
            throw unsupported(modifier)
        }
    }

    private mutating func processReplacement(_ name: String) throws(ShellSyntaxError) -> [UInt8] {
        let all = peek() == UInt8(ascii: "/")
        if all { pos += 1 }
        let pattern: [UInt8]
        do {
            pattern = try processStopOn(UInt8(ascii: "/"), rawEscapes: true).0
        } catch {
            if peek() == nil { throw ShellSyntaxError(message: "syntax error: missing '/' in ${}") }
            throw error
        }
        let replacement: [UInt8]
        do {
            replacement = try processStopOn(UInt8(ascii: "}"), rawEscapes: true).0
        } catch {
            if peek() == nil { throw ShellSyntaxError(message: "syntax error: missing '}'") }
            throw error
        }
        let lookup = variables.lookup(name)
        if options.skipUnsetEnv, lookup == .unset {
            return Array("${\(name)/".utf8) + pattern + [UInt8(ascii: "/")] + replacement + [UInt8(ascii: "}")]
        }
        references.append(ShellVariableReference(name: name))
        let compiled: ShellPattern
        do {
            compiled = try ShellPattern(pattern)
        } catch {
            throw ShellSyntaxError(message: "invalid pattern (\(String(decoding: pattern, as: UTF8.self))) in substitution: \(error.message)")
        }
        guard let value = resolvedValue(lookup, name: name) else { return [] }
        let replaced = compiled.replace(in: ShellPattern.scalars(value), with: ShellPattern.scalars(replacement), all: all)
        return ShellPattern.bytes(replaced)
    }

    /// The value a pattern form works on: unset is empty for BuildKit, and
    /// unresolved for extraction.
    private mutating func resolvedValue(_ lookup: ShellLookup, name: String) -> [UInt8]? {
        switch lookup {
        case .value(let value):
            return Array(value)
        case .unknown:
            markUnresolved(name)
            return nil
        case .unset:
            if options.unsetIsUnresolved {
                markUnresolved(name)
                return nil
            }
            return []
        }
    }

    /// `$NAME` and `${NAME}`.
    /// `written` is the text as written, needed only to keep an unset
    /// variable as it is (built only then).
    private mutating func substitute(_ name: String, written: @autoclosure () -> String) -> [UInt8] {
        references.append(ShellVariableReference(name: name))
        switch variables.lookup(name) {
        case .value(let value):
            return Array(value)
        case .unknown:
            markUnresolved(name)
            return []
        case .unset:
            if options.skipUnsetEnv { return Array(written().utf8) }
            if options.unsetIsUnresolved { markUnresolved(name) }
            return []
        }
    }

    private func unsupported(_ modifier: [UInt8]) -> ShellSyntaxError {
        ShellSyntaxError(message: "unsupported modifier (\(String(decoding: modifier, as: UTF8.self))) in substitution", isUnsupportedForm: true)
    }

    private mutating func markUnresolved(_ name: String) {
        if !unresolved.contains(name) { unresolved.append(name) }
    }

    private mutating func record(_ placeholder: TemplatePlaceholder.Match) {
        markUnresolved(placeholder.name)
        pos = placeholder.range.upperBound
    }

    /// A name: letters, digits and `_` (Unicode letters and digits count);
    /// a leading digit reads a number, a special parameter is one character.
    private mutating func processName() -> String {
        guard let first = peek() else { return "" }
        if first >= 0x30 && first <= 0x39 {
            let start = pos
            while let ch = peek(), ch >= 0x30 && ch <= 0x39 { pos += 1 }
            return String(decoding: bytes[start..<pos], as: UTF8.self)
        }
        switch first {
        case UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "?"),
             UInt8(ascii: "-"), UInt8(ascii: "$"), UInt8(ascii: "!"):
            pos += 1
            return String(Character(Unicode.Scalar(first)))
        default:
            break
        }
        let start = pos
        while let ch = peek() {
            if ch < 0x80 {
                guard (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5A) || (ch >= 0x61 && ch <= 0x7A) || ch == UInt8(ascii: "_") else { break }
                pos += 1
            } else {
                let length = LineIndex.scalarLength(bytes, at: pos, limit: end)
                guard length > 1, ShellLexer.isLetterOrDigit(bytes[pos..<(pos + length)]) else { break }
                pos += length
            }
        }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// Go's `unicode.IsLetter || unicode.IsDigit` for one encoded scalar.
    private static func isLetterOrDigit(_ encoded: ArraySlice<UInt8>) -> Bool {
        guard let scalar = String(decoding: encoded, as: UTF8.self).unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
