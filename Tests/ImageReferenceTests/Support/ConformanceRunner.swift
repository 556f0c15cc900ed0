import ImageReference

/// Runs one conformance case through our API and returns the same fields
/// the vectors record, so the two can be compared key by key.
enum ConformanceRunner {
    /// The result fields compared for each kind.
    static func checkedFields(_ kind: String) -> [String] {
        let reference = ["valid", "error", "ref_type", "name", "domain", "path", "tag", "digest",
                         "string", "familiar", "familiar_name"]
        switch kind {
        case "serialization": return reference + ["marshal"]
        case "familiar_match": return ["valid", "error", "familiar", "familiar_name", "matched", "match_error"]
        case "sort": return ["sorted"]
        case "regexp_domain": return ["valid"]
        case "regexp_name", "regexp_reference", "regexp_identifier": return ["valid", "subs"]
        default: return reference
        }
    }

    /// Our result for `testCase`, or nil for a kind we do not implement.
    static func observe(_ testCase: ConformanceCase) -> [String: JSONValue]? {
        let input = testCase.input
        switch testCase.kind {
        case "parse":
            return fields { () throws(ReferenceError) in try Reference.parse(input) }
        case "serialization":
            return serialization(input)
        case "normalize", "familiar":
            return fields { () throws(ReferenceError) in try Reference.parseNormalized(input) }
        case "parse_named":
            return fields { () throws(ReferenceError) in try Reference.parseCanonical(input) }
        case "docker_ref":
            return fields { () throws(ReferenceError) in try Reference.parseDocker(input) }
        case "with_name":
            return fields { () throws(ReferenceError) in try Reference.withName(input) }
        case "any":
            do {
                return fields(of: try AnyReference.parse(input))
            } catch {
                return failure(error)
            }
        case "with_tag", "with_digest", "trim_named", "tag_name_only":
            return steps(testCase)
        case "familiar_match":
            return familiarMatch(input, pattern: testCase.string("pattern") ?? "")
        case "sort":
            return ["sorted": .array(AnyReference.sorted(testCase.strings("input_list")).map { .string($0) })]
        case "regexp_domain":
            return ["valid": .bool(ReferenceSyntax.isDomain(input))]
        case "regexp_name":
            guard let parts = ReferenceSyntax.splitName(input) else { return ["valid": false] }
            return ["valid": true, "subs": strings([parts.domain, parts.path])]
        case "regexp_reference":
            guard let parts = ReferenceSyntax.splitReference(input) else { return ["valid": false] }
            return ["valid": true, "subs": strings([parts.name, parts.tag ?? "", parts.digest ?? ""])]
        case "regexp_identifier":
            guard ReferenceSyntax.isIdentifier(input) else { return ["valid": false] }
            return ["valid": true, "subs": strings([Substring(input)])]
        default:
            return nil
        }
    }

    static func fields(_ make: () throws(ReferenceError) -> Reference) -> [String: JSONValue] {
        do {
            return fields(of: try make())
        } catch {
            return failure(error)
        }
    }

    static func failure(_ error: ReferenceError) -> [String: JSONValue] {
        ["valid": false, "error": .string(error.message)]
    }

    static func fields(of reference: Reference) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "valid": true,
            "ref_type": .string(shape(of: reference)),
            "name": .string(String(reference.name)),
            "domain": .string(String(reference.domain)),
            "path": .string(String(reference.path)),
            "string": .string(reference.description),
            "familiar": .string(String(reference.familiar)),
            "familiar_name": .string(String(reference.familiarName)),
        ]
        if let tag = reference.tag { fields["tag"] = .string(String(tag)) }
        if let digest = reference.digest { fields["digest"] = .string(digest.description) }
        return fields
    }

    static func fields(of reference: AnyReference) -> [String: JSONValue] {
        switch reference {
        case let .named(named):
            return fields(of: named)
        case let .digest(digest):
            return [
                "valid": true, "ref_type": "digest", "digest": .string(digest.description),
                "string": .string(reference.description), "familiar": .string(String(reference.familiar)),
            ]
        }
    }

    /// Which of Go's Named/Tagged/Digested interfaces the result has.
    static func shape(of reference: Reference) -> String {
        switch (reference.tag != nil, reference.digest != nil) {
        case (false, false): "name"
        case (true, false): "name+tag"
        case (false, true): "name+digest"
        case (true, true): "name+tag+digest"
        }
    }

    /// `Field.UnmarshalText` then `MarshalText`: parse, and the marshalled
    /// text must parse back to the same value.
    static func serialization(_ input: String) -> [String: JSONValue] {
        do {
            let reference = try Reference.parse(input)
            var result = fields(of: reference)
            let again = try Reference.parse(reference.description)
            result["marshal"] = .string(again == reference ? again.description : "round trip changed the value")
            return result
        } catch {
            return failure(error)
        }
    }

    static func steps(_ testCase: ConformanceCase) -> [String: JSONValue] {
        do {
            var reference = testCase.string("base") == "WithName"
                ? try Reference.withName(testCase.input)
                : try Reference.parseNormalized(testCase.input)
            for step in testCase.steps {
                let argument = step.count > 1 ? step[1] : ""
                switch step.first {
                case "WithTag": reference = try reference.withTag(argument)
                case "WithDigest": reference = try reference.withDigest(argument)
                case "TrimNamed": reference = reference.nameOnly
                case "TagNameOnly": reference = reference.withDefaultTag()
                default: return ["valid": false, "error": .string("unknown step \(step)")]
                }
            }
            return fields(of: reference)
        } catch {
            return failure(error)
        }
    }

    static func familiarMatch(_ input: String, pattern: String) -> [String: JSONValue] {
        let reference: AnyReference
        do {
            reference = try AnyReference.parse(input)
        } catch {
            return failure(error)
        }
        var result: [String: JSONValue] = ["valid": true, "familiar": .string(String(reference.familiar))]
        if case let .named(named) = reference { result["familiar_name"] = .string(String(named.familiarName)) }
        do {
            result["matched"] = .bool(try reference.familiarMatch(pattern))
        } catch {
            result["matched"] = false
            result["match_error"] = .string(error.description)
        }
        return result
    }

    static func strings(_ values: [Substring]) -> JSONValue {
        .array(values.map { .string(String($0)) })
    }
}
