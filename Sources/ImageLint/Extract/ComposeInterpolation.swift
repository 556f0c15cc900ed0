/// Compose's variable interpolation (compose-spec `12-interpolation.md`, as
/// compose-go's `template` package implements it), evaluated statically.
///
/// Grammar:
/// - `$$` is a literal `$`;
/// - `$NAME` and `${NAME}`, NAME = `[_a-zA-Z][_a-zA-Z0-9]*` (longest match);
/// - `${NAME:-word}` / `${NAME-word}`: word when NAME is unset or empty / unset;
/// - `${NAME:+word}` / `${NAME+word}`: word when NAME is set and non-empty / set, else empty;
/// - `${NAME:?msg}` / `${NAME?msg}`: an error when NAME is unset or empty / unset;
/// - the operator follows the name directly; `word` and `msg` are themselves
///   interpolated (defaults nest: `${A:-${B:-x}}`), and the closing brace is
///   found by counting `${` openings, as compose-go does;
/// - `$` before anything else (`$1`, `$-`, a final `$`) stays a literal `$`;
/// - `${` followed by anything that is not a name and an operator (`${}`,
///   `${1X}`, `${A B}`, `${A/x/y}`, an unterminated `${A`) is an invalid
///   template: compose rejects the whole file.
///
/// Static reading differs from Compose in one respect: a variable may be
/// *unknown* (nothing we can see gives it a value; at run time the shell
/// environment might). An unknown variable used bare, or with `?`/`:?`,
/// leaves the text unresolved; with `-`/`:-` the default is what the
/// author expects when nothing sets it, so it is used; with `+`/`:+` the
/// unknown variable counts as unset (empty result). A *known* empty value
/// with `:?` is an error, as in Compose.
///
/// Foreign placeholders are unresolved, never invalid: GitHub `${{ … }}`
/// and dev container variables (`${localEnv:X}`, `${templateOption:x}`, …).
///
/// The type is pure: values come from the `lookup` closure.
public enum ComposeInterpolation {
    /// Looks a variable up: its value and origin, or nil when nothing gives it one.
    public typealias Lookup = (String) -> VariableUse?

    /// Deepest nesting of `${…}` inside defaults before the template is
    /// rejected (keeps recursion bounded on hostile input).
    public static let maximumDepth = 32

    /// Whether `bytes` contains a `$` at all (when not, the text is its own value).
    public static func needsInterpolation(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains(UInt8(ascii: "$"))
    }

    /// Interpolates `template` (UTF-8). Offsets in the result's problems are
    /// relative to the template's first byte.
    public static func interpolate(_ template: ArraySlice<UInt8>, lookup: Lookup) -> InterpolationResult {
        withoutActuallyEscaping(lookup) { lookup in
            template.withUnsafeBufferPointer { buffer in
                var evaluator = Evaluator(text: buffer, lookup: lookup)
                let piece = evaluator.expand(0, buffer.count, depth: 0)
                return evaluator.finish(piece)
            }
        }
    }

    /// Interpolates a string (convenience for tests and small values).
    public static func interpolate(_ template: String, lookup: Lookup) -> InterpolationResult {
        interpolate(ArraySlice(template.utf8), lookup: lookup)
    }
}

/// What interpolating one template gave.
public struct InterpolationResult: Sendable, Hashable {
    /// The interpolated text; nil when a variable without a known value (or
    /// a foreign placeholder) was needed, or the template is invalid.
    public var value: String?
    /// Variables and placeholders needed but without a known value, in order
    /// of first use.
    public var unresolved: [String]
    /// Every variable whose value was used (or whose default was), in order
    /// of first use.
    public var variables: [VariableUse]
    /// Invalid templates and required variables that are empty.
    public var problems: [InterpolationProblem]

    public init(value: String?, unresolved: [String] = [], variables: [VariableUse] = [], problems: [InterpolationProblem] = []) {
        self.value = value
        self.unresolved = unresolved
        self.variables = variables
        self.problems = problems
    }
}

