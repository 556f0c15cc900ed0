import ImageReference

/// One line of `imagelint images`: an occurrence and, when its text is
/// resolved, what the reference parser made of it.
public struct ImageListing: Sendable {
    public var occurrence: ImageOccurrence
    /// nil for an unresolved occurrence (it is not parsed).
    public var reference: Result<Reference, ReferenceError>?

    public init(occurrence: ImageOccurrence) {
        self.occurrence = occurrence
        self.reference = occurrence.resolved.map { resolved in
            Result { () throws(ReferenceError) -> Reference in try Reference.parseNormalized(resolved) }
        }
    }

    /// The listing order: path, then position in the file.
    public static func order(_ lhs: ImageListing, _ rhs: ImageListing) -> Bool {
        let left = lhs.occurrence.location
        let right = rhs.occurrence.location
        if left.path != right.path { return Array(left.path.utf8).lexicographicallyPrecedes(Array(right.path.utf8)) }
        return left.span < right.span
    }
}
