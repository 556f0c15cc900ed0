/// `--format sarif`: SARIF 2.1.0, the format GitHub code scanning and many
/// IDEs read.
///
/// One run. `tool.driver` lists every rule (built-in rules with their
/// summary, rationale and examples as help, pseudo-rules, the policy's
/// custom rules) with the level the run gives it. Each result has the
/// rule's id and index, its level, the message, one location (a URI
/// relative to `%SRCROOT%` and a region in UTF-16 columns, as
/// `columnKind` declares), related locations (ARG defaults, Helm split
/// fields, other uses of an image), a `partialFingerprints` entry that does
/// not depend on line numbers (``FindingFingerprint``), the occurrence's
/// image as properties, and the fix as a SARIF `fix` when there is one.
public enum SARIFReporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The `partialFingerprints` key; bump the version if the identity changes.
    public static let fingerprintKey = "imagelintFingerprint/v1"
    static let sourceRootID = "%SRCROOT%"

    public static func render(_ report: LintReport, context: ReportContext) -> String {
        let findings = report.findings
        var rules = context.rules
        for finding in findings where !rules.contains(where: { $0.id == finding.rule }) {
            rules.append(ReportRule(id: finding.rule, severity: finding.severity, summary: "Rule `\(finding.rule)`.", isCustom: true))
        }
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        let fingerprints = FindingFingerprint.fingerprints(for: findings, in: report)
        let results = zip(findings, fingerprints).map { finding, fingerprint in
            result(finding, ruleIndex: ruleIndex[finding.rule] ?? 0, fingerprint: fingerprint, report: report)
        }
        let driver = JSONValue.object([
            ("name", .string(context.toolName)),
            ("version", .string(context.toolVersion)),
            ("semanticVersion", .string(context.toolVersion)),
            ("informationUri", .string(context.informationURI)),
            ("rules", .array(rules.map(ruleDescriptor))),
        ])
        let run = JSONValue.object([
            ("tool", .object([("driver", driver)])),
            ("originalUriBaseIds", .object([(sourceRootID, sourceRoot(context.sourceRoot))])),
            ("columnKind", .string("utf16CodeUnits")),
            ("results", .array(results)),
        ])
        let log = JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.rendered() + "\n"
    }

    // MARK: Rules

    static func ruleDescriptor(_ rule: ReportRule) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(rule.id)),
            ("name", .string(RuleHelp.pascalCase(rule.id))),
            ("shortDescription", .object([("text", .string(rule.summary))])),
        ]
        if !rule.rationale.isEmpty {
            members.append(("fullDescription", .object([("text", .string(RuleHelp.unwrapped(rule.rationale)))])))
        }
        members.append(("help", .object([
            ("text", .string(RuleHelp.text(rule))),
            ("markdown", .string(RuleHelp.markdown(rule))),
        ])))
        members.append(("defaultConfiguration", .object([("level", .string(level(rule.severity)))])))
        return .object(members)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    // MARK: Results

    static func result(_ finding: Finding, ruleIndex: Int, fingerprint: String, report: LintReport) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("ruleId", .string(finding.rule)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            ("locations", .array([.object([("physicalLocation", physicalLocation(finding.location))])])),
        ]
        if !finding.related.isEmpty {
            let related = finding.related.enumerated().map { index, related in
                JSONValue.object([
                    ("id", .int(index + 1)),
                    ("physicalLocation", physicalLocation(related.location)),
                    ("message", .object([("text", .string(related.message))])),
                ])
            }
            members.append(("relatedLocations", .array(related)))
        }
        members.append(("partialFingerprints", .object([(fingerprintKey, .string(fingerprint))])))
        if let fix = finding.fix {
            members.append(("fixes", .array([fixObject(fix, report: report)])))
        }
        if let occurrence = finding.occurrence {
            var properties: [(key: String, value: JSONValue)] = [("image", .string(occurrence.text))]
            if let resolved = occurrence.resolved { properties.append(("resolved", .string(resolved))) }
            if let normalized = finding.normalized { properties.append(("normalized", .string(normalized))) }
            properties.append(("source", .string(occurrence.source.rawValue)))
            members.append(("properties", .object(properties)))
        }
        return .object(members)
    }

    static func physicalLocation(_ location: SourceLocation) -> JSONValue {
        .object([
            ("artifactLocation", artifactLocation(location.path)),
            ("region", region(start: location.start, end: location.end)),
        ])
    }

    static func region(start: SourcePosition, end: SourcePosition) -> JSONValue {
        .object([
            ("startLine", .int(start.line)),
            ("startColumn", .int(start.utf16Column)),
            ("endLine", .int(end.line)),
            ("endColumn", .int(end.utf16Column)),
        ])
    }

    static func fixObject(_ fix: Fix, report: LintReport) -> JSONValue {
        var paths: [String] = []
        for edit in fix.edits where !paths.contains(edit.path) { paths.append(edit.path) }
        let changes = paths.map { path in
            let replacements = fix.edits.filter { $0.path == path }.map { edit in
                JSONValue.object([
                    ("deletedRegion", deletedRegion(edit.span, start: report.position(of: edit.span.start, in: path), end: report.position(of: edit.span.end, in: path))),
                    ("insertedContent", .object([("text", .string(edit.replacement))])),
                ])
            }
            return JSONValue.object([("artifactLocation", artifactLocation(path)), ("replacements", .array(replacements))])
        }
        return .object([
            ("description", .object([("text", .string(fix.title))])),
            ("artifactChanges", .array(changes)),
        ])
    }

    /// The edited span as lines and UTF-16 columns when the report knows
    /// its positions, else as bytes.
    static func deletedRegion(_ span: SourceSpan, start: SourcePosition?, end: SourcePosition?) -> JSONValue {
        guard let start, let end else {
            return .object([("byteOffset", .int(span.start)), ("byteLength", .int(span.count))])
        }
        return region(start: start, end: end)
    }

    // MARK: URIs

    /// A relative path against `%SRCROOT%`; an absolute path as a `file:` URI.
    static func artifactLocation(_ path: String) -> JSONValue {
        if path.hasPrefix("/") {
            return .object([("uri", .string("file://" + percentEncoded(path)))])
        }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return .object([("uri", .string(percentEncoded(relative))), ("uriBaseId", .string(sourceRootID))])
    }

    static func sourceRoot(_ root: String?) -> JSONValue {
        guard let root, root.hasPrefix("/") else {
            return .object([("description", .object([("text", .string("The folder imagelint was run in."))]))])
        }
        let folder = root.hasSuffix("/") ? root : root + "/"
        return .object([("uri", .string("file://" + percentEncoded(folder)))])
    }

    /// Every byte outside RFC 3986's unreserved set and `/` as `%XX`, so
    /// spaces, `%`, `#`, `:` and non-ASCII names make valid URIs.
    static func percentEncoded(_ path: some StringProtocol) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
