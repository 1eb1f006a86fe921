import ArgumentParser
import BoxtributeDatabase
import BoxtributeServer
import Foundation

/// `boxtribute backup`: an online copy of a SQLite database, or the dump command for MySQL.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a live SQLite database to a file (SQLite's backup API); for MySQL, print the dump command.")

    @Option(help: "The file to write.") var to: String
    @Flag(help: "Overwrite the file when it exists.") var force = false
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let location = try ServerConfiguration.fromEnvironment().databaseLocation(override: database.url)
        switch location {
        case .mysql(let settings):
            Console.line(Self.dumpCommand(settings, to: to))
        case .sqlite(let path):
            guard path != ":memory:" else {
                throw ValidationError("an in-memory database has nothing to back up")
            }
            let started = ContinuousClock.now
            let report: SQLiteBackup.Report
            do {
                report = try SQLiteBackup.copy(from: path, to: to, overwrite: force)
            } catch {
                throw ValidationError("backup failed, nothing written: \(error)")
            }
            let elapsed = ContinuousClock.now - started
            Console.line(
                "Backed up sqlite:\(path) to \(to): \(report.pages) pages, "
                    + String(format: "%.1f MB in %.1f s.", Double(report.bytes) / 1_000_000, elapsed.seconds))
        }
    }

    /// The consistent dump of a MySQL database (one snapshot of InnoDB tables, without locking
    /// them), as a command to run; `--password` asks for the password, which is never printed.
    static func dumpCommand(_ settings: MySQLSettings, to file: String) -> String {
        var words = ["mariadb-dump", "--single-transaction", "--routines", "--triggers"]
        if let socket = settings.socket {
            words.append("--socket=\(CommandPrefix.quoted(socket))")
        } else {
            words += ["--host=\(CommandPrefix.quoted(settings.host))", "--port=\(settings.port)"]
        }
        words += [
            "--user=\(CommandPrefix.quoted(settings.user))", "--password", CommandPrefix.quoted(settings.database),
        ]
        return """
            # MySQL/MariaDB: run this (mysqldump takes the same options); it asks for the password.
            \(words.joined(separator: " ")) > \(CommandPrefix.quoted(file))
            """
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
