/// BuildKit's automatic platform ARGs, which have values at build time
/// without any `ARG` line.
///
/// Statically they are resolved for the default platform, linux/amd64
/// (building on and for it): the OS version and variant are empty there, as
/// BuildKit sets them. `TARGETSTAGE` depends on `--target`, so it has no
/// default and stays unresolved.
public enum BuildKitPlatformArgs {
    /// Every automatic name.
    public static let names: Set<String> = [
        "BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH", "BUILDVARIANT",
        "TARGETPLATFORM", "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE",
    ]

    /// The value for linux/amd64, or nil when there is no default.
    public static func defaultValue(_ name: String) -> String? {
        switch name {
        case "BUILDPLATFORM", "TARGETPLATFORM": "linux/amd64"
        case "BUILDOS", "TARGETOS": "linux"
        case "BUILDARCH", "TARGETARCH": "amd64"
        case "BUILDVARIANT", "TARGETVARIANT", "BUILDOSVERSION", "TARGETOSVERSION": ""
        default: nil
        }
    }
}
