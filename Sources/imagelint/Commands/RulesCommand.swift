import ArgumentParser
import ImageLint

/// `imagelint rules [ID]`: the built-in rules, from their declarations.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the built-in rules, or explain one with its rationale, options and examples."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "Output format: text or markdown (the whole catalog, as in docs/rules.md).")
    var format: Format = .text

    @Argument(help: "A rule id to explain.")
    var rule: String?

    func run() throws {
        let catalog = RuleCatalog.builtIn
        if format == .markdown {
            FileStream.standardOutput.write(RuleDocumentation.markdown(catalog))
            return
        }
        guard let rule else {
            FileStream.standardOutput.write(RuleDocumentation.list(catalog))
            return
        }
        guard let declaration = catalog.declaration(rule) else {
            FileStream.standardError.write("imagelint: error: unknown rule '\(rule)'\(DidYouMean.hint(for: rule, among: catalog.ids)); `imagelint rules` lists them\n")
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        FileStream.standardOutput.write(RuleDocumentation.explain(declaration))
    }
}
