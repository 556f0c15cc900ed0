import CYAML

/// Reads YAML files into documents of light nodes with exact byte spans, on
/// libyaml's event API.
///
/// Total over arbitrary bytes: any input gives a ``YAMLStream`` whose
/// documents are those read before any problem, plus positioned
/// diagnostics. Diagnostic codes:
///
/// | code | severity | meaning |
/// |---|---|---|
/// | `yaml-syntax` | error | libyaml's problem text and position; the read stops there |
/// | `yaml-encoding` | error | a byte libyaml rejects (invalid UTF-8, control character); the lines before it are read |
/// | `yaml-file-too-large` | warning | the file exceeds ``YAMLLimits/maxFileSize`` and was skipped |
/// | `yaml-depth-limit` | error | nesting deeper than ``YAMLLimits/maxDepth``; the read stops |
/// | `yaml-node-limit` | error | more than ``YAMLLimits/maxNodes`` nodes; the read stops |
/// | `yaml-duplicate-key` | error | a key written twice in one mapping (invalid YAML 1.2); look-ups see the first |
/// | `yaml-undefined-alias` | error | `*name` without an earlier `&name` in the document |
/// | `yaml-recursive-alias` | error | an alias inside the node its anchor is on |
/// | `yaml-invalid-merge` | warning | a `<<` value that is not a mapping or a list of mappings (ignored) |
/// | `yaml-alias-limit` | error | reported by walks (``YAMLDocument/walk(limits:_:)``) |
/// | `yaml-too-many-diagnostics` | warning | more than 1,000 problems in one file; the rest are counted, not listed |
public enum YAMLReader {
    /// Reads every document of `file`.
    public static func read(_ file: SourceFile, limits: YAMLLimits = .default) -> YAMLStream {
        if file.bytes.count > limits.maxFileSize {
            let diagnostic = Diagnostic(
                severity: .warning, code: "yaml-file-too-large",
                message: "file skipped: \(file.bytes.count) bytes is more than the YAML size limit of \(limits.maxFileSize) bytes",
                location: file.location(SourceSpan(at: 0)))
            return YAMLStream(file: file, documents: [], partialDocument: nil, diagnostics: [diagnostic], isComplete: false)
        }
        return file.bytes.withUnsafeBufferPointer { bytes in
            var builder = YAMLStreamBuilder(file: file, bytes: bytes, limits: limits)
            builder.run()
            return builder.finish()
        }
    }

    /// Reads YAML text (for tests, policies and tools).
    public static func read(path: String = "<text>", text: String, limits: YAMLLimits = .default) -> YAMLStream {
        read(SourceFile(path: path, text: text), limits: limits)
    }
}

/// The event loop and everything it builds for one stream.
struct YAMLStreamBuilder {
    let file: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: YAMLLimits

    var records: YAMLRecordBuffer
    var values: [UInt8] = []
    var tags: [String] = []
    var tagNumbers: [String: UInt32] = [:]
    /// The anchor written on each anchored node (few nodes have one).
    var anchors: [UInt32: String] = [:]
    var mergedPairs: [YAMLMergedPair] = []
    var diagnostics: [Diagnostic] = []

    struct DocumentInfo {
        var root: UInt32
        var start: Int
        var end: Int
    }

    var documents: [DocumentInfo] = []
    var current: DocumentInfo?
    var anchorNodes: [String: UInt32] = [:]
    var keyScratch = YAMLKeyScratch()

    struct OpenCollection {
        var index: UInt32
        var children: UInt32
        var lastChild: UInt32
    }

    var open: [OpenCollection] = []
    var stopped = false
    /// Sources and pairs visited for merge keys (bounded by the node limit).
    var mergeWork = 0
    var droppedDiagnostics = 0
    /// Where the input was cut before a byte libyaml would reject.
    var truncatedAt: Int?

