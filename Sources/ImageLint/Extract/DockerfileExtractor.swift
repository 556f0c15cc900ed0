/// Finds every image a Dockerfile names, the way BuildKit resolves them:
/// `FROM` bases that are neither `scratch` nor an earlier stage, `COPY` /
/// `ADD --from=` and `RUN --mount=…,from=…` sources that are not stages
/// (also inside `ONBUILD`), and the `# syntax=` frontend.
///
/// `FROM` is expanded with the meta args (``DockerfileMetaArgs``); the stage
/// test is done on the expanded text, comparing exactly with the lowercased
/// names of earlier stages. `--from` and mount sources match any stage name
/// case-insensitively and are never expanded.
public enum DockerfileExtractor {
    /// Reads and extracts in one pass: each instruction is interpreted as
    /// the reader hands it over and then freed, so no array of
    /// instructions is built and none is copied.
    public static func extract(_ file: SourceFile, options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        var state = DockerfileExtraction(file: file, frontend: DockerfileFrontendDetector.detect(file), options: options)
        // Only what `read` looks at: both paths give the same result
        // (`bothExtractionPathsAgree`).
        let scan = DockerfileReader.scan(file, reusingBuffers: true, selection: .imageSources) { instruction, escape in
            state.escape = escape
            state.read(instruction)
        }
        state.finish()
        return Extraction(occurrences: state.occurrences, diagnostics: scan.diagnostics + state.diagnostics)
    }

    public static func extract(_ dockerfile: Dockerfile, in file: SourceFile, options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        var state = DockerfileExtraction(file: file, frontend: dockerfile.frontend, options: options)
        state.escape = dockerfile.escape
        for instruction in dockerfile.instructions { state.read(instruction) }
        state.finish()
        return Extraction(occurrences: state.occurrences, diagnostics: dockerfile.diagnostics + state.diagnostics)
    }
}

/// One stage's identity.
private struct DockerfileStage {
    /// Lowercased, as BuildKit stores it; nil for an unnamed stage.
    var name: String?
}

/// The extraction of one Dockerfile, fed one instruction at a time.
///
/// A few answers depend on stages defined later in the file (`--from` and
/// mount sources may name any stage, a stage index must be below the
/// number of stages, the final stage is the last one), so they are kept
/// pending and settled in ``finish()``, in place: the order of occurrences
/// and diagnostics is that of the file.
private struct DockerfileExtraction {
    let file: SourceFile
    var escape: UInt8 = UInt8(ascii: "\\")
    var metaArgs: DockerfileMetaArgs
    var stages: [DockerfileStage] = []
    var occurrences: [ImageOccurrence] = []
    var diagnostics: [Diagnostic] = []
    /// Index of the stage being read; -1 before the first `FROM`.
    var stageIndex = -1
    var reportedNoStage = false
    /// The line of the last occurrence located (see ``location(_:)``).
    var lineHint = 0
    /// The keyword of the first instruction, for "no build stage".
    var firstKeywordSpan: SourceSpan?
    /// Source occurrences (at their index in ``occurrences``) that named no
    /// stage defined before them, and are dropped if their value names a
    /// later one.
    var pendingSources: [(occurrence: Int, value: String)] = []
    /// `--from=N` indices that are wrong if there are at most N stages,
    /// with where their diagnostic goes in ``diagnostics``.
    var pendingStageIndices: [(diagnostic: Int, index: Int, value: String, span: SourceSpan)] = []

    init(file: SourceFile, frontend: DockerfileDirective?, options: ExtractionOptions) {
        self.file = file
        self.metaArgs = DockerfileMetaArgs(options: options)
        // Typical sizes, so that neither array grows step by step.
        stages.reserveCapacity(4)
        occurrences.reserveCapacity(8)
        if let frontend { addFrontend(frontend) }
    }

