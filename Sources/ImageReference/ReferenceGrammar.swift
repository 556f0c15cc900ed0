/// The reference grammar of distribution/reference, written by hand over
/// UTF-8 bytes: one function per production, no regular expressions.
///
/// ```ebnf
/// reference           = name , [ ":" , tag ] , [ "@" , digest ] ;
/// name                = [ domain , "/" ] , remote-name ;
///
/// domain              = host , [ ":" , port ] ;
/// host                = domain-name | "[" , ipv6-address , "]" ;
/// domain-name         = domain-label , { "." , domain-label } ;
/// domain-label        = letter-or-digit , [ { letter-or-digit | "-" } , letter-or-digit ] ;
/// port                = digit , { digit } ;                      (* any length, no range *)
/// ipv6-address        = ipv6-char , { ipv6-char } ;              (* no zone, no IPv4 tail *)
///
/// remote-name         = path-component , { "/" , path-component } ;
/// path-component      = lower-run , { separator , lower-run } ;
/// lower-run           = lower-or-digit , { lower-or-digit } ;
/// separator           = "." | "_" | "__" | "-" , { "-" } ;
///
/// tag                 = word-char , { word-char | "." | "-" } ;  (* 128 characters at most *)
///
/// digest              = algorithm , ":" , encoded ;
/// algorithm           = algorithm-component , { algorithm-separator , algorithm-component } ;
/// algorithm-component = letter , { letter | digit } ;
/// algorithm-separator = "+" | "." | "-" | "_" ;
/// encoded             = 32 * hex-digit , { hex-digit } ;
///
/// identifier          = 64 * lower-hex-digit ;
///
/// letter              = "a".."z" | "A".."Z" ;
/// digit               = "0".."9" ;
/// letter-or-digit     = letter | digit ;                         (* upper case allowed *)
/// lower-or-digit      = "a".."z" | digit ;                       (* lower case only *)
/// word-char           = letter-or-digit | "_" ;
/// hex-digit           = digit | "a".."f" | "A".."F" ;
/// lower-hex-digit     = digit | "a".."f" ;
/// ipv6-char           = hex-digit | ":" ;
/// ```
///
/// Every class is ASCII; any other byte (space, non-ASCII, NUL) ends a match.
///
/// The grammar is ambiguous in one place, and Go resolves it by the
/// leftmost-first preference of its regular expressions; this parser
/// resolves it the same way:
///
/// - **Domain split.** A domain is taken whenever the text before the first
///   `/` is a `domain` (`foo/bar` has domain `foo`, `test_com/foo` has none,
///   `a/a/a` has domain `a`). Without a `/` there is no domain, so
///   `host:5000` is the name `host` with the tag `5000`. Trying the domain
///   first is exact: when the domain matches and is followed by `/`, the
///   rest must be a remote name either way, so the domain-less reading can
///   only fail too.
/// - Every repetition is greedy and never needs to give back: what follows
///   each one (`/`, `:`, `@` or the end) cannot continue it.
///
/// A failed match records the furthest byte offset any production reached
/// while expecting something it did not find: the caret position for a
/// diagnostic, the first byte at which no valid reference can continue.
struct ReferenceGrammar {
    /// The bytes being matched.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The same bytes followed by a 0, read without bounds checks.
    let terminated: UnsafeBufferPointer<UInt8>
    /// `terminated` as raw memory, for eight-byte ``ByteWord`` loads.
    let words: UnsafeRawBufferPointer

    /// The furthest offset at which a production failed.
    private(set) var furthestFailure = 0

    /// Whether the last `encoded` matched had no upper-case hex digit, so
    /// go-digest's lower-case check need not look at it again.
    private(set) var lastEncodedIsLowercase = true

    /// The first `/` inside the last `remote-name` matched (-1: none), and
    /// whether a second one follows, for normalization's domain split.
    private(set) var lastFirstPathSlash = -1
    private(set) var lastHasSecondPathSlash = false

    /// Whether the last `domain` matched has a `.` or a `:` (a port, or in
    /// an IPv6 address), for normalization's domain split.
    private(set) var lastDomainHasDotOrColon = false

    init(_ input: TerminatedBytes) {
        bytes = input.bytes
        terminated = input.terminated
        words = UnsafeRawBufferPointer(input.terminated)
    }

