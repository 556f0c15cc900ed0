/// Finds the image references of a Compose file (formats.md §2).
///
/// | path | role |
/// |---|---|
/// | `services.<s>.image` | `pull`; `build-output` when the service has `build` |
/// | `services.<s>.build.tags[]` | `build-output` |
/// | `services.<s>.build.cache_from[]` (bare value, or the `ref=` field of a `type=registry` entry) | `build-source` |
/// | `services.<s>.build.cache_to[]` (same forms; the cache is pushed there) | `build-output` |
/// | `services.<s>.build.additional_contexts` values with `docker-image://` (map or `name=value` list) | `build-source` |
/// | `services.<s>.build.dockerfile_inline` (the inline Dockerfile's references, at their places in the YAML) | per Dockerfile |
/// | `services.<s>.pre_start[].image` | `pull` |
/// | `services.<s>.volumes[]` with `type: image` → `source` | `pull` |
/// | `models.<m>.model` | `artifact` |
///
/// Values are interpolated with ``ComposeInterpolation`` using
/// ``ComposeVariables`` (`--env`, the `.env` file beside the compose file,
/// the policy's `variables:`). `x-*` keys are not services; what they hold
/// reaches services only through anchors and merge keys, and is reported
/// once where written with the alias sites as related locations. A null,
/// empty or `!reset` value is no occurrence; `build` without `image` has
/// none either (Compose names the image `<project>-<service>`).
///
/// Pure: the caller reads the files (the compose file and its `.env`).
public enum ComposeExtractor {
    /// Diagnostic codes: `compose-interpolation` (invalid template, a
    /// required variable that is empty), `compose-invalid-value` (an image
    /// field that is not a string), plus the YAML reader's and the `.env`
    /// reader's (`dotenv-syntax`, located in the `.env` file).
    public static func extract(_ file: SourceFile, dotEnv: SourceFile? = nil, options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        extract(YAMLReader.read(file), dotEnv: dotEnv, options: options)
    }

    /// Extracts from an already read stream.
    public static func extract(_ stream: YAMLStream, dotEnv: SourceFile? = nil, options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        let variables = ComposeVariables(options: options, dotEnvFile: dotEnv)
        var walk = ComposeWalk(file: stream.file, variables: variables, options: options)
        for document in stream.documents { walk.document(document) }
        if let partial = stream.partialDocument { walk.document(partial) }
        var diagnostics = stream.diagnostics
        diagnostics += variables.dotEnv?.diagnostics ?? []
        diagnostics += walk.collector.diagnostics
        return Extraction(occurrences: walk.collector.sortedOccurrences(), diagnostics: diagnostics)
    }
}

/// One pass over a compose document.
struct ComposeWalk {
    var collector: YAMLOccurrenceCollector
    let variables: ComposeVariables
    let options: ExtractionOptions

    init(file: SourceFile, variables: ComposeVariables, options: ExtractionOptions) {
        collector = YAMLOccurrenceCollector(file: file)
        self.variables = variables
        self.options = options
    }

    mutating func document(_ document: YAMLDocument) {
        guard let top = document.root?.mapping else { return }
        let fields = YAMLKeyedValues(top, keys: ["services", "models"])
        if let services = fields[0]?.mapping {
            for pair in services {
                guard let name = pair.key.scalar?.value, !name.hasPrefix("x-"), let service = pair.value.mapping else { continue }
                self.service(name: name, service)
            }
        }
        if let models = fields[1]?.mapping {
            for pair in models {
                guard let name = pair.key.scalar?.value, !name.hasPrefix("x-"), let model = pair.value.mapping?["model"] else { continue }
                reference(model, role: .artifact, context: OccurrenceContext(), usage: "model \(name)", field: "models.\(name).model")
            }
        }
    }

    /// The service fields read, in the order of ``serviceKeys``.
    static let serviceKeys: [StaticString] = ["image", "build", "pull_policy", "profiles", "pre_start", "volumes"]
    static let buildKeys: [StaticString] = ["tags", "cache_from", "cache_to", "additional_contexts", "dockerfile_inline"]

