import ImageReference
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
        for field in ConformanceRunner.checkedFields(testCase.kind) {
            #expect(
                observed[field] == testCase.fields[field],
                "\(field): ours \(observed[field]?.description ?? "absent"), vectors \(testCase.fields[field]?.description ?? "absent")"
            )
        }
    }
}
