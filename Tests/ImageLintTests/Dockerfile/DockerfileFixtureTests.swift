import Foundation
import Testing
@testable import ImageLint

/// Every folder of `fixtures/dockerfile/` holds a `Dockerfile`, its golden
/// `expected.json` (what `imagelint images --format json Dockerfile` prints
/// in that folder) and, when the file has problems, `expected.stderr` (the
/// diagnostics). Optional `build-args.txt` / `policy-variables.txt` give
/// `NAME=VALUE` lines for `--build-arg` and the policy's `variables:`.
/// `IMAGELINT_UPDATE_GOLDEN=1` rewrites goldens (and still fails, so the
/// new output is reviewed before it passes).
@Suite("Dockerfile fixtures")
struct DockerfileFixtureTests {
    static let root = "fixtures/dockerfile"

    static var cases: [String] {
        ((try? RepositoryFiles.list(root)) ?? []).filter {
            FileManager.default.fileExists(atPath: RepositoryFiles.url($0 + "/Dockerfile").path)
        }
    }

    @Test func enoughCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func golden(_ folder: String) throws {
        let file = SourceFile(path: "Dockerfile", bytes: try RepositoryFiles.bytes(folder + "/Dockerfile"))
        let options = ExtractionOptions(
            buildArgs: Self.pairs(folder + "/build-args.txt"),
            policyVariables: Self.pairs(folder + "/policy-variables.txt")
        )
        let extraction = DockerfileExtractor.extract(file, options: options)
        let listings = extraction.occurrences.map(ImageListing.init(occurrence:)).sorted(by: ImageListing.order)
        Self.check(ImagesJSONReporter.render(listings), against: folder + "/expected.json")
        Self.check(extraction.diagnostics.map { $0.line + "\n" }.joined(), against: folder + "/expected.stderr")
    }

    /// The one-pass extraction (instructions interpreted as the reader
    /// hands them over, what needs later stages settled at the end) and
    /// the extraction of a `Dockerfile` read first give the same
    /// occurrences and diagnostics, in the same order.
    @Test(arguments: cases)
    func bothExtractionPathsAgree(_ folder: String) throws {
        let file = SourceFile(path: "Dockerfile", bytes: try RepositoryFiles.bytes(folder + "/Dockerfile"))
        let options = ExtractionOptions(
            buildArgs: Self.pairs(folder + "/build-args.txt"),
            policyVariables: Self.pairs(folder + "/policy-variables.txt")
        )
        let streamed = DockerfileExtractor.extract(file, options: options)
        let read = DockerfileExtractor.extract(DockerfileReader.read(file), in: file, options: options)
        #expect(streamed.occurrences == read.occurrences)
        #expect(streamed.diagnostics == read.diagnostics)
    }

    /// A scan that reuses its buffers (joined lines, flags) relies on
    /// copy-on-write should its caller keep an instruction: collecting
    /// every instruction of such a scan must give what `read` gives.
    @Test(arguments: cases)
    func keptInstructionsOfAReusingScanAreIntact(_ folder: String) throws {
        let file = SourceFile(path: "Dockerfile", bytes: try RepositoryFiles.bytes(folder + "/Dockerfile"))
        var kept: [DockerfileInstruction] = []
        _ = DockerfileReader.scan(file, reusingBuffers: true) { instruction, _ in kept.append(instruction) }
        let read = DockerfileReader.read(file).instructions
        #expect(kept.count == read.count)
        for (a, b) in zip(kept, read) {
            #expect(a.kind == b.kind && a.keyword == b.keyword && a.span == b.span && a.keywordSpan == b.keywordSpan)
            #expect(a.line.text == b.line.text && a.arguments == b.arguments && a.argumentsSpan == b.argumentsSpan)
            #expect(a.flags == b.flags && a.heredocs == b.heredocs && a.isJSON == b.isJSON)
            #expect(a.trigger?.arguments == b.trigger?.arguments)
        }
    }

    static func pairs(_ path: String) -> [String: String] {
        guard let text = try? RepositoryFiles.text(path) else { return [:] }
        return ImagesFixtureArguments.pairs(text)
    }

    /// Compares with a golden file; an absent golden means empty output.
    static func check(_ actual: String, against path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = RepositoryFiles.url(path)
        let expected = (try? RepositoryFiles.text(path)) ?? ""
        guard actual != expected else { return }
        if RepositoryFiles.updateGoldens {
            if actual.isEmpty {
                try? FileManager.default.removeItem(at: url)
            } else {
                try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? Data(actual.utf8).write(to: url)
            }
            Issue.record("updated \(path); review it and run again", sourceLocation: sourceLocation)
            return
        }
        Issue.record("\(path) differs:\n--- expected\n\(expected)\n--- actual\n\(actual)", sourceLocation: sourceLocation)
    }
}

enum ImagesFixtureArguments {
    /// `NAME=VALUE` lines.
    static func pairs(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }
}
