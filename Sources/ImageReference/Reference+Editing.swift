extension Reference {
    /// The reference with its tag set to `tag`, keeping any digest: Go's
    /// `reference.WithTag`. Only the tag grammar is checked; the error's
    /// offset is within `tag`.
    public func withTag(_ tag: String) throws(ReferenceError) -> Reference {
        if let offset = ReferenceSyntax.tagMismatch(tag) {
            throw ReferenceError(.invalidTagFormat, at: offset)
        }
        var text = String(keptName)
        text += ":"
        text += tag
        if let digest {
            text += "@"
            text += digest.text
        }
        return edited(text, tagEnd: pathEnd + 1 + tag.utf8.count)
    }

    /// The reference with its digest set to `digest`, keeping any tag: Go's
    /// `reference.WithDigest`. Only the digest grammar is checked (at least
    /// 32 hex digits), not the algorithm or its length; see
    /// ``Digest/validate()``. The error's offset is within `digest`.
    public func withDigest(_ digest: String) throws(ReferenceError) -> Reference {
        if let offset = ReferenceSyntax.digestMismatch(digest) {
            throw ReferenceError(.invalidDigestFormat, at: offset)
        }
        var text = String(keptSlice(prefixLength, tagEnd))
        text += "@"
        text += digest
        return edited(text, tagEnd: tagEnd)
    }

    /// The name alone, without tag or digest: Go's `reference.TrimNamed`.
    public var nameOnly: Reference {
        if isNameOnly { return self }
        return edited(String(keptName), tagEnd: pathEnd)
    }

    /// The reference with the `latest` tag when it has neither tag nor
    /// digest, otherwise unchanged: Go's `reference.TagNameOnly`.
    public func withDefaultTag() -> Reference {
        guard isNameOnly else { return self }
        return edited(String(keptName) + ":latest", tagEnd: pathEnd + 1 + 6)
    }

    /// The reference without its tag, keeping any digest.
    func droppingTag() -> Reference {
        guard tagEnd > pathEnd else { return self }
        return edited(String(keptName) + String(keptSlice(tagEnd, utf8Count)), tagEnd: pathEnd)
    }

    /// A reference with the same domain, path and prefix whose kept text is
    /// `text` (the name as kept, then the edited tag and digest).
    private func edited(_ text: String, tagEnd: Int) -> Reference {
        Reference(
            text: text,
            prefix: prefix,
            keptStart: 0,
            domainLength: domainLength,
            pathEnd: pathEnd,
            tagEnd: tagEnd,
            utf8Count: prefixLength + text.utf8.count
        )
    }
}
