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
        let pattern = UnsafeBufferPointer(start: sequence.utf8Start, count: sequence.utf8CodeUnitCount)
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !pattern.isEmpty, bytes.count >= pattern.count else { return false }
            for i in 0 ... bytes.count - pattern.count
            where (i == 0 || bytes[i - 1] == slash) && (i + pattern.count == bytes.count || bytes[i + pattern.count] == slash) {
                if UnsafeBufferPointer(rebasing: bytes[i ..< i + pattern.count]).elementsEqual(pattern) { return true }
            }
            return false
        }
        return folders.utf8.withContiguousStorageIfAvailable(search) ?? Array(folders.utf8).withUnsafeBufferPointer(search)
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
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count >= pattern.count else { return pattern.isEmpty }
            for i in 0 ... bytes.count - pattern.count {
                var j = 0
                while j < pattern.count, ASCIICase.lowered(bytes[i + j]) == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
    }

    /// Whether `needle` occurs in `text`, byte for byte.
    static func contains(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { ByteSearch.contains($0, needle) }
            ?? Array(text.utf8).withUnsafeBufferPointer { ByteSearch.contains($0, needle) }
    }
}

/// ASCII case folding of single bytes.
enum ASCIICase {
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
