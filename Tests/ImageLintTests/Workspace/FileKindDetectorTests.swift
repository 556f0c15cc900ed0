import Testing
@testable import ImageLint

@Suite("File kinds")
struct FileKindDetectorTests {
    static let dockerfiles = [
        "Dockerfile", "Containerfile", "dockerfile", "containerfile", "Dockerfile.windows.amd64.ltsc2022",
        "Dockerfile.agent.alpine.multiarch", "Dockerfile-dev", "Dockerfile_ci", "Containerfile.fedora",
        "lint.Dockerfile", "dev.dockerfile", "app.containerfile", "sub/dir/Dockerfile", "Dockerfile.debug",
        "Dockerfile.admin-tools-tls", "dockerfile.prod",
    ]
    static let others = [
        "Dockerfile.dockerignore", ".dockerignore", "dockerfile.go", "dockerfile_test.go", "dockerfile-llb.md",
        "Dockerfile-linux.template", "Dockerfile.j2", "README.md", "compose.yaml", "Dockerfiles", "MyDockerfile",
        "dockerfile.yaml", "docker/file", "Dockerfile.tmpl", "Dockerfile.sh",
    ]

    @Test(arguments: dockerfiles)
    func dockerfileNames(_ path: String) {
        #expect(FileKindDetector().kind(forPath: path) == .dockerfile)
    }

    @Test(arguments: others)
    func notDockerfileNames(_ path: String) {
        #expect(FileKindDetector().kind(forPath: path) != .dockerfile)
    }

    @Test(arguments: [
        ("FROM alpine\n", true), ("# comment\n\n  arg X=1\nFROM a\n", true), ("\u{FEFF}# syntax=x\nFROM a", true),
        ("services:\n  a: {}\n", false), ("", false), ("# only comments\n", false), ("RUN x\n", false),
    ])
    func contentRuleForExplicitFiles(_ text: String, _ isDockerfile: Bool) {
        let kind = FileKindDetector().kind(forExplicitPath: "build/spec", content: Array(text.utf8))
        #expect((kind == .dockerfile) == isDockerfile)
    }

    @Test func contentRulesDoNotApplyWhileWalking() {
        #expect(FileKindDetector().kind(forWalkedPath: "spec", content: Array("FROM a\n".utf8)) == nil)
    }
}
