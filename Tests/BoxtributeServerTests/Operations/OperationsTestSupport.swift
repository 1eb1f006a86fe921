import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeTestSupport
import Foundation
import Logging
import Testing

/// The engines the operations tests run on: SQLite always, MariaDB when
/// `BOXTRIBUTE_TEST_MYSQL_URL` is set (and the MySQL trait is built).
enum Engine: String, Sendable, CustomTestStringConvertible {
    case sqlite, mysql

    static var available: [Engine] {
        #if MySQL
            if MySQLTestServer.isConfigured { return [.sqlite, .mysql] }
        #endif
        return [.sqlite]
    }

    var testDescription: String { rawValue }

    /// The standard fixtures on this engine.
    func fixtureDatabase() async throws -> any Database {
        switch self {
        case .sqlite: try await Fixtures.makeSQLiteDatabase()
        case .mysql: try await Fixtures.makeDatabase()
        }
    }

    /// The standard fixtures and ``Fixtures/BaseAccess`` on this engine.
    func baseAccessDatabase() async throws -> any Database {
        let database = try await fixtureDatabase()
        try await Fixtures.BaseAccess.load(into: database)
        return database
    }

    /// ``Fixtures/InternalStats`` on this engine.
    func internalStatsDatabase() async throws -> any Database {
        try await Fixtures.InternalStats.makeDatabase(sqlite: self == .sqlite)
    }
}

extension SQLQuerying {
    /// The rows of `sql` as text cells (`NULL` for null), for before/after comparisons.
    func textRows(_ sql: String, _ binds: [SQLValue] = []) async throws -> [[String]] {
        try await query(sql, binds) { row in
            row.values.map { value in
                switch value {
                case .null: "NULL"
                case .integer(let number): String(number)
                case .real(let number): String(number)
                case .text(let text): text
                case .blob(let bytes): "blob(\(bytes.count))"
                }
            }
        }
    }

    func integer(_ sql: String, _ binds: [SQLValue] = []) async throws -> Int? {
        try await query(sql, binds) { row in row.int(0) }.first ?? nil
    }

    func text(_ sql: String, _ binds: [SQLValue] = []) async throws -> String? {
        try await query(sql, binds) { row in row.string(0) }.first ?? nil
    }
}
