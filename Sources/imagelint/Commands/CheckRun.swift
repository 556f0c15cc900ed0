import ImageLint

/// One `check` run, apart from the command so tests see its output and
/// status exactly; the date, the folder and standard input are parameters.
///
/// Files are read and checked in parallel (``ConcurrentMap``, `--jobs`),
/// each finished as soon as it is checked and kept only as its findings
/// (``FileResult/compacted()``), so memory follows the findings, not the
/// size of the tree. Only when a rule compares files (`consistent-tags`)
/// are the files' analyses kept until all are done. Results keep the
/// walk's order, so the output is the same for every `--jobs`.
struct CheckRun {
    var paths: [String]
    var policy: PolicyOptions
    var inputs: ExtractionInputOptions
    var report: ReportOptions
    /// `--jobs` (nil: one per core).
    var jobs: Int?
    /// `--stdin-filename`: check standard input as this file.
    var stdinFilename: String?
    var color = false
    /// Draw a progress line on standard error (the command decides: a terminal, no `CI`, no `--quiet`).
    var showsProgress = false

    /// Files larger than this are not read (reported as `read-error` warnings).
    static let sizeLimit = 8 << 20

    struct Outcome {
        /// The report for standard output, if one goes there.
        var output: String
        /// Its format (nil when every report goes to a file).
        var outputFormat: ReportFormat?
        /// Notes and errors for standard error.
        var errors: String
        /// Reports to write to files, in the order given.
        var files: [(path: String, format: ReportFormat, text: String)] = []
        /// `--statistics`, when asked for.
        var statistics: String?
        /// The summary line, shown when reports go to files.
        var summary: String
        var quiet: Bool
        var status: ExitStatus
    }

    /// What one file gave.
    enum FileStep: Sendable {
        case result(FileResult, CompanionFiles)
        /// Kept whole for a rule that compares files.
        case analysis(Linter.FileAnalysis)
        case failure(FileSystem.Failure)
        case note(Workspace.Note)
        case tooLarge(path: String, size: Int)
        case skipped
    }

    func execute(currentDirectory: String, today: PolicyDate, standardInput: [UInt8]? = nil) -> Outcome {
        var stdinFile: WorkspaceFile?
        var discoveryFolder = currentDirectory
        if let name = stdinFilename {
            let absolute = DisplayPath.absolute(name, in: currentDirectory)
            let display = DisplayPath.display(name.hasPrefix("/") ? name : absolute, relativeTo: currentDirectory)
            stdinFile = WorkspaceFile(path: display, systemPath: absolute, kind: FileKindDetector().kind(forPath: display), isExplicit: true)
            discoveryFolder = DisplayPath.normalize(absolute + "/..")
        }
        let loaded = policy.load(currentDirectory: currentDirectory, discoverFrom: discoveryFolder)
        var runFindings = loaded.problems.map(\.finding)
        var failed = !loaded.problems.isEmpty
        var errors = ""
        var options = ExtractionOptions()
        do {
            options = try inputs.extractionOptions(currentDirectory: currentDirectory)
        } catch {
            errors += "imagelint: error: cannot read \(error.path): \(error.reason)\n"
            failed = true
        }
        let linter = Linter(policy: loaded.policy, options: options, today: today, workingDirectory: currentDirectory)
        let workspace = Workspace()

        // The files: walked, or the one on standard input.
        var files: [WorkspaceFile] = []
        var failures: [FileSystem.Failure] = []
        if let stdinFile {
            if linter.selects(path: stdinFile.path) { files = [stdinFile] }
        } else {
            let collected = workspace.walker.collect(paths.isEmpty ? ["."] : paths, currentDirectory: currentDirectory, jobs: ScanOptions.effectiveJobs(jobs))
            files = collected.files.filter { linter.selects(path: $0.path) }
            failures = collected.failures
        }

        let steps = checkFiles(files, workspace: workspace, linter: linter, standardInput: standardInput)

        var results: [FileResult] = []
        var resultCompanions: [CompanionFiles] = []
        var analyses: [Linter.FileAnalysis] = []
        results.reserveCapacity(steps.count)
        for step in steps {
            switch step {
            case .result(let result, let companions):
                results.append(result)
                resultCompanions.append(companions)
            case .analysis(let analysis): analyses.append(analysis)
            case .failure(let failure): failures.append(failure)
            case .note(let note): errors += "\(note.path): note: \(note.message)\n"
            case .tooLarge(let path, let size):
                runFindings.append(Finding(
                    rule: Finding.readErrorRule, severity: .warning,
                    message: "file not checked: \(size) bytes is more than the limit of \(Self.sizeLimit) bytes",
                    location: SourceFile(path: path, text: "").location(SourceSpan(at: 0))
                ))
            case .skipped: continue
            }
        }
        for failure in failures {
            let location = SourceFile(path: failure.path, text: "").location(SourceSpan(at: 0))
            runFindings.append(Finding(rule: Finding.readErrorRule, severity: .error, message: "cannot read: \(failure.reason)", location: location))
            failed = true
        }
        var result: LintReport
        if linter.comparesFiles {
            result = linter.lint(analyses: analyses)
            result.files = result.files.map { $0.compacted() }
        } else {
            let companions = Linter.shareCompanions(&results, companions: resultCompanions)
            result = LintReport(files: results, runFindings: linter.runFindings(), auxiliaryFiles: companions)
        }
        result.runFindings += runFindings
        result.auxiliaryFiles += loaded.files

        let context = ReportContext(
            toolVersion: ImageLintVersion.current,
            rules: ReportRule.rules(catalog: .builtIn, policy: loaded.policy),
            sourceRoot: currentDirectory
        )
        var outcome = Outcome(output: "", errors: errors, summary: TextReporter().summaryLine(result.summary), quiet: report.quiet, status: .success)
        for destination in report.destinations {
            let text = destination.format.render(result, context: context, color: color && destination.path == nil, quiet: report.quiet)
            if let path = destination.path {
                outcome.files.append((path, destination.format, text))
            } else {
                outcome.output = text
                outcome.outputFormat = destination.format
            }
        }
        if report.statistics { outcome.statistics = StatisticsReporter.render(result) }
        let threshold = report.failOn ?? loaded.policy.failOn
        outcome.status = failed ? .failure : result.fails(at: threshold) ? .findings : .success
        return outcome
    }

