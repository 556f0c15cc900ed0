/// The items of a node that should be a sequence, for loops over optional
/// paths (`for step in job["steps"].items`): nothing when the node is
/// missing or not a sequence.
struct YAMLItems: Sequence, IteratorProtocol {
    private var iterator: YAMLSequence.Iterator?

    init(_ node: YAMLNode?) { iterator = node?.sequence?.makeIterator() }

    mutating func next() -> YAMLNode? { iterator?.next() }
}

extension Optional where Wrapped == YAMLNode {
    /// The items when this is a sequence node; none otherwise.
    var items: YAMLItems { YAMLItems(self) }
}

extension YAMLNode {
    /// The items when this is a sequence node; none otherwise.
    var items: YAMLItems { YAMLItems(self) }
}
