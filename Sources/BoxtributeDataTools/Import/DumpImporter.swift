import BoxtributeDatabase
import Foundation
import Logging

/// Loads a MySQL dump of a Boxtribute database, replacing the target database's content.
///
/// The whole dump is read and checked first, so a malformed dump fails before anything is
/// touched; then it loads all or nothing. On SQLite that is one transaction. On MySQL the
/// dump's statements run as they are, in a staging database whose tables replace the target's
/// in one `RENAME TABLE` (see ``loadThroughStaging(_:on:progress:)``).
public enum DumpImporter {
    /// Rows loaded per table, in dump order.
    public struct Report: Sendable {
        public var tables: [(name: String, rows: Int)]
        public var statements: Int
    }

    /// A statement of the dump could not be loaded.
    public struct Failure: Error, CustomStringConvertible {
        public let statementNumber: Int
        public let line: Int
        public let reason: String
        public var description: String {
            statementNumber == 0 ? reason : "statement \(statementNumber) (line \(line)): \(reason)"
        }
    }

    typealias Step = (statement: MySQLDumpStatement, sql: [String], table: String?, rows: Int)

    /// Progress: statements done, bytes read so far is not tracked; the current table name.
    public typealias Progress = @Sendable (_ statement: Int, _ table: String?, _ rowsSoFar: Int) -> Void

    public static func load(path: String, into database: any Database, progress: Progress? = nil) async throws -> Report
    {
        // Read and translate everything first: syntax errors surface before anything is touched.
        var plan: [Step] = []
        do throws(MySQLDumpError) {
            var reader = try MySQLDumpReader(path: path)
            while let statement = try reader.next() {
                switch database.dialect {
                case .sqlite:
                    let translation = try MySQLToSQLite.translateDetailed(statement)
                    plan.append((statement, translation.statements, translation.table, translation.rowCount))
                case .mysql:
                    // Translated only to check the statement and count its rows; it runs as written.
                    let translation = try MySQLToSQLite.translateDetailed(statement)
                    plan.append((statement, [statement.text], translation.table, translation.rowCount))
                }
            }
        } catch {
            throw Failure(statementNumber: error.statementNumber, line: error.line, reason: error.reason)
        }
        let steps = plan
        return try await database.transactionWithoutForeignKeys { connection in
            switch connection.dialect {
            case .sqlite: try await load(steps, on: connection, progress: progress)
            case .mysql: try await loadThroughStaging(steps, on: connection, progress: progress)
            }
        }
    }

    /// MySQL commits DDL at once, so the dump goes into a new staging database first; only
    /// when all of it loaded are the tables swapped in, by one `RENAME TABLE` (atomic). Without
    /// the privilege to create databases, the dump is loaded in place: a statement the server
    /// rejects then leaves the tables loaded before it.
    private static func loadThroughStaging(
        _ steps: [Step], on connection: any SQLConnection, progress: Progress?
    ) async throws -> Report {
        guard let target = try await connection.query("SELECT DATABASE()", []).first?.string(0) else {
            throw Failure(statementNumber: 0, line: 0, reason: "the connection has no current database")
        }
        let suffix = String(UInt32.random(in: 0..<UInt32.max), radix: 36)
        let staging = "\(target.prefix(40))__import_\(suffix)"
        let retired = "\(target.prefix(40))__replaced_\(suffix)"
        do {
            _ = try await connection.query("CREATE DATABASE \(quoted(staging)) CHARACTER SET utf8mb4", [])
        } catch {
            do {
                let report = try await load(steps, on: connection, progress: progress)
                try await resetSession(connection)
                return report
            } catch {
                try? await resetSession(connection)
                throw error
            }
        }
        do {
            _ = try await connection.query("USE \(quoted(staging))", [])
            let report = try await load(steps, on: connection, progress: progress)
            try await resetSession(connection)
            _ = try await connection.query("USE \(quoted(target))", [])
            let replaced = try await tables(of: target, on: connection)
            let loaded = try await tables(of: staging, on: connection)
            _ = try await connection.query("CREATE DATABASE \(quoted(retired))", [])
            let renames =
                replaced.map { "\(quoted(target)).\(quoted($0)) TO \(quoted(retired)).\(quoted($0))" }
                + loaded.map { "\(quoted(staging)).\(quoted($0)) TO \(quoted(target)).\(quoted($0))" }
            if !renames.isEmpty {
                _ = try await connection.query("RENAME TABLE " + renames.joined(separator: ", "), [])
            }
            _ = try await connection.query("DROP DATABASE \(quoted(retired))", [])
            _ = try await connection.query("DROP DATABASE \(quoted(staging))", [])
            return report
        } catch {
            try? await resetSession(connection)
            _ = try? await connection.query("USE \(quoted(target))", [])
            _ = try? await connection.query("DROP DATABASE IF EXISTS \(quoted(staging))", [])
            _ = try? await connection.query("DROP DATABASE IF EXISTS \(quoted(retired))", [])
            throw error
        }
    }

    private static func tables(of schema: String, on connection: any SQLConnection) async throws -> [String] {
        try await connection.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", [.text(schema)]
        ).compactMap { $0.string(0) }
    }

    private static func quoted(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    private static func resetSession(_ connection: any SQLConnection) async throws {
        for statement in [
            "SET SESSION sql_mode = DEFAULT", "SET NAMES utf8mb4", "SET SESSION time_zone = '+00:00'",
            "SET SESSION unique_checks = 1", "SET SESSION sql_notes = 1",
        ] {
            _ = try await connection.query(statement, [])
        }
    }

    private static func load(
        _ steps: [Step], on connection: any SQLConnection, progress: Progress?
    ) async throws -> Report {
        for table in try await existingTables(connection) {
            let name = connection.dialect == .mysql ? quoted(table) : MySQLToSQLite.quoteIdentifier(table)
            _ = try await connection.query("DROP TABLE IF EXISTS \(name)", [])
        }
        var counts: [(name: String, rows: Int)] = []
        var total = 0
        for step in steps {
            for sql in step.sql {
                do {
                    _ = try await connection.query(sql, [])
                } catch let error as DatabaseError {
                    throw Failure(
                        statementNumber: step.statement.number, line: step.statement.line, reason: error.message)
                }
            }
            if let table = step.table, step.rows > 0 {
                if let index = counts.firstIndex(where: { $0.name == table }) {
                    counts[index].rows += step.rows
                } else {
                    counts.append((table, step.rows))
                }
                total += step.rows
            }
            progress?(step.statement.number, step.table, total)
        }
        return Report(tables: counts, statements: steps.count)
    }

    private static func existingTables(_ connection: any SQLConnection) async throws -> [String] {
        let sql =
            switch connection.dialect {
            case .sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            case .mysql: "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
            }
        return try await connection.query(sql, []).compactMap { $0.string(0) }
    }
}
