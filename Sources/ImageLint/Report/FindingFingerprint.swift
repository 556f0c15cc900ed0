/// Identities for findings that survive unrelated edits: lines inserted
/// above, a file re-indented. SARIF's `partialFingerprints` and GitLab Code
/// Quality's `fingerprint` use them to tell a new finding from one that
/// moved.
///
/// The identity is the rule, the file, the normalized image and the
/// occurrence's text as written; never a line or column. Two findings with
/// the same identity in one file (the same image written twice) are told
/// apart by their order, the way GitHub's own line-hash fingerprints are.
/// The hash is FNV-1a over 64 bits, written as 16 hex digits: stable across
/// runs, platforms and versions, which is all a fingerprint needs.
public enum FindingFingerprint {
    /// One fingerprint per finding, in the order given (report order).
    public static func fingerprints(for findings: [Finding], in report: LintReport) -> [String] {
        var seen: [UInt64: Int] = [:]
        return findings.map { finding in
            let base = fnv1a64(identity(of: finding, in: report).utf8)
            let ordinal = seen[base, default: 0]
            seen[base] = ordinal + 1
            let hash = ordinal == 0 ? base : fnv1a64("\(hex(base))#\(ordinal)".utf8)
            return hex(hash)
        }
    }

    /// What the fingerprint is made of, fields separated by NUL.
    static func identity(of finding: Finding, in report: LintReport) -> String {
        let text: String
        if let occurrence = finding.occurrence {
            text = occurrence.text
        } else {
            // Findings without an image (syntax, policy problems): the text
            // under the span and the message, without digits, since such a
            // message may mention a line number.
            let spanText = report.text(of: finding.location.span, in: finding.location.path) ?? ""
            text = spanText + "\u{0}" + String(finding.message.unicodeScalars.filter { !("0"..."9").contains($0) })
        }
        return [finding.rule, finding.location.path, finding.normalized ?? "", text].joined(separator: "\u{0}")
    }

    /// 64-bit FNV-1a.
    static func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
