@_spi(Checking) import ImageReference
import Testing

/// Every distribution/reference and supplementary vector, one test per case.
@Suite("distribution/reference conformance")
struct ConformanceTests {
    @Test("the vectors are all there")
    func vectorsLoaded() {
        #expect(ConformanceVectors.all.count == 617)
        #expect(ConformanceVectors.distribution.count == 414)
    }

    @Test("case", arguments: ConformanceVectors.distribution)
    func conformance(_ testCase: ConformanceCase) throws {
        let observed = try #require(ConformanceRunner.observe(testCase), "kind \(testCase.kind) is not run")
        if let difference = IntendedDifferences.byCase[testCase.id] {
            difference.check(testCase, observed: observed)
            return
        }
        if testCase.kind == "normalize" || testCase.kind == "familiar" {
            let bytes = Array(testCase.input.utf8)
            let fast = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(ReferenceError) in try Reference.parseNormalized(utf8: buffer) }
            }
            let stepByStep = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(ReferenceError) in try Reference.parseNormalizedStepByStep(utf8: buffer) }
            }
            #expect(fast == stepByStep, "the fast path and the step-by-step path differ")
        }
        for field in ConformanceRunner.checkedFields(testCase.kind) {
            #expect(
                observed[field] == testCase.fields[field],
                "\(field): ours \(observed[field]?.description ?? "absent"), vectors \(testCase.fields[field]?.description ?? "absent")"
            )
        }
    }
}
