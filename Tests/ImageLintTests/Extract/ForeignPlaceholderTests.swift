import Testing
@testable import ImageLint

/// The template syntaxes of other systems (formats.md 0.2): each is found
/// with its name and exact byte range, so the value is reported unresolved
/// instead of as an invalid reference.
@Suite("Foreign placeholders")
struct ForeignPlaceholderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var value: String
        var expected: [(ForeignPlaceholder.Syntax, String, Range<Int>)]
        var testDescription: String { value }
    }

    static let cases: [Case] = [
        Case(value: "${{ matrix.container }}", expected: [(.dollarDoubleBrace, "matrix.container", 0..<23)]),
        Case(value: "python:${{matrix.version}}-slim", expected: [(.dollarDoubleBrace, "matrix.version", 7..<26)]),
        Case(value: "$[[ inputs.image ]]", expected: [(.dollarDoubleBracket, "inputs.image", 0..<19)]),
        Case(value: "$[[ inputs.tag | expand_vars ]]", expected: [(.dollarDoubleBracket, "inputs.tag | expand_vars", 0..<31)]),
        Case(value: "$(params.image)", expected: [(.dollarParen, "params.image", 0..<15)]),
        Case(value: "docker.io/library/golang:$(params.version)", expected: [(.dollarParen, "params.version", 25..<42)]),
        Case(value: "$(tasks.build.results.image)", expected: [(.dollarParen, "tasks.build.results.image", 0..<28)]),
        Case(value: "$(Build.Repository.Name):$(Build.BuildId)", expected: [
            (.dollarParen, "Build.Repository.Name", 0..<24), (.dollarParen, "Build.BuildId", 25..<41),
        ]),
        Case(value: "{{inputs.parameters.os-image}}", expected: [(.doubleBrace, "inputs.parameters.os-image", 0..<30)]),
        Case(value: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}", expected: [
            (.doubleBrace, ".Values.image.repository", 0..<30),
            (.doubleBrace, ".Values.image.tag | default .Chart.AppVersion", 31..<82),
        ]),
        Case(value: "{{- .Values.image -}}", expected: [(.doubleBrace, ".Values.image", 0..<21)]),
        Case(value: "{{project_name}}:latest", expected: [(.doubleBrace, "project_name", 0..<16)]),
        Case(value: "<< parameters.image >>", expected: [(.doubleAngle, "parameters.image", 0..<22)]),
        Case(value: "cimg/node:<< pipeline.parameters.node >>", expected: [(.doubleAngle, "pipeline.parameters.node", 10..<40)]),
        Case(value: "${localEnv:IMAGE}", expected: [(.devcontainer, "localEnv:IMAGE", 0..<17)]),
        Case(value: "mcr.microsoft.com/devcontainers/php:3-${templateOption:imageVariant}", expected: [
            (.devcontainer, "templateOption:imageVariant", 38..<68),
        ]),
        Case(value: "ko://knative.dev/serving/test/test_images/helloworld", expected: [
            (.ko, "ko://knative.dev/serving/test/test_images/helloworld", 0..<52),
        ]),
        Case(value: "$(echo $(cat f))", expected: [(.dollarParen, "echo $(cat f)", 0..<16)]),
    ]

    @Test(arguments: cases)
    func finds(_ c: Case) {
        let found = ForeignPlaceholder.scan(c.value)
        #expect(found.map(\.syntax) == c.expected.map(\.0))
        #expect(found.map(\.name) == c.expected.map(\.1))
        #expect(found.map(\.range) == c.expected.map(\.2))
        #expect(ForeignPlaceholder.occurs(in: ArraySlice(c.value.utf8)))
    }

    /// Plain references, the file kinds' own variables, text that only
    /// looks like a start, and constructs that are not closed are not
    /// foreign placeholders.
    @Test(arguments: [
        "nginx:1.25", "registry.example.com:5000/acme/web@sha256:abc", "$REGISTRY/app:$TAG", "${BASE}:1.2",
        "${VAR:-default}", "a<b", "<<", "<< no end", "<<<", "{not}", "$", "${", "$[x]", "ko:/x", "docker://alpine",
        "alpine:${{ matrix.tag", "$(params.image", "$()", "{{ x }", "${localEnv:X", "${localWorkspaceFolder}", "${other:x}",
    ])
    func ignores(_ value: String) {
        #expect(ForeignPlaceholder.scan(value).isEmpty)
        #expect(!ForeignPlaceholder.occurs(in: ArraySlice(value.utf8)))
    }

    /// The scan is total: arbitrary bytes give ranges inside the value,
    /// ordered and disjoint.
    @Test func totalOverArbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("${}[]()<>:ko/ .-x".utf8) + [0xFF, 0xC3]
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            let found = ForeignPlaceholder.scan(ArraySlice(bytes))
            var previousEnd = 0
            for placeholder in found {
                #expect(placeholder.range.lowerBound >= previousEnd)
                #expect(placeholder.range.upperBound <= bytes.count)
                #expect(!placeholder.range.isEmpty)
                previousEnd = placeholder.range.upperBound
            }
        }
    }

    @Test func unresolvedSubstitution() {
        let substitution = ImageTextSubstitution.placeholdersUnresolved(ArraySlice("{{ .Values.repo }}:$(params.tag)".utf8))
        #expect(substitution.resolved == nil)
        #expect(substitution.unresolved == [".Values.repo", "params.tag"])
        let plain = ImageTextSubstitution.placeholdersUnresolved(ArraySlice("nginx:1.25".utf8))
        #expect(plain.resolved == "nginx:1.25")
        #expect(plain.unresolved.isEmpty)
    }
}
