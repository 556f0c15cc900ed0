import ArgumentParser
import ImageLint

/// `imagelint init`: writes a commented starter `.imagelint.yaml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .imagelint.yaml in the current folder (never overwrites)."
    )

    func run() throws {
        let status = InitCommand.write(into: FileSystem.currentDirectory())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Writes the starter policy into `directory`; never overwrites.
    static func write(into directory: String) -> ExitStatus {
        let path = DisplayPath.join(directory, ".imagelint.yaml")
        do {
            try OutputFile.write(StarterPolicy.text, to: path, exclusive: true)
        } catch {
            FileStream.standardError.write("imagelint: error: cannot write .imagelint.yaml: \(error.reason) (an existing file is never overwritten)\n")
            return .failure
        }
        FileStream.standardOutput.write("wrote .imagelint.yaml; check it with `imagelint policy check`\n")
        return .success
    }
}

/// The starter policy `init` writes: valid as is (a test loads it), with
/// every section explained in comments.
enum StarterPolicy {
    static let text = """
    # imagelint policy. Reference: `imagelint rules`, and the README's "Policies".
    #
    # Editor completion: save the schema next to this file with
    #   imagelint policy schema > .imagelint.schema.json
    # and uncomment the next line (the YAML language server reads it).
    # yaml-language-server: $schema=.imagelint.schema.json

    # Start from a built-in preset: `recommended` (the default) or `strict`
    # (adds require-digest, fully-qualified, consistent-tags). Relative paths
    # to other policy files work too; later entries override earlier ones.
    extends: [recommended]

    # The lowest severity that makes `imagelint check` exit 1: error | warning | note | never.
    fail-on: error

    # Which files to check, relative to this file's folder (.gitignore is honoured too).
    files:
      exclude: ["vendor/**", "**/testdata/**"]

    # Values for Dockerfile ARGs and compose/CI variables that have none.
    variables: {}
    #  BASE_TAG: "1.25"

    # Built-in rules: a severity (error | warning | note | off), or a mapping
    # with `severity`, `files` (only these files) and the rule's options.
    rules:
      no-latest: error
      # require-digest:
      #   severity: warning
      #   files: ["deploy/**"]
      # allowed-registries:
      #   registries: ["ghcr.io/acme", "docker.io/library", "*.dkr.ecr.*.amazonaws.com"]

    # Rules of your own: `match` (and optionally `unless`) conditions on
    # registry, repository/image, tag, digest, source, files, stage, kind,
    # namespace, containerType.
    custom-rules: []
    #  - id: acme/alpine-eol
    #    severity: error
    #    message: "{image}: alpine {tag} is end-of-life; use 3.20 or newer"
    #    match: {repository: alpine, tag: ["3.1?", "3.1?.*"]}

    # Accepted violations, each with a reason; an expired one is reported.
    exceptions: []
    #  - rules: [require-digest]
    #    images: ["postgres"]
    #    files: ["dev/**"]
    #    reason: "local development only"
    #    expires: 2027-03-01

    """
}
