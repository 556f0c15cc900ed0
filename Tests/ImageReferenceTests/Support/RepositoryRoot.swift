/// The repository's top folder, found from this file's path, so tests read
/// `fixtures/` wherever the checkout is.
enum RepositoryRoot {
    static func path(_ filePath: String = #filePath) -> String {
        // <root>/Tests/ImageReferenceTests/Support/RepositoryRoot.swift
        var components = filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)
        return components.joined(separator: "/")
    }

    static func fixture(_ relativePath: String) -> String {
        path() + "/fixtures/" + relativePath
    }
}
