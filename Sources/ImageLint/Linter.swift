import ImageReference

/// The one path from a file to its findings, shared by `check`, `fix` and
/// the editor integration: extract → evaluate → suppress.
///
/// Per file, ``analyze(file:kind:)`` extracts and evaluates every rule that
/// looks at one occurrence; ``lint(files:)`` adds the run-level rules
/// (`consistent-tags` across files, `expired-exception`) and then applies
/// suppressions and exceptions, so a suppression comment works the same
/// for every rule. Nothing here reads the clock or the disk: today's date
/// and the files come from the caller.
public struct Linter: Sendable {
    public let policy: Policy
    /// Command-line values; the policy's `variables:` are added underneath.
    public let options: ExtractionOptions
    /// The date exceptions expire against (injectable for tests).
    public let today: PolicyDate
    /// Absolute; file paths in reports are relative to it.
    public let workingDirectory: String
    private let engine: RuleEngine

    public init(policy: Policy, options: ExtractionOptions = ExtractionOptions(), today: PolicyDate, workingDirectory: String) {
        self.policy = policy
        var options = options
        options.policyVariables.merge(policy.variables) { commandLine, _ in commandLine }
        self.options = options
        self.today = today
        self.workingDirectory = workingDirectory
        engine = RuleEngine(policy: policy)
    }

    /// One file extracted and evaluated, before run-level rules and suppressions.
    public struct FileAnalysis: Sendable {
        public var file: SourceFile
        public var kind: FileKind
        public var occurrences: [ImageOccurrence]
        /// The parsed facts of each occurrence (nil when unresolved or invalid).
        var images: [ImageFacts?]
        /// Findings before suppressions and exceptions.
        public var findings: [Finding]
        var relativePaths: [String?]
        /// Files the extractor also read (`.env`, `Chart.yaml`); findings may point into them.
        public var companions: CompanionFiles
    }

    /// The file's path relative to each of the policy's base directories.
    public func relativePaths(of path: String) -> [String?] {
        let absolute = PolicyPath.absolute(path, from: workingDirectory)
        return policy.baseDirectories.map { PolicyPath.relative(absolute, to: $0) }
    }

    /// Whether the policy's `files:` include/exclude lets the file be checked.
    public func selects(path: String) -> Bool {
        policy.selects(relativePaths: relativePaths(of: path))
    }

    /// `companions` are the files the extractor also reads (a compose
    /// file's `.env`, a values file's `Chart.yaml`; see ``CompanionFiles``).
    public func analyze(file: SourceFile, kind: FileKind, companions: CompanionFiles = CompanionFiles()) -> FileAnalysis {
        let extraction = Extractor.extract(file, kind: kind, options: options, companions: companions)
        let paths = relativePaths(of: file.path)
        var analysis = FileAnalysis(
            file: file, kind: kind, occurrences: extraction.occurrences, images: [], findings: [],
            relativePaths: paths, companions: companions
        )
        analysis.findings = extraction.diagnostics.map(Finding.init(diagnostic:))
        analysis.images.reserveCapacity(extraction.occurrences.count)
        for occurrence in extraction.occurrences {
            let evaluation = engine.evaluate(occurrence, relativePaths: paths)
            analysis.images.append(evaluation.image)
            analysis.findings.append(contentsOf: evaluation.findings)
        }
        return analysis
    }

    /// Lints one file alone (no cross-file rules): what an editor asks for.
    public func lint(file: SourceFile, kind: FileKind, companions: CompanionFiles = CompanionFiles()) -> FileResult {
        finalize(analyze(file: file, kind: kind, companions: companions))
    }

    /// ``lint(file:kind:companions:)`` without keeping a linter around.
    public static func lint(
        file: SourceFile, kind: FileKind, policy: Policy, options: ExtractionOptions = ExtractionOptions(),
        companions: CompanionFiles = CompanionFiles(), today: PolicyDate, workingDirectory: String
    ) -> FileResult {
        Linter(policy: policy, options: options, today: today, workingDirectory: workingDirectory)
            .lint(file: file, kind: kind, companions: companions)
    }

    /// Lints every file of a run, with the run-level rules.
    public func lint(files: [(file: SourceFile, kind: FileKind)]) -> LintReport {
        lint(analyses: files.map { analyze(file: $0.file, kind: $0.kind) })
    }

    /// Whether a rule compares files (`consistent-tags`): then every file's
    /// analysis must be kept until all are done (``lint(analyses:)``);
    /// otherwise each file can be finished alone with ``lint(file:kind:)``
    /// and the run's own findings added from ``runFindings()``.
    public var comparesFiles: Bool {
        consistentTagsRule != nil
    }

    private var consistentTagsRule: ActiveRule? {
        policy.rules.first { if case .consistentTags = $0.check { true } else { false } }
    }

