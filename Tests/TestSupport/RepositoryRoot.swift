/// The repository's top folder, found from this file's path, so tests read
/// `fixtures/` wherever the checkout is (and never outside it).
public enum RepositoryRoot {
    public static var path: String {
        // <root>/Tests/TestSupport/RepositoryRoot.swift
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/")
    }

    /// The absolute path of `fixtures/<relativePath>`.
    public static func fixture(_ relativePath: String) -> String {
        path + "/fixtures/" + relativePath
    }
}
