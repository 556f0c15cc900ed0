/// `/`-separated paths taken apart on UTF-8 bytes, for the name rules that
/// run for every file of a walk: splitting a `String` on `Character`s walks
/// grapheme boundaries over the whole path, and `String.contains` builds a
/// searcher each call; both cost tens of thousands of instructions a file.
enum PathText {
    static let slash = UInt8(ascii: "/")

    /// The non-empty components of `path`, in order.
    static func components(_ path: String) -> [Substring] {
        path.utf8.split(separator: slash).map { Substring($0) }
    }

    /// The last non-empty component (the path itself when it has no `/`).
    static func fileName(_ path: String) -> Substring {
        components(path).last ?? Substring(path)
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
