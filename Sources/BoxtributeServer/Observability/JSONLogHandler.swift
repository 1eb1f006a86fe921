import Foundation
import Logging
import Synchronization

/// A log handler writing one JSON object per line (`LOG_FORMAT=json`), for log collectors:
/// `{"timestamp":"2026-12-06T04:17:13.123Z","level":"info","label":"boxtribute.serve",
/// "message":"request","metadata":{"request.id":"…",…}}`. Keys are always in this order,
/// metadata keys sorted.
///
/// It writes what the code logs, and the code logs neither tokens nor request bodies; as a
/// second line of defence a metadata value whose key names a credential (`token`,
/// `authorization`, `password`, `secret`, `cookie`) is written as `"[redacted]"`.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    /// A handler for `label` writing each line with `write` (standard error by default).
    public init(
        label: String, metadataProvider: Logger.MetadataProvider? = nil,
        write: @escaping @Sendable (String) -> Void = JSONLogHandler.writeToStandardError
    ) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        write(Self.line(date: Date(), level: event.level, label: label, message: "\(event.message)", metadata: merged))
    }

    /// The JSON line of one event (without the newline).
    static func line(
        date: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        var out = "{\"timestamp\":"
        appendString(timestamp(date), to: &out)
        out += ",\"level\":"
        appendString(level.rawValue, to: &out)
        out += ",\"label\":"
        appendString(label, to: &out)
        out += ",\"message\":"
        appendString(message, to: &out)
        if !metadata.isEmpty {
            out += ",\"metadata\":"
            appendObject(metadata, to: &out, redacting: true)
        }
        out += "}"
        return out
    }

    /// Whether a metadata key names a credential.
    static func isSecret(_ key: String) -> Bool {
        let key = key.lowercased()
        return ["token", "authorization", "password", "secret", "cookie"].contains { key.contains($0) }
    }

    private static func appendObject(_ object: Logger.Metadata, to out: inout String, redacting: Bool) {
        out += "{"
        for (index, key) in object.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            appendString(key, to: &out)
            out += ":"
            if redacting, isSecret(key) {
                appendString("[redacted]", to: &out)
            } else if let value = object[key] {
                appendValue(value, to: &out)
            }
        }
        out += "}"
    }

    private static func appendValue(_ value: Logger.Metadata.Value, to out: inout String) {
        switch value {
        case .string(let text): appendString(text, to: &out)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &out)
        case .array(let values):
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += "," }
                appendValue(element, to: &out)
            }
            out += "]"
        case .dictionary(let dictionary): appendObject(dictionary, to: &out, redacting: true)
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `date` in UTC as ISO 8601 with milliseconds.
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let milliseconds = Int((interval - Double(seconds)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), min(999, milliseconds))
    }

    /// Lines from several threads never interleave: each is one `write(2)` under a lock.
    private static let outputLock = Mutex(())

    @Sendable public static func writeToStandardError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        outputLock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(STDERR_FILENO, base + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }
}

/// How the commands log: `LOG_FORMAT=json` gives one JSON object per line, anything else
/// swift-log's text lines; `LOG_LEVEL` sets the level.
public enum LogFormat: String, Sendable {
    case text, json

    /// The format `LOG_FORMAT` names (`json`; unset or anything else: `text`).
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> LogFormat
    {
        environment["LOG_FORMAT"]?.lowercased() == "json" ? .json : .text
    }

    /// Makes every logger of the process log in this format (call once, at start-up; text is
    /// swift-log's default and needs nothing).
    public func bootstrap() {
        guard self == .json else { return }
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
    }
}
