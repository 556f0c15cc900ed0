/// The syntax tree shared by ``Glob`` and ``TagRegex``: both compile to the
/// same ``ScalarAutomaton``, so neither ever backtracks.
indirect enum PatternNode: Sendable, Hashable {
    case empty
    case scalar(Unicode.Scalar)
    case set(ScalarSet)
    /// Any one scalar (regex `.`, glob `**` steps).
    case anyScalar
    /// Any one scalar except `/` (glob `*` and `?` steps).
    case anyButSlash
    case concat([PatternNode])
    case alternation([PatternNode])
    /// `min` to `max` repetitions; `max == nil` is unbounded.
    case repeated(PatternNode, min: Int, max: Int?)
    case startAnchor
    case endAnchor
}

/// A set of Unicode scalars given as closed ranges, possibly negated.
struct ScalarSet: Sendable, Hashable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    init(ranges: [ClosedRange<UInt32>] = [], negated: Bool = false) {
        self.ranges = ranges
        self.negated = negated
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var inside = false
        for range in ranges where range.contains(value) {
            inside = true
            break
        }
        return inside != negated
    }

    static let digits = ScalarSet(ranges: [0x30...0x39])
    static let word = ScalarSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    static let space = ScalarSet(ranges: [0x09...0x0D, 0x20...0x20])
}
