/// TEMPORARY until the Dockerfile extractor lands.
enum InlineDockerfile {
    static func extract(_ scalar: YAMLScalar, in file: SourceFile, buildArgs: [String: String]) -> Extraction {
        Extraction()
    }
}
