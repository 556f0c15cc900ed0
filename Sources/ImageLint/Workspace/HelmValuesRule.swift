/// Helm values files, told by name and by the chart around them
/// (formats.md §3.6): `values.yaml`, `values-<x>.yaml`, `values.<x>.yaml`,
/// `values_<x>.yaml`, `<x>-values.yaml` (and `.yml`) whose folder, or the
/// folder above (`ci/*-values.yaml`), holds a `Chart.yaml`. A file of such
/// a name outside a chart is not taken for values (pass `--kind
/// helm-values` to force it).
///
/// Files under a chart's `templates/` folder are Go templates, not YAML:
/// ``isChartTemplate(systemPath:fileExists:)`` keeps them away from every
/// YAML kind (no YAML errors for them).
public struct HelmValuesRule: FileNeighbourRule {
    public init() {}

    public func kind(systemPath: String, fileName: String, fileExists: (String) -> Bool) -> FileKind? {
        guard let stem = yamlStem(fileName), Self.isValuesName(stem) else { return nil }
        return Self.chartFile(forValues: systemPath, fileExists: fileExists) != nil ? .helmValues : nil
    }

    static func isValuesName(_ stem: Substring) -> Bool {
        if stem == "values" { return true }
        if PathText.hasPrefix(stem, "values-") || PathText.hasPrefix(stem, "values.") || PathText.hasPrefix(stem, "values_") { return true }
        return PathText.hasSuffix(stem, "-values") || PathText.hasSuffix(stem, "_values") || PathText.hasSuffix(stem, ".values")
    }

    /// The `Chart.yaml` of the chart a values file belongs to: in its
    /// folder or the folder above; nil when there is none.
    public static func chartFile(forValues path: String, fileExists: (String) -> Bool) -> String? {
        var folder = parentFolder(path)
        for _ in 0..<2 {
            let candidate = joinPath(folder, "Chart.yaml")
            if fileExists(candidate) { return candidate }
            guard !folder.isEmpty, folder != "/" else { return nil }
            folder = parentFolder(folder)
        }
        return nil
    }

    /// Whether `systemPath` lies in a chart's `templates/` folder (at any
    /// depth below it): the folder above has a `Chart.yaml`, or (a chart
    /// without one, or a file named on its own) `content` has a line that
    /// starts with a Go template action `{{` — which YAML cannot start a
    /// line with, while Argo's `{{inputs.x}}` sits inside values.
    public static func isChartTemplate(systemPath: String, content: [UInt8]? = nil, fileExists: (String) -> Bool) -> Bool {
        // Asked for every file a walk reads by content: most paths have no
        // `templates` folder at all, which one byte search tells.
        guard PathText.contains(systemPath, "templates/") else { return false }
        var folder = parentFolder(systemPath)
        var inTemplates = false
        while !folder.isEmpty, folder != "/" {
            let name = folder.split(separator: "/").last.map(String.init) ?? folder
            let above = parentFolder(folder)
            if name == "templates" {
                if fileExists(joinPath(above, "Chart.yaml")) { return true }
                inTemplates = true
            }
            folder = above
        }
        guard inTemplates, let content else { return false }
        return startsALineWithTemplateAction(content)
    }

    static func startsALineWithTemplateAction(_ bytes: [UInt8]) -> Bool {
        var atLineStart = true
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                atLineStart = true
            } else if atLineStart, b != 0x20, b != 0x09 {
                if b == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") { return true }
                atLineStart = false
            }
            i += 1
        }
        return false
    }
}
