import GraphQL

/// Writes JSON straight into a byte buffer.
struct JSONWriter {
    var bytes: [UInt8] = []
    /// Bytes after which ``node(_:)`` stops writing: objects shared by identity are written at
    /// every place they appear, so a response can be far larger than its result tree.
    let limit: Int

    init(capacity: Int = 4096, limit: Int = .max) {
        self.limit = limit
        bytes.reserveCapacity(min(capacity, limit))
    }

    /// Whether the output passed the limit (it is then incomplete).
    var isOverLimit: Bool { bytes.count > limit }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most texts need no escaping: copy them in one go.
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func double(_ value: Double) {
        if value.isFinite {
            bytes.append(contentsOf: value.description.utf8)
        } else {
            raw("null")
        }
    }

    mutating func node(_ node: ResultNode) {
        switch node {
        case .null: raw("null")
        case .string(let text): string(text)
        case .int(let value): int(value)
        case .double(let value): double(value)
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .list(let items, _):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                guard bytes.count <= limit else { return }
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                self.node(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let batch, let index):
            guard bytes.count <= limit else { return }
            let row = batch.row(of: index)
            let keys = batch.layout.jsonKeys
            bytes.append(UInt8(ascii: "{"))
            for field in batch.columns.indices {
                bytes.append(contentsOf: keys[field])
                self.node(batch.columns[field][row])
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    mutating func error(_ error: ExecutionError) {
        raw("{\"message\":")
        string(error.message)
        if !error.locations.isEmpty {
            raw(",\"locations\":[")
            for (index, location) in error.locations.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                raw("{\"line\":")
                int(location.line)
                raw(",\"column\":")
                int(location.column)
                raw("}")
            }
            raw("]")
        }
        if !error.path.isEmpty {
            raw(",\"path\":[")
            for (index, component) in error.path.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                switch component {
                case .key(let key): string(key)
                case .index(let position): int(position)
                }
            }
            raw("]")
        }
        if let code = error.code {
            raw(",\"extensions\":{\"code\":")
            string(code)
            if let description = error.description {
                raw(",\"description\":")
                string(description)
            }
            if let additional = error.additionalExtensions {
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: additional.utf8)
            }
            raw("}")
        }
        raw("}")
    }
}