    /// The byte at `offset`, or the terminating 0 (in no class) at the end.
    /// Productions never read past the end: each reads at most one byte
    /// beyond one it has already seen.
    ///
    /// Offsets move with wrapping arithmetic (`&+`): an offset never gets
    /// past `bytes.count + 1`, so it cannot overflow, and the checked `+`
    /// would add an overflow branch to every byte of every loop.
    @inline(__always)
    func byte(at offset: Int) -> UInt8 {
        terminated[offset]
    }

    /// Records a failure at `offset` and returns nil for the production.
    @inline(__always)
    mutating func fail<T>(at offset: Int) -> T? {
        if offset > furthestFailure { furthestFailure = offset }
        return nil
    }

    // MARK: - reference and name

    /// `reference = name , [ ":" , tag ] , [ "@" , digest ]`, anchored at both
    /// ends. `domainAllowed: false` matches the domain-less reading only,
    /// which normalization uses after it has decided the domain itself.
    @inline(__always)
    mutating func reference(from start: Int, domainAllowed: Bool = true) -> ReferenceLayout? {
        guard let name = name(from: start, domainAllowed: domainAllowed) else { return nil }
        var layout = ReferenceLayout(domain: name.domain, path: name.path)
        layout.domainHasDotOrColon = name.domain != nil && lastDomainHasDotOrColon
        layout.firstPathSlash = lastFirstPathSlash
        layout.hasSecondPathSlash = lastHasSecondPathSlash
        var offset = name.path.upperBound
        if byte(at: offset) == ASCII.colon {
            guard let end = tag(from: offset &+ 1) else { return nil }
            layout.tagEnd = end
            offset = end
        }
        if byte(at: offset) == ASCII.at {
            guard let parts = digest(from: offset &+ 1) else { return nil }
            layout.digestColon = parts.colon
            layout.digestIsLowercase = lastEncodedIsLowercase
            offset = parts.end
        }
        guard offset == bytes.count else { return fail(at: offset) }
        layout.end = offset
        return layout
    }

    /// `name = [ domain , "/" ] , remote-name`; returns where each part lies.
    @inline(__always)
    mutating func name(from start: Int, domainAllowed: Bool = true) -> (domain: Range<Int>?, path: Range<Int>)? {
        if domainAllowed, let domainEnd = domain(from: start) {
            if byte(at: domainEnd) == ASCII.slash {
                guard let pathEnd = remoteName(from: domainEnd &+ 1) else { return nil }
                return (start ..< domainEnd, domainEnd &+ 1 ..< pathEnd)
            }
            // A domain must be followed by "/"; record how far it got.
            let _: Int? = fail(at: domainEnd)
        }
        guard let pathEnd = remoteName(from: start) else { return nil }
        return (nil, start ..< pathEnd)
    }

    // MARK: - domain

    /// `domain = host , [ ":" , port ]`
    @inline(__always)
    mutating func domain(from start: Int) -> Int? {
        lastDomainHasDotOrColon = false
        guard let hostEnd = host(from: start) else { return nil }
        guard byte(at: hostEnd) == ASCII.colon else { return hostEnd }
        lastDomainHasDotOrColon = true
        return port(from: hostEnd &+ 1)
    }

    /// `host = domain-name | "[" , ipv6-address , "]"`
    @inline(__always)
    mutating func host(from start: Int) -> Int? {
        guard byte(at: start) == ASCII.openBracket else { return domainName(from: start) }
        guard let addressEnd = ipv6Address(from: start &+ 1) else { return nil }
        guard byte(at: addressEnd) == ASCII.closeBracket else { return fail(at: addressEnd) }
        return addressEnd &+ 1
    }

    /// `domain-name = domain-label , { "." , domain-label }`
    @inline(__always)
    mutating func domainName(from start: Int) -> Int? {
        guard var offset = domainLabel(from: start) else { return nil }
        while byte(at: offset) == ASCII.dot {
            lastDomainHasDotOrColon = true
            guard let end = domainLabel(from: offset &+ 1) else { return nil }
            offset = end
        }
        return offset
    }

    /// `domain-label = letter-or-digit , [ { letter-or-digit | "-" } , letter-or-digit ]`
    @inline(__always)
    mutating func domainLabel(from start: Int) -> Int? {
        guard ASCII.isLetterOrDigit(byte(at: start)) else { return fail(at: start) }
        var offset = start &+ 1
        while CharacterFlags.test(byte(at: offset), CharacterFlags.domainLabelCharacter) { offset &+= 1 }
        // A label may not end with "-": a letter or digit was needed here.
        guard byte(at: offset &- 1) != ASCII.dash else { return fail(at: offset) }
        return offset
    }

