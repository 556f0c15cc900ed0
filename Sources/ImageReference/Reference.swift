/// A container image reference: a name (optional domain and a path), an
/// optional tag and an optional digest, as distribution/reference defines it.
///
/// The value holds the text it was made from (the caller's string itself,
/// not a copy), what normalization puts in front of it (`docker.io/` or
/// `docker.io/library/`, if anything) and where each part lies. The
/// canonical string, ``description``, is that prefix followed by the kept
/// part of the text; it is built only when asked for, because for the
/// Docker Hub short forms (`nginx:1.25`) it is longer than a small string
/// and building it would cost an allocation on every parse. Every other
/// part is a zero-copy slice of the text, except ``name`` and, for a
/// one-component Docker Hub name, ``path`` (small strings, usually).
/// Equality and hashing are on the canonical form: `nginx` and
/// `docker.io/library/nginx` give equal references.
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
public struct Reference: Sendable, CustomStringConvertible {
    /// The text the reference was made from; the canonical form is
    /// `prefix` followed by `text` from `keptStart` on.
    let text: String
    /// UTF-8 offset in `text` where the part the canonical form keeps
    /// starts; 0 when `prefix` is nil.
    let keptStart: Int
    // The offsets below are in the canonical form, not in `text`.
    /// UTF-8 length of the domain; 0 when there is none.
    let domainLength: Int
    /// UTF-8 offset where the path (and so the name) ends.
    let pathEnd: Int
    /// UTF-8 offset where the tag ends; `pathEnd` when there is no tag.
    let tagEnd: Int
    /// UTF-8 length of the canonical form; the digest runs from after
    /// `tagEnd` to here when `tagEnd < utf8Count`.
    let utf8Count: Int
    /// What the canonical form has in front of the kept text; nil when
    /// `text` is the canonical form itself.
    let prefix: Normalization.Prefix?

    /// A reference whose canonical form is `text` itself.
    init(description text: String, domainLength: Int, pathEnd: Int, tagEnd: Int) {
        self.init(
            text: text,
            prefix: nil,
            keptStart: 0,
            domainLength: domainLength,
            pathEnd: pathEnd,
            tagEnd: tagEnd,
            utf8Count: text.utf8.count
        )
    }

    @inline(__always)
    init(
        text: String,
        prefix: Normalization.Prefix?,
        keptStart: Int,
        domainLength: Int,
        pathEnd: Int,
        tagEnd: Int,
        utf8Count: Int
    ) {
        self.text = text
        self.prefix = prefix
        self.keptStart = keptStart
        self.domainLength = domainLength
        self.pathEnd = pathEnd
        self.tagEnd = tagEnd
        self.utf8Count = utf8Count
    }

    /// The canonical string: `[domain "/"] path [":" tag] ["@" digest]`.
    public var description: String {
        guard let prefix else { return text }
        return withUTF8(of: text) { bytes in
            Reference.joined(prefix.text, bytes, from: keptStart, to: bytes.count)
        }
    }

    /// The length of `prefix`.
    @inline(__always)
    var prefixLength: Int { prefix?.length ?? 0 }

    /// What to subtract from an offset in the canonical form to find it in
    /// `text` (for offsets in the kept part).
    @inline(__always)
    var shift: Int { prefixLength &- keptStart }

