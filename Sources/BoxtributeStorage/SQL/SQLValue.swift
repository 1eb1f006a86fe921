import BoxtributeCore

/// A value bound to or read from a SQL statement, the same for every engine.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public init(_ value: Int?) { self = value.map { .integer($0) } ?? .null }
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
    public init(_ value: Bool) { self = .integer(value ? 1 : 0) }
}

/// Column names of a result, shared by all its rows.
public final class SQLColumns: Sendable {
    public let names: [String]
    let positions: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    public func index(of name: String) -> Int? { positions[name] }
}

/// One result row. Accessors convert leniently: engines differ in how they return
/// numbers, decimals and dates (SQLite as typed values, MySQL's text protocol as text).
public struct SQLRow: Sendable {
    public let columns: SQLColumns
    public let values: [SQLValue]

    public init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(_ index: Int) -> SQLValue { index < values.count ? values[index] : .null }

    public subscript(_ name: String) -> SQLValue { columns.index(of: name).map { values[$0] } ?? .null }

    public func int(_ index: Int) -> Int? { values[index].intValue }
    public func string(_ index: Int) -> String? { values[index].stringValue }
    public func double(_ index: Int) -> Double? { values[index].doubleValue }
    public func bool(_ index: Int) -> Bool { (values[index].intValue ?? 0) != 0 }
    /// A date/time column; zero dates read as `nil`.
    public func timestamp(_ index: Int) -> Timestamp? { values[index].stringValue.flatMap(Timestamp.init) }
}

extension SQLValue {
    public var intValue: Int? {
        switch self {
        case .integer(let value): value
        case .real(let value): Int(value)
        case .text(let text): Int(text) ?? Double(text).map { Int($0) }
        case .null, .blob: nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        case .text(let text): Double(text)
        case .null, .blob: nil
        }
    }

    public var stringValue: String? {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        case .null: nil
        }
    }

    public var isNull: Bool { self == .null }
}
