import BoxtributeDomain

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
///
/// A row handed to a `decode` closure of ``SQLQuerying/query(_:_:decode:)`` may read straight
/// from the engine's current result row: it is valid only during that call.
public struct SQLRow: @unchecked Sendable {
    // @unchecked Sendable: a row on a live statement never leaves the decode call it was made for.
    public let columns: SQLColumns
    private let source: Source
    /// Columns skipped at the start: index 0 of this row is column `offset` of the result.
    private let offset: Int

    private enum Source {
        case values([SQLValue])
        /// The current row of a running SQLite statement.
        case sqliteStatement(OpaquePointer)
    }

    public init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        source = .values(values)
        offset = 0
    }

    private init(columns: SQLColumns, source: Source, offset: Int) {
        self.columns = columns
        self.source = source
        self.offset = offset
    }

    /// The same row without its first `count` columns (a row of a joined table decoded after
    /// the columns that precede it).
    public func droppingFirst(_ count: Int) -> SQLRow {
        SQLRow(columns: columns, source: source, offset: offset + count)
    }

    /// A row read in place from `statement`'s current result row.
    init(columns: SQLColumns, sqliteStatement statement: OpaquePointer) {
        self.columns = columns
        source = .sqliteStatement(statement)
        offset = 0
    }

    /// Every column's value.
    public var values: [SQLValue] {
        switch source {
        case .values(let values): offset == 0 ? values : Array(values.dropFirst(offset))
        case .sqliteStatement(let statement):
            (offset..<columns.names.count).map { SQLiteColumn.value(statement, Int32($0)) }
        }
    }

    /// The row with its values copied out: safe to keep after the statement moves on.
    var owned: SQLRow {
        switch source {
        case .values: self
        case .sqliteStatement:
            SQLRow(columns: columns, source: .values((0..<columns.names.count).map(value)), offset: offset)
        }
    }

    public subscript(_ index: Int) -> SQLValue { index + offset < columns.names.count ? value(index + offset) : .null }

    public subscript(_ name: String) -> SQLValue { columns.index(of: name).map(value) ?? .null }

    /// The value of column `index` of the result, whatever the offset.
    private func value(_ index: Int) -> SQLValue {
        switch source {
        case .values(let values): index < values.count ? values[index] : .null
        case .sqliteStatement(let statement): SQLiteColumn.value(statement, Int32(index))
        }
    }

    public func int(_ index: Int) -> Int? {
        switch source {
        case .values(let values): values[index + offset].intValue
        case .sqliteStatement(let statement): SQLiteColumn.int(statement, Int32(index + offset))
        }
    }

    public func string(_ index: Int) -> String? {
        switch source {
        case .values(let values): values[index + offset].stringValue
        case .sqliteStatement(let statement): SQLiteColumn.string(statement, Int32(index + offset))
        }
    }

    public func double(_ index: Int) -> Double? {
        switch source {
        case .values(let values): values[index + offset].doubleValue
        case .sqliteStatement(let statement): SQLiteColumn.double(statement, Int32(index + offset))
        }
    }

    public func bool(_ index: Int) -> Bool { (int(index) ?? 0) != 0 }

    /// A date/time column; zero dates read as `nil`.
    public func timestamp(_ index: Int) -> Timestamp? {
        switch source {
        case .values(let values): values[index + offset].stringValue.flatMap(Timestamp.init)
        case .sqliteStatement(let statement): SQLiteColumn.timestamp(statement, Int32(index + offset))
        }
    }
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
