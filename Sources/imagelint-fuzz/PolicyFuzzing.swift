import ImageLint

/// Properties of policy loading and suppression scanning on any bytes: no
/// crash or hang, and every reported position inside the file.
enum PolicyFuzzing {
    static func violations(in input: UnsafeBufferPointer<UInt8>) -> [String] {
        var violations: [String] = []
        let bytes = Array(input)
        let file = SourceFile(path: "policy.yaml", bytes: bytes)

        let loader = PolicyLoader(workingDirectory: "/fuzz") { _ in nil }
        let result = loader.load(file: file)
        for problem in result.problems where problem.location.path == file.path {
            let span = problem.location.span
            if span.start < 0 || span.end > bytes.count || span.start > span.end {
                violations.append("policy problem span \(span) outside 0..<\(bytes.count): \(problem.message)")
            }
            if problem.location.start.line < 1 || problem.location.start.line > file.lines.lineCount {
                violations.append("policy problem line \(problem.location.start.line) out of range")
            }
        }

        for style in [CommentStyle.dockerfile, .yaml] {
            let scan = SuppressionScanner.scan(file, style: style)
            for suppression in scan.suppressions {
                if suppression.span.start < 0 || suppression.span.end > bytes.count {
                    violations.append("suppression span \(suppression.span) outside the file")
                }
                for entry in suppression.entries where entry.span.start < suppression.span.start || entry.span.end > suppression.span.end || entry.rule.isEmpty {
                    violations.append("suppression entry \(entry.rule) at \(entry.span) outside its comment \(suppression.span)")
                }
                if case .line(let line) = suppression.scope, line < 1 || line > file.lines.lineCount {
                    violations.append("suppression targets line \(line) of \(file.lines.lineCount)")
                }
            }
            for malformed in scan.malformed where malformed.span.start < 0 || malformed.span.end > bytes.count {
                violations.append("malformed suppression span \(malformed.span) outside the file")
            }
        }
        return violations
    }
}
