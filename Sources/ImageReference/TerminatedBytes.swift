/// Bytes followed in memory by a 0 byte, so the grammar can read the byte
/// at `count` as "end" instead of checking bounds on every read: 0 is in
/// no character class, and no production reads more than one byte past a
/// byte it has already seen.
struct TerminatedBytes {
    /// The bytes, without the terminating 0.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The bytes and the terminating 0.
    let terminated: UnsafeBufferPointer<UInt8>

    /// Runs `body` on a terminated copy of `bytes`, on the stack when small.
    static func withCopy<Result>(
        of bytes: UnsafeBufferPointer<UInt8>,
        _ body: (TerminatedBytes) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { storage in
            if let target = storage.baseAddress, let source = bytes.baseAddress {
                target.initialize(from: source, count: bytes.count)
            }
            storage.initializeElement(at: bytes.count, to: 0)
            let terminated = UnsafeBufferPointer(storage)
            return body(TerminatedBytes(
                bytes: UnsafeBufferPointer(rebasing: terminated[0 ..< bytes.count]),
                terminated: terminated
            ))
        }
    }
}

/// Runs `body` on the UTF-8 bytes of `string` and their terminating 0.
///
/// `withCString` hands over a native string's own storage, which always
/// ends in a 0, without copying (it copies only for other strings), and
/// the bytes up to `utf8.count` are all of the string's code units, even
/// when some are themselves 0.
@inline(__always)
func withTerminatedUTF8<S: StringProtocol, Result>(
    of string: S,
    _ body: (TerminatedBytes) -> Result
) -> Result {
    let count = string.utf8.count
    return string.withCString { characters in
        let start = UnsafeRawPointer(characters).assumingMemoryBound(to: UInt8.self)
        return body(TerminatedBytes(
            bytes: UnsafeBufferPointer(start: start, count: count),
            terminated: UnsafeBufferPointer(start: start, count: count + 1)
        ))
    }
}
