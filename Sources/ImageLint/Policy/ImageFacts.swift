import ImageReference

/// What policy conditions look at in a parsed, normalized reference.
///
/// Built once per occurrence from the reference parser's result, so every
/// condition compares plain strings and `nginx`, `docker.io/nginx` and
/// `index.docker.io/library/nginx` look the same to all of them.
public struct ImageFacts: Sendable, Hashable {
    /// The registry host and port, normalized (`docker.io`).
    public let domain: String
    /// The repository path, normalized (`library/nginx`).
    public let path: String
    public var tag: String?
    /// The digest as written after `@` (`sha256:…`).
    public var digest: String?
    /// Whether the text as written names its registry (`docker.io/nginx`
    /// does, `nginx` does not).
    public var qualified: Bool
    /// The name as `docker` prints it (`nginx`, `bitnami/redis`).
    public var familiarName: String

    public init(domain: String, path: String, tag: String?, digest: String?, qualified: Bool, familiarName: String) {
        self.domain = domain
        self.path = path
        name = domain + "/" + path
        self.tag = tag
        self.digest = digest
        self.qualified = qualified
        self.familiarName = familiarName
    }

    /// `domain/path`, the normalized name conditions on images match
    /// (stored: every image condition reads it).
    public let name: String

    /// The full normalized reference (`docker.io/library/nginx:1.27`).
    public var normalized: String {
        var text = name
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest }
        return text
    }
}


extension ImageFacts {
    /// The facts of a reference parsed with Docker's normalization from
    /// `written` (the resolved text).
    public init(reference: Reference, written: String) {
        self.init(
            domain: String(reference.domain),
            path: String(reference.path),
            tag: reference.tag.map(String.init),
            digest: reference.digest.map(\.description),
            qualified: ImageFacts.namesRegistry(written),
            familiarName: String(reference.familiarName)
        )
    }

    /// Whether a reference as written starts with a registry: Docker's rule
    /// for splitting the domain off (a first component, before a `/`, with
    /// a `.`, a `:`, upper case, or exactly `localhost`).
    static func namesRegistry(_ written: String) -> Bool {
        let utf8 = written.utf8
        guard let slash = utf8.firstIndex(of: UInt8(ascii: "/")) else { return false }
        let first = utf8[..<slash]
        if first.elementsEqual("localhost".utf8) { return true }
        return first.contains { byte in
            byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
    }
}