    /// `port = digit , { digit }`
    @inline(__always)
    mutating func port(from start: Int) -> Int? {
        var offset = start
        while ASCII.isDigit(byte(at: offset)) { offset &+= 1 }
        guard offset > start else { return fail(at: start) }
        return offset
    }

    /// `ipv6-address = ipv6-char , { ipv6-char }`
    @inline(__always)
    mutating func ipv6Address(from start: Int) -> Int? {
        var offset = start
        while true {
            let byte = byte(at: offset)
            guard isIPv6Character(byte) else { break }
            if byte == ASCII.colon { lastDomainHasDotOrColon = true }
            offset &+= 1
        }
        guard offset > start else { return fail(at: start) }
        return offset
    }

    /// `ipv6-char = hex-digit | ":"`
    @inline(__always)
    func isIPv6Character(_ byte: UInt8) -> Bool {
        ByteClass.ipv6Character.contains(byte)
    }

    // MARK: - remote name

    /// `remote-name = path-component , { "/" , path-component }`
    @inline(__always)
    mutating func remoteName(from start: Int) -> Int? {
        lastFirstPathSlash = -1
        lastHasSecondPathSlash = false
        guard var offset = pathComponent(from: start) else { return nil }
        while byte(at: offset) == ASCII.slash {
            if lastFirstPathSlash < 0 {
                lastFirstPathSlash = offset
            } else {
                lastHasSecondPathSlash = true
            }
            guard let end = pathComponent(from: offset &+ 1) else { return nil }
            offset = end
        }
        return offset
    }

    /// `path-component = lower-run , { separator , lower-run }`
    @inline(__always)
    mutating func pathComponent(from start: Int) -> Int? {
        guard var offset = lowerRun(from: start) else { return nil }
        while let separatorEnd = separator(from: offset) {
            guard let end = lowerRun(from: separatorEnd) else { return nil }
            offset = end
        }
        return offset
    }

    /// `lower-run = lower-or-digit , { lower-or-digit }`
    @inline(__always)
    mutating func lowerRun(from start: Int) -> Int? {
        var offset = start
        while ASCII.isLowerOrDigit(byte(at: offset)) { offset &+= 1 }
        guard offset > start else { return fail(at: start) }
        return offset
    }

    /// `separator = "." | "_" | "__" | "-" , { "-" }`; nil when none starts
    /// here, which ends the component (not a failure).
    @inline(__always)
    func separator(from start: Int) -> Int? {
        switch byte(at: start) {
        case ASCII.dot:
            return start &+ 1
        case ASCII.underscore:
            return byte(at: start &+ 1) == ASCII.underscore ? start &+ 2 : start &+ 1
        case ASCII.dash:
            var offset = start &+ 1
            while byte(at: offset) == ASCII.dash { offset &+= 1 }
            return offset
        default:
            return nil
        }
    }

    // MARK: - tag

    /// The most characters a tag may have.
    static let maximumTagLength = 128

    /// `tag = word-char , { word-char | "." | "-" }`, 128 characters at most.
    @inline(__always)
    mutating func tag(from start: Int) -> Int? {
        guard ASCII.isWordCharacter(byte(at: start)) else { return fail(at: start) }
        var offset = start &+ 1
        while CharacterFlags.test(byte(at: offset), CharacterFlags.tagCharacter) { offset &+= 1 }
        // A longer run stops at the limit, where the reference then fails;
        // checking once here keeps the loop to one test per byte.
        return min(offset, start &+ Self.maximumTagLength)
    }

    // MARK: - digest

    /// The fewest hex digits the grammar accepts in a digest.
    static let minimumEncodedLength = 32

    /// `digest = algorithm , ":" , encoded`; returns the colon and the end.
    @inline(__always)
    mutating func digest(from start: Int) -> (colon: Int, end: Int)? {
        guard let algorithmEnd = algorithm(from: start) else { return nil }
        guard byte(at: algorithmEnd) == ASCII.colon else { return fail(at: algorithmEnd) }
        guard let end = encoded(from: algorithmEnd &+ 1) else { return nil }
        return (algorithmEnd, end)
    }

