import ArgumentParser

/// The `imagelint` command and its subcommands.
struct ImageLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imagelint",
        abstract: "Find every container image reference in a repository and check it against a policy.",
        version: ImageLintVersion.current,
        subcommands: [
            CheckCommand.self,
            ImagesCommand.self,
            RefCommand.self,
            RulesCommand.self,
            PolicyCommand.self,
            InitCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )
}
