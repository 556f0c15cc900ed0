/// Validates the value of a `# check=` directive the way BuildKit's
/// `parseLintOptions` does: up to two `;`-separated options, `skip=…` (a
/// comma list or `all`) and `error=<bool>`.
enum DockerfileCheckDirective {
    /// A description of what is wrong, or nil for a valid value.
    static func problem(in value: String) -> String? {
        let trimmed = value.trimmingBlanks()
        guard !trimmed.isEmpty else { return nil }
        // `strings.SplitN(s, ";", 2)`: a second `;` stays in the last part.
        let parts: [Substring]
        if let semicolon = trimmed.firstIndex(of: ";") {
            parts = [trimmed[..<semicolon], trimmed[trimmed.index(after: semicolon)...]]
        } else {
            parts = [trimmed[...]]
        }
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else {
                return "invalid check option \"\(part)\""
            }
            let key = String(part[..<equals]).trimmingBlanks()
            let optionValue = String(part[part.index(after: equals)...]).trimmingBlanks()
            switch key {
            case "skip":
                continue
            case "error":
                let booleans: Set<String> = ["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]
                if !booleans.contains(optionValue) {
                    return "failed to parse check option \"\(part)\": invalid syntax"
                }
            default:
                return "invalid check option \"\(key)\""
            }
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing blanks (space, tab, line
    /// breaks), as Go's `strings.TrimSpace` does for ASCII text.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
