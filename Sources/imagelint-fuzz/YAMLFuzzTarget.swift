import ImageLint

/// Reads arbitrary bytes as YAML and touches everything the result offers:
/// every node through a walk (aliases and merges followed within the
/// limits), scalar values, types and source maps, look-ups, diagnostics.
/// Any trap is a bug; so is a span outside the file.
enum YAMLFuzzTarget {
    static let limits = YAMLLimits(maxFileSize: 1 << 20, maxDepth: 128, maxNodes: 200_000, maxAliasExpansion: 20_000)

    /// Runs the reader over `input`; a broken property traps (so libFuzzer
    /// keeps the input), hence nothing to return but an empty list.
    static func violations(in input: UnsafeBufferPointer<UInt8>) -> [String] {
        run(Array(input))
        return []
    }

    static func run(_ bytes: [UInt8]) {
        let stream = YAMLReader.read(SourceFile(path: "fuzz.yaml", bytes: bytes), limits: limits)
        for diagnostic in stream.diagnostics {
            check(diagnostic.location.span, bytes.count)
        }
        var documents = stream.documents
        if let partial = stream.partialDocument { documents.append(partial) }
        for document in documents {
            check(document.span, bytes.count)
            let diagnostics = document.walk(limits: limits) { step in
                let node = step.node
                check(node.span, bytes.count)
                if let via = node.reachedThrough { check(via.span, bytes.count) }
                _ = node.tag
                _ = node.anchor
                if let scalar = node.scalar {
                    _ = scalar.value
                    _ = scalar.coreType
                    _ = scalar.hasValue("image")
                    let map = scalar.sourceMap
                    let count = scalar.valueBytes.count
                    for offset in [0, count / 3, count / 2, count] {
                        if let source = map.sourceOffset(forValueOffset: offset) { precondition(source >= 0 && source <= bytes.count) }
                    }
                    _ = map.sourceSpan(forValueRange: 0..<count)
                }
                if let mapping = node.mapping {
                    _ = mapping["image"]
                    _ = mapping.count
                    for pair in mapping.writtenPairs { check(pair.key.span, bytes.count) }
                }
                if let sequence = node.sequence { _ = sequence[sequence.count - 1] }
                return .descend
            }
            for diagnostic in diagnostics { check(diagnostic.location.span, bytes.count) }
        }
    }

    static func check(_ span: SourceSpan, _ count: Int) {
        precondition(span.start >= 0 && span.start <= span.end && span.end <= count, "span \(span) outside \(count) bytes")
    }
}
