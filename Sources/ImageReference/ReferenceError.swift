/// Why a reference, name, tag or digest was rejected, and where.
///
/// `message` is distribution/reference's (or go-digest's) `Error()` text,
/// byte for byte, so output can be compared with Docker's own tools.
/// `offset` is the byte offset in the parsed text where it stopped matching,
/// for a caret under the failing character; it is always within
/// `0...input.utf8.count` (it equals the count when the input ended early).
public struct ReferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure, one per distinct upstream message.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The grammar did not match (`ErrReferenceInvalidFormat`).
        case invalidFormat
        /// `Parse`: the input only fails because of upper case (`ErrNameContainsUppercase`).
        case nameContainsUppercase
        /// The input was empty (`ErrNameEmpty`).
        case nameEmpty
        /// The path is longer than 255 bytes (`ErrNameTooLong`).
        case nameTooLong
        /// `ParseNamed`: the input was not already canonical (`ErrNameNotCanonical`).
        case nameNotCanonical
        /// `WithTag`: the tag does not match the tag grammar (`ErrTagInvalidFormat`).
        case invalidTagFormat
        /// `WithDigest`: the digest does not match the digest grammar (`ErrDigestInvalidFormat`).
        case invalidDigestFormat
        /// Normalization: the repository part has upper case; `subject` names it.
        case repositoryNotLowercase
        /// Normalization: the input is a 64-hex identifier; `subject` is the input.
        case hexadecimalRepositoryName
        /// go-digest: the algorithm is well formed but not one we hash (`ErrDigestUnsupported`).
        case unsupportedDigestAlgorithm
        /// go-digest: the hex has the wrong length for its algorithm (`ErrDigestInvalidLength`).
        case invalidChecksumLength
        /// go-digest: the digest is malformed, e.g. upper-case hex (`ErrDigestInvalidFormat`).
        case invalidChecksumFormat
    }

    /// What went wrong.
    public let kind: Kind
    /// The byte offset where the text stopped matching.
    public let offset: Int
    /// The text the message names, for the kinds whose message names one.
    public let subject: String?

    /// Creates an error; `subject` is only used by the kinds that name one.
    public init(_ kind: Kind, at offset: Int, subject: String? = nil) {
        self.kind = kind
        self.offset = offset
        self.subject = subject
    }

    /// The upstream error text, exactly.
    public var message: String {
        switch kind {
        case .invalidFormat: "invalid reference format"
        case .nameContainsUppercase: "repository name must be lowercase"
        case .nameEmpty: "repository name must have at least one component"
        case .nameTooLong: "repository name must not be more than 255 characters"
        case .nameNotCanonical: "repository name must be canonical"
        case .invalidTagFormat: "invalid tag format"
        case .invalidDigestFormat: "invalid digest format"
        case .repositoryNotLowercase:
            "invalid reference format: repository name (\(subject ?? "")) must be lowercase"
        case .hexadecimalRepositoryName:
            "invalid repository name (\(subject ?? "")), cannot specify 64-byte hexadecimal strings"
        case .unsupportedDigestAlgorithm: "unsupported digest algorithm"
        case .invalidChecksumLength: "invalid checksum digest length"
        case .invalidChecksumFormat: "invalid checksum digest format"
        }
    }

    public var description: String { message }
}
