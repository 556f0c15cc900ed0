/// Times a body over several rounds and reports per-item figures.
struct RoundTimings {
    /// Nanoseconds per item in each timed round.
    let nanosecondsPerItem: [Double]

    /// Runs `body` once to warm up, then `rounds` timed times; `body`
    /// processes `items` items per call and returns a checksum that keeps
    /// the optimizer from dropping the work.
    static func measure(rounds: Int, items: Int, _ body: () -> Int) -> RoundTimings {
        var checksum = body()
        let clock = ContinuousClock()
        var perItem: [Double] = []
        for _ in 0 ..< rounds {
            let start = clock.now
            checksum &+= body()
            let elapsed = clock.now - start
            let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
            perItem.append(nanoseconds / Double(items))
        }
        blackHole(checksum)
        return RoundTimings(nanosecondsPerItem: perItem)
    }

    var median: Double {
        let sorted = nanosecondsPerItem.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `label  median N ns/unit  (min …, max …, R rounds)`
    func line(_ label: String, unit: String) -> String {
        let sorted = nanosecondsPerItem.sorted()
        return "\(label.padding(16))median \(format(median)) ns/\(unit)"
            + "  (min \(format(sorted.first ?? 0)), max \(format(sorted.last ?? 0)), \(sorted.count) rounds)"
    }

    func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// Keeps a value alive so the optimizer cannot drop its computation.
@inline(never)
func blackHole(_ value: Int) {
    if value == 0x5EED_CAFE { print("") }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
