/// Files an extractor uses besides the file it reads, loaded by the caller
/// (extractors do no I/O): the workspace finds them next to the file.
public struct CompanionFiles: Sendable {
    /// The `.env` file in the compose file's folder (Compose's project
    /// directory default), for interpolation.
    public var dotEnv: SourceFile?
    /// The `Chart.yaml` of the chart a Helm values file belongs to, for
    /// `appVersion`.
    public var chart: SourceFile?

    public init(dotEnv: SourceFile? = nil, chart: SourceFile? = nil) {
        self.dotEnv = dotEnv
        self.chart = chart
    }
}
