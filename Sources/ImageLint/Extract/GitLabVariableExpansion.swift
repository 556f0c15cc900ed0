/// GitLab CI's expansion of `$VAR` and `${VAR}` in `image` and `services`
/// values (no default or pattern operators; `$$` is a literal `$`), plus
/// component inputs `$[[ inputs.x ]]` from the `spec:` header's defaults.
///
/// Values come, in order, from `--env` (CI/CD variables set outside the
/// file), the job's `variables:` (and those of the jobs it `extends`), the
/// top-level `variables:`, then the policy's `variables:`. A variable's
/// value is itself expanded (GitLab's default, unless `expand: false`).
/// Predefined `CI_*` variables have no value unless given with `--env`.
struct GitLabVariableExpansion {
    /// One source of values: name → the node holding the value.
    struct Table {
        var values: [String: Entry] = [:]

        struct Entry {
            var node: YAMLNode
            /// False for `{value: …, expand: false}`: the value is literal.
            var expand: Bool
        }

        /// Reads a `variables:` mapping: `NAME: value` or `NAME: {value, expand}`.
        init(_ variables: YAMLNode?) {
            guard let mapping = variables?.mapping else { return }
            for pair in mapping {
                guard let name = pair.key.scalar?.value, values[name] == nil else { continue }
                if let long = pair.value.mapping {
                    guard let value = long["value"], value.kind == .scalar else { continue }
                    let expand = long["expand"]?.scalar.map { !$0.hasValue("false") } ?? true
                    values[name] = Entry(node: value, expand: expand)
                } else if pair.value.kind == .scalar {
                    values[name] = Entry(node: pair.value, expand: true)
                }
            }
        }

        init() {}
    }

    var options: ExtractionOptions
    /// Innermost first: the job's own, the jobs it extends, the top level.
    var tables: [Table] = []
    /// Component inputs: name → its `default` node.
    var inputs: [String: YAMLNode] = [:]

    static let maxNesting = 8

    /// `text` with its variables and inputs substituted.
    func substitute(_ text: ArraySlice<UInt8>) -> ImageTextSubstitution {
        var result = ImageTextSubstitution()
        expand(text, into: &result, nesting: 0)
        return result
    }

    private func expand(_ text: ArraySlice<UInt8>, into result: inout ImageTextSubstitution, nesting: Int) {
        var cursor = text.startIndex
        for placeholder in ForeignPlaceholder.scan(text) {
            expandVariables(text[cursor..<(text.startIndex + placeholder.range.lowerBound)], into: &result, nesting: nesting)
            cursor = text.startIndex + placeholder.range.upperBound
            input(placeholder, into: &result)
        }
        expandVariables(text[cursor...], into: &result, nesting: nesting)
    }

    /// `$[[ inputs.x ]]` from the input's default; any other placeholder is
    /// unresolved.
    private func input(_ placeholder: ForeignPlaceholder, into result: inout ImageTextSubstitution) {
        let name = placeholder.name
        guard placeholder.syntax == .dollarDoubleBracket, name.hasPrefix("inputs."),
              let node = inputs[String(name.dropFirst(7))], let scalar = node.scalar
        else {
            result.appendUnresolved(name)
            return
        }
        result.appendValue(
            scalar.value, variable: VariableUse(name: name, value: scalar.value, origin: .file(node.location)),
            related: RelatedLocation(location: node.location, message: "default of input \(name.dropFirst(7))"))
    }

    private func expandVariables(_ text: ArraySlice<UInt8>, into result: inout ImageTextSubstitution, nesting: Int) {
        var i = text.startIndex
        var literalStart = i
        let end = text.endIndex
        while i < end {
            guard text[i] == UInt8(ascii: "$"), i + 1 < end else {
                i += 1
                continue
            }
            let next = text[i + 1]
            if next == UInt8(ascii: "$") {
                result.appendLiteral(text[literalStart..<(i + 1)])
                i += 2
                literalStart = i
                continue
            }
            var nameStart = i + 1
            var nameEnd = nameStart
            var after: Int
            if next == UInt8(ascii: "{") {
                nameStart = i + 2
                nameEnd = nameStart
                while nameEnd < end, Self.isNameByte(text[nameEnd]) { nameEnd += 1 }
                guard nameEnd > nameStart, nameEnd < end, text[nameEnd] == UInt8(ascii: "}") else {
                    i += 1
                    continue
                }
                after = nameEnd + 1
            } else {
                guard Self.isNameStart(next) else {
                    i += 1
                    continue
                }
                while nameEnd < end, Self.isNameByte(text[nameEnd]) { nameEnd += 1 }
                after = nameEnd
            }
            result.appendLiteral(text[literalStart..<i])
            variable(String(decoding: text[nameStart..<nameEnd], as: UTF8.self), into: &result, nesting: nesting)
            i = after
            literalStart = i
        }
        result.appendLiteral(text[literalStart..<end])
    }

    private func variable(_ name: String, into result: inout ImageTextSubstitution, nesting: Int) {
        if let value = options.environment[name] {
            result.appendValue(value, variable: VariableUse(name: name, value: value, origin: .commandLine))
            return
        }
        for table in tables {
            guard let entry = table.values[name], let scalar = entry.node.scalar else { continue }
            let origin = VariableUse.Origin.file(entry.node.location)
            let related = RelatedLocation(location: entry.node.location, message: "value of variable \(name)")
            guard entry.expand, nesting < Self.maxNesting, scalar.valueBytes.contains(UInt8(ascii: "$")) else {
                result.appendValue(scalar.value, variable: VariableUse(name: name, value: scalar.value, origin: origin), related: related)
                return
            }
            var nested = ImageTextSubstitution()
            expand(scalar.valueBytes, into: &nested, nesting: nesting + 1)
            result.addRelated(related)
            if let value = nested.resolved {
                result.appendValue(value, variable: VariableUse(name: name, value: value, origin: origin))
            } else {
                result.append(nested: nested)
            }
            return
        }
        if let value = options.policyVariables[name] {
            result.appendValue(value, variable: VariableUse(name: name, value: value, origin: .builtin))
            return
        }
        result.appendUnresolved(name, variable: VariableUse(name: name, value: nil, origin: .unset))
    }

    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_")
    }

    @inline(__always) static func isNameByte(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }
}
