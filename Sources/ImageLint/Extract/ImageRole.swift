/// What the platform does with an image named at an occurrence.
///
/// Policies treat roles differently: "pin by digest" means something for an
/// image that is pulled, little for a name a build will tag.
public enum ImageRole: String, Sendable, Hashable, Codable {
    /// Pulled and run or used as a base (`FROM`, a container's `image`).
    case pull
    /// Pulled as build input but not run (`COPY --from=image`, `RUN --mount=from=image`).
    case buildSource = "build-source"
    /// A name a build tags or pushes; nothing is pulled.
    case buildOutput = "build-output"
    /// The BuildKit frontend of a `# syntax=` directive.
    case frontend
    /// An OCI artifact that is not a container image.
    case artifact
}
