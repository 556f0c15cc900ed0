/// File-name tests shared by the YAML kinds' detection rules.
enum YAMLFileName {
    /// `*.yml` / `*.yaml`.
    static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yml") || path.hasSuffix(".yaml")
    }

    /// `*.yml` / `*.yaml` / `*.json` (JSON is YAML's flow syntax).
    static func isYAMLOrJSON(_ path: String) -> Bool {
        isYAML(path) || path.hasSuffix(".json")
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
