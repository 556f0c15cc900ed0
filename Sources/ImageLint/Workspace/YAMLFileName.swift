/// The lowercased name without its `.yml` / `.yaml` extension, or nil for
/// a name without one.
func yamlStem(_ fileName: String) -> Substring? {
    // Most names are not YAML: decide that on the last bytes, before lowercasing.
    let tail = fileName.utf8.suffix(5).map { $0 | 0x20 }
    guard tail.count >= 4, tail.suffix(4).elementsEqual(".yml".utf8) || tail.elementsEqual(".yaml".utf8) else { return nil }
    let lowered = fileName.lowercased()
    for suffix in [".yaml", ".yml"] where lowered.hasSuffix(suffix) && lowered.count > suffix.count {
        return Substring(lowered.dropLast(suffix.count))
    }
    return nil
}

/// The folder part of a `/`-separated path ("" for a bare name, "/" for a
/// file at the root).
func parentFolder(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// `folder/name`, or `name` when the folder is empty.
func joinPath(_ folder: String, _ name: String) -> String {
    folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
}

/// Name and byte tests shared by the YAML kinds' detection rules.
enum YAMLFileName {
    /// `*.yml` / `*.yaml`.
    static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yml") || path.hasSuffix(".yaml")
    }

    /// Whether a line of `bytes` starts with `prefix` at the left margin
    /// (after any leading blanks when `indented`, then requiring at least
    /// one blank) — a cheap look before a real parse.
    static func hasLine(_ bytes: [UInt8], startingWith prefix: StaticString, indented: Bool = false) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let n = prefix.utf8CodeUnitCount
            let p = prefix.utf8Start
            var lineStart = true
            var i = 0
            while i < b.count {
                if lineStart {
                    var k = i
                    if indented {
                        while k < b.count, b[k] == UInt8(ascii: " ") { k += 1 }
                    }
                    if (!indented || k > i), k + n <= b.count {
                        var matches = true
                        for j in 0..<n where b[k + j] != p[j] {
                            matches = false
                            break
                        }
                        if matches { return true }
                    }
                }
                lineStart = b[i] == UInt8(ascii: "\n")
                i += 1
            }
            return false
        }
    }
}
