/// Turns a built-in rule's declaration and the policy's setting for it
/// into the check the engine runs: conditions with the option values put
/// in, or the code rule with its options read.
struct RuleCompiler {
    let declaration: RuleDeclaration
    let setting: PolicyLayer.RuleSetting

    func compile(into reader: inout PolicyNodeReader) -> RuleCheck? {
        var values: [String: YAMLNode] = [:]
        var ok = true
        for option in declaration.options {
            guard let value = setting.options[option.name] ?? option.defaultValue else {
                if option.required {
                    reader.report(setting.keyNode, "'\(declaration.id)' needs the option '\(option.name)': \(option.description)")
                    ok = false
                }
                continue
            }
            guard check(value, is: option, into: &reader) else {
                ok = false
                continue
            }
            values[option.name] = value
        }
        guard ok else { return nil }

        if declaration.isDeclarative {
            let compiler = ConditionCompiler(options: values, allowsOptionReferences: true, base: 0)
            let match = declaration.match.map { compiler.compile($0, "'match'", into: &reader) } ?? Condition.always
            let unless = declaration.unless.map { compiler.compile($0, "'unless'", into: &reader) }
            guard let match, unless.map({ $0 != nil }) ?? true else { return nil }
            let template: MessageTemplate
            do {
                template = try MessageTemplate(declaration.message ?? "{image}", extra: declaration.options.map(\.name))
            } catch {
                if let scalar = declaration.messageNode?.scalar {
                    reader.report(scalar, scalarOffset: error.offset, error.message)
                }
                return nil
            }
            var texts: [String: String] = [:]
            for (name, node) in values { texts[name] = Self.text(node) }
            return .conditions(ConditionCheck(match: match, unless: unless ?? nil, message: template, optionTexts: texts, fix: declaration.fix))
        }

        switch declaration.id {
        case "invalid-reference": return .invalidReference
        case "unresolved-variable": return .unresolvedVariable
        case "consistent-tags": return .consistentTags
        case "expired-exception": return .expiredException
        case "unused-suppression": return .unusedSuppression
        case "denied-images":
            guard let node = values["images"] else { return nil }
            return DeniedImagesRule.entries(node, into: &reader).map(RuleCheck.deniedImages)
        default:
            reader.report(at: SourceFile(path: declaration.path, text: "").location(SourceSpan(at: 0)),
                          "the rule '\(declaration.id)' has neither conditions nor code")
            return nil
        }
    }

    /// Type-checks an option value against its declaration.
    private func check(_ value: YAMLNode, is option: OptionDeclaration, into reader: inout PolicyNodeReader) -> Bool {
        let what = "the option '\(option.name)' of '\(declaration.id)'"
        switch option.kind {
        case .list:
            guard reader.sequence(value, what) != nil else { return false }
            return reader.strings(value, what) != nil
        case .string:
            return reader.string(value, what) != nil
        case .regex:
            guard let scalar = reader.string(value, what) else { return false }
            return ConditionCompiler.regex(scalar, into: &reader) != nil
        case .entries:
            return reader.sequence(value, what) != nil
        }
    }

    /// An option value as message text: a list joined with `, `.
    static func text(_ node: YAMLNode) -> String {
        if let sequence = node.sequence {
            return sequence.map { item in item.scalar?.value ?? item["image"]?.scalar?.value ?? item.sourceText }.joined(separator: ", ")
        }
        return node.scalar?.value ?? node.sourceText
    }
}
