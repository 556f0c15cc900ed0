/// One document of a YAML stream.
public struct YAMLDocument: Sendable {
    let storage: YAMLStorage
    let rootIndex: UInt32

    /// 0-based position of the document in its stream.
    public let index: Int
    /// From the document's first byte (`---` when written) to its end
    /// (`...` when written, else the start of what follows).
    public let span: SourceSpan
    /// False for the document a syntax error or limit interrupted: it holds
    /// what was read before the problem (open collections closed there).
    public let isComplete: Bool

    init(storage: YAMLStorage, rootIndex: UInt32, index: Int, span: SourceSpan, isComplete: Bool) {
        self.storage = storage
        self.rootIndex = rootIndex
        self.index = index
        self.span = span
        self.isComplete = isComplete
    }

    /// The file the document was read from.
    public var file: SourceFile { storage.file }

    /// The root node (aliases followed); nil only for an interrupted
    /// document that had not started its root. An empty document (`---`
    /// alone) has an empty plain scalar as root.
    public var root: YAMLNode? {
        guard rootIndex != YAMLNodeRecord.none, Int(rootIndex) < storage.records.count else { return nil }
        return YAMLNode(storage: storage, index: rootIndex).followed
    }

    /// The node with ``YAMLNode/id`` `id`, as written (not via any alias).
    public func node(id: Int) -> YAMLNode? {
        guard id >= 0, id < storage.records.count else { return nil }
        return YAMLNode(storage: storage, index: UInt32(id))
    }
}

/// Everything read from one YAML file.
public struct YAMLStream: Sendable {
    /// The file as read; spans point into its bytes.
    public let file: SourceFile
    /// The complete documents, in order (those before a syntax error too).
    public let documents: [YAMLDocument]
    /// The document a syntax error or limit interrupted, as far as read.
    /// Extractors may use it (an editor on every keystroke) but must not
    /// draw conclusions from what is missing.
    public let partialDocument: YAMLDocument?
    /// Syntax errors, limits reached, duplicate keys, bad aliases and merges.
    public let diagnostics: [Diagnostic]

    /// False when the read stopped early (syntax error, encoding error,
    /// limit, skipped file): documents after that point are missing.
    public let isComplete: Bool

    init(file: SourceFile, documents: [YAMLDocument], partialDocument: YAMLDocument?, diagnostics: [Diagnostic], isComplete: Bool) {
        self.file = file
        self.documents = documents
        self.partialDocument = partialDocument
        self.diagnostics = diagnostics
        self.isComplete = isComplete
    }
}
