import Foundation
import Testing
@testable import ImageLint

@Test func scratchDump() throws {
    guard let paths = ProcessInfo.processInfo.environment["DUMP"] else { return }
    for path in paths.split(separator: " ").map(String.init) {
    print("FILE \(path)")
    let kind = ProcessInfo.processInfo.environment["DUMPKIND"] ?? "compose"
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let file = SourceFile(path: path, bytes: Array(data))
    var extraction = Extraction()
    if kind == "compose" {
        let envURL = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".env")
        let env = (try? Data(contentsOf: envURL)).map { SourceFile(path: ".env", bytes: Array($0)) }
        extraction = ComposeExtractor.extract(file, dotEnv: env)
    } else if kind == "kustomize" {
        extraction = KustomizeExtractor.extract(file)
    } else {
        let chartURL = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("Chart.yaml")
        let chart = (try? Data(contentsOf: chartURL)).map { SourceFile(path: "Chart.yaml", bytes: Array($0)) }
        extraction = HelmValuesExtractor.extract(file, chart: chart)
    }
    for o in extraction.occurrences {
        print("OCC \(o.location) \(o.role) text=\(o.text) resolved=\(o.resolved ?? "nil") unresolved=\(o.unresolved) ctx=\(o.context.service ?? o.context.keyPath ?? "") inh=\(o.context.tagInherited ?? false) build=\(o.context.hasBuild ?? false) related=\(o.related.map { "\($0.location) \($0.message)" })")
    }
    for d in extraction.diagnostics { print("DIAG \(d.location) \(d.severity) \(d.code) \(d.message)") }
}
}
