import Foundation
import Logging

/// Loads a MySQL dump of a Boxtribute database, replacing the target database's content,
/// in one transaction: a malformed dump leaves the database as it was.
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
                    plan.append((statement, [statement.text], MySQLToSQLite.tableName(of: statement), 0))
                }
            }
        } catch {
            throw Failure(statementNumber: error.statementNumber, line: error.line, reason: error.reason)
        }
        let steps = plan
        return try await database.transactionWithoutForeignKeys { connection in
            for table in try await existingTables(connection) {
                _ = try await connection.query("DROP TABLE IF EXISTS \(MySQLToSQLite.quoteIdentifier(table))", [])
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
