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

        // The string entry point keeps the caller's text; the bytes one a
        // copy of the kept part. Both must give the same reference, and
        // every part must be what the written-out canonical form has.
        let fromString = Result { () throws(ReferenceError) in try Reference.parseNormalized(text) }
        if input.count == text.utf8.count,
           let fromBytes = try? Reference.parseNormalized(utf8: input) {
            if (try? fromString.get()) != fromBytes {
                violations.append("parseNormalized: string \(fromString) differs from bytes \(fromBytes)")
            }
            checkParts(fromBytes, into: &violations)
        }
        if let reference = try? fromString.get() {
            checkParts(reference, into: &violations)
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

    /// Every part of `reference` (kept text plus prefix) equals that part
    /// of its canonical form parsed as written (no prefix, every part a
    /// slice), and both are equal values with the same hash.
    static func checkParts(_ reference: Reference, into violations: inout [String]) {
        guard let written = try? Reference.parse(reference.description) else {
            violations.append("parts: \(reference.description) does not parse as written")
            return
        }
        let pairs: [(String, Substring?, Substring?)] = [
            ("domain", reference.domain, written.domain),
            ("path", reference.path, written.path),
            ("name", reference.name, written.name),
            ("tag", reference.tag, written.tag),
            ("digest", reference.digest?.text, written.digest?.text),
            ("familiarName", reference.familiarName, written.familiarName),
            ("familiar", reference.familiar, written.familiar),
        ]
        for (part, own, expected) in pairs where own != expected {
            violations.append("parts: \(part) of \(reference.description) is \(own ?? "nil"), written-out form has \(expected ?? "nil")")
        }
        if reference != written || reference.hashValue != written.hashValue || reference.isNameOnly != written.isNameOnly {
            violations.append("parts: \(reference.description) is not equal to its written-out form, or hashes differently")
        }
    }

    static func checkOffset(_ offset: Int, _ count: Int, _ label: String, into violations: inout [String]) {
        if offset < 0 || offset > count {
            violations.append("\(label): error offset \(offset) outside 0...\(count)")
        }
    }
}
