/// The variables a `FROM` line can use: the `ARG`s declared before the first
/// `FROM` (BuildKit's meta args), plus the automatic platform args.
///
/// Where a value comes from, highest first:
/// 1. `--build-arg NAME=VALUE`, for a declared meta ARG (BuildKit ignores a
///    build arg that no ARG declares);
/// 2. the ARG's default, expanded with the meta args declared before it;
/// 3. the policy's `variables:`, for an ARG without a default or a name
///    no ARG declares;
/// 4. BuildKit's automatic platform args, resolved for linux/amd64.
/// Anything else is unset: a text that needs its value is unresolved.
///
/// A Dockerfile declares a handful of meta args, and most FROM lines use
/// none or one: they are kept in declaration order and found by a linear
/// search (no hashing per declaration), with a dictionary index only for
/// files that declare many. Where a default was written is kept as a span,
/// and a plain default's value as a slice of its line: its
/// `SourceLocation` and its own array are built only when a FROM uses it.
struct DockerfileMetaArgs: ShellVariableSource {
    struct Entry {
        var value: ShellLookup
        var origin: Origin
    }

    /// ``VariableUse/Origin``, with an ARG default's place as a span of
    /// ``file``.
    enum Origin {
        case file(SourceSpan)
        case commandLine
        case policy
        case builtin
        case unset
    }

    /// The declared names, each once, with its latest entry.
    private var declared: [(name: String, entry: Entry)] = []
    /// Index into ``declared`` by name, kept once there are more than
    /// ``linearLimit`` names (so many declarations stay linear in time).
    private var index: [String: Int] = [:]
    private static var linearLimit: Int { 16 }
    /// The file the defaults' spans are in (set by the first default).
    private var file: SourceFile?
    private let options: ExtractionOptions

    init(options: ExtractionOptions) {
        self.options = options
    }

    func lookup(_ name: String) -> ShellLookup {
        position(of: name).map { declared[$0].entry.value } ?? fallback(name).value
    }

    private func position(of name: String) -> Int? {
        guard declared.count > Self.linearLimit else {
            return declared.firstIndex { $0.name == name }
        }
        return index[name]
    }

    private func fallback(_ name: String) -> Entry {
        if !options.policyVariables.isEmpty, let value = options.policyVariables[name] {
            return Entry(value: .value(ArraySlice(value.utf8)), origin: .policy)
        }
        if let value = BuildKitPlatformArgs.defaultValue(name) {
            return Entry(value: .value(ArraySlice(value.utf8)), origin: .builtin)
        }
        return Entry(value: .unset, origin: .unset)
    }

    /// The `--build-arg` value for `name`, if one was given (most runs give
    /// none: then no hashing).
    private func buildArg(_ name: String) -> String? {
        options.buildArgs.isEmpty ? nil : options.buildArgs[name]
    }

    private mutating func set(_ name: String, _ entry: Entry) {
        if let position = position(of: name) {
            declared[position].entry = entry
            return
        }
        // Room for a typical file's meta args at once, not 1, 2, 4, 8.
        if declared.capacity == 0 { declared.reserveCapacity(8) }
        declared.append((name, entry))
        if declared.count > Self.linearLimit {
            if index.isEmpty {
                for (position, element) in declared.enumerated() { index[element.name] = position }
            } else {
                index[name] = declared.count - 1
            }
        }
    }

    /// `ARG name` with no default.
    mutating func declare(_ name: String) {
        if let value = buildArg(name) {
            set(name, Entry(value: .value(ArraySlice(value.utf8)), origin: .commandLine))
        } else {
            set(name, fallback(name))
        }
    }

    /// `ARG name=default` written at `span` of `file`; `value` is nil when
    /// the default could not be resolved.
    mutating func declare(_ name: String, default value: ArraySlice<UInt8>?, at span: SourceSpan, in file: SourceFile) {
        if let given = buildArg(name) {
            set(name, Entry(value: .value(ArraySlice(given.utf8)), origin: .commandLine))
            return
        }
        if self.file == nil { self.file = file }
        set(name, Entry(value: value.map { .value($0) } ?? .unknown, origin: .file(span)))
    }

    /// What the occurrence report says about a variable the text used.
    func use(of reference: ShellVariableReference) -> VariableUse {
        if let word = reference.usedDefault {
            return VariableUse(name: reference.name, value: String(decoding: word, as: UTF8.self), origin: .inlineDefault)
        }
        let entry = position(of: reference.name).map { declared[$0].entry } ?? fallback(reference.name)
        switch entry.value {
        case .value(let value):
            return VariableUse(name: reference.name, value: String(decoding: value, as: UTF8.self), origin: origin(entry.origin))
        case .unknown:
            return VariableUse(name: reference.name, value: nil, origin: origin(entry.origin))
        case .unset:
            return VariableUse(name: reference.name, value: nil, origin: .unset)
        }
    }

    private func origin(_ origin: Origin) -> VariableUse.Origin {
        switch origin {
        case .file(let span):
            // Every `.file` origin was declared with the file.
            guard let file else { return .unset }
            return .file(file.location(span))
        case .commandLine: return .commandLine
        case .policy: return .policy
        case .builtin: return .builtin
        case .unset: return .unset
        }
    }
}
