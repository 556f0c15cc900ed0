/// A Dockerfile written inside a YAML scalar (compose
/// `build.dockerfile_inline`): read with the Dockerfile reader and
/// extractor, every position mapped back into the YAML file.
///
/// The scalar's decoded value is the Dockerfile. Offsets in it map to the
/// file through the scalar's ``YAMLScalarSourceMap``: exactly for literal
/// block scalars (`|`, `|-`: content line *k* starts at the block's
/// indentation on source line *k*), plain and single-quoted scalars, and
/// double-quoted scalars outside escapes. A character produced by an escape
/// (`\n`, `\"`, `\u0061`) maps to the escape's `\`, so a reference next to
/// or made of escapes is reported over the escapes that wrote it; when the
/// value cannot be matched to the source at all (the source map is not
/// exact), every position is the scalar's start.
///
/// Occurrences keep the Dockerfile's roles and context (instruction, stage)
/// but are compose occurrences: `source` is the enclosing file's kind.
enum InlineDockerfile {
    static func extract(_ scalar: YAMLScalar, in file: SourceFile, source: SourceKind, options: ExtractionOptions) -> Extraction {
        let inner = SourceFile(path: file.path, bytes: Array(scalar.valueBytes))
        let extraction = DockerfileExtractor.extract(inner, options: options)
        let map = scalar.sourceMap
        let fallback = SourceSpan(at: scalar.span.start)

        func relocate(_ location: SourceLocation) -> SourceLocation {
            let span = map.isExact ? map.sourceSpan(forValueRange: location.span.start..<max(location.span.start, location.span.end)) ?? fallback : fallback
            return file.location(span)
        }

        var occurrences: [ImageOccurrence] = []
        for var occurrence in extraction.occurrences {
            occurrence.source = source
            occurrence.location = relocate(occurrence.location)
            occurrence.related = occurrence.related.map { RelatedLocation(location: relocate($0.location), message: $0.message) }
            occurrence.variables = occurrence.variables.map { variable in
                guard case .file(let location) = variable.origin else { return variable }
                return VariableUse(name: variable.name, value: variable.value, origin: .file(relocate(location)))
            }
            occurrences.append(occurrence)
        }
        let diagnostics = extraction.diagnostics.map { diagnostic in
            Diagnostic(
                severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message,
                location: relocate(diagnostic.location), related: diagnostic.related.map(relocate))
        }
        return Extraction(occurrences: occurrences, diagnostics: diagnostics)
    }
}
