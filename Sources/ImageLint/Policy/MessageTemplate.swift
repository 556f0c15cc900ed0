/// A rule's message with `{placeholder}`s, compiled once when the policy
/// loads so an unknown placeholder is a policy error, not a surprise in
/// the output.
///
/// Placeholders: `{image}` (the reference as resolved, as the author wrote
/// it), `{registry}`, `{repository}` (the normalized name), `{tag}`,
/// `{digest}` (empty when absent), `{normalized}` (the full normalized
/// reference), `{familiar}` (the short name `docker` prints), `{source}`,
/// `{file}`, and for built-in rules each option by name (a list is joined
/// with `, `). `{{` and `}}` stand for literal braces.
public struct MessageTemplate: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    let parts: [Part]

    /// The placeholders every rule may use.
    public static let imagePlaceholders = ["image", "registry", "repository", "tag", "digest", "normalized", "familiar", "source", "file"]

    public typealias SyntaxError = PatternSyntaxError

    /// Compiles `text`; `extra` are the option names a built-in rule adds.
    public init(_ text: String, extra: [String] = []) throws(SyntaxError) {
        let known = Set(MessageTemplate.imagePlaceholders + extra)
        var parts: [Part] = []
        var literal = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "{" {
                if i + 1 < scalars.count, scalars[i + 1] == "{" {
                    literal.append("{")
                    i += 2
                    continue
                }
                guard let close = scalars[(i + 1)...].firstIndex(of: "}") else {
                    throw SyntaxError(message: "the placeholder opened here has no closing '}' (write {{ for a literal brace)", offset: i)
                }
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
                guard known.contains(name) else {
                    let hint = DidYouMean.hint(for: name, among: known.sorted())
                    throw SyntaxError(
                        message: "unknown placeholder '{\(name)}'\(hint); known: \(known.sorted().map { "{\($0)}" }.joined(separator: ", "))",
                        offset: i
                    )
                }
                if !literal.isEmpty {
                    parts.append(.literal(String(literal)))
                    literal = String.UnicodeScalarView()
                }
                parts.append(.placeholder(name))
                i = close + 1
            } else if scalar == "}" {
                guard i + 1 < scalars.count, scalars[i + 1] == "}" else {
                    throw SyntaxError(message: "unmatched '}' (write }} for a literal brace)", offset: i)
                }
                literal.append("}")
                i += 2
            } else {
                literal.append(scalar)
                i += 1
            }
        }
        if !literal.isEmpty { parts.append(.literal(String(literal))) }
        self.parts = parts
    }

    /// The message with every placeholder replaced by `value(name)`.
    public func render(_ value: (String) -> String) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .placeholder(let name): text += value(name)
            }
        }
        return text
    }
}
