import ArgumentParser
import ImageLint

/// `--policy FILE`, and the discovery used without it.
struct PolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The policy file (default: .imagelint.yaml or .imagelint.yml in the current folder or a parent, up to the repository root; else the built-in 'recommended').",
        valueName: "file"
    ))
    var policy: String?

    /// Loads the policy named by `--policy` or `explicit`, else the one
    /// discovered from `discoverFrom` (default: `currentDirectory`; the
    /// folder of `--stdin-filename`), else the default.
    func load(currentDirectory: String, explicit: String? = nil, discoverFrom: String? = nil) -> PolicyLoader.Result {
        let loader = PolicyLoader(workingDirectory: currentDirectory) { path in try? FileSystem.read(path) }
        if let path = explicit ?? policy {
            return loader.load(path: path)
        }
        let found = PolicyDiscovery.find(from: discoverFrom ?? currentDirectory) { path in (try? FileSystem.type(of: path)) != nil }
        guard let found else { return loader.loadDefault() }
        return loader.load(path: DisplayPath.display(found, relativeTo: currentDirectory))
    }
}
