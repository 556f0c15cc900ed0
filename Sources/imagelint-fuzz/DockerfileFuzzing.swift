import ImageLint

/// Properties of the Dockerfile reader and extractor on any input bytes:
/// both return (never trap or hang), every span they report lies inside
/// the file and is ordered, instructions come in file order, and the same
/// bytes always give the same occurrences. The input is read twice, once
/// with a `--build-arg` for every name an occurrence leaves unresolved, so
/// substitution from outside the file is exercised too.
enum DockerfileFuzzing {
    static func violations(in input: UnsafeBufferPointer<UInt8>) -> [String] {
        let bytes = Array(input)
        let file = SourceFile(path: "Dockerfile", bytes: bytes)
        var violations: [String] = []
        func check(_ span: SourceSpan, _ what: @autoclosure () -> String) {
            if !(0 <= span.start && span.start <= span.end && span.end <= bytes.count) {
                violations.append("\(what()): span \(span) outside 0..<\(bytes.count)")
            }
        }

        let dockerfile = DockerfileReader.read(file)
        var previousStart = 0
        for instruction in dockerfile.instructions {
            check(instruction.span, "instruction \(instruction.keyword)")
            check(instruction.keywordSpan, "keyword \(instruction.keyword)")
            check(instruction.argumentsSpan, "arguments of \(instruction.keyword)")
            if instruction.span.start < previousStart {
                violations.append("instruction \(instruction.keyword) at \(instruction.span.start) before the previous one at \(previousStart)")
            }
            previousStart = instruction.span.start
            if instruction.keywordSpan.start < instruction.span.start || instruction.keywordSpan.end > instruction.span.end {
                violations.append("keyword span \(instruction.keywordSpan) outside its instruction \(instruction.span)")
            }
            for flag in instruction.flags {
                check(flag.span, "flag --\(flag.name)")
                if let valueSpan = flag.valueSpan { check(valueSpan, "value of --\(flag.name)") }
            }
            for heredoc in instruction.heredocs {
                check(heredoc.bodySpan, "heredoc \(heredoc.name)")
                if let terminator = heredoc.terminatorSpan { check(terminator, "terminator of \(heredoc.name)") }
            }
        }
        for diagnostic in dockerfile.diagnostics {
            check(diagnostic.location.span, "reader diagnostic \(diagnostic.code)")
        }

        let extraction = DockerfileExtractor.extract(dockerfile, in: file)
        violations += ExtractionProperties.violations(extraction, size: bytes.count)
        if DockerfileExtractor.extract(file).occurrences != extraction.occurrences {
            violations.append("extracting the same bytes twice gave different occurrences")
        }

        // Every unresolved name given a value from the command line.
        let names = Set(extraction.occurrences.flatMap(\.unresolved))
        if !names.isEmpty {
            let options = ExtractionOptions(buildArgs: Dictionary(uniqueKeysWithValues: names.map { ($0, "v1") }))
            violations += ExtractionProperties.violations(DockerfileExtractor.extract(dockerfile, in: file, options: options), size: bytes.count, label: "with build args")
        }
        return violations
    }
}
