extension Diagnostic {
    /// `path:line:col: severity: message [code]`, the one-line form the
    /// command line prints on standard error.
    public var line: String {
        "\(location.path):\(location.start.line):\(location.start.column): \(severity.rawValue): \(message) [\(code)]"
    }
}
