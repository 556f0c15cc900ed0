/// Reads a Dockerfile with BuildKit's parser rules (moby/buildkit
/// `frontend/dockerfile/parser`), keeping the exact position of everything.
///
/// The reader is total: any bytes give a ``Dockerfile`` whose diagnostics
/// say what BuildKit would reject. Where BuildKit stops at the first error,
/// the reader records it and goes on, so one mistake does not hide the
/// images after it.
public enum DockerfileReader {
    public static func read(_ file: SourceFile) -> Dockerfile {
        var instructions: [DockerfileInstruction] = []
        // About one instruction in three lines in real files; growing the
        // array from empty cost several reallocations per file.
        instructions.reserveCapacity(file.lines.lineCount / 3 + 4)
        let scan = scan(file, reusingBuffers: false) { instruction, _ in instructions.append(instruction) }
        return Dockerfile(
            escape: scan.escape,
            directives: scan.directives,
            frontend: DockerfileFrontendDetector.detect(file),
            instructions: instructions,
            diagnostics: scan.diagnostics
        )
    }

    /// Which instructions a scan hands over.
    enum Selection {
        case all
        /// Every instruction up to and including the first `FROM` (the
        /// first keyword and instructions before any stage are reported
        /// on); after it only those that can name an image or get an
        /// extractor diagnostic: `FROM`, `ARG`, `ONBUILD`, `ENV`, `LABEL`,
        /// unknown ones, and `COPY`, `ADD` and `RUN` with flags. Building
        /// and freeing the others was a measurable part of extraction.
        case imageSources

        func hands(_ kind: DockerfileInstructionKind, hasFlags: Bool, afterFirstFrom: Bool) -> Bool {
            guard self == .imageSources, afterFirstFrom else { return true }
            switch kind {
            case .from, .arg, .unknown, .onbuild, .env, .label: return true
            case .copy, .add, .run: return hasFlags
            case .cmd, .entrypoint, .expose, .healthcheck, .maintainer, .shell, .stopsignal, .user, .volume, .workdir: return false
            }
        }
    }

    /// What a scan found besides the instructions.
    struct Scan {
        var escape: UInt8
        var directives: [DockerfileDirective]
        var diagnostics: [Diagnostic]
    }

    /// Reads `file` and hands each instruction to `visit`, in order, as
    /// soon as it is read, with the escape character in effect (final by
    /// then: directives only come before the first instruction). A caller
    /// that needs each instruction once keeps no array of them and copies
    /// none: the extractor reads this way, and passes `reusingBuffers` to
    /// say it frees each instruction before the next, so the joined text
    /// of continued lines and the flags are written into the same storage
    /// each time.
    ///
    /// With `selection` ``Selection/imageSources`` an instruction that
    /// cannot matter to image extraction is read in full (diagnostics,
    /// here-documents, trigger) but not built or handed over.
    static func scan(
        _ file: SourceFile,
        reusingBuffers: Bool,
        selection: Selection = .all,
        _ visit: (consuming DockerfileInstruction, UInt8) -> Void
    ) -> Scan {
        var state = ReaderState(file: file, reusingBuffers: reusingBuffers, selection: selection)
        state.run(visit)
        return Scan(escape: state.escape, directives: state.directives, diagnostics: state.diagnostics)
    }
}

/// One physical line: `[start, contentEnd)` without its terminator and
/// trailing carriage returns; the next line starts at `next`.
struct PhysicalLine {
    var start: Int
    var contentEnd: Int
    /// Where the line feed is (or the end of the file).
    var terminator: Int
    var next: Int

    /// The line at `position` of `bytes`.
    static func at(_ bytes: [UInt8], _ position: Int) -> PhysicalLine {
        bytes.withUnsafeBufferPointer { at($0, position) }
    }

