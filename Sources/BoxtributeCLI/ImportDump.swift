import ArgumentParser
import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeServer
import BoxtributeStorage
import Foundation

/// `boxtribute import-dump`: loads a MySQL dump of a Boxtribute database.
struct ImportDump: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-dump",
        abstract: "Replace the database's content with a MySQL dump of a Boxtribute database (one transaction).")

    @Argument(help: "The dump file (e.g. init.sql).") var file: String
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let logger = CommandLogger.make("boxtribute.import")
        // Before the database is opened (and, for a new SQLite file, created).
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw CommandFailure("there is no dump file \(file)")
        }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: file) else {
            throw CommandFailure(
                "cannot read the dump file \(file)" + (isDirectory.boolValue ? ": it is a directory" : ""))
        }
        let location = try ServerConfiguration.fromEnvironment().databaseLocation(override: database.url)
        let db = try await DatabaseOpener.open(location, logger: logger)
        let terminal = isatty(STDERR_FILENO) != 0
        let started = Date()
        do {
            let report = try await DumpImporter.load(path: file, into: db) { statement, table, rows in
                guard terminal, statement % 25 == 0 else { return }
                FileHandle.standardError.write(
                    Data("\r\u{1B}[Kstatement \(statement): \(table ?? "-"), \(rows) rows".utf8))
            }
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let width = report.tables.map(\.name.count).max() ?? 10
            for table in report.tables {
                Console.line(
                    table.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(table.rows))
            }
            let total = report.tables.reduce(0) { $0 + $1.rows }
            Console.line(
                "Imported \(total) rows into \(report.tables.count) tables from \(report.statements) statements in "
                    + String(format: "%.1f s", Date().timeIntervalSince(started)) + ".")
        } catch {
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            await db.close()
            throw CommandFailure("import failed, the database is unchanged: \(error)")
        }
        await db.close()
    }
}
