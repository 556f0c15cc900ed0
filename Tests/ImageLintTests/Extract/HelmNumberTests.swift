import Testing
@testable import ImageLint

@Suite("HelmNumber")
struct HelmNumberTests {
    /// Go's `fmt.Sprint(float64(x))` for the YAML number `x`.
    static let cases: [(String, String?)] = [
        ("1.10", "1.1"), ("6.10", "6.1"), ("1.0", "1"), ("8", "8"), ("3.6", "3.6"),
        ("20190806", "2.0190806e+07"), ("7284872", "7.284872e+06"), ("123456", "123456"), ("999999", "999999"),
        ("1000000", "1e+06"), ("1e3", "1000"), ("3.0e2", "300"), ("1e21", "1e+21"),
        ("0.0001", "0.0001"), ("0.00001", "1e-05"), (".5", "0.5"), ("-1.50", "-1.5"), ("+2", "2"),
        ("0", "0"), ("007", "7"), ("1.5e-7", "1.5e-07"), ("12345.678", "12345.678"),
        ("0x1F", nil), ("0o17", nil), (".inf", nil), (".nan", nil), ("1.2.3", nil), ("abc", nil), ("", nil), ("1e", nil),
    ]

    @Test(arguments: cases)
    func rendersLikeGo(_ c: (String, String?)) {
        #expect(HelmNumber.rendered(c.0) == c.1)
    }
}
