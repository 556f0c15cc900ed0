/// The tool's version, shown by `--version` and in SARIF output.
enum ImageLintVersion {
    static let current = "0.1.0"
}
