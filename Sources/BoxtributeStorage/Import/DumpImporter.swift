import Foundation
import Logging

/// Loads a MySQL dump of a Boxtribute database, replacing the target database's content.
///
/// The whole dump is read and checked first, so a malformed dump fails before anything is
/// touched. On SQLite the load is then one transaction. On MySQL the dump's statements run as
/// they are, in one transaction with foreign-key checks off; but MySQL commits DDL (and
/// `LOCK TABLES`) at once, so a statement the server rejects part-way (say, a duplicate key)
/// leaves the tables loaded so far: import into a database you can load again.
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
        public var description: String { "statement \(statementNumber) (line \(line)): \(reason)" }
    }

    /// Progress: statements done, bytes read so far is not tracked; the current table name.
    public typealias Progress = @Sendable (_ statement: Int, _ table: String?, _ rowsSoFar: Int) -> Void

    public static func load(path: String, into database: any Database, progress: Progress? = nil) async throws -> Report
    {
        // Read and translate everything first: syntax errors surface before anything is touched.
        var plan: [(statement: MySQLDumpStatement, sql: [String], table: String?, rows: Int)] = []
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
            // The dump's own SET statements change the session (SQL mode, character set);
            // the pooled connection gets the server defaults back whatever happens.
            guard connection.dialect == .mysql else { return try await load(steps, on: connection, progress: progress) }
            do {
                let report = try await load(steps, on: connection, progress: progress)
                try await resetSession(connection)
                return report
            } catch {
                try? await resetSession(connection)
                throw error
            }
        }
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
        _ steps: [(statement: MySQLDumpStatement, sql: [String], table: String?, rows: Int)],
        on connection: any SQLConnection, progress: Progress?
    ) async throws -> Report {
        for table in try await existingTables(connection) {
            let name =
                connection.dialect == .mysql
                ? "`\(table.replacingOccurrences(of: "`", with: "``"))`" : MySQLToSQLite.quoteIdentifier(table)
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
