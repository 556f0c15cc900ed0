@_spi(Checking) import ImageReference

/// Properties of `ImageReference` that must hold for any input bytes.
enum ReferenceFuzzing {
    static func violations(in input: UnsafeBufferPointer<UInt8>) -> [String] {
        var violations: [String] = []
        let text = String(decoding: input, as: UTF8.self)

        // Parse: the canonical form is the input itself and parses back equal.
        do {
            let reference = try Reference.parse(utf8: input)
            check(reference, parsesBackWith: Reference.parse, "parse", into: &violations)
            if !reference.description.utf8.elementsEqual(input) {
                violations.append("parse: description \(reference.description) is not the input")
            }
        } catch {
            checkOffset(error.offset, input.count, "parse", into: &violations)
        }

        // Normalized: idempotent, and its canonical form needs no normalization.
        do {
            let reference = try Reference.parseNormalized(utf8: input)
            check(reference, parsesBackWith: Reference.parseNormalized, "parseNormalized", into: &violations)
            check(reference, parsesBackWith: Reference.parse, "parse of the normalized form", into: &violations)
        } catch {
            checkOffset(error.offset, input.count, "parseNormalized", into: &violations)
        }

        // The fast path of normalization must agree with the step-by-step one.
        let fast = Result { () throws(ReferenceError) in try Reference.parseNormalized(utf8: input) }
        let stepByStep = Result { () throws(ReferenceError) in try Reference.parseNormalizedStepByStep(utf8: input) }
        if fast != stepByStep {
            violations.append("parseNormalized: fast path \(fast) differs from step by step \(stepByStep)")
        }

        // The other entry points must be total, with offsets in range.
        do { _ = try Reference.withName(text) } catch {
            checkOffset(error.offset, text.utf8.count, "withName", into: &violations)
        }
        do { _ = try Reference.parseDocker(text) } catch {
            checkOffset(error.offset, text.utf8.count, "parseDocker", into: &violations)
        }
        do { _ = try Digest.parse(text) } catch {
            checkOffset(error.offset, text.utf8.count, "Digest.parse", into: &violations)
        }
        if let any = try? AnyReference.parse(text) {
            // A pattern built from the input itself exercises the matcher.
            let pattern = String(text.prefix(text.count / 2))
            _ = try? any.familiarMatch(pattern)
            if (try? any.familiarMatch(String(any.familiar))) == false, !String(any.familiar).contains(where: { "*?[\\".contains($0) }) {
                violations.append("familiarMatch: \(any.familiar) does not match itself")
            }
        }
        return violations
    }

    /// `reference.description` must parse back, with `parse`, to `reference`,
    /// and the parts must spell out the description.
    static func check(
        _ reference: Reference,
        parsesBackWith parse: (String) throws(ReferenceError) -> Reference,
        _ label: String,
        into violations: inout [String]
    ) {
        do {
            let again = try parse(reference.description)
            if again != reference {
                violations.append("\(label): \(reference.description) parses back as \(again.description)")
            }
        } catch {
            violations.append("\(label): \(reference.description) does not parse back: \(error)")
        }
        var spelled = reference.domain.isEmpty ? "" : reference.domain + "/"
        spelled += reference.path
        if let tag = reference.tag { spelled += ":" + tag }
        if let digest = reference.digest { spelled += "@" + digest.text }
        if spelled != reference.description || !reference.description.hasPrefix(reference.name) {
            violations.append("\(label): parts spell \(spelled), description is \(reference.description)")
        }
        if !reference.description.hasSuffix(reference.familiar) {
            violations.append("\(label): familiar \(reference.familiar) is not a suffix of \(reference.description)")
        }
    }

    static func checkOffset(_ offset: Int, _ count: Int, _ label: String, into violations: inout [String]) {
        if offset < 0 || offset > count {
            violations.append("\(label): error offset \(offset) outside 0...\(count)")
        }
    }
}
