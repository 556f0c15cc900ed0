/// Runs `body` on the UTF-8 bytes of `string` without copying when the
/// string is stored contiguously (always, for native Swift strings).
@inline(__always)
func withUTF8<S: StringProtocol, Result>(
    of string: S,
    _ body: (UnsafeBufferPointer<UInt8>) -> Result
) -> Result {
    if let result = string.utf8.withContiguousStorageIfAvailable(body) {
        return result
    }
    var copy = String(string)
    return copy.withUTF8(body)
}