    /// The part of `text` between two UTF-8 offsets in `text`.
    @inline(__always)
    func textSlice(_ lower: Int, _ upper: Int) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lower)
        let end = utf8.index(start, offsetBy: upper &- lower)
        return Substring(utf8[start ..< end])
    }

    /// The part of the canonical form between two UTF-8 offsets in it, at
    /// or after the prefix.
    @inline(__always)
    func keptSlice(_ lower: Int, _ upper: Int) -> Substring {
        let shift = shift
        return textSlice(lower &- shift, upper &- shift)
    }

    /// The registry host and optional port (`docker.io`, `localhost:5000`,
    /// `[::1]:5000`); empty when a reference parsed without normalization
    /// has no domain. Go's `Domain()`.
    public var domain: Substring {
        // A string literal this short is a small string: no allocation.
        prefix == nil ? textSlice(0, domainLength) : "docker.io"
    }

    /// UTF-8 offset where the path starts in the canonical form.
    var pathStart: Int { domainLength == 0 ? 0 : domainLength &+ 1 }

    /// The repository path after the domain (`library/nginx`). Go's `Path()`.
    public var path: Substring {
        switch prefix {
        case nil: return textSlice(pathStart, pathEnd)
        case .dockerHub: return keptSlice(pathStart, pathEnd)
        case .dockerHubLibrary:
            // `library/` is not in the text: build the path, a small
            // string for names up to seven bytes.
            let end = pathEnd &- shift
            return Substring(withUTF8(of: text) { bytes in
                Reference.joined(Normalization.libraryPrefix, bytes, from: keptStart, to: end)
            })
        }
    }

    /// Domain and path without tag or digest. Go's `Name()`.
    public var name: Substring {
        guard let prefix else { return textSlice(0, pathEnd) }
        let end = pathEnd &- shift
        return Substring(withUTF8(of: text) { bytes in
            Reference.joined(prefix.text, bytes, from: keptStart, to: end)
        })
    }

    /// The name without the prefix normalization adds: all of the name for
    /// a reference without one. Edits keep it and the prefix.
    var keptName: Substring { keptSlice(prefixLength, pathEnd) }

    /// The tag, if any.
    public var tag: Substring? {
        tagEnd > pathEnd ? keptSlice(pathEnd &+ 1, tagEnd) : nil
    }

    /// The digest, if any.
    public var digest: Digest? {
        guard utf8Count > tagEnd else { return nil }
        let text = keptSlice(tagEnd &+ 1, utf8Count)
        let colon = text.utf8.firstIndex(of: ASCII.colon).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
        return Digest(text: text, colonOffset: colon ?? 0)
    }

    /// Whether the reference has neither tag nor digest.
    public var isNameOnly: Bool { pathEnd == utf8Count }

    /// The name as `docker` prints it: `docker.io/` dropped, then `library/`
    /// dropped when nothing but one component follows. Go's `FamiliarName`.
    public var familiarName: Substring { textSlice(familiarStart, pathEnd &- shift) }

    /// The whole reference as `docker` prints it (`nginx:1.25`). Go's
    /// `FamiliarString`.
    public var familiar: Substring { textSlice(familiarStart, utf8Count &- shift) }

    /// Where the familiar form starts in `text`: where the path starts,
    /// after `library/` when only one component follows it, for a Docker
    /// Hub name; 0 (the domain) for any other.
    var familiarStart: Int {
        switch prefix {
        case .dockerHubLibrary:
            // The prefix ends in `library/` and one component follows.
            return keptStart
        case .dockerHub:
            return withUTF8(of: text) { bytes in
                Reference.afterLibrary(bytes, pathStart: keptStart, pathEnd: pathEnd &- shift)
            }
        case nil:
            return withUTF8(of: text) { bytes in
                guard Normalization.equals(bytes, 0 ..< domainLength, Normalization.dockerHubDomain) else { return 0 }
                return Reference.afterLibrary(bytes, pathStart: pathStart, pathEnd: pathEnd)
            }
        }
    }

    /// `pathStart`, or where `library/` ends when the path is `library/`
    /// and one more component.
    static func afterLibrary(_ bytes: UnsafeBufferPointer<UInt8>, pathStart: Int, pathEnd: Int) -> Int {
        let library = Normalization.libraryPrefix
        let afterLibrary = pathStart &+ library.utf8CodeUnitCount
        if pathEnd > afterLibrary, Normalization.equals(bytes, pathStart ..< afterLibrary, library),
           Normalization.firstOffset(of: ASCII.slash, in: bytes, from: afterLibrary, to: pathEnd) == nil {
            return afterLibrary
        }
        return pathStart
    }

    /// The string `head` + `bytes[start..<end]`.
    @inline(__always)
    static func joined(_ head: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        let headLength = head.utf8CodeUnitCount
        let tailLength = end &- start
        let total = headLength &+ tailLength
        // Raw copies compile to `memcpy`; the typed `initialize(from:count:)`
        // is a generic call into the standard library. Up to 15 bytes the
        // string is small and lives in the value, with no allocation.
        return String(unsafeUninitializedCapacity: total) { buffer in
            guard let target = buffer.baseAddress.map(UnsafeMutableRawPointer.init) else { return 0 }
            target.copyMemory(from: head.utf8Start, byteCount: headLength)
            if let source = bytes.baseAddress, tailLength > 0 {
                (target + headLength).copyMemory(from: source + start, byteCount: tailLength)
            }
            return total
        }
    }
}
