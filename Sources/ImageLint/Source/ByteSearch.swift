#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding one byte in a run of bytes with the C library's `memchr`, which
/// reads many bytes per step: readers use it to jump to the next line feed
/// or the next candidate of a rare marker instead of testing every byte.
enum ByteSearch {
    /// The offset of the first `byte` in `start..<end` of `bytes`, or `end`
    /// when there is none. The range is clamped to the buffer, so any
    /// arguments are safe.
    @inline(__always)
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        let end = min(end, bytes.count)
        guard let base = bytes.baseAddress, start >= 0, start < end else { return max(end, 0) }
        guard let hit = memchr(base + start, Int32(byte), end - start) else { return end }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `needle` occurs in `haystack`: `memchr` to each candidate
    /// first byte, `memcmp` for the rest. Used where every file of a run is
    /// searched and most do not hold the needle.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress, haystack.count >= needle.count else { return false }
        let last = haystack.count - needle.count
        var offset = 0
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, pattern, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    /// The offset of the first byte of `start..<end` that is not ASCII, or
    /// `end`; eight bytes per step (columns of ASCII text need no decoding).
    static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        let end = min(end, bytes.count)
        guard let base = bytes.baseAddress, start >= 0, start < end else { return max(min(start, end), 0) }
        let raw = UnsafeRawPointer(base)
        var offset = start
        while end - offset >= 8 {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            offset += 8
        }
        while offset < end, base[offset] < 0x80 { offset += 1 }
        return offset
    }

    /// ``contains(_:_:)`` for a literal needle.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        contains(haystack, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }
}
