/// The result of linting one file.
public struct FileResult: Sendable {
    public var file: SourceFile
    /// Every occurrence found, in source order (empty once ``compacted()``).
    public var occurrences: [ImageOccurrence]
    /// How many occurrences were found (kept by ``compacted()``).
    public var images: Int
    /// Findings that survived suppressions and exceptions, in report order.
    public var findings: [Finding]
    /// How many findings inline suppressions or policy exceptions removed.
    public var suppressed: Int
    /// What reports need of the file once ``compacted()`` dropped its bytes.
    public private(set) var excerpt: SourceExcerpt?
    /// Whether ``compacted()`` dropped the file's bytes and occurrences.
    public private(set) var isCompacted = false

    public init(file: SourceFile, occurrences: [ImageOccurrence] = [], findings: [Finding] = [], suppressed: Int = 0) {
        self.file = file
        self.occurrences = occurrences
        self.images = occurrences.count
        self.findings = findings
        self.suppressed = suppressed
    }

    /// The result with only what reports need, so a run over many files
    /// keeps little of each: the occurrences go (each finding has its own),
    /// and the file's bytes go, replaced by the excerpt the findings need
    /// (snippets, fingerprint texts, fix positions).
    public func compacted() -> FileResult {
        guard !isCompacted else { return self }
        var result = self
        result.occurrences = []
        result.excerpt = findings.isEmpty ? nil : SourceExcerpt(file: file, findings: findings)
        result.file = SourceFile(path: file.path, bytes: [])
        result.isCompacted = true
        return result
    }
}

/// The counts of the JSON contract's `summary` object.
public struct LintSummary: Sendable, Hashable {
    public var files: Int
    public var images: Int
    public var findings: Int
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var suppressed: Int

    public init(files: Int = 0, images: Int = 0, findings: Int = 0, errors: Int = 0, warnings: Int = 0, notes: Int = 0, suppressed: Int = 0) {
        self.files = files
        self.images = images
        self.findings = findings
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
        self.suppressed = suppressed
    }
}

/// Everything one run found, ready for a reporter.
public struct LintReport: Sendable {
    /// Every checked file, in the order given or walked.
    public var files: [FileResult] {
        didSet { fileIndex = LintReport.index(files) }
    }
    /// Findings about no checked file: policy problems, expired exceptions,
    /// files that could not be read.
    public var runFindings: [Finding]
    /// Files other than the checked ones that findings point into (the
    /// policy files), so reporters can show their lines.
    public var auxiliaryFiles: [SourceFile]
    /// Where each path is in `files`, so reporters find a finding's file
    /// in constant time.
    private var fileIndex: [String: Int]

    public init(files: [FileResult] = [], runFindings: [Finding] = [], auxiliaryFiles: [SourceFile] = []) {
        self.files = files
        self.runFindings = runFindings
        self.auxiliaryFiles = auxiliaryFiles
        fileIndex = LintReport.index(files)
    }

    private static func index(_ files: [FileResult]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(files.count)
        for (position, result) in files.enumerated() where index[result.file.path] == nil {
            index[result.file.path] = position
        }
        return index
    }

    /// Every finding, in report order (file, position, rule).
    public var findings: [Finding] {
        (files.flatMap(\.findings) + runFindings).sorted(by: Finding.reportOrder)
    }

    public var summary: LintSummary {
        var summary = LintSummary(files: files.count)
        for file in files {
            summary.images += file.images
            summary.suppressed += file.suppressed
        }
        for finding in files.lazy.flatMap(\.findings) + runFindings {
            summary.findings += 1
            switch finding.severity {
            case .error: summary.errors += 1
            case .warning: summary.warnings += 1
            case .note: summary.notes += 1
            }
        }
        return summary
    }

    /// The file a location points into, if the report holds it whole
    /// (not for a compacted file: see ``snippet(for:)`` and friends).
    public func sourceFile(at path: String) -> SourceFile? {
        if let position = fileIndex[path] { return files[position].isCompacted ? nil : files[position].file }
        return auxiliaryFiles.first { $0.path == path }
    }

    private func excerpt(at path: String) -> SourceExcerpt? {
        fileIndex[path].flatMap { files[$0].excerpt }
    }

    /// The source line under `location`, laid out for a terminal.
    func snippet(for location: SourceLocation) -> SourceSnippet? {
        if let file = sourceFile(at: location.path) { return SourceSnippet(file: file, span: location.span) }
        return excerpt(at: location.path)?.snippets[location.span]
    }

    /// The text of `span` in the file at `path`.
    func text(of span: SourceSpan, in path: String) -> String? {
        if let file = sourceFile(at: path) { return file.text(span) }
        return excerpt(at: path)?.texts[span]
    }

    /// The position of a byte offset in the file at `path`.
    func position(of offset: Int, in path: String) -> SourcePosition? {
        if let file = sourceFile(at: path) { return file.lines.position(of: offset) }
        return excerpt(at: path)?.positions[offset]
    }

    /// Whether any finding is at or above `threshold`.
    public func fails(at threshold: FailThreshold) -> Bool {
        files.contains { $0.findings.contains { threshold.fails($0.severity) } }
            || runFindings.contains { threshold.fails($0.severity) }
    }
}