/// A problem in a template, located by byte offsets inside the template.
public struct InterpolationProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Not valid template syntax (`${}`, `${1X}`, `${A`, `${A/x/y}`).
        case invalidTemplate
        /// `${NAME:?msg}` with a known empty value: Compose stops with `msg`.
        case requiredVariableEmpty(String)
        /// `${…}` nested deeper than ``ComposeInterpolation/maximumDepth``.
        case tooDeep
    }

    public var kind: Kind
    public var message: String
    /// Byte range `[start, end)` in the template.
    public var start: Int
    public var end: Int

    public init(kind: Kind, message: String, start: Int, end: Int) {
        self.kind = kind
        self.message = message
        self.start = start
        self.end = end
    }
}

/// The recursive evaluator behind ``ComposeInterpolation``.
private struct Evaluator {
    /// The result of expanding one range: bytes, or nil when unresolved.
    struct Piece {
        var bytes: [UInt8]? = []
        var unresolved: [String] = []
        var variables: [VariableUse] = []

        mutating func append(_ other: Piece) {
            if let more = other.bytes, bytes != nil { bytes?.append(contentsOf: more) } else { bytes = nil }
            for name in other.unresolved where !unresolved.contains(name) { unresolved.append(name) }
            for use in other.variables where !variables.contains(use) { variables.append(use) }
        }

        mutating func use(_ variable: VariableUse) {
            if !variables.contains(variable) { variables.append(variable) }
        }

        mutating func miss(_ name: String) {
            bytes = nil
            if !unresolved.contains(name) { unresolved.append(name) }
        }
    }

    let text: UnsafeBufferPointer<UInt8>
    let lookup: ComposeInterpolation.Lookup
    var problems: [InterpolationProblem] = []
    /// Set once an invalid template is met: Compose rejects the value.
    var invalid = false

    init(text: UnsafeBufferPointer<UInt8>, lookup: @escaping ComposeInterpolation.Lookup) {
        self.text = text
        self.lookup = lookup
    }

    func finish(_ piece: Piece) -> InterpolationResult {
        let value: String? = invalid ? nil : piece.bytes.map { String(decoding: $0, as: UTF8.self) }
        return InterpolationResult(value: value, unresolved: piece.unresolved, variables: piece.variables, problems: problems)
    }

