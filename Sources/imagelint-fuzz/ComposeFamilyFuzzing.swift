import ImageLint

/// Properties of the compose-family readers for any input bytes: compose
/// interpolation, the `.env` reader, and the compose, kustomize and Helm
/// values extractors (the input serves as the file, its `.env` and its
/// `Chart.yaml` at once). Nothing traps, and every position stays inside
/// the file it points into.
enum ComposeFamilyFuzzing {
    static func violations(in input: UnsafeBufferPointer<UInt8>) -> [String] {
        var violations: [String] = []
        let bytes = Array(input)

        let interpolation = ComposeInterpolation.interpolate(bytes[...]) { name in
            name.count % 2 == 0 ? VariableUse(name: name, value: "v", origin: .commandLine) : nil
        }
        for problem in interpolation.problems where !(0 <= problem.start && problem.start <= problem.end && problem.end <= bytes.count) {
            violations.append("interpolation: problem range \(problem.start)..<\(problem.end) outside 0..<\(bytes.count)")
        }
        if interpolation.value == nil, interpolation.unresolved.isEmpty, interpolation.problems.isEmpty {
            violations.append("interpolation: no value, yet nothing unresolved and no problem")
        }

        let dotEnvFile = SourceFile(path: ".env", bytes: bytes)
        let dotEnv = DotEnvReader.read(dotEnvFile)
        for entry in dotEnv.entries {
            if entry.key.isEmpty { violations.append("dotenv: empty key") }
            for span in [entry.keySpan, entry.valueSpan] where !(0 <= span.start && span.end <= bytes.count) {
                violations.append("dotenv: span \(span) outside the file")
            }
        }

        let files = [".env": bytes.count, "compose.yaml": bytes.count, "kustomization.yaml": bytes.count, "values.yaml": bytes.count, "Chart.yaml": bytes.count]
        let extractions = [
            ComposeExtractor.extract(SourceFile(path: "compose.yaml", bytes: bytes), dotEnv: dotEnvFile),
            KustomizeExtractor.extract(SourceFile(path: "kustomization.yaml", bytes: bytes)),
            HelmValuesExtractor.extract(SourceFile(path: "values.yaml", bytes: bytes), chart: SourceFile(path: "Chart.yaml", bytes: bytes)),
        ]
        for extraction in extractions {
            var locations: [SourceLocation] = []
            for occurrence in extraction.occurrences {
                locations.append(occurrence.location)
                locations += occurrence.related.map(\.location)
            }
            locations += extraction.diagnostics.map(\.location)
            for location in locations {
                guard let size = files[location.path] else {
                    violations.append("location in unknown file \(location.path)")
                    continue
                }
                if !(0 <= location.span.start && location.span.start <= location.span.end && location.span.end <= size) {
                    violations.append("\(location.path): span \(location.span) outside 0..<\(size)")
                }
                if location.start.offset != location.span.start || location.end.offset != location.span.end {
                    violations.append("\(location.path): positions do not match the span \(location.span)")
                }
            }
        }
        return violations
    }
}