    /// Reads, checks and finishes every file, `--jobs` at a time.
    private func checkFiles(_ files: [WorkspaceFile], workspace: Workspace, linter: Linter, standardInput: [UInt8]?) -> [FileStep] {
        let progress = WorkProgress(total: files.count)
        let line = showsProgress ? ProgressLine(progress: progress) : nil
        defer { line?.stop() }
        let keepsAnalyses = linter.comparesFiles
        return ConcurrentMap.map(count: files.count, jobs: ScanOptions.effectiveJobs(jobs), progress: progress) { index in
            let file = files[index]
            let loaded = standardInput.map { workspace.classify(file, bytes: $0) } ?? workspace.load(file)
            switch loaded {
            case .file(let loaded):
                if loaded.source.bytes.count > Self.sizeLimit {
                    return .tooLarge(path: loaded.source.path, size: loaded.source.bytes.count)
                }
                if keepsAnalyses { return .analysis(linter.analyze(file: loaded.source, kind: loaded.kind, companions: loaded.companions)) }
                let result = linter.lint(file: loaded.source, kind: loaded.kind, companions: loaded.companions)
                return .result(result.compacted(), loaded.companions)
            case .failure(let failure): return .failure(failure)
            case .note(let note): return .note(note)
            case .skipped: return .skipped
            }
        }
    }
}

extension CheckRun.Outcome {
    /// What the command prints and exits with once the report files are
    /// written by `write` (text, path): the report for standard output, or
    /// else the summary line naming the files; notes, errors and the
    /// statistics on standard error when standard output carries a
    /// machine-readable report.
    func deliver(write: (String, String) throws(OutputFile.Failure) -> Void) -> (standardOutput: String, standardError: String, status: ExitStatus) {
        var standardOutput = output
        var standardError = errors
        var status = self.status
        var written: [String] = []
        for file in files {
            do {
                try write(file.text, file.path)
                written.append("\(file.path) (\(file.format.rawValue))")
            } catch {
                standardError += "imagelint: error: cannot write the report: \(error)\n"
                status = .failure
            }
        }
        let parsedOutput = outputFormat?.isMachineReadable ?? false
        if !written.isEmpty, !quiet {
            let line = summary + "; wrote " + written.joined(separator: ", ") + "\n"
            if outputFormat == nil { standardOutput += line } else { standardError += line }
        }
        if let statistics {
            if parsedOutput { standardError += statistics } else { standardOutput += statistics }
        }
        return (standardOutput, standardError, status)
    }
}
