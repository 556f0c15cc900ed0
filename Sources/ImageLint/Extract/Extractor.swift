/// Runs the extractor for a file's kind.
public enum Extractor {
    public static func extract(_ file: SourceFile, kind: FileKind, options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        switch kind {
        case .dockerfile:
            DockerfileExtractor.extract(file, options: options)
        }
    }
}
