import ImageLint
import ImageReference

/// One parsed input of `imagelint ref`.
struct RefResult {
    /// The input as given (bytes: standard input need not be UTF-8).
    let input: [UInt8]
    let outcome: Result<Reference, ReferenceError>

    init(input: [UInt8], strict: Bool) {
        self.input = input
        outcome = Result { () throws(ReferenceError) -> Reference in
            try input.withUnsafeBufferPointer { bytes throws(ReferenceError) in
                strict ? try Reference.parse(utf8: bytes) : try Reference.parseNormalized(utf8: bytes)
            }
        }
    }

    var isValid: Bool {
        if case .success = outcome { return true }
        return false
    }

    var inputText: String { String(decoding: input, as: UTF8.self) }
}

/// The text and JSON output of `imagelint ref`, as strings so tests can
/// check them exactly.
enum RefRenderer {
    static func render(_ results: [RefResult], format: RefCommand.Format) -> String {
        switch format {
        case .text: text(results)
        case .json: json(results)
        }
    }

    // MARK: - JSON

    /// A JSON array, one object per input, keys in a fixed order, two-space
    /// indentation and a final newline: byte-stable output.
    static func json(_ results: [RefResult]) -> String {
        guard !results.isEmpty else { return "[]\n" }
        let objects = results.map { result in
            let fields = jsonFields(result).map { "    " + JSONString.quoted($0.key) + ": " + $0.value }
            return "  {\n" + fields.joined(separator: ",\n") + "\n  }"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func jsonFields(_ result: RefResult) -> [(key: String, value: String)] {
        let reference = try? result.outcome.get()
        let error: String? = if case let .failure(error) = result.outcome { error.message } else { nil }
        return [
            ("input", JSONString.quoted(result.inputText)),
            ("valid", result.isValid ? "true" : "false"),
            ("error", JSONString.quotedOrNull(error)),
            ("name", JSONString.quotedOrNull(reference?.name)),
            ("domain", JSONString.quotedOrNull(reference.flatMap { $0.domain.isEmpty ? nil : $0.domain })),
            ("path", JSONString.quotedOrNull(reference?.path)),
            ("tag", JSONString.quotedOrNull(reference?.tag)),
            ("digest", JSONString.quotedOrNull(reference?.digest?.text)),
            ("string", JSONString.quotedOrNull(reference?.description)),
            ("familiar", JSONString.quotedOrNull(reference?.familiar)),
        ]
    }

    // MARK: - Text

    /// Each input as labelled lines; inputs separated by a blank line.
    static func text(_ results: [RefResult]) -> String {
        results.map(text).joined(separator: "\n")
    }

    static func text(_ result: RefResult) -> String {
        var lines = [line("input", result.input.isEmpty ? "(empty)" : result.inputText)]
        switch result.outcome {
        case let .success(reference):
            lines.append(line("canonical", reference.description))
            lines.append(line("familiar", reference.familiar))
            lines.append(line("name", reference.name))
            lines.append(line("domain", reference.domain.isEmpty ? "(none)" : reference.domain))
            lines.append(line("path", reference.path))
            lines.append(line("tag", reference.tag ?? "(none)"))
            lines.append(line("digest", reference.digest?.text ?? "(none)"))
        case let .failure(error):
            lines.append(line("error", error.message))
            if !result.input.isEmpty {
                lines.append(line("", result.inputText))
                lines.append(line("", caret(under: error.offset, in: result.input)))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `label` padded to a column, then `value`; just the label when the
    /// value is empty (no trailing spaces).
    static func line(_ label: String, _ value: some StringProtocol) -> String {
        if value.isEmpty { return label }
        return label + String(repeating: " ", count: max(1, 11 - label.count)) + value
    }

    /// A caret under the character that contains byte `offset` of `input`
    /// (after the end when the input ended early); tabs are kept so the
    /// caret lines up.
    static func caret(under offset: Int, in input: [UInt8]) -> String {
        let before = String(decoding: input.prefix(max(0, offset)), as: UTF8.self)
        let padding = before.unicodeScalars.map { $0 == "\t" ? "\t" : " " }.joined()
        return padding + "^"
    }
}
