import BoxtributeDomain
import Foundation
import Logging

/// Creates and upgrades the schema with numbered migrations (`Migrations/NNNN_name*.sql`,
/// written in MySQL's dialect and translated for SQLite).
///
/// A database that already holds Boxtribute's tables but no migration record (an existing
/// production database, or one loaded with `import-dump`) is used as it is.
public enum SchemaMigrator {
    /// What a database holds.
    public enum State: Sendable, Equatable {
        /// No Boxtribute tables at all.
        case empty
        /// Created by us; the highest applied migration.
        case managed(version: Int)
        /// Boxtribute's tables without our migration record: served unchanged.
        case existing
    }

    struct Migration {
        let version: Int
        let name: String
        let resource: String
    }

    static let migrations = [
        Migration(version: 1, name: "dropapp schema", resource: "0001_dropapp_schema.mysql"),
        Migration(version: 2, name: "reference data", resource: "0002_reference_data"),
        Migration(version: 3, name: "box list indexes", resource: "0003_box_list_indexes"),
        Migration(version: 4, name: "box list covering index", resource: "0004_box_list_covering_index"),
        Migration(version: 5, name: "statistics indexes", resource: "0005_statistics_indexes"),
        Migration(version: 6, name: "box origins and stock overview index", resource: "0006_box_origins"),
    ]

    static let recordTable = "boxtribute_schema_migrations"

    public static func state(of database: any Database) async throws -> State {
        if try await SchemaCatalog.hasTable(recordTable, in: database) {
            let rows = try await database.query("SELECT MAX(version) FROM \(recordTable)", [])
            return .managed(version: rows.first?.int(0) ?? 0)
        }
        return try await SchemaCatalog.hasTable("camps", in: database) ? .existing : .empty
    }

    /// Applies pending migrations, each in its own transaction. Returns the versions applied.
    @discardableResult
    public static func migrate(_ database: any Database, logger: Logger) async throws -> [Int] {
        let current: Int
        switch try await state(of: database) {
        case .existing: return []
        case .managed(let version): current = version
        case .empty: current = 0
        }
        var applied: [Int] = []
        for migration in migrations where migration.version > current {
            let statements = try statements(of: migration, dialect: database.dialect)
            let apply: @Sendable (any SQLConnection) async throws -> Void = { connection in
                if connection.dialect == .sqlite {
                    _ = try await connection.query("PRAGMA defer_foreign_keys = ON", [])
                }
                if migration.version == 1 {
                    _ = try await connection.query(
                        "CREATE TABLE \(recordTable) (version INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL, applied_on VARCHAR(32) NOT NULL)",
                        [])
                }
                for statement in statements { _ = try await connection.query(statement, []) }
                _ = try await connection.execute(
                    "INSERT INTO \(recordTable) (version, name, applied_on) VALUES (?, ?, ?)",
                    [.integer(migration.version), .text(migration.name), .text(UTCClock.now())])
            }
            switch database.dialect {
            case .sqlite: try await database.transaction(apply)
            // The dump's tables reference tables created after them, which MySQL accepts only
            // with foreign-key checks off. MySQL commits DDL at once: a migration that fails
            // halfway leaves the tables it created (the record says it was not applied).
            case .mysql: try await database.transactionWithoutForeignKeys(apply)
            }
            logger.info("applied migration", metadata: ["migration.version": "\(migration.version)"])
            applied.append(migration.version)
        }
        return applied
    }

    static func statements(of migration: Migration, dialect: SQLDialect) throws -> [String] {
        guard
            let url = Bundle.module.url(
                forResource: migration.resource, withExtension: "sql", subdirectory: "Migrations")
        else { throw MissingMigration(resource: migration.resource) }
        let text = try String(contentsOf: url, encoding: .utf8)
        let statements = try MySQLDumpReader.statements(in: text)
        switch dialect {
        case .mysql: return statements.map(\.text)
        case .sqlite:
            return try statements.flatMap { (statement) throws(MySQLDumpError) -> [String] in
                // Plain CREATE INDEX statements are written portably but for MySQL's prefix
                // lengths of TEXT columns, which SQLite does not know.
                let text = statement.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.uppercased().hasPrefix("CREATE INDEX ") { return [strippingPrefixLengths(text)] }
                // MySQL names the table of the index (`DROP INDEX name ON table`); SQLite does not.
                let words = text.split(whereSeparator: \.isWhitespace)
                if words.count == 5, words[0].uppercased() == "DROP", words[1].uppercased() == "INDEX",
                    words[3].uppercased() == "ON"
                {
                    return ["DROP INDEX \(words[2])"]
                }
                return try MySQLToSQLite.translate(statement)
            }
        }
    }

    /// `statement` without MySQL's index prefix lengths: each `(<digits>)` right after an
    /// identifier character or a backtick is removed, so `changes(24)` becomes `changes`.
    static func strippingPrefixLengths(_ statement: String) -> String {
        let characters = Array(statement)
        var result = ""
        result.reserveCapacity(characters.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(", let previous = result.last,
                previous == "`" || previous == "_" || previous.isLetter || previous.isNumber
            {
                var end = index + 1
                while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                if end > index + 1, end < characters.count, characters[end] == ")" {
                    index = end + 1
                    continue
                }
            }
            result.append(character)
            index += 1
        }
        return result
    }

}

/// A migration file is missing from the resource bundle.
public struct MissingMigration: Error, CustomStringConvertible {
    public let resource: String
    public var description: String { "migration \(resource).sql not found in the resource bundle" }
}