    /// Findings about the run rather than a file (expired exceptions).
    public func runFindings() -> [Finding] {
        ExpiredExceptionRule.findings(policy, today: today)
    }

    /// Adds run-level findings to analyses made with ``analyze(file:kind:)``
    /// and applies suppressions.
    public func lint(analyses: [FileAnalysis]) -> LintReport {
        var analyses = analyses
        if let rule = consistentTagsRule {
            var uses: [ConsistentTagsRule.Use] = []
            var owner: [String: Int] = [:]
            for (index, analysis) in analyses.enumerated() {
                owner[analysis.file.path] = index
                for (occurrence, image) in zip(analysis.occurrences, analysis.images) {
                    guard let image, rule.applies(to: occurrence, relativePaths: analysis.relativePaths) else { continue }
                    uses.append(ConsistentTagsRule.Use(occurrence: occurrence, image: image))
                }
            }
            for finding in ConsistentTagsRule.findings(uses, rule: rule) {
                if let index = owner[finding.location.path] { analyses[index].findings.append(finding) }
            }
        }
        var files = analyses.map(finalize)
        let companions = Linter.shareCompanions(&files, companions: analyses.map(\.companions))
        return LintReport(files: files, runFindings: runFindings(), auxiliaryFiles: companions)
    }

    /// A companion shared by several files (one `.env` for two compose
    /// files) reports its own problems once, with the first file that reads
    /// it. Returns the companions, so reporters can show their lines.
    public static func shareCompanions(_ results: inout [FileResult], companions: [CompanionFiles]) -> [SourceFile] {
        var seen: Set<FindingKey> = []
        var files: [SourceFile] = []
        for index in results.indices {
            let path = results[index].file.path
            results[index].findings.removeAll { finding in
                finding.location.path != path && !seen.insert(FindingKey(finding)).inserted
            }
            guard index < companions.count else { continue }
            for companion in [companions[index].dotEnv, companions[index].chart].compactMap({ $0 })
            where !files.contains(where: { $0.path == companion.path }) {
                files.append(companion)
            }
        }
        return files
    }

    /// What makes two findings the same report.
    private struct FindingKey: Hashable {
        var rule: String
        var path: String
        var span: SourceSpan
        var message: String

        init(_ finding: Finding) {
            rule = finding.rule
            path = finding.location.path
            span = finding.location.span
            message = finding.message
        }
    }

    /// Applies suppression comments and exceptions, then reports unused suppressions.
    func finalize(_ analysis: FileAnalysis) -> FileResult {
        let style: CommentStyle = analysis.kind == .dockerfile ? .dockerfile : .yaml
        var filter = SuppressionFilter(SuppressionScanner.scan(analysis.file, style: style))
        let exceptions = policy.exceptions.filter { !$0.isExpired(on: today) }
        var kept: [Finding] = []
        var suppressed = 0
        for finding in analysis.findings {
            // Comments first, so a comment that also has an exception still
            // counts as used; a file's comments only cover its own lines.
            let inFile = finding.location.path == analysis.file.path
            if (inFile && filter.suppresses(finding)) || isExcepted(finding, exceptions, analysis.relativePaths) {
                suppressed += 1
            } else {
                kept.append(finding)
            }
        }
        if let rule = policy.rules.first(where: { if case .unusedSuppression = $0.check { true } else { false } }) {
            let enabled = Set(policy.rules.map(\.id) + RuleCatalog.pseudoRules)
            // First every other unused entry (an `ignore[unused-suppression]`
            // may silence it, which uses that entry), then the unused entries
            // of `unused-suppression` itself.
            for pass in [UnusedSuppressionRule.Pass.otherRules, .ownRule] {
                let unused = UnusedSuppressionRule.findings(
                    file: analysis.file, filter: filter, policy: policy, enabledRules: enabled, rule: rule, pass: pass
                )
                for (finding, line) in unused {
                    let silenced = pass == .otherRules && filter.suppresses(rule: rule.id, line: line ?? finding.location.start.line)
                    if silenced || isExcepted(finding, exceptions, analysis.relativePaths) {
                        suppressed += 1
                    } else {
                        kept.append(finding)
                    }
                }
            }
        }
        kept.sort(by: Finding.reportOrder)
        return FileResult(file: analysis.file, occurrences: analysis.occurrences, findings: kept, suppressed: suppressed)
    }

    private func isExcepted(_ finding: Finding, _ exceptions: [PolicyException], _ relativePaths: [String?]) -> Bool {
        guard !exceptions.isEmpty else { return false }
        var name: String?
        var parsedName = false
        for exception in exceptions {
            if !exception.images.isEmpty, !parsedName {
                parsedName = true
                if let resolved = finding.occurrence?.resolved {
                    name = (try? Reference.parseNormalized(resolved)).map { String($0.name) }
                }
            }
            if exception.covers(finding, imageName: name, relativePaths: relativePaths) { return true }
        }
        return false
    }
}