    @inline(__always)
    static func at(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> PhysicalLine {
        let n = bytes.count
        let i = ByteSearch.first(0x0A, in: bytes, from: position, to: n)
        var end = i
        // Go's `bytes.TrimRight(line, "\r\n")`.
        while end > position, bytes[end - 1] == 0x0D { end -= 1 }
        return PhysicalLine(start: position, contentEnd: end, terminator: i, next: i < n ? i + 1 : n)
    }
}

private struct ReaderState {
    let file: SourceFile
    let bytes: [UInt8]
    var escape: UInt8 = UInt8(ascii: "\\")
    var directives: [DockerfileDirective] = []
    var directivesOpen = true
    var diagnostics: [Diagnostic] = []
    var position = 0
    var joiner: DockerfileLineJoiner
    /// Where the command splitter puts an instruction's flags; see
    /// ``DockerfileLineJoiner`` for when it is reused.
    var flagBuffer: [DockerfileFlag] = []

    let selection: DockerfileReader.Selection
    /// Whether a top-level `FROM` has been read.
    var sawFrom = false

    init(file: SourceFile, reusingBuffers: Bool, selection: DockerfileReader.Selection) {
        self.file = file
        self.selection = selection
        self.bytes = file.bytes
        self.joiner = DockerfileLineJoiner(reusesBuffers: reusingBuffers)
    }

    mutating func run(_ visit: (consuming DockerfileInstruction, UInt8) -> Void) {
        position = file.lines.bomLength
        var instructionCount = 0
        var pieces: [(start: Int, end: Int)] = []
        while position < bytes.count {
            let line = PhysicalLine.at(bytes, position)
            position = line.next
            let start = GoSpace.skipSpaces(bytes, from: line.start, to: line.contentEnd)
            if directivesOpen { readDirective(start, line.contentEnd) }
            if start < line.contentEnd, bytes[start] == UInt8(ascii: "#") { continue }
            var (continues, end) = continuation(start, line.contentEnd)
            if !continues {
                // One physical line, as most instructions are.
                if start == end { continue }
                instructionCount += 1
                emit(DockerfileLogicalLine(file: bytes, start: start, end: end), visit)
                continue
            }
            if pieces.capacity == 0 { pieces.reserveCapacity(32) }
            pieces.append((start, end))
            while continues, position < bytes.count {
                let next = PhysicalLine.at(bytes, position)
                position = next.next
                let first = GoSpace.skipSpaces(bytes, from: next.start, to: next.contentEnd)
                // Comment lines and blank lines inside a continuation are dropped.
                if first == next.contentEnd || bytes[first] == UInt8(ascii: "#") { continue }
                (continues, end) = continuation(next.start, next.contentEnd)
                pieces.append((next.start, end))
            }
            let logical = pieces.count == 1
                ? DockerfileLogicalLine(file: bytes, start: start, end: pieces[0].end)
                : joiner.join(bytes, pieces)
            pieces.removeAll(keepingCapacity: true)
            instructionCount += 1
            emit(logical, visit)
        }
        if instructionCount == 0 {
            report(.noInstructions, "file with no instructions", SourceSpan(at: file.lines.bomLength))
        }
    }

    /// Parses the instruction on `line` and hands it over.
    mutating func emit(_ line: consuming DockerfileLogicalLine, _ visit: (consuming DockerfileInstruction, UInt8) -> Void) {
        if let instruction = parseInstruction(line, from: line.start, to: line.end, allowTrigger: true) {
            visit(instruction, escape)
        }
        // Flag values are slices of the line: emptied now, the buffer no
        // longer holds the joined text the next continued line reuses.
        clearFlagBuffer()
    }

    mutating func clearFlagBuffer() {
        if !joiner.reusesBuffers {
            flagBuffer = []
        } else if !flagBuffer.isEmpty {
            flagBuffer.removeAll(keepingCapacity: true)
        }
    }

    /// BuildKit's line-continuation pattern ``([^E])E[ \t]*$|^E[ \t]*$``:
    /// whether the line continues, and where its text ends.
    func continuation(_ start: Int, _ end: Int) -> (Bool, Int) {
        var j = end
        while j > start, bytes[j - 1] == 0x20 || bytes[j - 1] == 0x09 { j -= 1 }
        guard j > start, bytes[j - 1] == escape else { return (false, end) }
        if j - 1 == start || bytes[j - 2] != escape { return (true, j - 1) }
        return (false, end)
    }

    // MARK: Directives

