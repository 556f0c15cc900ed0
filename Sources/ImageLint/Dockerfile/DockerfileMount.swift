/// A `RUN --mount=…` value: a CSV record of `key=value` fields, read like
/// Go's `encoding/csv` (quoted fields with `""` for a quote; a quote inside
/// an unquoted field is an error), with keys compared case-insensitively.
struct DockerfileMount {
    /// One field: its text and, for each byte, its index in the flag value.
    struct Field {
        var bytes: [UInt8]
        var indices: [Int]
    }

    struct SyntaxError: Error {
        var message: String
    }

    var type = "bind"
    /// The `from` value and the indices of its bytes in the flag value.
    var from: Field?

    /// Whether `from` names a source for this mount type (bind and cache).
    var usesFrom: Bool { type == "bind" || type == "cache" }

    init(_ value: [UInt8]) throws(SyntaxError) {
        for field in try DockerfileMount.fields(value) {
            let bytes = field.bytes
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else {
                let key = String(decoding: bytes, as: UTF8.self).lowercased()
                guard ["readonly", "ro", "readwrite", "rw", "required"].contains(key) else {
                    throw SyntaxError(message: "invalid field '\(String(decoding: bytes, as: UTF8.self))' must be a key=value pair")
                }
                continue
            }
            let key = String(decoding: bytes[..<equals], as: UTF8.self).lowercased()
            let valueBytes = Array(bytes[(equals + 1)...])
            switch key {
            case "type":
                type = String(decoding: valueBytes, as: UTF8.self).lowercased()
            case "from":
                from = Field(bytes: valueBytes, indices: Array(field.indices[(equals + 1)...]))
            default:
                break
            }
        }
    }

    /// The fields of one CSV record.
    static func fields(_ value: [UInt8]) throws(SyntaxError) -> [Field] {
        guard !value.isEmpty else { throw SyntaxError(message: "failed to parse csv mounts: EOF") }
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        var fields: [Field] = []
        var i = 0
        while true {
            var field = Field(bytes: [], indices: [])
            if i < value.count, value[i] == quote {
                i += 1
                var closed = false
                while i < value.count {
                    if value[i] == quote {
                        if i + 1 < value.count, value[i + 1] == quote {
                            field.bytes.append(quote)
                            field.indices.append(i)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    field.bytes.append(value[i])
                    field.indices.append(i)
                    i += 1
                }
                guard closed, i == value.count || value[i] == comma else {
                    throw SyntaxError(message: "failed to parse csv mounts: extraneous or missing \" in quoted-field")
                }
            } else {
                while i < value.count, value[i] != comma {
                    if value[i] == quote {
                        throw SyntaxError(message: "failed to parse csv mounts: bare \" in non-quoted-field")
                    }
                    field.bytes.append(value[i])
                    field.indices.append(i)
                    i += 1
                }
            }
            fields.append(field)
            guard i < value.count else { return fields }
            i += 1
        }
    }
}
