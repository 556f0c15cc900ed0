extension Reference: Hashable {
    /// Whether both have the same canonical form (and so the same parts):
    /// `nginx` normalized equals `docker.io/library/nginx`. Compares the
    /// prefix and kept text piecewise, without building either canonical
    /// string.
    public static func == (lhs: Reference, rhs: Reference) -> Bool {
        guard lhs.utf8Count == rhs.utf8Count, lhs.pathEnd == rhs.pathEnd, lhs.tagEnd == rhs.tagEnd,
              lhs.domainLength == rhs.domainLength
        else { return false }
        if lhs.prefix == nil, rhs.prefix == nil { return lhs.text == rhs.text }
        return lhs.withCanonicalParts { leftHead, leftTail in
            rhs.withCanonicalParts { rightHead, rightTail in
                Reference.equal(leftHead, leftTail, rightHead, rightTail)
            }
        }
    }

    /// Feeds the canonical form's bytes, prefix then kept text, and the
    /// offsets of the parts. `Hasher.combine(bytes:)` streams, so equal
    /// canonical forms hash alike however they are split.
    public func hash(into hasher: inout Hasher) {
        withCanonicalParts { head, tail in
            hasher.combine(bytes: head)
            hasher.combine(bytes: tail)
        }
        hasher.combine(domainLength)
        hasher.combine(pathEnd)
        hasher.combine(tagEnd)
    }

    /// Runs `body` on the canonical form as two pieces: the prefix and the
    /// kept part of the text.
    @inline(__always)
    func withCanonicalParts<Result>(
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let head = prefix.map { UnsafeRawBufferPointer(start: $0.text.utf8Start, count: $0.length) }
            ?? UnsafeRawBufferPointer(start: nil, count: 0)
        return withUTF8(of: text) { bytes in
            body(head, UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[keptStart...]))
        }
    }

    /// Whether `leftHead + leftTail` and `rightHead + rightTail` are the
    /// same bytes; both have the same total length.
    static func equal(
        _ leftHead: UnsafeRawBufferPointer, _ leftTail: UnsafeRawBufferPointer,
        _ rightHead: UnsafeRawBufferPointer, _ rightTail: UnsafeRawBufferPointer
    ) -> Bool {
        let count = leftHead.count &+ leftTail.count
        guard count == rightHead.count &+ rightTail.count else { return false }
        func byte(_ head: UnsafeRawBufferPointer, _ tail: UnsafeRawBufferPointer, _ offset: Int) -> UInt8 {
            offset < head.count ? head[offset] : tail[offset &- head.count]
        }
        // Mixed forms are compared rarely (a prefixed reference against a
        // written-out one); a loop over at most a few hundred bytes will do.
        for offset in 0 ..< count where byte(leftHead, leftTail, offset) != byte(rightHead, rightTail, offset) {
            return false
        }
        return true
    }
}