    mutating func read(_ instruction: borrowing DockerfileInstruction) {
        if firstKeywordSpan == nil { firstKeywordSpan = instruction.keywordSpan }
        switch instruction.kind {
        case .from:
            let arguments = FromArguments(instruction)
            stages.append(DockerfileStage(name: arguments.stageName.map { Self.lowercasedText(instruction.line, $0) }))
            stageIndex += 1
            readFrom(instruction, arguments)
        case .arg:
            readArg(instruction)
        case .unknown:
            report(.unknownInstruction, "unknown instruction: \(instruction.keyword)", instruction.keywordSpan)
        default:
            if stageIndex < 0, !reportedNoStage {
                reportedNoStage = true
                report(.instructionBeforeFrom, "\(instruction.keyword) before the first FROM: only ARG may come before it", instruction.keywordSpan)
            }
            readSources(instruction, onbuild: false)
        }
    }

    /// Settles what needed every stage: drops sources that name a stage,
    /// reports stage indices out of range, marks the final stage.
    mutating func finish() {
        for pending in pendingStageIndices.reversed() where pending.index < 0 || pending.index >= stages.count {
            let count = stages.count
            diagnostics.insert(
                diagnostic(.stageIndex, "invalid stage index \(pending.value): the Dockerfile has \(count) stage\(count == 1 ? "" : "s")", pending.span),
                at: pending.diagnostic
            )
        }
        // A loop, not `filter` with a closure: a closure calling a method
        // of `self` in a mutating method copied the whole extraction.
        var dropped: Set<Int> = []
        for pending in pendingSources where namesStage(pending.value) { dropped.insert(pending.occurrence) }
        if !dropped.isEmpty {
            occurrences = occurrences.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        }
        let last = stages.count - 1
        for index in occurrences.indices {
            if let stage = occurrences[index].context.stageIndex { occurrences[index].context.isFinalStage = stage == last }
        }
        if stages.isEmpty, !reportedNoStage, let firstKeywordSpan {
            report(.noStages, "no build stage: the Dockerfile has no FROM instruction", firstKeywordSpan)
        }
    }

    // MARK: Stages

