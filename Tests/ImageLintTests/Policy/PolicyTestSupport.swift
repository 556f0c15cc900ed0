@testable import ImageLint

/// Loads policies from memory for tests.
enum PolicyTestSupport {
    /// Loads `text` as `/repo/.imagelint.yaml`; `files` are other files
    /// under `/repo` that it may extend.
    static func load(_ text: String, path: String = ".imagelint.yaml", files: [String: String] = [:]) -> PolicyLoader.Result {
        let loader = PolicyLoader(workingDirectory: "/repo") { absolute in
            files.first { PolicyPath.absolute($0.key, from: "/repo") == absolute }.map { Array($0.value.utf8) }
        }
        return loader.load(file: SourceFile(path: path, text: text))
    }
}
