/// Bytes followed in memory by a 0 byte, so the grammar can read the byte
/// at `count` as "end" instead of checking bounds on every read: 0 is in
/// no character class, and no production reads more than one byte past a
/// byte it has already seen.
///
/// The bytes and their 0 together are always at least ``minimumLength``
/// long, so a ``ByteWord`` can load eight of them at once: near the end it
/// loads the last eight and shifts (see ``ByteWord/init(_:at:)``).
struct TerminatedBytes {
    /// The fewest bytes `terminated` holds: one ``ByteWord``.
    static var minimumLength: Int { 8 }

    /// The bytes, without the terminating 0.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The bytes and the terminating 0 (and more zeros for short input).
    let terminated: UnsafeBufferPointer<UInt8>

    /// Runs `body` on a terminated copy of `bytes`, on the stack when small.
    static func withCopy<Result>(
        of bytes: UnsafeBufferPointer<UInt8>,
        _ body: (TerminatedBytes) -> Result
    ) -> Result {
        let length = max(bytes.count &+ 1, minimumLength)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { storage in
            // Raw copies compile to `memcpy`; the typed `initialize` is a
            // generic call into the standard library.
            let raw = UnsafeMutableRawBufferPointer(storage)
            raw.copyMemory(from: UnsafeRawBufferPointer(bytes))
            raw[bytes.count...].initializeMemory(as: UInt8.self, repeating: 0)
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
/// when some are themselves 0. Text shorter than a ``ByteWord`` is copied
/// with zeros after it.
@inline(__always)
func withTerminatedUTF8<S: StringProtocol, Result>(
    of string: S,
    _ body: (TerminatedBytes) -> Result
) -> Result {
    let count = string.utf8.count
    return string.withCString { characters in
        let start = UnsafeRawPointer(characters).assumingMemoryBound(to: UInt8.self)
        let bytes = UnsafeBufferPointer(start: start, count: count)
        guard count &+ 1 >= TerminatedBytes.minimumLength else { return withShortCopy(of: bytes, body) }
        return body(TerminatedBytes(
            bytes: bytes,
            terminated: UnsafeBufferPointer(start: start, count: count &+ 1)
        ))
    }
}

/// ``TerminatedBytes`` for text shorter than ``TerminatedBytes/minimumLength``:
/// a copy in two zeroed words on the stack, cheaper than a temporary
/// allocation for the short names (`nginx`) that come through here often.
@inline(never)
func withShortCopy<Result>(
    of bytes: UnsafeBufferPointer<UInt8>,
    _ body: (TerminatedBytes) -> Result
) -> Result {
    var words: (UInt64, UInt64) = (0, 0)
    return withUnsafeMutableBytes(of: &words) { raw in
        // The caller's text is shorter than the 16 bytes; `min` only keeps
        // the terminating 0 inside them whatever a caller passes.
        let count = min(bytes.count, raw.count &- 1)
        raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[0 ..< count]))
        return raw.withMemoryRebound(to: UInt8.self) { storage in
            let terminated = UnsafeBufferPointer(storage)
            return body(TerminatedBytes(
                bytes: UnsafeBufferPointer(rebasing: terminated[0 ..< count]),
                terminated: terminated
            ))
        }
    }
}
