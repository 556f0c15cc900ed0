/// Eight input bytes in one `UInt64`, tested against a character class all
/// at once, for the digest's hex: at least 32 and mostly 64 digits, where a
/// byte loop costs about six instructions a byte and a word about three.
///
/// Only the hex is scanned this way. Measured on the benchmark's mix, the
/// word tests lose on the short runs of names and tags (a few bytes each):
/// setting up a word costs more than the bytes it saves.
///
/// Lanes are the eight bytes, first byte in the lowest lane. A class test
/// returns a word with the high bit (0x80) of each lane set when that byte
/// is in the class and clear otherwise; every other bit is clear. Bytes at
/// or above 0x80, and 0, are in no class, as in ``CharacterFlags``.
/// `ByteClassTests` checks every class against ``CharacterFlags`` for every
/// byte in every lane.
struct ByteWord {
    /// The eight bytes, first byte in the lowest lane.
    let bits: UInt64

    /// 0x01 in every lane.
    static var lanes: UInt64 { 0x0101_0101_0101_0101 }
    /// 0x80 in every lane.
    static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `offset` of `buffer`, which holds at least eight;
    /// `offset` is before its end. Near the end, where fewer than eight
    /// remain, the last eight are loaded and shifted down, so the lanes
    /// past the end hold 0 (in no class).
    ///
    /// Loading the input where it lies, not a padded copy of it: a load
    /// that spans the stores of a copy just made waits for them to reach
    /// the cache (no store-to-load forwarding), which costs more than the
    /// copy saves.
    @inline(__always)
    init(_ buffer: UnsafeRawBufferPointer, at offset: Int) {
        let base = min(offset, buffer.count &- 8)
        let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: base, as: UInt64.self))
        bits = word &>> UInt64(truncatingIfNeeded: (offset &- base) &* 8)
    }

    /// For tests: the word holding `bytes` (at most eight).
    init(bytes: [UInt8]) {
        var value: UInt64 = 0
        for (lane, byte) in bytes.prefix(8).enumerated() { value |= UInt64(byte) << (8 * lane) }
        bits = value
    }

    /// The lanes with their high bit cleared: the range tests below add to
    /// each lane, and on values up to 0x7F those sums never carry into the
    /// next lane.
    @inline(__always)
    var low7: UInt64 { bits & ~Self.highBits }

    /// High bit of each lane whose byte is ASCII (below 0x80).
    @inline(__always)
    var asciiLanes: UInt64 { ~bits & Self.highBits }

    /// High bit of each lane of `low` (bytes up to 0x7F) holding `first...last`.
    /// `lane + (0x80 - first)` reaches 0x80 exactly when `lane >= first`, and
    /// `lane + (0x7F - last)` does exactly when `lane > last`.
    @inline(__always)
    static func inRange(_ low: UInt64, _ first: UInt8, _ last: UInt8) -> UInt64 {
        let atLeastFirst = low &+ lanes &* UInt64(0x80 &- first)
        let aboveLast = low &+ lanes &* UInt64(0x7F &- last)
        return atLeastFirst & ~aboveLast & highBits
    }

    // MARK: - Classes (the same sets as CharacterFlags)

    /// `'0'...'9' | 'a'...'f' | 'A'...'F'`
    @inline(__always)
    var hexDigits: UInt64 {
        let low = low7
        return (Self.inRange(low | Self.lanes &* 0x20, 0x61, 0x66) | Self.inRange(low, 0x30, 0x39)) & asciiLanes
    }

    /// `'A'...'F'`
    @inline(__always)
    var upperHexLetters: UInt64 { Self.inRange(low7, 0x41, 0x46) & asciiLanes }

    /// How many lanes, from the first, are set in `members` before the
    /// first clear one: 8 when all are set.
    @inline(__always)
    static func leadingMembers(_ members: UInt64) -> Int {
        (~members & highBits).trailingZeroBitCount &>> 3
    }
}
