/// The parameter values Tekton substitutes for `$(params.x)` in a task's
/// steps, as far as the file says: values passed by a run or a pipeline
/// task, and the parameters' `default`s.
///
/// Frames are searched innermost first. A frame's values can themselves
/// use `$(params.y)` (a pipeline task passing `$(params.image)` on); those
/// are looked up from the frame's `outer` index on. Other Tekton variables
/// (`$(tasks.x.results.y)`, `$(context.…)`, `$(workspaces.…)`) stay
/// unresolved.
struct TektonParameterScope: Sendable {
    struct Frame: Sendable {
        /// Parameter name → the node holding its value.
        var values: [String: YAMLNode]
        /// What a value of this frame is, for related locations.
        var label: String
        /// The first frame a value's own references are looked up in.
        var outer: Int

        /// `params: [{name, default}]` of a Task or Pipeline spec.
        static func defaults(_ params: YAMLNode?, outer: Int = Int.max) -> Frame {
            Frame(values: table(params, key: "default"), label: "default of parameter", outer: outer)
        }

        /// `params: [{name, value}]` of a run or a pipeline task.
        static func values(_ params: YAMLNode?, outer: Int = Int.max) -> Frame {
            Frame(values: table(params, key: "value"), label: "value of parameter", outer: outer)
        }

        /// The frame with its `outer` index moved by `delta` (for frames
        /// placed after `delta` new inner ones).
        func shifted(by delta: Int) -> Frame {
            var frame = self
            if outer != Int.max { frame.outer = outer + delta }
            return frame
        }

        private static func table(_ params: YAMLNode?, key: String) -> [String: YAMLNode] {
            var table: [String: YAMLNode] = [:]
            for parameter in params.items {
                guard let name = parameter["name"]?.scalar?.value, let value = parameter[key], value.kind == .scalar,
                      table[name] == nil
                else { continue }
                table[name] = value
            }
            return table
        }
    }

    var frames: [Frame] = []

    var isEmpty: Bool { frames.allSatisfy { $0.values.isEmpty } }

    /// Nesting limit for values that use other parameters.
    static let maxNesting = 8

    /// `text` with every `$(params.x)` that has a value substituted.
    func substitute(_ text: ArraySlice<UInt8>) -> ImageTextSubstitution {
        substitute(text, from: 0, nesting: 0)
    }

    private func substitute(_ text: ArraySlice<UInt8>, from first: Int, nesting: Int) -> ImageTextSubstitution {
        var result = ImageTextSubstitution()
        var cursor = text.startIndex
        for placeholder in ForeignPlaceholder.scan(text) {
            result.appendLiteral(text[cursor..<(text.startIndex + placeholder.range.lowerBound)])
            cursor = text.startIndex + placeholder.range.upperBound
            guard placeholder.syntax == .dollarParen, nesting < Self.maxNesting,
                  let name = Self.parameterName(placeholder.name),
                  let (frameIndex, node) = lookUp(name, from: first), let scalar = node.scalar
            else {
                result.appendUnresolved(placeholder.name)
                continue
            }
            let frame = frames[frameIndex]
            let nested = substitute(scalar.valueBytes, from: frame.outer, nesting: nesting + 1)
            let origin = VariableUse.Origin.file(node.location)
            let related = RelatedLocation(location: node.location, message: "\(frame.label) \(name)")
            if let value = nested.resolved {
                result.appendValue(value, variable: VariableUse(name: placeholder.name, value: value, origin: origin), related: related)
            } else {
                result.append(nested: nested)
                result.addRelated(related)
            }
        }
        result.appendLiteral(text[cursor...])
        return result
    }

    private func lookUp(_ name: String, from first: Int) -> (Int, YAMLNode)? {
        guard first < frames.count else { return nil }
        for index in first..<frames.count {
            if let node = frames[index].values[name] { return (index, node) }
        }
        return nil
    }

    /// The parameter a Tekton variable names: `params.x`, `params["x"]`,
    /// `params['x']`, and the old `inputs.params.x`; nil for any other
    /// variable.
    static func parameterName(_ variable: String) -> String? {
        var rest = Substring(variable)
        if rest.hasPrefix("inputs.") { rest = rest.dropFirst(7) }
        guard rest.hasPrefix("params") else { return nil }
        rest = rest.dropFirst(6)
        if rest.hasPrefix(".") {
            let name = rest.dropFirst()
            guard !name.isEmpty, !name.contains("["), !name.contains(" ") else { return nil }
            return String(name)
        }
        for quote in ["\"", "'"] where rest.hasPrefix("[\(quote)") && rest.hasSuffix("\(quote)]") && rest.count > 4 {
            return String(rest.dropFirst(2).dropLast(2))
        }
        return nil
    }
}
