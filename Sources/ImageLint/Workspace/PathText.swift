/// `/`-separated paths taken apart on UTF-8 bytes, for the name rules that
/// run for every file of a walk: splitting a `String` on `Character`s walks
/// grapheme boundaries over the whole path, and `String.contains` builds a
/// searcher each call; both cost tens of thousands of instructions a file.
enum PathText {
    static let slash = UInt8(ascii: "/")

    /// The last non-empty component (the path itself when it has no `/`).
    static func fileName(_ path: String) -> Substring {
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == slash { end = utf8.index(before: end) }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != slash { start = utf8.index(before: start) }
        return start == end ? Substring(path) : Substring(utf8[start ..< end])
    }

    /// The path without its last component and the `/` before it ("" for a
    /// bare name), for the rules that look at a file's folders.
    static func folderPart(_ path: String) -> Substring {
        let name = fileName(path)
        let utf8 = path.utf8
        var end = name.startIndex
        if end > utf8.startIndex { end = utf8.index(before: end) }
        return Substring(utf8[utf8.startIndex ..< end])
    }

    /// Whether `folders` (a `/`-separated folder path) has `sequence` as
    /// whole components (`"a/b"` in `"x/a/b/y"`, not in `"xa/b"`).
    static func hasComponents(_ folders: Substring, _ sequence: StaticString) -> Bool {
        let count = sequence.utf8CodeUnitCount
        return folders.utf8.withContiguousStorageIfAvailable { bytes in
            guard count > 0, bytes.count >= count else { return false }
            var i = 0
            while i + count <= bytes.count {
                if i == 0 || bytes[i - 1] == slash, i + count == bytes.count || bytes[i + count] == slash {
                    var j = 0
                    while j < count, bytes[i + j] == sequence.utf8Start[j] { j += 1 }
                    if j == count { return true }
                }
                i += 1
            }
            return false
        } ?? ("/" + String(folders) + "/").contains("/" + String(describing: sequence) + "/")
    }

    /// Whether `text` starts with `prefix`, byte for byte (`String`'s own
    /// compares `Character`s, which costs a thousand instructions a call).
    static func hasPrefix(_ text: some StringProtocol, _ prefix: StaticString) -> Bool {
        text.utf8.starts(with: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
    }

    /// Whether `text` ends with `suffix`, byte for byte.
    static func hasSuffix(_ text: some StringProtocol, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        return text.utf8.count >= count
            && text.utf8.suffix(count).elementsEqual(UnsafeBufferPointer(start: suffix.utf8Start, count: count))
    }

    /// Whether `needle` (lower-case ASCII) occurs in `text` in any ASCII case.
    static func containsIgnoringASCIICase(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        let bytes = Array(text.utf8)
        guard count > 0, bytes.count >= count else { return count == 0 }
        var i = 0
        while i + count <= bytes.count {
            var j = 0
            while j < count, ASCIICase.lowered(bytes[i + j]) == pattern[j] { j += 1 }
            if j == count { return true }
            i += 1
        }
        return false
    }

    /// Whether `needle` occurs in `text`, byte for byte.
    static func contains(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        let first = needle.utf8Start.pointee
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= count else { return false }
            var i = 0
            while i + count <= bytes.count {
                if bytes[i] == first {
                    var j = 1
                    while j < count, bytes[i + j] == needle.utf8Start[j] { j += 1 }
                    if j == count { return true }
                }
                i += 1
            }
            return false
        } ?? String(text).contains(String(describing: needle))
    }
}


/// ASCII case folding of single bytes.
enum ASCIICase {
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