    mutating func service(name: String, _ service: YAMLMapping) {
        let fields = YAMLKeyedValues(service, keys: Self.serviceKeys)
        let build = fields[1].flatMap { ComposeWalk.isAbsent($0) ? nil : $0 }
        var context = OccurrenceContext()
        context.service = name
        context.hasBuild = build != nil
        if let policy = fields[2]?.scalar, !policy.isEmpty { context.pullPolicy = policy.value }
        if let profiles = fields[3]?.sequence {
            context.profiles = profiles.compactMap { $0.scalar?.value }
        }
        if let image = fields[0] {
            reference(image, role: build == nil ? .pull : .buildOutput, context: context, usage: "service \(name)", field: "services.\(name).image")
        }
        if let build = build?.mapping {
            let buildFields = YAMLKeyedValues(build, keys: Self.buildKeys)
            if let tags = buildFields[0]?.sequence {
                for tag in tags { reference(tag, role: .buildOutput, context: context, usage: "service \(name)", field: "services.\(name).build.tags") }
            }
            if let entries = buildFields[1]?.sequence {
                for entry in entries { cacheEntry(entry, role: .buildSource, context: context, usage: "service \(name)") }
            }
            if let entries = buildFields[2]?.sequence {
                for entry in entries { cacheEntry(entry, role: .buildOutput, context: context, usage: "service \(name)") }
            }
            if let contexts = buildFields[3] {
                additionalContexts(contexts, context: context, usage: "service \(name)")
            }
            if let inline = buildFields[4]?.scalar, !inline.isEmpty {
                inlineDockerfile(inline, context: context, usage: "service \(name)")
            }
        }
        if let hooks = fields[4]?.sequence {
            for hook in hooks {
                if let image = hook.mapping?["image"] {
                    reference(image, role: .pull, context: context, usage: "service \(name)", field: "services.\(name).pre_start[].image")
                }
            }
        }
        if let volumes = fields[5]?.sequence {
            for volume in volumes {
                guard let volume = volume.mapping, volume["type"]?.scalar?.hasValue("image") == true, let source = volume["source"] else { continue }
                reference(source, role: .pull, context: context, usage: "service \(name)", field: "services.\(name).volumes[].source")
            }
        }
    }

    /// `cache_from` / `cache_to` entry: a bare reference, or CSV
    /// `type=registry,ref=<image>` where only `ref` names an image.
    mutating func cacheEntry(_ node: YAMLNode, role: ImageRole, context: OccurrenceContext, usage: @autoclosure () -> String) {
        guard let scalar = node.scalar, !ComposeWalk.isAbsent(node) else { return }
        let value = Array(scalar.valueBytes)
        guard value.contains(UInt8(ascii: "=")) else {
            reference(node, role: role, context: context, usage: usage(), field: "cache")
            return
        }
        var type: [UInt8]?
        var ref: Range<Int>?
        for field in csvFields(value) {
            guard let equals = value[field].firstIndex(of: UInt8(ascii: "=")) else { continue }
            let key = value[field.lowerBound..<equals].map { $0 | 0x20 }
            if key == Array("type".utf8) { type = Array(value[(equals + 1)..<field.upperBound]) }
            if key == Array("ref".utf8) { ref = (equals + 1)..<field.upperBound }
        }
        guard let ref, type == nil || type == Array("registry".utf8) else { return }
        reference(node, range: ref, role: role, context: context, usage: usage(), field: "cache")
    }

    /// `additional_contexts` as a map (`name: value`) or a list (`name=value`):
    /// `docker-image://<image>` values are images.
    mutating func additionalContexts(_ node: YAMLNode, context: OccurrenceContext, usage: @autoclosure () -> String) {
        let prefix = Array("docker-image://".utf8)
        if let mapping = node.mapping {
            for pair in mapping {
                guard let scalar = pair.value.scalar, scalar.valueBytes.starts(with: prefix) else { continue }
                reference(pair.value, range: prefix.count..<scalar.valueBytes.count, role: .buildSource, context: context, usage: usage(), field: "additional_contexts")
            }
        } else if let sequence = node.sequence {
            for item in sequence {
                guard let scalar = item.scalar else { continue }
                let value = scalar.valueBytes
                guard let equals = value.firstIndex(of: UInt8(ascii: "=")) else { continue }
                let start = equals - value.startIndex + 1
                guard value[(equals + 1)...].starts(with: prefix) else { continue }
                reference(item, range: (start + prefix.count)..<value.count, role: .buildSource, context: context, usage: usage(), field: "additional_contexts")
            }
        }
    }

