import ImageLint

/// Properties of the policy's pattern languages on any text: they compile
/// or fail with an offset inside the pattern, and matching always ends.
enum PatternFuzzing {
    static func violations(in input: UnsafeBufferPointer<UInt8>) -> [String] {
        var violations: [String] = []
        let text = String(decoding: input, as: UTF8.self)
        let length = text.unicodeScalars.count

        func checkOffset(_ error: PatternSyntaxError, _ what: String) {
            if error.offset < 0 || error.offset > length {
                violations.append("\(what): offset \(error.offset) outside 0...\(length): \(error.message)")
            }
        }
        let samples = [text, "", "docker.io/library/nginx", String(text.reversed()), text + "/" + text]

        do {
            let glob = try Glob(text)
            for sample in samples { _ = glob.matches(sample) }
            if !Glob.hasWildcards(text), !glob.matches(text) {
                violations.append("glob: a pattern without wildcards does not match itself")
            }
        } catch {
            checkOffset(error, "glob")
        }
        do {
            let regex = try TagRegex(text)
            for sample in samples { _ = regex.matches(sample) }
        } catch {
            checkOffset(error, "regex")
        }
        do {
            _ = try ImagePattern(text).matches(name: text)
        } catch {
            checkOffset(error, "image pattern")
        }
        do {
            _ = try RegistryPattern(text)
        } catch {
            checkOffset(error, "registry entry")
        }
        do {
            _ = try MessageTemplate(text).render { $0 }
        } catch {
            checkOffset(error, "message template")
        }
        return violations
    }
}
