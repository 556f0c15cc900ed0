/// A glob over normalized image names, written the way people write images.
///
/// The pattern is normalized like a reference before it is compiled, so it
/// means the same image however it is spelt:
/// - no `/` at all: an official Docker Hub image — `nginx` is
///   `docker.io/library/nginx`, `*` is every official image;
/// - a first component with `.` or `:`, or `localhost`: a registry host —
///   `ghcr.io/acme/**` as written, `index.docker.io` read as `docker.io`, and
///   `docker.io/<one component>` gets `library/`;
/// - any other first component: a Docker Hub namespace — `bitnami/*` is
///   `docker.io/bitnami/*`;
/// - a first component that is itself a wildcard (`**`, `*/nginx`) is used
///   as written against the full normalized name.
public struct ImagePattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written in the policy.
    public let written: String
    /// The normalized pattern that is matched.
    public let normalized: String
    private let glob: Glob

    public typealias SyntaxError = PatternSyntaxError

    public init(_ written: String) throws(SyntaxError) {
        self.written = written
        if let problem = ImagePattern.tagOrDigestProblem(written) {
            throw SyntaxError(message: problem.message, offset: problem.offset)
        }
        normalized = ImagePattern.normalize(written, addLibrary: true)
        do {
            glob = try Glob(normalized)
        } catch {
            // Normalization only ever adds a prefix, so shift the offset back.
            let shift = normalized.unicodeScalars.count - written.unicodeScalars.count
            throw SyntaxError(message: error.message, offset: max(0, error.offset - shift))
        }
    }

    public func matches(_ image: ImageFacts) -> Bool {
        glob.matches(image.name)
    }

    public func matches(name: String) -> Bool {
        glob.matches(name)
    }

    public var description: String { written }

    /// A tag or digest in a name pattern is a mistake worth an error: the
    /// pattern would silently never match.
    static func tagOrDigestProblem(_ written: String) -> (message: String, offset: Int)? {
        let scalars = Array(written.unicodeScalars)
        if let at = scalars.firstIndex(of: "@") {
            return ("an image pattern matches names only; remove the digest (use a `digest:` condition)", at)
        }
        let lastSlash = scalars.lastIndex(of: "/")
        let tail = lastSlash.map { scalars.index(after: $0) } ?? scalars.startIndex
        // With a `/`, a `:` before it is a port; in the last component (or
        // in a pattern with no `/`) it starts a tag.
        if let colon = scalars[tail...].firstIndex(of: ":") {
            return ("an image pattern matches names only; remove the tag (use a `tag:` condition)", colon)
        }
        return nil
    }

    /// Normalizes a name pattern or registry prefix the way Docker
    /// normalizes names; `addLibrary` adds `library/` to a one-component
    /// Docker Hub path.
    static func normalize(_ written: String, addLibrary: Bool) -> String {
        let components = written.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let first = components[0]
        if components.count == 1 {
            if first.allSatisfy({ $0 == "*" }) && first.count >= 2 { return written }
            return addLibrary ? "docker.io/library/" + written : "docker.io/" + written
        }
        let rest = components[1]
        if Glob.hasWildcards(String(first)) { return written }
        let isDomain = first.contains(".") || first.contains(":") || first == "localhost"
        guard isDomain else { return "docker.io/" + written }
        let domain = first == "index.docker.io" ? "docker.io" : String(first)
        if domain == "docker.io", addLibrary, !rest.contains("/"), !rest.hasPrefix("**") {
            return "docker.io/library/" + rest
        }
        return domain + "/" + rest
    }
}

/// An entry of `allowed-registries` / `denied-registries`, or of a
/// `registry:` condition.
///
/// Without `/` it is a glob over the registry host and port (`ghcr.io`,
/// `*.dkr.ecr.*.amazonaws.com`, `localhost:5000`); with `/` it is a prefix of
/// the normalized name by whole components (`ghcr.io/acme` matches
/// `ghcr.io/acme/x` and `ghcr.io/acme/x/y`, not `ghcr.io/acmeevil/x`).
public struct RegistryPattern: Sendable, Hashable, CustomStringConvertible {
    public let written: String
    private let matcher: Matcher

    private enum Matcher: Sendable, Hashable {
        case domain(Glob)
        case prefix(exact: Glob, below: Glob)
    }

    public init(_ written: String) throws(ImagePattern.SyntaxError) {
        self.written = written
        func glob(_ pattern: String) throws(ImagePattern.SyntaxError) -> Glob {
            do {
                return try Glob(pattern)
            } catch {
                let shift = pattern.unicodeScalars.count - written.unicodeScalars.count
                throw ImagePattern.SyntaxError(message: error.message, offset: max(0, error.offset - max(0, shift)))
            }
        }
        if written.contains("/") {
            if let problem = ImagePattern.tagOrDigestProblem(written) {
                throw ImagePattern.SyntaxError(
                    message: problem.message.replacingOccurrences("an image pattern", "a registry entry"),
                    offset: problem.offset
                )
            }
            let normalized = ImagePattern.normalize(written, addLibrary: false)
            let trimmed = normalized.hasSuffix("/") ? String(normalized.dropLast()) : normalized
            matcher = .prefix(exact: try glob(trimmed), below: try glob(trimmed + "/**"))
        } else {
            matcher = .domain(try glob(written == "index.docker.io" ? "docker.io" : written))
        }
    }

    public func matches(_ image: ImageFacts) -> Bool {
        switch matcher {
        case .domain(let glob):
            return glob.matches(image.domain)
        case .prefix(let exact, let below):
            let name = image.name
            return exact.matches(name) || below.matches(name)
        }
    }

    public var description: String { written }
}

private extension String {
    func replacingOccurrences(_ prefix: String, _ replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