    /// Reports one reference held by `node` (the whole value, or `range` of it).
    mutating func reference(
        _ node: YAMLNode, range: Range<Int>? = nil, role: ImageRole, context: OccurrenceContext,
        usage: @autoclosure () -> String, field: @autoclosure () -> String
    ) {
        guard let scalar = node.scalar else {
            if node.mapping != nil || node.sequence != nil {
                collector.diagnose(.error, "compose-invalid-value", "\(field()) must be a string", node.span)
            }
            return
        }
        guard !ComposeWalk.isAbsent(node) else { return }
        let value = scalar.valueBytes
        let range = range ?? 0..<value.count
        guard !range.isEmpty else { return }
        if collector.alreadyReported(node, offset: range.lowerBound, usage: usage()) { return }
        let raw = value[(value.startIndex + range.lowerBound)..<(value.startIndex + range.upperBound)]
        let sourceMap = range == 0..<value.count && ComposeWalk.isVerbatim(scalar) ? nil : scalar.sourceMap
        let span = sourceMap?.sourceSpan(forValueRange: range) ?? scalar.span
        let text = String(decoding: raw, as: UTF8.self)
        var occurrence = ImageOccurrence(source: .compose, role: role, location: collector.file.location(span), text: text, resolved: text, context: context)
        if ComposeInterpolation.needsInterpolation(raw) {
            let result = ComposeInterpolation.interpolate(raw, lookup: variables.lookup)
            occurrence.resolved = result.value
            occurrence.unresolved = result.unresolved
            occurrence.variables = result.variables
            let map = sourceMap ?? scalar.sourceMap
            for problem in result.problems {
                let problemSpan = map.sourceSpan(forValueRange: (range.lowerBound + problem.start)..<(range.lowerBound + problem.end)) ?? span
                collector.diagnose(.error, "compose-interpolation", problem.message, problemSpan)
                // Compose rejects the value: name the bad template as what is unresolved.
                let template = String(decoding: raw.dropFirst(problem.start).prefix(problem.end - problem.start), as: UTF8.self)
                if !occurrence.unresolved.contains(template) { occurrence.unresolved.append(template) }
            }
            for variable in result.variables {
                if case .file(let location) = variable.origin {
                    occurrence.related.append(RelatedLocation(location: location, message: "\(variable.name)=\(variable.value ?? "")"))
                }
            }
        }
        ForeignPlaceholders.markUnresolved(&occurrence)
        collector.add(occurrence, at: node, offset: range.lowerBound, usage: usage())
    }

    /// `build.dockerfile_inline`: the Dockerfile's references, located inside the YAML scalar.
    mutating func inlineDockerfile(_ scalar: YAMLScalar, context: OccurrenceContext, usage: @autoclosure () -> String) {
        if collector.alreadyReported(scalar.node, offset: -1, usage: usage()) { return }
        let inline = InlineDockerfile.extract(scalar, in: collector.file, source: .compose, options: options)
        var first = true
        for var occurrence in inline.occurrences {
            occurrence.context.service = context.service
            occurrence.context.hasBuild = true
            occurrence.context.pullPolicy = context.pullPolicy
            occurrence.context.profiles = context.profiles
            if first {
                collector.add(occurrence, at: scalar.node, offset: -1, usage: usage())
                first = false
            } else {
                collector.add(occurrence, at: scalar.node, offset: occurrence.location.span.start, usage: usage())
            }
        }
        collector.diagnostics += inline.diagnostics
    }

    /// Whether a compose value is "no value": null, empty, or `!reset`.
    static func isAbsent(_ node: YAMLNode) -> Bool {
        if node.tag == "!reset" { return true }
        guard let scalar = node.scalar else { return false }
        return scalar.isEmpty || scalar.coreType == .null
    }

    /// Whether every value byte is the source byte at the same place (plain
    /// scalars on one line, quoted scalars without escapes or folding).
    static func isVerbatim(_ scalar: YAMLScalar) -> Bool {
        let span = scalar.span
        return scalar.valueBytes.count == span.count && !scalar.style.isBlock
    }
}

/// The fields of a comma-separated value (buildx cache entries) as ranges
/// of the value; a field in double quotes is returned without them.
func csvFields(_ value: [UInt8]) -> [Range<Int>] {
    var fields: [Range<Int>] = []
    var i = 0
    while i <= value.count {
        var start = i
        var end: Int
        var j = i
        if j < value.count, value[j] == UInt8(ascii: "\"") {
            start = j + 1
            j = start
            while j < value.count, value[j] != UInt8(ascii: "\"") { j += 1 }
            end = j
        } else {
            end = j
        }
        while j < value.count, value[j] != UInt8(ascii: ",") { j += 1 }
        if start == i { end = j }
        fields.append(start..<max(start, end))
        i = j + 1
    }
    return fields
}
