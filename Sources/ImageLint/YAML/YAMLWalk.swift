/// One node met by ``YAMLDocument/walk(limits:_:)``.
public struct YAMLWalkStep: Sendable {
    /// The node (aliases followed; ``YAMLNode/reachedThrough`` tells how).
    public let node: YAMLNode
    /// The key when the node is a mapping value.
    public let key: YAMLNode?
    /// The 0-based item position when the node is a sequence item.
    public let position: Int?
    /// The mapping or sequence holding the node; nil for the root.
    public let parent: YAMLNode?
    /// 0 for the root; aliases followed count as the levels they add.
    public let depth: Int
}

/// What a walk does after visiting a node.
public enum YAMLWalkAction: Sendable {
    case descend
    case skipChildren
    case stop
}

extension YAMLDocument {
    /// Visits every node reachable from the root, depth first in document
    /// order, values only (keys come with their values), following aliases
    /// and merge keys (a mapping's effective pairs, see ``YAMLMapping``).
    ///
    /// This is the way to descend a whole tree: following aliases by hand
    /// can expand a few lines into billions of nodes. The walk counts every
    /// node it visits through an alias or merge key and stops at
    /// ``YAMLLimits/maxAliasExpansion`` (`yaml-alias-limit`, at the alias
    /// that crossed it); it does not descend below ``YAMLLimits/maxDepth``
    /// (`yaml-depth-limit`). Returns those diagnostics.
    @discardableResult
    public func walk(limits: YAMLLimits = .default, _ visit: (YAMLWalkStep) throws -> YAMLWalkAction) rethrows -> [Diagnostic] {
        guard let root else { return [] }
        var state = YAMLWalkState(limits: limits)
        _ = try state.visit(YAMLWalkStep(node: root, key: nil, position: nil, parent: nil, depth: 0), visit)
        return state.diagnostics
    }
}

struct YAMLWalkState {
    let limits: YAMLLimits
    var expanded = 0
    var diagnostics: [Diagnostic] = []
    var reportedDepth = false

    init(limits: YAMLLimits) { self.limits = limits }

    /// Visits `step` and its subtree; false when the walk must stop.
    mutating func visit(_ step: YAMLWalkStep, _ body: (YAMLWalkStep) throws -> YAMLWalkAction) rethrows -> Bool {
        let node = step.node
        if node.via != YAMLNodeRecord.none || node.viaMerge {
            expanded += 1
            if expanded > limits.maxAliasExpansion {
                let at = node.reachedThrough ?? node
                diagnostics.append(Diagnostic(
                    severity: .error, code: "yaml-alias-limit",
                    message: "aliases expand to more than \(limits.maxAliasExpansion) nodes; the rest is not read",
                    location: at.location))
                return false
            }
        }
        switch try body(step) {
        case .stop: return false
        case .skipChildren: return true
        case .descend: break
        }
        let depth = step.depth + 1
        if depth > limits.maxDepth, node.kind == .mapping || node.kind == .sequence {
            if !reportedDepth {
                reportedDepth = true
                diagnostics.append(Diagnostic(
                    severity: .error, code: "yaml-depth-limit",
                    message: "YAML nested deeper than \(limits.maxDepth) levels (aliases included); deeper nodes are not read",
                    location: node.location))
            }
            return true
        }
        if let mapping = node.mapping {
            for pair in mapping {
                guard try visit(YAMLWalkStep(node: pair.value, key: pair.key, position: nil, parent: node, depth: depth), body) else { return false }
            }
        } else if let sequence = node.sequence {
            var position = 0
            for item in sequence {
                guard try visit(YAMLWalkStep(node: item, key: nil, position: position, parent: node, depth: depth), body) else { return false }
                position += 1
            }
        }
        return true
    }
}
