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
struct DockerfileMetaArgs: ShellVariableSource {
    struct Entry {
        var lookup: ShellLookup
        var origin: VariableUse.Origin
    }

    private var entries: [String: Entry] = [:]
    private let options: ExtractionOptions

    init(options: ExtractionOptions) {
        self.options = options
    }

    func lookup(_ name: String) -> ShellLookup {
        entry(name).lookup
    }

    func entry(_ name: String) -> Entry {
        if let declared = entries[name] { return declared }
        return fallback(name)
    }

    private func fallback(_ name: String) -> Entry {
        if let value = options.policyVariables[name] {
            return Entry(lookup: .value(Array(value.utf8)), origin: .policy)
        }
        if let value = BuildKitPlatformArgs.defaultValue(name) {
            return Entry(lookup: .value(Array(value.utf8)), origin: .builtin)
        }
        return Entry(lookup: .unset, origin: .unset)
    }

    /// `ARG name` with no default.
    mutating func declare(_ name: String) {
        if let value = options.buildArgs[name] {
            entries[name] = Entry(lookup: .value(Array(value.utf8)), origin: .commandLine)
        } else {
            entries[name] = fallback(name)
        }
    }

    /// `ARG name=default`; `value` is nil when the default could not be
    /// resolved.
    mutating func declare(_ name: String, default value: [UInt8]?, at location: SourceLocation) {
        if let given = options.buildArgs[name] {
            entries[name] = Entry(lookup: .value(Array(given.utf8)), origin: .commandLine)
        } else if let value {
            entries[name] = Entry(lookup: .value(value), origin: .file(location))
        } else {
            entries[name] = Entry(lookup: .unknown, origin: .file(location))
        }
    }

    /// What the occurrence report says about a variable the text used.
    func use(of reference: ShellVariableReference) -> VariableUse {
        if let word = reference.usedDefault {
            return VariableUse(name: reference.name, value: String(decoding: word, as: UTF8.self), origin: .inlineDefault)
        }
        let entry = entry(reference.name)
        switch entry.lookup {
        case .value(let value):
            return VariableUse(name: reference.name, value: String(decoding: value, as: UTF8.self), origin: entry.origin)
        case .unknown:
            return VariableUse(name: reference.name, value: nil, origin: entry.origin)
        case .unset:
            return VariableUse(name: reference.name, value: nil, origin: .unset)
        }
    }
}