    /// `algorithm = algorithm-component , { algorithm-separator , algorithm-component }`
    @inline(__always)
    mutating func algorithm(from start: Int) -> Int? {
        guard var offset = algorithmComponent(from: start) else { return nil }
        while isAlgorithmSeparator(byte(at: offset)) {
            guard let end = algorithmComponent(from: offset &+ 1) else { return nil }
            offset = end
        }
        return offset
    }

    /// `algorithm-component = letter , { letter | digit }`
    @inline(__always)
    mutating func algorithmComponent(from start: Int) -> Int? {
        guard ASCII.isLetter(byte(at: start)) else { return fail(at: start) }
        var offset = start &+ 1
        while ASCII.isLetterOrDigit(byte(at: offset)) { offset &+= 1 }
        return offset
    }

    /// `algorithm-separator = "+" | "." | "-" | "_"`
    @inline(__always)
    func isAlgorithmSeparator(_ byte: UInt8) -> Bool {
        ByteClass.algorithmSeparator.contains(byte)
    }

    /// `encoded = 32 * hex-digit , { hex-digit }`
    @inline(__always)
    mutating func encoded(from start: Int) -> Int? {
        // Eight bytes per step (see `ByteWord`): the hex is long, at least 32
        // digits and mostly 64, where a byte loop costs six instructions a
        // byte. Collects the upper-case letters of the run on the way.
        var offset = start
        var upperHexLetters: UInt64 = 0
        while true {
            let word = ByteWord(words, at: offset)
            let members = word.hexDigits
            let count = ByteWord.leadingMembers(members)
            // All bits below the first lane left out (every bit when none is).
            let outside = ~members & ByteWord.highBits
            let runBits = (outside & (0 &- outside)) &- 1
            upperHexLetters |= word.upperHexLetters & runBits
            offset &+= count
            if count < 8 { break }
        }
        guard offset &- start >= Self.minimumEncodedLength else { return fail(at: offset) }
        lastEncodedIsLowercase = upperHexLetters == 0
        return offset
    }

    // MARK: - identifier

    /// The length of an identifier: a sha256 in hex.
    static let identifierLength = 64

    /// `identifier = 64 * lower-hex-digit`, anchored at both ends.
    mutating func identifier(from start: Int) -> Int? {
        var offset = start
        while offset &- start < Self.identifierLength, ASCII.isLowerHexDigit(byte(at: offset)) { offset &+= 1 }
        guard offset &- start == Self.identifierLength, offset == bytes.count else { return fail(at: offset) }
        return offset
    }
}

/// Where the parts of a matched reference lie, as byte offsets into the
/// matched input. Plain offsets with -1 for "none" keep it small (copies of
/// larger structs become `memcpy` calls on the hot path).
struct ReferenceLayout {
    /// Where the name (domain or path) starts.
    var nameStart: Int
    /// Where the domain ends, at its `/`; -1 without a domain.
    var domainEnd: Int
    var pathEnd: Int
    /// Where the tag ends; `pathEnd` without a tag.
    var tagEnd: Int
    /// The `:` between the digest's algorithm and hex; -1 without a digest.
    var digestColon = -1
    /// Where the whole reference ends.
    var end: Int
    /// The first `/` inside the path; -1 when the path has one component.
    var firstPathSlash = -1
    /// Whether the path has a second `/`.
    var hasSecondPathSlash = false
    /// Whether the domain has a `.` or a `:`.
    var domainHasDotOrColon = false
    /// Whether the digest's hex has no upper-case digit.
    var digestIsLowercase = true

    /// A name-only layout.
    init(domain: Range<Int>?, path: Range<Int>) {
        nameStart = domain?.lowerBound ?? path.lowerBound
        domainEnd = domain?.upperBound ?? -1
        pathEnd = path.upperBound
        tagEnd = path.upperBound
        end = path.upperBound
    }

    var domain: Range<Int>? { domainEnd >= 0 ? nameStart ..< domainEnd : nil }
    var path: Range<Int> { (domainEnd >= 0 ? domainEnd &+ 1 : nameStart) ..< pathEnd }
    var tag: Range<Int>? { tagEnd > pathEnd ? pathEnd &+ 1 ..< tagEnd : nil }
    /// The digest after `@`, from its algorithm to the end.
    var digest: Range<Int>? { digestColon >= 0 ? tagEnd &+ 1 ..< end : nil }
}