    mutating func readDirective(_ start: Int, _ end: Int) {
        guard let match = DirectiveLineMatch.match(bytes, start: start, end: end), let name = match.name(in: bytes) else {
            directivesOpen = false
            return
        }
        let directive = DockerfileDirective(
            name: name,
            key: String(decoding: bytes[match.keyStart..<match.keyEnd], as: UTF8.self),
            value: String(decoding: bytes[match.valueStart..<match.valueEnd], as: UTF8.self),
            lineSpan: SourceSpan(start: start, end: end),
            keySpan: SourceSpan(start: match.keyStart, end: match.keyEnd),
            valueSpan: SourceSpan(start: match.valueStart, end: match.valueEnd)
        )
        if directives.contains(where: { $0.name == name }) {
            report(.repeatedDirective, "only one \(name.rawValue) parser directive can be used", directive.lineSpan)
            return
        }
        directives.append(directive)
        switch name {
        case .escape:
            if directive.value == "\\" || directive.value == "`" {
                escape = UInt8(ascii: directive.value == "`" ? "`" : "\\")
            } else {
                report(.invalidEscape, "invalid escape token '\(directive.value)' does not match ` or \\", directive.valueSpan)
            }
        case .check:
            if let problem = DockerfileCheckDirective.problem(in: directive.value) {
                report(.invalidCheck, problem, directive.valueSpan)
            }
        case .syntax:
            break
        }
    }

    // MARK: Instructions

    /// Parses one instruction (with its `ONBUILD` trigger and, at the top
    /// level, its here-documents). Everything is worked out first and the
    /// instruction built once at the end: building it early and filling it
    /// in made the compiler copy the whole instruction on the way out.
    ///
    /// Nil for a top-level instruction the selection leaves out (it has
    /// been read all the same). The line is consumed: it moves into the
    /// instruction instead of being copied there (a retain of each of its
    /// arrays per instruction).
    mutating func parseInstruction(_ line: consuming DockerfileLogicalLine, from start: Int, to end: Int, allowTrigger: Bool) -> DockerfileInstruction? {
        clearFlagBuffer()
        let split = DockerfileCommandSplitter.split(line, from: start, to: end, flags: &flagBuffer)
        // Taken before a trigger is parsed into the same buffer. Most
        // instructions have no flag: they share the empty array instead of
        // counting references to the buffer.
        let flags = flagBuffer.isEmpty ? [] : flagBuffer
        let kind = DockerfileInstructionKind.of(line.bytes, split.keywordStart, split.keywordEnd)
        var isJSON = false
        if kind.acceptsJSONForm, split.argumentsStart < split.argumentsEnd, line.bytes[split.argumentsStart] == UInt8(ascii: "[") {
            switch DockerfileJSONForm.classify(line.bytes, from: split.argumentsStart, to: split.argumentsEnd) {
            case .strings:
                isJSON = true
            case .notStrings:
                report(.jsonNotStrings, "\(kind.capitalKeyword): a JSON array here must contain only strings", line.sourceSpan(split.argumentsStart, split.argumentsEnd))
            case .shell:
                break
            }
        }
        var trigger: DockerfileInstruction?
        if kind == .onbuild, allowTrigger, split.argumentsStart < split.argumentsEnd {
            trigger = parseInstruction(copy line, from: split.argumentsStart, to: split.argumentsEnd, allowTrigger: false)
        }
        var heredocs: [DockerfileHeredoc] = []
        // Only the top level reads bodies (the lines after the instruction),
        // for the instruction or its trigger.
        if allowTrigger {
            let needsHeredocs = kind == .onbuild
                ? trigger.map { $0.kind.acceptsHeredocs && !$0.isJSON } ?? false
                : kind.acceptsHeredocs && !isJSON
            if needsHeredocs, containsHeredocOperator(line) {
                heredocs = readHeredocs(line, fallbackSpan: line.sourceSpan(split.keywordStart, max(split.keywordEnd, split.argumentsEnd)))
            }
        }
        if allowTrigger {
            let handed = selection.hands(kind, hasFlags: !flags.isEmpty, afterFirstFrom: sawFrom)
            if kind == .from { sawFrom = true }
            guard handed else { return nil }
        }
        return DockerfileInstruction(
            kind: kind,
            line: line,
            keywordStart: split.keywordStart,
            keywordEnd: split.keywordEnd,
            flags: flags,
            argumentsStart: split.argumentsStart,
            argumentsEnd: split.argumentsEnd,
            isJSON: isJSON,
            heredocs: heredocs,
            trigger: trigger
        )
    }

