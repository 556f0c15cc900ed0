/// Converts libyaml's marks to byte offsets.
///
/// A mark's `index` counts characters (a CRLF counts two), not bytes. One
/// quick pass records every non-ASCII character (its character index and
/// the byte after it); between two of them characters are bytes, so a
/// conversion is one subtraction after finding the last non-ASCII character
/// before the mark. Events come almost in order, so a cursor finds it in
/// amortised constant time; for a pure-ASCII file the table is empty.
struct YAMLMarkConverter {
    /// Character index of each non-ASCII character, in order.
    private var characters: [Int] = []
    /// Byte offset just past each of those characters.
    private var ends: [Int] = []
    /// Number of table entries before the last converted mark.
    private var cursor = 0
    private let count: Int
    /// Added to every result (the BOM's bytes, which libyaml never sees).
    private let offsetBase: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, offsetBase: Int) {
        self.offsetBase = offsetBase
        count = bytes.count
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 0
        var character = 0
        while i < n {
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                character += 8
            }
            guard i < n else { break }
            let b = base[i]
            if b < 0x80 {
                i += 1
            } else {
                characters.append(character)
                i = min(n, i + (b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1))
                ends.append(i)
            }
            character += 1
        }
    }

    /// The file offset of character `index` of libyaml's input.
    @inline(__always)
    mutating func offset(_ index: Int) -> Int {
        guard let first = characters.first, index > first else { return min(index, count) + offsetBase }
        return slowOffset(index) + offsetBase
    }

    private mutating func slowOffset(_ index: Int) -> Int {
        while cursor < characters.count, characters[cursor] < index { cursor += 1 }
        while cursor > 1, characters[cursor - 1] >= index { cursor -= 1 }
        let j = max(cursor - 1, 0)
        return min(count, ends[j] + (index - characters[j] - 1))
    }
}
