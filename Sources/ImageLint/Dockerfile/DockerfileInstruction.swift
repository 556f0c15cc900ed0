/// One instruction of a Dockerfile, as BuildKit's parser splits it: the
/// keyword, the leading `--flags`, the arguments, and any here-documents,
/// each with its exact place in the file.
///
/// Arguments are kept as logical-line offsets (``argumentsStart`` …
/// ``argumentsEnd`` in ``line``) because each instruction splits them its
/// own way (`FROM` on blanks, `ARG` on blanks outside quotes, exec form as
/// JSON); ``line`` maps any of them back to file bytes.
public struct DockerfileInstruction: Sendable {
    public var kind: DockerfileInstructionKind
    /// The keyword as written (`FROM`, `from`, `Copy`).
    public var keyword: String
    public var keywordSpan: SourceSpan
    /// From the keyword to the end of the instruction's last line (heredoc
    /// bodies not included).
    public var span: SourceSpan
    /// The joined text of the instruction with its source map.
    public var line: DockerfileLogicalLine
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
        keyword: String,
        keywordSpan: SourceSpan,
        span: SourceSpan,
        line: DockerfileLogicalLine,
        flags: [DockerfileFlag],
        argumentsStart: Int,
        argumentsEnd: Int,
        isJSON: Bool = false,
        heredocs: [DockerfileHeredoc] = [],
        trigger: DockerfileInstruction? = nil
    ) {
        self.kind = kind
        self.keyword = keyword
        self.keywordSpan = keywordSpan
        self.span = span
        self.line = line
        self.flags = flags
        self.argumentsStart = argumentsStart
        self.argumentsEnd = argumentsEnd
        self.isJSON = isJSON
        self.heredocs = heredocs
        self.triggerStorage = trigger.map { [$0] } ?? []
    }

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
