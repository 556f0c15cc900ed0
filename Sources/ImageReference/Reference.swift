/// A container image reference: a name (optional domain and a path), an
/// optional tag and an optional digest, as distribution/reference defines it.
///
/// The value holds its canonical string, ``description``, and where each
/// part lies in it; every part is a zero-copy slice of that string.
///
/// ```swift
/// let ref = try Reference.parseNormalized("nginx:1.25")
/// ref.description    // "docker.io/library/nginx:1.25"
/// ref.domain         // "docker.io"
/// ref.path           // "library/nginx"
/// ref.tag            // "1.25"
/// ref.familiar       // "nginx:1.25"
/// ```
///
/// Make one with ``parse(_:)`` (the grammar exactly as written),
/// ``parseNormalized(_:)`` (Docker's normalization), ``withName(_:)`` or the
/// other constructors; all of them check the grammar, so the parts of a
/// `Reference` always satisfy it.
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    /// The canonical string: `[domain "/"] path [":" tag] ["@" digest]`.
    public let description: String
    /// UTF-8 length of the domain; 0 when there is none.
    let domainLength: Int
    /// UTF-8 offset where the path (and so the name) ends.
    let pathEnd: Int
    /// UTF-8 offset where the tag ends; `pathEnd` when there is no tag.
    let tagEnd: Int
    /// UTF-8 length of `description`; the digest runs from after `tagEnd`
    /// to here when `tagEnd < utf8Count`.
    let utf8Count: Int

    init(description: String, domainLength: Int, pathEnd: Int, tagEnd: Int) {
        self.init(
            description: description,
            domainLength: domainLength,
            pathEnd: pathEnd,
            tagEnd: tagEnd,
            utf8Count: description.utf8.count
        )
    }

    /// For callers that know the UTF-8 length of `description` already.
    @inline(__always)
    init(description: String, domainLength: Int, pathEnd: Int, tagEnd: Int, utf8Count: Int) {
        self.description = description
        self.domainLength = domainLength
        self.pathEnd = pathEnd
        self.tagEnd = tagEnd
        self.utf8Count = utf8Count
    }

    /// The part of `description` between two UTF-8 offsets.
    @inline(__always)
    func slice(_ lower: Int, _ upper: Int) -> Substring {
        let utf8 = description.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lower)
        let end = utf8.index(start, offsetBy: upper - lower)
        return Substring(utf8[start ..< end])
    }

    /// The registry host and optional port (`docker.io`, `localhost:5000`,
    /// `[::1]:5000`); empty when a reference parsed without normalization
    /// has no domain. Go's `Domain()`.
    public var domain: Substring { slice(0, domainLength) }

    /// UTF-8 offset where the path starts.
    var pathStart: Int { domainLength == 0 ? 0 : domainLength + 1 }

    /// The repository path after the domain (`library/nginx`). Go's `Path()`.
    public var path: Substring { slice(pathStart, pathEnd) }

    /// Domain and path without tag or digest. Go's `Name()`.
    public var name: Substring { slice(0, pathEnd) }

    /// The tag, if any.
    public var tag: Substring? {
        tagEnd > pathEnd ? slice(pathEnd + 1, tagEnd) : nil
    }

    /// The digest, if any.
    public var digest: Digest? {
        guard utf8Count > tagEnd else { return nil }
        let text = slice(tagEnd + 1, utf8Count)
        let colon = text.utf8.firstIndex(of: ASCII.colon).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
        return Digest(text: text, colonOffset: colon ?? 0)
    }

    /// Whether the reference has neither tag nor digest.
    public var isNameOnly: Bool { pathEnd == utf8Count }

    /// The name as `docker` prints it: `docker.io/` dropped, then `library/`
    /// dropped when nothing but one component follows. Go's `FamiliarName`.
    public var familiarName: Substring { slice(familiarStart, pathEnd) }

    /// The whole reference as `docker` prints it (`nginx:1.25`). Go's
    /// `FamiliarString`.
    public var familiar: Substring { slice(familiarStart, utf8Count) }

    /// Where the familiar form starts in `description`.
    var familiarStart: Int {
        let hub = Normalization.dockerHubDomain
        let library = Normalization.libraryPrefix
        return withUTF8(of: description) { bytes in
            guard Normalization.equals(bytes, 0 ..< domainLength, hub) else { return 0 }
            let afterLibrary = pathStart + library.utf8CodeUnitCount
            if pathEnd > afterLibrary, Normalization.equals(bytes, pathStart ..< afterLibrary, library),
               Normalization.firstOffset(of: ASCII.slash, in: bytes, from: afterLibrary, to: pathEnd) == nil {
                return afterLibrary
            }
            return pathStart
        }
    }
}