    init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) {
        self.file = file
        self.bytes = bytes
        self.limits = limits
        records = YAMLRecordBuffer(capacity: min(bytes.count / 10 + 16, limits.maxNodes))
    }

    mutating func run() {
        let bom = file.lines.bomLength
        guard bytes.count > bom, let base = bytes.baseAddress else { return }
        let content = UnsafeBufferPointer(start: base + bom, count: bytes.count - bom)
        var converter = YAMLMarkConverter(content, offsetBase: bom)
        values.reserveCapacity(content.count / 4)
        if parse(content, count: content.count, &converter) == .readerError {
            // A byte libyaml rejects (checked here, not before: it is rare):
            // read again, only the lines before it.
            let check = YAMLTextCheck(content)
            reset()
            let offset = (check.invalidOffset ?? 0) + bom
            report(.error, "yaml-encoding", "\(check.problem) (byte 0x\(String(bytes[min(offset, bytes.count - 1)], radix: 16, uppercase: true)))",
                   SourceSpan(start: offset, end: min(offset + 1, bytes.count)))
            let lineStart = file.lines.lineStarts[file.lines.lineNumberIndex(of: offset)]
            let inputCount = max(0, lineStart - bom)
            truncatedAt = inputCount + bom
            if parse(content, count: inputCount, &converter) == .readerError { stopped = true }
        }
        if !stopped, truncatedAt != nil, let last = documents.popLast() {
            // The cut document looked complete to libyaml but was not.
            current = last
            stopped = true
        }
        if stopped { closeInterrupted() }
    }

    enum ParseEnd { case done, stopped, readerError }

    /// Runs libyaml over the first `count` bytes of `content`.
    private mutating func parse(_ content: UnsafeBufferPointer<UInt8>, count: Int, _ converter: inout YAMLMarkConverter) -> ParseEnd {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) != 0, let base = content.baseAddress else {
            report(.error, "yaml-syntax", "libyaml could not start (out of memory)", SourceSpan(at: 0))
            stopped = true
            return .stopped
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, base, count)
        while !stopped {
            guard yaml_parser_parse(parser, event) != 0 else {
                if parser.pointee.error == YAML_READER_ERROR, truncatedAt == nil { return .readerError }
                reportParserError(parser, &converter, truncatedAt: truncatedAt)
                stopped = true
                break
            }
            let done = handle(event, &converter)
            yaml_event_delete(event)
            if done { return .done }
        }
        return .stopped
    }

    /// Forgets everything read, for a second read of a shorter input.
    private mutating func reset() {
        records.removeAll()
        values.removeAll(keepingCapacity: true)
        tags.removeAll()
        tagNumbers.removeAll()
        anchors.removeAll()
        mergedPairs.removeAll()
        diagnostics.removeAll()
        documents.removeAll()
        current = nil
        anchorNodes.removeAll()
        open.removeAll()
        mergeWork = 0
        droppedDiagnostics = 0
        stopped = false
    }

    /// Handles one event; returns true at the end of the stream.
    private mutating func handle(_ event: UnsafeMutablePointer<yaml_event_t>, _ converter: inout YAMLMarkConverter) -> Bool {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            addScalar(event, &converter)
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            openCollection(event, &converter)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            closeCollection(endOffset: converter.offset(event.pointee.end_mark.index))
        case YAML_ALIAS_EVENT:
            addAlias(event, &converter)
        case YAML_DOCUMENT_START_EVENT:
            current = DocumentInfo(root: YAMLNodeRecord.none, start: converter.offset(event.pointee.start_mark.index), end: 0)
            anchorNodes.removeAll(keepingCapacity: true)
        case YAML_DOCUMENT_END_EVENT:
            if var document = current {
                document.end = converter.offset(event.pointee.end_mark.index)
                documents.append(document)
            }
            current = nil
        case YAML_STREAM_END_EVENT:
            return true
        default:
            break
        }
        return false
    }

    // MARK: Nodes

    /// Registers a new node as the child of the innermost open collection
    /// (or the document root); false when the node limit is reached.
    @inline(__always)
    private mutating func beginNode(at offset: Int) -> Bool {
        if records.count + mergedPairs.count >= limits.maxNodes {
            report(.error, "yaml-node-limit", "more than \(limits.maxNodes) YAML nodes; the rest of the file is not read", SourceSpan(at: offset))
            stopped = true
            return false
        }
        let index = UInt32(records.count)
        if let top = open.indices.last {
            open[top].children += 1
            open[top].lastChild = index
        } else if current != nil, current?.root == YAMLNodeRecord.none {
            current?.root = index
        }
        return true
    }

    private mutating func addScalar(_ event: UnsafeMutablePointer<yaml_event_t>, _ converter: inout YAMLMarkConverter) {
        let data = event.pointee.data.scalar
        let startOffset = converter.offset(event.pointee.start_mark.index)
        let endOffset = max(startOffset, converter.offset(event.pointee.end_mark.index))
        let hasProperties = data.anchor != nil || data.tag != nil
        let contentStart = hasProperties ? skipProperties(from: startOffset, to: endOffset) : startOffset
        guard beginNode(at: contentStart) else { return }
        let length = data.length
        let style = UInt8(truncatingIfNeeded: data.style.rawValue)
        var spanStart = contentStart
        var spanEnd = endOffset
        var flags: UInt8 = 0
        let value = UnsafeBufferPointer(start: data.value, count: data.value == nil ? 0 : length)
        switch YAMLScalar.Style(rawValue: style) {
        case .singleQuoted?, .doubleQuoted?:
            spanStart = min(contentStart + 1, endOffset)
            spanEnd = max(endOffset - 1, spanStart)
        case .literal?, .folded?:
            let layout = YAMLBlockScalarLayout(bytes: bytes, lines: file.lines, indicator: contentStart, regionEnd: endOffset, value: value)
            spanStart = layout.contentStart
            spanEnd = max(layout.contentEnd, spanStart)
            if !layout.isExact { flags |= YAMLNodeRecord.inexactBlock }
        default:
            if length == 0 {
                spanStart = endOffset
            } else if hasProperties, endOffset - contentStart < min(length, endOffset - startOffset) {
                // Properties glued to the value in a way not foreseen: the
                // value is at least its own length before the end.
                spanStart = max(startOffset, endOffset - length)
            }
        }
        // Keep the value as a range of the file when it is the source text
        // (most scalars); copy it only when decoding changed it.
        var valueStart: Int
        if spanEnd - spanStart == length, length == 0 || memoryEqual(bytes.baseAddress.map { $0 + spanStart }, value.baseAddress, length) {
            valueStart = spanStart
            flags |= YAMLNodeRecord.valueInSource
        } else {
            valueStart = values.count
            values.append(contentsOf: value)
        }
        let index = UInt32(records.count)
        records.append(YAMLNodeRecord(
            start: UInt32(spanStart), end: UInt32(spanEnd), next: index + 1,
            a: UInt32(truncatingIfNeeded: valueStart), b: UInt32(truncatingIfNeeded: length), c: UInt32(contentStart),
            tag: data.tag.map { tagNumber($0) } ?? 0,
            kind: .scalar, style: style, flags: flags))
        if let anchor = data.anchor { recordAnchor(anchor, node: index) }
    }

    private mutating func addAlias(_ event: UnsafeMutablePointer<yaml_event_t>, _ converter: inout YAMLMarkConverter) {
        let start = converter.offset(event.pointee.start_mark.index)
        let end = max(start, converter.offset(event.pointee.end_mark.index))
        guard beginNode(at: start) else { return }
        let span = SourceSpan(start: start, end: end)
        var target = YAMLNodeRecord.none
        if let anchor = event.pointee.data.alias.anchor {
            let name = String(cString: anchor)
            if let node = anchorNodes[name] {
                if records[Int(node)].next == 0 {
                    report(.error, "yaml-recursive-alias", "alias *\(name) is inside the node anchored &\(name); it is ignored", span,
                           related: [SourceSpan(start: Int(records[Int(node)].start), end: Int(records[Int(node)].start))])
                } else {
                    target = node
                }
            } else {
                report(.error, "yaml-undefined-alias", "alias *\(name) refers to no anchor defined before it in this document", span)
            }
        }
        let index = UInt32(records.count)
        records.append(YAMLNodeRecord(
            start: UInt32(start), end: UInt32(end), next: index + 1, a: target, b: 0, c: UInt32(start),
            tag: 0, kind: .alias, style: 0, flags: 0))
    }

    private mutating func openCollection(_ event: UnsafeMutablePointer<yaml_event_t>, _ converter: inout YAMLMarkConverter) {
        let isMapping = event.pointee.type == YAML_MAPPING_START_EVENT
        let startOffset = converter.offset(event.pointee.start_mark.index)
        let endOffset = max(startOffset, converter.offset(event.pointee.end_mark.index))
        let anchor: UnsafeMutablePointer<yaml_char_t>?
        let tag: UnsafeMutablePointer<yaml_char_t>?
        let isFlow: Bool
        if isMapping {
            let data = event.pointee.data.mapping_start
            anchor = data.anchor
            tag = data.tag
            isFlow = data.style == YAML_FLOW_MAPPING_STYLE
        } else {
            let data = event.pointee.data.sequence_start
            anchor = data.anchor
            tag = data.tag
            isFlow = data.style == YAML_FLOW_SEQUENCE_STYLE
        }
        // The start event covers the properties and, in flow style, the
        // opening bracket; a block collection's content starts at its first
        // key or `-` (the start mark without properties, the end mark with).
        var contentStart = anchor != nil || tag != nil ? endOffset : startOffset
        var flags: UInt8 = 0
        if isFlow {
            flags |= YAMLNodeRecord.flowStyle
            if endOffset > startOffset, bytes[endOffset - 1] == UInt8(ascii: "[") || bytes[endOffset - 1] == UInt8(ascii: "{") {
                contentStart = endOffset - 1
                flags |= YAMLNodeRecord.bracketed
            }
        }
        if open.count >= limits.maxDepth {
            report(.error, "yaml-depth-limit", "YAML nested deeper than \(limits.maxDepth) levels; the rest of the file is not read", SourceSpan(at: contentStart))
            stopped = true
            return
        }
        guard beginNode(at: contentStart) else { return }
        let index = UInt32(records.count)
        records.append(YAMLNodeRecord(
            start: UInt32(contentStart), end: UInt32(contentStart), next: 0, a: 0, b: YAMLNodeRecord.none, c: 0,
            tag: tag.map { tagNumber($0) } ?? 0,
            kind: isMapping ? .mapping : .sequence, style: 0, flags: flags))
        if let anchor { recordAnchor(anchor, node: index) }
        open.append(OpenCollection(index: index, children: 0, lastChild: YAMLNodeRecord.none))
    }

    /// Closes the innermost collection; `endOffset` is the end event's end
    /// (after the closing bracket in flow style).
    private mutating func closeCollection(endOffset: Int?) {
        guard let top = open.popLast() else { return }
        let i = Int(top.index)
        var record = records[i]
        var end = record.start
        if let endOffset, record.has(YAMLNodeRecord.bracketed) {
            end = max(end, UInt32(endOffset))
        } else if top.lastChild != YAMLNodeRecord.none {
            end = max(end, records[Int(top.lastChild)].end)
        }
        record.end = end
        record.next = UInt32(records.count)
        record.a = record.kind == .mapping ? top.children / 2 : top.children
        records[i] = record
        if record.kind == .mapping, top.children >= 2 {
            checkKeys(mapping: top.index)
        }
    }

    /// After an error or a limit: closes what is open so the interrupted
    /// document is a well-formed tree of what was read.
    private mutating func closeInterrupted() {
        // A mapping interrupted between a key and its value gets an empty value.
        while let top = open.last {
            if records[Int(top.index)].kind == .mapping, top.children % 2 == 1 {
                let at = top.lastChild == YAMLNodeRecord.none ? records[Int(top.index)].end : records[Int(top.lastChild)].end
                let index = UInt32(records.count)
                records.append(YAMLNodeRecord(start: at, end: at, next: index + 1, a: at, b: 0, c: at, tag: 0,
                                              kind: .scalar, style: YAMLScalar.Style.plain.rawValue, flags: YAMLNodeRecord.valueInSource))
                open[open.count - 1].children += 1
                open[open.count - 1].lastChild = index
            }
            closeCollection(endOffset: nil)
        }
    }

    // MARK: Properties

    private mutating func tagNumber(_ tag: UnsafeMutablePointer<yaml_char_t>) -> UInt32 {
        let text = String(cString: tag)
        if let number = tagNumbers[text] { return number }
        tags.append(text)
        let number = UInt32(tags.count)
        tagNumbers[text] = number
        return number
    }

    private mutating func recordAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>, node: UInt32) {
        let name = String(cString: anchor)
        anchors[node] = name
        anchorNodes[name] = node
    }

    /// The first byte after a node's anchor and tag (and the blanks,
    /// line breaks and comments after them).
    private func skipProperties(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end, bytes[i] == UInt8(ascii: "&") || bytes[i] == UInt8(ascii: "!") {
            // An anchor name is letters, digits, `-` and `_` (libyaml's rule:
            // `&t?x` is the anchor `t` on the scalar `?x`); a tag runs to a blank.
            let isAnchor = bytes[i] == UInt8(ascii: "&")
            i += 1
            while i < end, isAnchor ? Self.isAnchorByte(bytes[i]) : !Self.isBlankOrBreak(bytes[i]) { i += 1 }
            while i < end {
                let b = bytes[i]
                if Self.isBlankOrBreak(b) {
                    i += 1
                } else if b == UInt8(ascii: "#") {
                    while i < end, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                } else {
                    break
                }
            }
        }
        return i
    }

    @inline(__always) static func isAnchorByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
            || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    @inline(__always) static func isBlankOrBreak(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    // MARK: Diagnostics

    /// Diagnostics kept per stream: a hostile file with a million duplicate
    /// keys must not make a million diagnostics.
    static let maxDiagnostics = 1_000

    mutating func report(_ severity: Diagnostic.Severity, _ code: String, _ message: String, _ span: SourceSpan, related: [SourceSpan] = []) {
        guard diagnostics.count < Self.maxDiagnostics else {
            droppedDiagnostics += 1
            return
        }
        diagnostics.append(Diagnostic(severity: severity, code: code, message: message, location: file.location(span),
                                      related: related.map { file.location($0) }))
    }

    private mutating func reportParserError(_ parser: UnsafeMutablePointer<yaml_parser_t>, _ converter: inout YAMLMarkConverter, truncatedAt: Int?) {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown problem"
        switch p.error {
        case YAML_MEMORY_ERROR:
            report(.error, "yaml-syntax", "libyaml ran out of memory", SourceSpan(at: 0))
        case YAML_READER_ERROR:
            // The text check runs first, so this is not expected; report it anyway.
            let offset = min(p.problem_offset + file.lines.bomLength, bytes.count)
            report(.error, "yaml-encoding", problem, SourceSpan(at: offset))
        default:
            let offset = converter.offset(p.problem_mark.index)
            // A problem at the cut made for an encoding error is an artifact of the cut.
            if let truncatedAt, offset >= truncatedAt { return }
            var message = problem
            var related: [SourceSpan] = []
            if let context = p.context {
                let contextOffset = converter.offset(p.context_mark.index)
                let position = file.lines.position(of: contextOffset)
                message += " (\(String(cString: context)) at line \(position.line), column \(position.column))"
                related.append(SourceSpan(at: contextOffset))
            }
            report(.error, "yaml-syntax", message, SourceSpan(at: offset), related: related)
        }
    }

    // MARK: Result

    mutating func finish() -> YAMLStream {
        if droppedDiagnostics > 0, let last = diagnostics.last {
            diagnostics.append(Diagnostic(severity: .warning, code: "yaml-too-many-diagnostics",
                                          message: "\(droppedDiagnostics) more YAML problems not reported", location: last.location))
        }
        keyScratch.deallocate()
        let lastEnd = records.last.map { Int($0.end) }
        let storage = YAMLStorage(file: file, records: records.finish(), values: values, tags: tags, anchors: anchors, mergedPairs: mergedPairs)
        let complete = documents.enumerated().map { number, info in
            YAMLDocument(storage: storage, rootIndex: info.root, index: number,
                         span: SourceSpan(start: info.start, end: max(info.start, info.end)), isComplete: true)
        }
        var partial: YAMLDocument? = nil
        if stopped, let info = current {
            let end = lastEnd ?? info.start
            partial = YAMLDocument(storage: storage, rootIndex: info.root, index: documents.count,
                                   span: SourceSpan(start: info.start, end: max(info.start, end)), isComplete: false)
        }
        return YAMLStream(file: file, documents: complete, partialDocument: partial, diagnostics: diagnostics, isComplete: !stopped && truncatedAt == nil)
    }
}