    // MARK: Heredocs

    /// Whether the line holds `<<` anywhere (`memchr` to each `<`: long
    /// `RUN` lines rarely hold one).
    func containsHeredocOperator(_ line: DockerfileLogicalLine) -> Bool {
        line.bytes.withUnsafeBufferPointer { bytes in
            let end = min(line.end, bytes.count)
            guard line.start < end else { return false }
            return ByteSearch.contains(UnsafeBufferPointer(rebasing: bytes[line.start ..< end]), "<<")
        }
    }

    /// Finds the heredoc operators of the line and reads each body from the
    /// lines that follow the instruction.
    mutating func readHeredocs(_ line: DockerfileLogicalLine, fallbackSpan: SourceSpan) -> [DockerfileHeredoc] {
        let words: [[UInt8]]
        do {
            var options = ShellLexer<EmptyShellVariables>.Options()
            options.rawQuotes = true
            options.rawEscapes = true
            words = try ShellLexer.process(line.bytes, from: line.start, to: line.end, options: options, variables: EmptyShellVariables()).words
        } catch {
            // BuildKit ignores a line its lexer cannot split: no heredocs.
            return []
        }
        var heredocs: [DockerfileHeredoc] = []
        var searchFrom = line.start
        for word in words {
            let operatorSpan = locate(word, in: line, from: &searchFrom) ?? fallbackSpan
            let parsed: DockerfileHeredocOperator?
            do {
                parsed = try DockerfileHeredocOperator.parse(word)
            } catch {
                report(.heredocSyntax, error.message, operatorSpan)
                return heredocs
            }
            guard let heredoc = parsed else { continue }
            heredocs.append(readBody(heredoc, operatorSpan: operatorSpan))
        }
        return heredocs
    }

    /// The source span of a raw word of the line, searching forward.
    func locate(_ word: [UInt8], in line: DockerfileLogicalLine, from searchFrom: inout Int) -> SourceSpan? {
        guard !word.isEmpty, word.count <= line.end - searchFrom else { return nil }
        var i = searchFrom
        let first = word[0]
        while i + word.count <= line.end {
            if line.bytes[i] == first, line.bytes[i..<(i + word.count)].elementsEqual(word) {
                searchFrom = i + word.count
                return line.sourceSpan(i, i + word.count)
            }
            i += 1
        }
        return nil
    }

    mutating func readBody(_ heredoc: DockerfileHeredocOperator, operatorSpan: SourceSpan) -> DockerfileHeredoc {
        let bodyStart = position
        let name = heredoc.name
        while position < bytes.count {
            let line = PhysicalLine.at(bytes, position)
            var first = line.start
            if heredoc.chomp {
                while first < line.contentEnd, bytes[first] == 0x09 { first += 1 }
            }
            if line.contentEnd - first == name.count, bytes[first..<line.contentEnd].elementsEqual(name) {
                position = line.next
                return DockerfileHeredoc(
                    name: String(decoding: name, as: UTF8.self), chomp: heredoc.chomp, expand: heredoc.expand,
                    fileDescriptor: heredoc.fileDescriptor,
                    bodySpan: SourceSpan(start: bodyStart, end: line.start),
                    terminatorSpan: SourceSpan(start: line.start, end: line.contentEnd)
                )
            }
            position = line.next
        }
        let nameText = String(decoding: name, as: UTF8.self)
        report(.unterminatedHeredoc, "unterminated heredoc: no line '\(nameText)' ends the here-document", operatorSpan)
        return DockerfileHeredoc(
            name: nameText, chomp: heredoc.chomp, expand: heredoc.expand, fileDescriptor: heredoc.fileDescriptor,
            bodySpan: SourceSpan(start: bodyStart, end: bytes.count), terminatorSpan: nil
        )
    }

    mutating func report(_ code: DockerfileDiagnosticCode, _ message: String, _ span: SourceSpan) {
        diagnostics.append(Diagnostic(severity: .error, code: code.rawValue, message: message, location: file.location(span)))
    }
}
