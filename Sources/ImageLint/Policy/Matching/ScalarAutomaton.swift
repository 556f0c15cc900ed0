/// A Thompson NFA over Unicode scalars, simulated state-set by state-set.
///
/// Matching costs O(text × states) whatever the pattern, so a policy can
/// never make imagelint hang (no catastrophic backtracking). Patterns are
/// short and texts are image names, tags and paths, so the simple
/// simulation is fast enough; literal patterns skip it entirely (see ``Glob``).
struct ScalarAutomaton: Sendable, Hashable {
    enum Step: Sendable, Hashable {
        case scalar(Unicode.Scalar)
        case set(ScalarSet)
        case any
        case anyButSlash

        func accepts(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .scalar(let expected): scalar == expected
            case .set(let set): set.contains(scalar)
            case .any: true
            case .anyButSlash: scalar != "/"
            }
        }
    }

    enum State: Sendable, Hashable {
        /// Consume one scalar accepted by the step, then go to `next`.
        case consume(Step, next: Int)
        /// Go to every target without consuming.
        case split([Int])
        /// Continue to `next` only at the start of the text.
        case atStart(next: Int)
        /// Continue to `next` only at the end of the text.
        case atEnd(next: Int)
        case accept
    }

    /// The most states a pattern may compile to (`x{100}{100}` must not
    /// allocate a million states).
    static let stateLimit = 4096

    struct TooLarge: Error {}

    private(set) var states: [State]
    private(set) var start: Int
    /// Bit-parallel tables for automata of at most 64 states (nearly all
    /// policy patterns): matching then allocates nothing.
    private let bits: BitTables?

    init(_ node: PatternNode) throws(TooLarge) {
        var builder = Builder()
        let accept = try builder.add(.accept)
        start = try builder.compile(node, next: accept)
        states = builder.states
        bits = states.count <= 64 ? BitTables(states) : nil
    }

    /// Whether the whole of `text` matches.
    func matchesWhole(_ text: Substring.UnicodeScalarView) -> Bool {
        run(text, search: false)
    }

    /// Whether some part of `text` matches (anchors `^` and `$` still tie a
    /// match to the start or end).
    func matchesPart(_ text: Substring.UnicodeScalarView) -> Bool {
        run(text, search: true)
    }

    private func run(_ text: Substring.UnicodeScalarView, search: Bool) -> Bool {
        if let bits { return bits.run(text, start: start, search: search) }
        var current = StateSet(capacity: states.count)
        var next = StateSet(capacity: states.count)
        var stack: [Int] = []
        let count = text.count
        var position = 0
        if close(start, at: 0, length: count, into: &current, stack: &stack), search { return true }
        if !search, count == 0 { return current.containsAccept }
        for scalar in text {
            next.clear()
            var acceptedHere = false
            for state in current.members {
                guard case .consume(let step, let target) = states[state], step.accepts(scalar) else { continue }
                if close(target, at: position + 1, length: count, into: &next, stack: &stack) { acceptedHere = true }
            }
            position += 1
            if search {
                if acceptedHere { return true }
                if close(start, at: position, length: count, into: &next, stack: &stack) { return true }
            }
            swap(&current, &next)
            if current.members.isEmpty, !search { return false }
        }
        return current.containsAccept
    }

    /// Adds `state` and everything reachable from it without consuming;
    /// returns whether the accept state was reached.
    private func close(_ state: Int, at position: Int, length: Int, into set: inout StateSet, stack: inout [Int]) -> Bool {
        var reachedAccept = false
        stack.removeAll(keepingCapacity: true)
        stack.append(state)
        while let index = stack.popLast() {
            guard set.insert(index) else { continue }
            switch states[index] {
            case .consume:
                break
            case .split(let targets):
                for target in targets.reversed() { stack.append(target) }
            case .atStart(let target):
                if position == 0 { stack.append(target) }
            case .atEnd(let target):
                if position == length { stack.append(target) }
            case .accept:
                reachedAccept = true
                set.containsAccept = true
            }
        }
        return reachedAccept
    }

    /// The automaton as bit masks: for each state the set of states reached
    /// from it without consuming (one mask per combination of "at the start"
    /// and "at the end", for the anchors), and each consuming state's step.
    private struct BitTables: Sendable, Hashable {
        var closures: [UInt64]
        var steps: [Step?]
        var targets: [Int]
        var consuming: UInt64 = 0
        var accept: UInt64 = 0

        init(_ states: [State]) {
            closures = Array(repeating: 0, count: states.count * 4)
            steps = Array(repeating: nil, count: states.count)
            targets = Array(repeating: 0, count: states.count)
            for (index, state) in states.enumerated() {
                switch state {
                case .consume(let step, let next):
                    steps[index] = step
                    targets[index] = next
                    consuming |= 1 << UInt64(index)
                case .accept:
                    accept |= 1 << UInt64(index)
                default:
                    break
                }
                for variant in 0..<4 {
                    closures[index * 4 + variant] = Self.closure(of: index, atStart: variant & 1 != 0, atEnd: variant & 2 != 0, states)
                }
            }
        }

        static func closure(of state: Int, atStart: Bool, atEnd: Bool, _ states: [State]) -> UInt64 {
            var mask: UInt64 = 0
            var stack = [state]
            while let index = stack.popLast() {
                let bit: UInt64 = 1 << UInt64(index)
                guard mask & bit == 0 else { continue }
                mask |= bit
                switch states[index] {
                case .split(let targets): stack.append(contentsOf: targets)
                case .atStart(let next): if atStart { stack.append(next) }
                case .atEnd(let next): if atEnd { stack.append(next) }
                case .consume, .accept: break
                }
            }
            return mask
        }

        func run(_ text: Substring.UnicodeScalarView, start: Int, search: Bool) -> Bool {
            var index = text.startIndex
            var current = closures[start * 4 + 1 + (index == text.endIndex ? 2 : 0)]
            if search, current & accept != 0 { return true }
            while index != text.endIndex {
                let scalar = text[index]
                index = text.index(after: index)
                let variant = index == text.endIndex ? 2 : 0
                var next: UInt64 = 0
                var pending = current & consuming
                while pending != 0 {
                    let state = pending.trailingZeroBitCount
                    pending &= pending - 1
                    if let step = steps[state], step.accepts(scalar) {
                        next |= closures[targets[state] * 4 + variant]
                    }
                }
                if search {
                    next |= closures[start * 4 + variant]
                    if next & accept != 0 { return true }
                } else if next == 0 {
                    return false
                }
                current = next
            }
            return current & accept != 0
        }
    }

    /// A set of state indices with O(1) insert and clear (sparse-set trick).
    private struct StateSet {
        var members: [Int] = []
        var generation: [UInt32]
        var stamp: UInt32 = 1
        var containsAccept = false

        init(capacity: Int) {
            generation = Array(repeating: 0, count: capacity)
            members.reserveCapacity(capacity)
        }

        mutating func insert(_ index: Int) -> Bool {
            if generation[index] == stamp { return false }
            generation[index] = stamp
            members.append(index)
            return true
        }

        mutating func clear() {
            members.removeAll(keepingCapacity: true)
            containsAccept = false
            stamp &+= 1
            if stamp == 0 {
                for i in generation.indices { generation[i] = 0 }
                stamp = 1
            }
        }
    }

    /// Compiles a tree back to front: each node is compiled knowing the
    /// state that follows it, so no fragment patching is needed.
    private struct Builder {
        var states: [State] = []

        mutating func add(_ state: State) throws(TooLarge) -> Int {
            guard states.count < ScalarAutomaton.stateLimit else { throw TooLarge() }
            states.append(state)
            return states.count - 1
        }

        mutating func compile(_ node: PatternNode, next: Int) throws(TooLarge) -> Int {
            switch node {
            case .empty:
                return next
            case .scalar(let scalar):
                return try add(.consume(.scalar(scalar), next: next))
            case .set(let set):
                return try add(.consume(.set(set), next: next))
            case .anyScalar:
                return try add(.consume(.any, next: next))
            case .anyButSlash:
                return try add(.consume(.anyButSlash, next: next))
            case .startAnchor:
                return try add(.atStart(next: next))
            case .endAnchor:
                return try add(.atEnd(next: next))
            case .concat(let parts):
                var target = next
                for part in parts.reversed() { target = try compile(part, next: target) }
                return target
            case .alternation(let choices):
                var starts: [Int] = []
                for choice in choices { starts.append(try compile(choice, next: next)) }
                return try add(.split(starts))
            case .repeated(let body, let min, let max):
                var target = next
                if let max {
                    // (body (body (…)?)?)? for the optional copies.
                    for _ in 0..<Swift.max(0, max - min) {
                        let copy = try compile(body, next: target)
                        target = try add(.split([copy, next]))
                    }
                } else {
                    // A loop: split → body → back to split, or on to next.
                    let loop = try add(.split([]))
                    let bodyStart = try compile(body, next: loop)
                    states[loop] = .split([bodyStart, next])
                    target = loop
                }
                for _ in 0..<min { target = try compile(body, next: target) }
                return target
            }
        }
    }
}
