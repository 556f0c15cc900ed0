/// `consistent-tags`: the same image (by normalized name) with different
/// tags across the files checked together. Run-level: it needs every
/// file's occurrences, so it runs after all files are evaluated.
enum ConsistentTagsRule {
    struct Use: Sendable {
        var occurrence: ImageOccurrence
        var image: ImageFacts
    }

    /// At most this many other uses are listed as related locations.
    static let relatedLimit = 10

    static func findings(_ uses: [Use], rule: ActiveRule) -> [Finding] {
        var byName: [String: [Use]] = [:]
        var order: [String] = []
        for use in uses {
            if byName[use.image.name] == nil { order.append(use.image.name) }
            byName[use.image.name, default: []].append(use)
        }
        var findings: [Finding] = []
        for name in order {
            guard let group = byName[name] else { continue }
            let tags = orderedUnique(group.map { tagKey($0.image) })
            guard tags.count > 1 else { continue }
            for use in group {
                let own = tagKey(use.image)
                let others = group.filter { tagKey($0.image) != own }
                let otherTags = orderedUnique(others.map { tagKey($0.image) })
                var related = others.prefix(relatedLimit).map { other in
                    RelatedLocation(location: other.occurrence.location, message: "`\(other.occurrence.resolved ?? other.occurrence.text)` uses tag `\(tagKey(other.image))`")
                }
                if others.count > relatedLimit {
                    related[related.count - 1].message += " (and \(others.count - relatedLimit) more uses)"
                }
                let elsewhere = otherTags.map { "`\($0)`" }.joined(separator: ", ")
                findings.append(Finding(
                    rule: rule.id, severity: rule.severity,
                    message: "`\(use.image.familiarName)` is used with different tags: `\(own)` here, \(elsewhere) elsewhere",
                    location: use.occurrence.location, related: related, occurrence: use.occurrence,
                    normalized: use.image.normalized
                ))
            }
        }
        return findings
    }

    /// No tag counts as `latest`, which is what a pull would get.
    static func tagKey(_ image: ImageFacts) -> String {
        image.tag ?? "latest"
    }

    private static func orderedUnique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