    /// `line.text(range).lowercased()`, in one step for ASCII text.
    static func lowercasedText(_ line: DockerfileLogicalLine, _ range: Range<Int>) -> String {
        let bytes = line.bytes[range]
        guard !bytes.contains(where: { $0 >= 0x80 }) else {
            return line.text(range.lowerBound, range.upperBound).lowercased()
        }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = ASCIICase.lowered(byte) }
            return bytes.count
        }
    }

    /// A `FROM`'s words as BuildKit counts them: the image, the stage name
    /// of `image AS name`, and how many words there are, found without an
    /// array of words.
    struct FromArguments {
        var image: Range<Int>?
        var stageName: Range<Int>?
        var wordCount = 0

        init(_ instruction: borrowing DockerfileInstruction) {
            var words = DockerfileWords.WhitespaceDelimitedIterator(instruction.line, from: instruction.argumentsStart, to: instruction.argumentsEnd)
            var second: Range<Int>?
            var third: Range<Int>?
            while let word = words.next() {
                switch wordCount {
                case 0: image = word
                case 1: second = word
                case 2: third = word
                default: break
                }
                wordCount += 1
            }
            if wordCount == 3, let second, let third, DockerfileExtraction.isAs(instruction.line, second) {
                stageName = third
            }
        }
    }

    /// Whether the word is `AS` in any case (what comparing its lowercased
    /// text with "as" gives: no other two bytes lowercase to it), without
    /// building a String for every `FROM`.
    static func isAs(_ line: DockerfileLogicalLine, _ word: Range<Int>) -> Bool {
        guard word.count == 2 else { return false }
        let first = line.bytes[word.lowerBound]
        let second = line.bytes[word.lowerBound + 1]
        return (first == UInt8(ascii: "a") || first == UInt8(ascii: "A")) && (second == UInt8(ascii: "s") || second == UInt8(ascii: "S"))
    }

    static func isValidStageName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, first >= 0x61, first <= 0x7A else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
        }
    }

    /// ``isValidStageName(_:)`` of the lowercased bytes, without building
    /// Strings when they are ASCII (lowercasing other text can give ASCII
    /// letters, `K` to `k`, so it takes the String path).
    static func isValidStageName(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.contains(where: { $0 >= 0x80 }) else {
            return isValidStageName(String(decoding: bytes, as: UTF8.self).lowercased())
        }
        guard let first = bytes.first.map({ ASCIICase.lowered($0) }), first >= 0x61, first <= 0x7A else { return false }
        return bytes.allSatisfy { byte in
            let b = ASCIICase.lowered(byte)
            return (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
        }
    }

    func context(for instruction: borrowing DockerfileInstruction, platform: String?, onbuild: Bool) -> OccurrenceContext {
        let inStage = stageIndex >= 0 && stageIndex < stages.count
        return OccurrenceContext(
            instruction: instruction.keyword,
            stage: inStage ? stages[stageIndex].name : nil,
            stageIndex: inStage ? stageIndex : nil,
            // Settled in `finish()`, when the number of stages is known.
            isFinalStage: inStage ? false : nil,
            platform: platform,
            onbuild: onbuild ? true : nil
        )
    }

    // MARK: FROM

    mutating func readFrom(_ instruction: borrowing DockerfileInstruction, _ arguments: FromArguments) {
        // An index rather than a copy of the flag: most FROMs have none.
        var platformIndex: Int?
        for (index, flag) in instruction.flags.enumerated() {
            guard flag.name == "platform" else {
                report(.unknownFlag, "unknown flag: \(flag.name)", flag.span)
                continue
            }
            if !flag.hasValue {
                report(.flagSyntax, "missing a value on flag: platform", flag.span)
            } else if platformIndex != nil {
                report(.flagSyntax, "duplicate flag specified: platform", flag.span)
            } else {
                platformIndex = index
            }
        }
        guard let imageWord = arguments.image else {
            report(.fromArguments, "FROM requires either one or three arguments", instruction.span)
            return
        }
        if arguments.wordCount != 1, arguments.stageName == nil {
            report(.fromArguments, "FROM requires either one or three arguments", instruction.argumentsSpan)
        }
        if let name = arguments.stageName, !Self.isValidStageName(instruction.line.bytes[name]) {
            let written = instruction.line.text(name.lowerBound, name.upperBound)
            report(.invalidStageName, "invalid name for build stage: \"\(written)\", name can't start with a number or contain symbols", instruction.line.sourceSpan(name.lowerBound, name.upperBound))
        }

        guard let expansion = expand(instruction.line, imageWord) else { return }
        if let resolved = expansion.resolved {
            if resolved == "scratch" { return }
            let earlier = stages[..<min(stageIndex, stages.count)]
            if earlier.contains(where: { $0.name == resolved }) { return }
        }
        var related = expansion.related
        var platform: String?
        if let platformIndex {
            let flag = instruction.flags[platformIndex]
            platform = flag.value
            if let span = flag.valueSpan {
                related.append(RelatedLocation(location: location(span), message: "platform"))
            }
        }
        occurrences.append(ImageOccurrence(
            source: .dockerfile,
            role: .pull,
            location: location(expansion.span),
            text: expansion.text,
            resolved: expansion.resolved,
            unresolved: expansion.unresolved,
            variables: expansion.variables,
            related: related,
            context: context(for: instruction, platform: platform, onbuild: false)
        ))
    }

    /// An image word after meta-arg expansion.
    struct Expansion {
        var span: SourceSpan
        var text: String
        var resolved: String?
        var unresolved: [String]
        var variables: [VariableUse]
        var related: [RelatedLocation]
    }

    /// Expands a word with the meta args; the span and text are the word
    /// as written, inside its quotes when the whole word is quoted. A word
    /// BuildKit's lexer rejects gives a diagnostic and nil: it is a syntax
    /// problem, not an image.
    mutating func expand(_ line: DockerfileLogicalLine, _ word: Range<Int>) -> Expansion? {
        let (span, text) = Self.unquoted(line, word)
        var options = ShellLexer<DockerfileMetaArgs>.Options()
        options.escape = escape
        options.unsetIsUnresolved = true
        options.placeholders = true
        if ShellLexer<DockerfileMetaArgs>.isLiteral(line.bytes, from: word.lowerBound, to: word.upperBound, options: options) {
            // No quotes in a literal word: the text is the word itself.
            return Expansion(span: span, text: text, resolved: text, unresolved: [], variables: [], related: [])
        }
        do {
            let result = try ShellLexer.process(line.bytes, from: word.lowerBound, to: word.upperBound, options: options, variables: metaArgs)
            var variables: [VariableUse] = []
            var related: [RelatedLocation] = []
            for reference in result.references where !variables.contains(where: { $0.name == reference.name }) {
                let use = metaArgs.use(of: reference)
                variables.append(use)
                if case .file(let location) = use.origin {
                    related.append(RelatedLocation(location: location, message: "value of ARG \(use.name)"))
                }
            }
            let resolved = result.unresolved.isEmpty ? String(decoding: result.value, as: UTF8.self) : nil
            return Expansion(span: span, text: text, resolved: resolved, unresolved: result.unresolved, variables: variables, related: related)
        } catch {
            report(.substitution, error.message, span)
            return nil
        }
    }

    /// The span and text of a word as written, inside its quotes when the
    /// whole word is quoted.
    static func unquoted(_ line: DockerfileLogicalLine, _ word: Range<Int>) -> (span: SourceSpan, text: String) {
        var inner = word
        if word.count >= 2 {
            let first = line.bytes[word.lowerBound]
            if (first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")) && line.bytes[word.upperBound - 1] == first {
                inner = (word.lowerBound + 1)..<(word.upperBound - 1)
            }
        }
        return (line.sourceSpan(inner.lowerBound, inner.upperBound), line.text(inner.lowerBound, inner.upperBound))
    }

    // MARK: ARG

    mutating func readArg(_ instruction: borrowing DockerfileInstruction) {
        let line = instruction.line
        var words = DockerfileWords.QuoteAwareIterator(line, from: instruction.argumentsStart, to: instruction.argumentsEnd, escape: escape)
        guard let first = words.next() else {
            report(.missingArguments, "ARG requires at least one argument", instruction.span)
            return
        }
        // Only the ARGs before the first FROM are visible to FROM.
        guard stageIndex < 0 else { return }
        declareMetaArg(first, in: line)
        while let word = words.next() { declareMetaArg(word, in: line) }
    }

    /// One `name` or `name=default` word of an ARG before the first FROM.
    mutating func declareMetaArg(_ word: Range<Int>, in line: DockerfileLogicalLine) {
        let bytes = line.bytes[word]
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else {
            metaArgs.declare(String(decoding: bytes, as: UTF8.self))
            return
        }
        let name = String(decoding: bytes[..<equals], as: UTF8.self)
        let valueRange = (equals + 1)..<word.upperBound
        // Most defaults are plain ASCII with nothing for the lexer to
        // interpret: their value is their bytes (`expand` would give the
        // same, through a String), and with no quotes their span is their
        // own. Other text may need repairing as UTF-8.
        var options = ShellLexer<DockerfileMetaArgs>.Options()
        options.escape = escape
        options.placeholders = true
        let span: SourceSpan
        let value: ArraySlice<UInt8>?
        if !bytes[(equals + 1)...].contains(where: { $0 >= 0x80 }),
           ShellLexer<DockerfileMetaArgs>.isLiteral(line.bytes, from: valueRange.lowerBound, to: valueRange.upperBound, options: options) {
            span = line.sourceSpan(valueRange.lowerBound, valueRange.upperBound)
            value = line.bytes[valueRange]
        } else {
            span = Self.unquoted(line, valueRange).span
            value = expand(line, valueRange)?.resolved.map { ArraySlice($0.utf8) }
        }
        metaArgs.declare(name, default: value, at: span, in: file)
    }

    // MARK: COPY, ADD, RUN, ONBUILD

    mutating func readSources(_ instruction: borrowing DockerfileInstruction, onbuild: Bool) {
        switch instruction.kind {
        case .copy, .add:
            readCopyFrom(instruction, onbuild: onbuild)
        case .run:
            readMounts(instruction, onbuild: onbuild)
        case .onbuild where !onbuild:
            guard let trigger = instruction.trigger else {
                report(.missingArguments, "ONBUILD requires at least one argument", instruction.span)
                return
            }
            switch trigger.kind {
            case .from, .onbuild, .maintainer:
                report(.onbuildTrigger, "\(trigger.kind.capitalKeyword) isn't allowed as an ONBUILD trigger", trigger.keywordSpan)
            case .unknown:
                report(.unknownInstruction, "unknown instruction: \(trigger.keyword)", trigger.keywordSpan)
            default:
                readSources(trigger, onbuild: true)
            }
        case .env, .label:
            checkNameValues(instruction)
        default:
            break
        }
    }

    mutating func readCopyFrom(_ instruction: borrowing DockerfileInstruction, onbuild: Bool) {
        var fromFlag: DockerfileFlag?
        for flag in instruction.flags where flag.name == "from" {
            if fromFlag == nil {
                fromFlag = flag
            } else {
                report(.flagSyntax, "duplicate flag specified: from", flag.span)
            }
        }
        guard let flag = fromFlag else { return }
        guard let value = flag.value else {
            report(.flagSyntax, "missing a value on flag: from", flag.span)
            return
        }
        guard !value.isEmpty, let span = flag.valueSpan else { return }
        if flag.valueBytes.contains(UInt8(ascii: "$")) {
            report(.fromVariable, "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround", span)
            return
        }
        if let index = Self.goAtoi(value) {
            if !onbuild {
                // Whether there are enough stages is known at the end.
                pendingStageIndices.append((diagnostics.count, index, value, span))
            }
            return
        }
        let platform = instruction.flags.first { $0.name == "platform" }?.value
        addSource(value, span: span, instruction: instruction, platform: platform, onbuild: onbuild)
    }

    mutating func readMounts(_ instruction: borrowing DockerfileInstruction, onbuild: Bool) {
        // Through the array, by index: copying each flag out of it cost
        // more than reading the mount.
        let flags = instruction.flags
        for index in flags.indices where flags[index].name == "mount" {
            guard flags[index].hasValue else {
                report(.flagSyntax, "missing a value on flag: mount", flags[index].span)
                continue
            }
            let mount: DockerfileMount
            do {
                mount = try DockerfileMount(flags[index].valueBytes)
            } catch {
                report(.mountSyntax, error.message, flags[index].valueSpan ?? flags[index].span)
                continue
            }
            guard let from = mount.from, !from.bytes.isEmpty else { continue }
            let span = flags[index].valueSpan(from.range)
            if let dollar = from.bytes.firstIndex(of: UInt8(ascii: "$")), dollar != from.bytes.count - 1 {
                report(.fromVariable, "'from' doesn't support variable expansion, define alias stage instead", span)
                continue
            }
            guard mount.usesFrom else { continue }
            addSource(String(decoding: from.bytes, as: UTF8.self), span: span, instruction: instruction, platform: nil, onbuild: onbuild)
        }
    }

    /// A `--from` or mount source: a stage (any case), `scratch`, or an image.
    mutating func addSource(_ value: String, span: SourceSpan, instruction: borrowing DockerfileInstruction, platform: String?, onbuild: Bool) {
        // A stage defined so far settles it now; a later one in `finish()`.
        if value == "scratch" || namesStage(value) { return }
        pendingSources.append((occurrences.count, value))
        occurrences.append(ImageOccurrence(
            source: .dockerfile,
            role: .buildSource,
            location: location(span),
            text: value,
            resolved: value,
            context: context(for: instruction, platform: platform, onbuild: onbuild)
        ))
    }

    /// Whether `value` is a stage's name in any case. Stage names are stored
    /// lowercased; ASCII is compared byte by byte, anything else lowercased
    /// as a String the way BuildKit does.
    func namesStage(_ value: String) -> Bool {
        var value = value
        // On the contiguous UTF-8 of both strings: the String views cost
        // about ten times as much per byte, for every `--from` value.
        let asASCII: Bool? = value.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return stages.contains { stage in
                guard var name = stage.name, name.utf8.count == bytes.count else { return false }
                return name.withUTF8 { name in
                    for i in 0..<bytes.count where name[i] != ASCIICase.lowered(bytes[i]) { return false }
                    return true
                }
            }
        }
        if let asASCII { return asASCII }
        let lowered = value.lowercased()
        return stages.contains { $0.name == lowered }
    }

    /// Go's `strconv.Atoi`: optional sign, decimal digits, no overflow.
    static func goAtoi(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var digits = bytes[...]
            var negative = false
            if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                negative = sign == UInt8(ascii: "-")
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            var value = 0
            for b in digits {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(b - 0x30))
                guard !overflow1, !overflow2 else { return nil }
                value = sum
            }
            return negative ? -value : value
        }
    }

    // MARK: ENV, LABEL

    /// BuildKit's `parseNameVal`: `KEY name value` or `KEY a=b c=d …`.
    mutating func checkNameValues(_ instruction: borrowing DockerfileInstruction) {
        let line = instruction.line
        var keyword: String { instruction.kind.capitalKeyword }
        var words = DockerfileWords.QuoteAwareIterator(line, from: instruction.argumentsStart, to: instruction.argumentsEnd, escape: escape)
        guard let first = words.nextWord() else {
            report(.missingArguments, "\(keyword) requires at least one argument", instruction.span)
            return
        }
        if !first.hasEquals {
            // The old form needs a name and a value separated by blanks.
            var i = instruction.argumentsStart
            while i < instruction.argumentsEnd, !GoSpace.isSeparator(line.bytes[i]) { i += 1 }
            if i >= instruction.argumentsEnd {
                report(.envSyntax, "\(keyword) must have two arguments", instruction.argumentsSpan)
            }
            return
        }
        // The first word has a `=`; look for the first that has none.
        while let word = words.nextWord() {
            guard !word.hasEquals else { continue }
            let range = word.range
            report(.envSyntax, "Syntax error - can't find = in \"\(line.text(range.lowerBound, range.upperBound))\". Must be of the form: name=value", line.sourceSpan(range.lowerBound, range.upperBound))
            return
        }
    }

    // MARK: syntax

    mutating func addFrontend(_ directive: DockerfileDirective) {
        var context = OccurrenceContext()
        context.instruction = directive.key
        occurrences.append(ImageOccurrence(
            source: .dockerfile,
            role: .frontend,
            location: location(directive.valueSpan),
            text: directive.value,
            resolved: directive.value,
            context: context
        ))
    }

    mutating func report(_ code: DockerfileDiagnosticCode, _ message: String, _ span: SourceSpan) {
        diagnostics.append(diagnostic(code, message, span))
    }

    /// The location of an occurrence's span. Occurrences come in file
    /// order, so each line search starts from the previous one's line.
    mutating func location(_ span: SourceSpan) -> SourceLocation {
        file.location(span, lineHint: &lineHint)
    }

    func diagnostic(_ code: DockerfileDiagnosticCode, _ message: String, _ span: SourceSpan) -> Diagnostic {
        Diagnostic(severity: .error, code: code.rawValue, message: message, location: file.location(span))
    }
}