    mutating func expand(_ start: Int, _ end: Int, depth: Int) -> Piece {
        var piece = Piece()
        piece.bytes?.reserveCapacity(end - start)
        var i = start
        let dollar = UInt8(ascii: "$")
        while i < end {
            let b = text[i]
            if b != dollar {
                // Copy the run of ordinary bytes in one go.
                var j = i + 1
                while j < end, text[j] != dollar { j += 1 }
                if piece.bytes != nil { piece.bytes?.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<j])) }
                i = j
                continue
            }
            guard i + 1 < end else {
                piece.bytes?.append(dollar)
                i += 1
                continue
            }
            let next = text[i + 1]
            if next == dollar {
                piece.bytes?.append(dollar)
                i += 2
            } else if Self.isNameStart(next) {
                var j = i + 2
                while j < end, Self.isNameByte(text[j]) { j += 1 }
                substitute(name: string(i + 1, j), into: &piece)
                i = j
            } else if next == UInt8(ascii: "{") {
                i = braced(at: i, end: end, depth: depth, into: &piece)
            } else {
                piece.bytes?.append(dollar)
                i += 1
            }
        }
        return piece
    }

    /// Reads `${…}` starting at the `$` at `i`; returns where reading goes on.
    mutating func braced(at i: Int, end: Int, depth: Int, into piece: inout Piece) -> Int {
        // GitHub expressions `${{ … }}`: a foreign placeholder.
        if i + 2 < end, text[i + 2] == UInt8(ascii: "{") {
            if let placeholder = TemplatePlaceholder.match(text, at: i, end: end) {
                piece.miss(placeholder.name)
                return placeholder.range.upperBound
            }
            return fail(.invalidTemplate, "Invalid template: unterminated \"${{\"", i, end, into: &piece)
        }
        guard let close = closingBrace(from: i, end: end) else {
            return fail(.invalidTemplate, "Invalid template: \"${\" without a matching \"}\"", i, end, into: &piece)
        }
        let nameStart = i + 2
        guard nameStart < close, Self.isNameStart(text[nameStart]) else {
            return fail(.invalidTemplate, "Invalid template: \"\(string(i, close + 1))\" does not start with a variable name", i, close + 1, into: &piece)
        }
        var k = nameStart + 1
        while k < close, Self.isNameByte(text[k]) { k += 1 }
        let name = string(nameStart, k)
        if k == close {
            substitute(name: name, into: &piece)
            return close + 1
        }
        var colon = false
        var op = text[k]
        if op == UInt8(ascii: ":") {
            if k + 1 < close, Self.isOperator(text[k + 1]) {
                colon = true
                op = text[k + 1]
            } else if Self.devContainerVariables.contains(name), let placeholder = TemplatePlaceholder.matchColonVariable(text, at: i, end: end) {
                // `${localEnv:HOME}` and friends belong to dev containers.
                piece.miss(placeholder.name)
                return placeholder.range.upperBound
            } else {
                return fail(.invalidTemplate, "Invalid template: \"\(string(i, close + 1))\" (expected :-, :+ or :? after the name)", i, close + 1, into: &piece)
            }
        } else if !Self.isOperator(op) {
            return fail(.invalidTemplate, "Invalid template: \"\(string(i, close + 1))\" (unexpected \"\(string(k, k + 1))\" after the name)", i, close + 1, into: &piece)
        }
        guard depth < ComposeInterpolation.maximumDepth else {
            return fail(.tooDeep, "Invalid template: nested deeper than \(ComposeInterpolation.maximumDepth) levels", i, close + 1, into: &piece)
        }
        let argumentStart = k + (colon ? 2 : 1)
        // Compose interpolates the word even when it is not used, so its
        // errors count either way.
        let word = expand(argumentStart, close, depth: depth + 1)
        let known = lookup(name)
        switch op {
        case UInt8(ascii: "-"):
            if let known, let value = known.value, !(colon && value.isEmpty) {
                piece.bytes?.append(contentsOf: value.utf8)
                piece.use(known)
            } else {
                piece.use(VariableUse(name: name, value: word.bytes.map { String(decoding: $0, as: UTF8.self) }, origin: .inlineDefault))
                piece.append(word)
            }
        case UInt8(ascii: "+"):
            if let known, let value = known.value, !(colon && value.isEmpty) {
                piece.use(known)
                piece.append(word)
            } else if let known {
                piece.use(known)
            } else {
                piece.use(VariableUse(name: name, value: nil, origin: .unset))
            }
        default: // "?"
            if let known, let value = known.value {
                if colon && value.isEmpty {
                    let message = word.bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
                    let reason = message.isEmpty ? "required variable \(name) is empty" : "required variable \(name) is empty: \(message)"
                    problems.append(InterpolationProblem(kind: .requiredVariableEmpty(name), message: reason, start: i, end: close + 1))
                    invalid = true
                }
                piece.bytes?.append(contentsOf: value.utf8)
                piece.use(known)
            } else {
                piece.use(known ?? VariableUse(name: name, value: nil, origin: .unset))
                piece.miss(name)
            }
        }
        return close + 1
    }

    /// A bare or braced variable without an operator.
    mutating func substitute(name: String, into piece: inout Piece) {
        if let known = lookup(name), let value = known.value {
            piece.bytes?.append(contentsOf: value.utf8)
            piece.use(known)
        } else {
            piece.use(VariableUse(name: name, value: nil, origin: .unset))
            piece.miss(name)
        }
    }

    mutating func fail(_ kind: InterpolationProblem.Kind, _ message: String, _ start: Int, _ end: Int, into piece: inout Piece) -> Int {
        problems.append(InterpolationProblem(kind: kind, message: message, start: start, end: end))
        invalid = true
        piece.bytes = nil
        return end
    }

    /// compose-go's `getFirstBraceClosingIndex`: depth counts `${` openings.
    func closingBrace(from start: Int, end: Int) -> Int? {
        var open = 0
        var i = start
        while i < end {
            let b = text[i]
            if b == UInt8(ascii: "}") {
                open -= 1
                if open == 0 { return i }
            }
            if b == UInt8(ascii: "$"), i + 1 < end, text[i + 1] == UInt8(ascii: "{") {
                open += 1
                i += 1
            }
            i += 1
        }
        return nil
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    static let devContainerVariables: Set<String> = [
        "localEnv", "containerEnv", "templateOption", "localWorkspaceFolder", "containerWorkspaceFolder",
        "localWorkspaceFolderBasename", "containerWorkspaceFolderBasename", "devcontainerId",
    ]

    @inline(__always) static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
    }

    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 0x30 && b <= 0x39)
    }

    @inline(__always) static func isOperator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "?")
    }
}
