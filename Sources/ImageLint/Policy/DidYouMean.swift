/// Suggests the known word closest to a misspelt one, for messages such as
/// `unknown key 'exeptions' (did you mean 'exceptions'?)`.
public enum DidYouMean {
    /// The candidate closest to `word` by edit distance (a transposition
    /// counts as one edit), if it is close enough to be a plausible typo.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(word.lowercased().unicodeScalars)
        let limit = max(1, min(3, typed.count / 3))
        var best: (candidate: String, distance: Int)?
        let candidates = Array(candidates)
        // A truncated word (`warn` for `warning`) is a typo too.
        if typed.count >= 3, let completion = candidates.first(where: { $0.lowercased().unicodeScalars.starts(with: typed) && $0.count > typed.count }) {
            return completion
        }
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate.lowercased().unicodeScalars))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// ` (did you mean 'x'?)`, or nothing.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        guard let suggestion = suggestion(for: word, among: candidates) else { return "" }
        return " (did you mean '\(suggestion)'?)"
    }

    /// Optimal string alignment distance.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
