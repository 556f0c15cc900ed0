/// A sequence node; iteration returns its items with aliases followed.
public struct YAMLSequence: Sendable, Sequence {
    /// The sequence's node (aliases already followed).
    public let node: YAMLNode

    init(node: YAMLNode) { self.node = node }

    public var count: Int { Int(node.record.a) }
    public var isEmpty: Bool { count == 0 }

    /// The item at `position` (0-based), or nil; walks the items (O(position)).
    public subscript(position: Int) -> YAMLNode? {
        guard position >= 0, position < count else { return nil }
        var iterator = makeIterator()
        for _ in 0..<position { _ = iterator.next() }
        return iterator.next()
    }

    public func makeIterator() -> Iterator { Iterator(node: node, follow: true) }

    /// The items exactly as written: an alias item is a node of kind
    /// ``YAMLNode/Kind/alias``.
    public var writtenItems: WrittenItems { WrittenItems(node: node) }

    public struct WrittenItems: Sendable, Sequence {
        let node: YAMLNode
        public func makeIterator() -> Iterator { Iterator(node: node, follow: false) }
    }

    public struct Iterator: IteratorProtocol {
        let node: YAMLNode
        let follow: Bool
        var cursor: UInt32
        var remaining: UInt32

        init(node: YAMLNode, follow: Bool) {
            self.node = node
            self.follow = follow
            cursor = node.index + 1
            remaining = node.record.a
        }

        public mutating func next() -> YAMLNode? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let item = cursor
            cursor = node.storage.records[Int(item)].next
            return follow ? node.child(item) : YAMLNode(storage: node.storage, index: item, via: node.via, viaMerge: node.viaMerge)
        }
    }
}
