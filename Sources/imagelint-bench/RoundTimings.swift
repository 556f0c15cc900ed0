#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times a body over several rounds and reports per-item figures.
///
/// Each round is timed twice: by the thread's CPU clock, the figure to
/// compare (it does not count time the thread waited for a core, so it
/// holds up on a busy machine), and by the wall clock.
struct RoundTimings {
    /// Nanoseconds of thread CPU time per item, one per timed round.
    let cpuNanosecondsPerItem: [Double]
    /// Nanoseconds of wall time per item, one per timed round.
    let wallNanosecondsPerItem: [Double]

    /// Runs `body` once to warm up, then `rounds` timed times; `body`
    /// processes `items` items per call and returns a checksum that keeps
    /// the optimizer from dropping the work.
    static func measure(rounds: Int, items: Int, _ body: () -> Int) -> RoundTimings {
        var checksum = body()
        var cpu: [Double] = []
        var wall: [Double] = []
        for _ in 0 ..< rounds {
            let cpuStart = now(CLOCK_THREAD_CPUTIME_ID)
            let wallStart = now(CLOCK_MONOTONIC)
            checksum &+= body()
            wall.append((now(CLOCK_MONOTONIC) - wallStart) / Double(items))
            cpu.append((now(CLOCK_THREAD_CPUTIME_ID) - cpuStart) / Double(items))
        }
        blackHole(checksum)
        return RoundTimings(cpuNanosecondsPerItem: cpu, wallNanosecondsPerItem: wall)
    }

    /// The clock's reading in nanoseconds.
    static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median CPU time per item.
    var median: Double { Self.median(cpuNanosecondsPerItem) }

    /// `label  median N ns/unit  (min …, max …; wall median …, R rounds)`
    func line(_ label: String, unit: String) -> String {
        let sorted = cpuNanosecondsPerItem.sorted()
        return "\(label.padding(16))median \(format(median)) ns/\(unit)"
            + "  (min \(format(sorted.first ?? 0)), max \(format(sorted.last ?? 0));"
            + " wall median \(format(Self.median(wallNanosecondsPerItem))); \(sorted.count) rounds)"
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
