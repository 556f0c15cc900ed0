/// Dockerfiles by name (formats.md §1.1): `Dockerfile`, `Containerfile`
/// (either case), `Dockerfile.<x>`, `Dockerfile-<x>`, `Dockerfile_<x>`,
/// `<x>.Dockerfile`, `<x>.dockerfile`, `<x>.containerfile`, the same for
/// `Containerfile`; but not ignore files, source code, docs or templates
/// that merely carry the word (`Dockerfile.dockerignore`, `dockerfile.go`,
/// `dockerfile-llb.md`, `Dockerfile-linux.template`).
public struct DockerfileNameRule: FileNameRule {
    /// Final extensions that make a name something other than a Dockerfile.
    static let foreignExtensions: Set<String> = [
        "dockerignore", "containerignore", "template", "tmpl", "tpl", "j2", "jinja", "jinja2", "erb", "mustache",
        "hbs", "liquid", "go", "md", "markdown", "rst", "adoc", "txt", "html", "htm", "py", "js", "ts", "rb",
        "java", "kt", "rs", "swift", "c", "h", "cc", "cpp", "cs", "php", "pl", "sh", "bash", "ps1", "json",
        "yaml", "yml", "toml", "xml", "lock", "sum", "mod", "orig", "bak", "rej", "swp", "patch", "diff", "png",
        "svg", "jpg", "jpeg", "gif", "pdf", "zip", "gz", "tgz", "tar", "bz2", "xz",
    ]

    public init() {}

    public func kind(path: String, fileName: String) -> FileKind? {
        isDockerfileName(fileName) ? .dockerfile : nil
    }

    public func isDockerfileName(_ name: String) -> Bool {
        switch name {
        case "Dockerfile", "Containerfile", "dockerfile", "containerfile": return true
        default: break
        }
        // Any other name that qualifies holds one of the two words (asked
        // for every file of a walk; non-ASCII names take the full path, as
        // lower-casing can turn a Kelvin sign into `k`).
        if name.utf8.allSatisfy({ $0 < 0x80 }),
           !PathText.containsIgnoringASCIICase(name, "dockerfile"), !PathText.containsIgnoringASCIICase(name, "containerfile") {
            return false
        }
        let lowered = name.lowercased()
        if let dot = lowered.lastIndex(of: "."), Self.foreignExtensions.contains(String(lowered[lowered.index(after: dot)...])) {
            return false
        }
        for base in ["dockerfile", "containerfile"] {
            if lowered.hasPrefix(base), lowered.count > base.count {
                let separator = lowered[lowered.index(lowered.startIndex, offsetBy: base.count)]
                if separator == "." || separator == "-" || separator == "_" { return true }
            }
            if lowered.hasSuffix("." + base), lowered.count > base.count + 1 { return true }
        }
        return false
    }
}

/// A file named explicitly whose name says nothing is a Dockerfile when its
/// first line that is not blank, a comment or a directive starts with
/// `FROM` or `ARG` (any case).
public struct DockerfileContentRule: FileContentRule {
    public init() {}

    public var detectedKind: FileKind? { .dockerfile }

    public func kind(path: String, content: [UInt8]) -> FileKind? {
        var i = content.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let n = min(content.count, 64 * 1024)
        while i < n {
            i = GoSpace.skipSpaces(content, from: i, to: n)
            guard i < n else { return nil }
            if content[i] == UInt8(ascii: "#") {
                while i < n, content[i] != 0x0A { i += 1 }
                continue
            }
            var end = i
            while end < n, !GoSpace.isASCIISpace(content[end]) { end += 1 }
            let word = String(decoding: content[i..<end], as: UTF8.self).lowercased()
            return word == "from" || word == "arg" ? .dockerfile : nil
        }
        return nil
    }
}
