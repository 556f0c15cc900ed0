/// One instruction of a Dockerfile, as BuildKit's parser splits it: the
/// keyword, the leading `--flags`, the arguments, and any here-documents,
/// each with its exact place in the file.
///
/// Arguments are kept as logical-line offsets (``argumentsStart`` …
/// ``argumentsEnd`` in ``line``) because each instruction splits them its
/// own way (`FROM` on blanks, `ARG` on blanks outside quotes, exec form as
/// JSON); ``line`` maps any of them back to file bytes.
///
/// The keyword and the spans are worked out when asked: the extractor asks
/// for them only for the few instructions it reports on or takes an image
/// from, and building them for every instruction was a measurable part of
/// reading.
public struct DockerfileInstruction: Sendable {
    public var kind: DockerfileInstructionKind
    /// The joined text of the instruction with its source map.
    public var line: DockerfileLogicalLine
    /// The keyword in ``line`` offsets.
    public var keywordStart: Int
    public var keywordEnd: Int
    public var flags: [DockerfileFlag]
    /// The arguments after the flags, blanks trimmed, in ``line`` offsets.
    public var argumentsStart: Int
    public var argumentsEnd: Int
    /// Whether the arguments are a JSON array of strings (exec form).
    public var isJSON: Bool
    public var heredocs: [DockerfileHeredoc]
    /// The instruction an `ONBUILD` registers (stored in an array to keep
    /// the type a plain value).
    private var triggerStorage: [DockerfileInstruction]

    public init(
        kind: DockerfileInstructionKind,
        line: DockerfileLogicalLine,
        keywordStart: Int,
        keywordEnd: Int,
        flags: [DockerfileFlag],
        argumentsStart: Int,
        argumentsEnd: Int,
        isJSON: Bool = false,
        heredocs: [DockerfileHeredoc] = [],
        trigger: DockerfileInstruction? = nil
    ) {
        self.kind = kind
        self.line = line
        self.keywordStart = keywordStart
        self.keywordEnd = keywordEnd
        self.flags = flags
        self.argumentsStart = argumentsStart
        self.argumentsEnd = argumentsEnd
        self.isJSON = isJSON
        self.heredocs = heredocs
        self.triggerStorage = trigger.map { [$0] } ?? []
    }

    /// The keyword as written (`FROM`, `from`, `Copy`).
    public var keyword: String {
        // `DockerfileInstructionKind.of` matched the letters ignoring
        // case; with bit 0x20 clear everywhere they are the capitals, the
        // kind's constant (nothing to decode).
        if kind != .unknown, line.start <= keywordStart, keywordStart <= keywordEnd, keywordEnd <= line.end,
           !line.bytes[keywordStart..<keywordEnd].contains(where: { $0 & 0x20 != 0 }) {
            return kind.capitalKeyword
        }
        return line.text(keywordStart, keywordEnd)
    }

    public var keywordSpan: SourceSpan { line.sourceSpan(keywordStart, keywordEnd) }

    /// From the keyword to the end of the instruction's last line (heredoc
    /// bodies not included).
    public var span: SourceSpan { line.sourceSpan(keywordStart, max(keywordEnd, argumentsEnd)) }

    /// For `ONBUILD`, the trigger instruction.
    public var trigger: DockerfileInstruction? {
        get { triggerStorage.first }
        set { triggerStorage = newValue.map { [$0] } ?? [] }
    }

    /// The arguments as written, continuations joined.
    public var arguments: String { line.text(argumentsStart, argumentsEnd) }

    /// The file span of the arguments.
    public var argumentsSpan: SourceSpan { line.sourceSpan(argumentsStart, argumentsEnd) }

    /// The flags named `name`, in order.
    public func flags(named name: String) -> [DockerfileFlag] {
        flags.filter { $0.name == name }
    }
}
