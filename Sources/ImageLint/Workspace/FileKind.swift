/// The kinds of file imagelint reads; each has one extractor.
///
/// Extending: add a case here, a ``FileNameRule`` (and, for kinds that can
/// only be told by their content, a ``FileContentRule``) to
/// ``FileKindDetector/standardNameRules`` / ``FileKindDetector/standardContentRules``,
/// and a branch in ``Extractor/extract(_:kind:options:)``.
public enum FileKind: String, Sendable, Hashable, CaseIterable {
    case dockerfile
}
