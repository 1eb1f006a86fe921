import Foundation
// The SQLite that sqlite-nio vendors, whose C API includes the online backup functions.
import VaporCSQLite

/// An online copy of a live SQLite database with SQLite's backup API
/// (`sqlite3_backup_init`/`step`/`finish`), while other processes (the server) may be writing.
///
/// The copy is taken in one step, inside one read transaction of the source: in WAL mode
/// readers do not block the writer, so the server goes on writing, and the copy is the
/// database as of the moment that transaction began, consistent whatever was being written.
public enum SQLiteBackup {
    /// What a backup copied.
    public struct Report: Sendable {
        /// Pages copied, and their size in bytes.
        public let pages: Int
        public let bytes: Int
    }

    /// A backup that could not be taken; nothing was left at the destination.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Copies the database at `source` into `destination`. An existing `destination` is
    /// refused unless `overwrite`; the copy is written beside it under a temporary name and
    /// checked (`PRAGMA quick_check`) before it takes the name, so `destination` never holds
    /// half a copy.
    public static func copy(from source: String, to destination: String, overwrite: Bool) throws(Failure) -> Report {
        let files = FileManager.default
        guard files.fileExists(atPath: source) else { throw Failure(description: "no SQLite database at \(source)") }
        if !overwrite, files.fileExists(atPath: destination) {
            throw Failure(description: "\(destination) exists; pass --force to overwrite it")
        }
        let partial = destination + ".partial-\(UInt32.random(in: .min ... .max))"
        defer { try? files.removeItem(atPath: partial) }
        let report = try copyPages(from: source, to: partial)
        try check(partial)
        if overwrite {
            guard rename(partial, destination) == 0 else {
                throw Failure(description: "cannot write \(destination): \(String(cString: strerror(errno)))")
            }
        } else {
            // `link` fails when the name exists: a file that appeared meanwhile is not replaced.
            guard link(partial, destination) == 0 else {
                let reason =
                    errno == EEXIST ? "it exists; pass --force to overwrite it" : String(cString: strerror(errno))
                throw Failure(description: "cannot write \(destination): \(reason)")
            }
        }
        return report
    }

    private static func copyPages(from source: String, to destination: String) throws(Failure) -> Report {
        // Read-write without CREATE: a reader of a WAL database needs the `-shm` file, and a
        // missing database must not be created empty.
        let sourceDB = try open(source, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI)
        defer { sqlite_nio_sqlite3_close_v2(sourceDB) }
        let destinationDB = try open(destination, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        defer { sqlite_nio_sqlite3_close_v2(destinationDB) }
        // The server's writer holds its lock for one transaction at a time: wait for it.
        sqlite_nio_sqlite3_busy_timeout(sourceDB, 10_000)
        sqlite_nio_sqlite3_busy_timeout(destinationDB, 10_000)
        guard let backup = sqlite_nio_sqlite3_backup_init(destinationDB, "main", sourceDB, "main") else {
            throw Failure(description: "SQLite backup: \(String(cString: sqlite_nio_sqlite3_errmsg(destinationDB)))")
        }
        // -1: every page in one step, so one read transaction sees one state of the database.
        // Busy or locked (a checkpoint at that moment): try again shortly.
        var status = SQLITE_BUSY
        for attempt in 0..<100 where status == SQLITE_BUSY || status == SQLITE_LOCKED {
            if attempt > 0 { usleep(100_000) }
            status = sqlite_nio_sqlite3_backup_step(backup, -1)
        }
        let pages = Int(sqlite_nio_sqlite3_backup_pagecount(backup))
        let finished = sqlite_nio_sqlite3_backup_finish(backup)
        guard status == SQLITE_DONE, finished == SQLITE_OK else {
            let message = String(cString: sqlite_nio_sqlite3_errmsg(destinationDB))
            throw Failure(description: "SQLite backup failed (\(status)): \(message)")
        }
        let pageSize = (try? integer("PRAGMA page_size", on: destinationDB)) ?? 0
        return Report(pages: pages, bytes: pages * pageSize)
    }

    /// Fails unless the copy at `path` passes SQLite's quick integrity check.
    private static func check(_ path: String) throws(Failure) {
        // Read-write: the copy keeps the source's WAL mode, whose readers need a `-shm` file.
        let db = try open(path, flags: SQLITE_OPEN_READWRITE)
        defer { sqlite_nio_sqlite3_close_v2(db) }
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &statement, nil) == SQLITE_OK,
            let statement
        else { throw Failure(description: "cannot check the copy: \(String(cString: sqlite_nio_sqlite3_errmsg(db)))") }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW,
            let text = sqlite_nio_sqlite3_column_text(statement, 0).map({ String(cString: $0) }), text == "ok"
        else { throw Failure(description: "the copy failed SQLite's integrity check") }
    }

    private static func open(_ path: String, flags: Int32) throws(Failure) -> OpaquePointer {
        var db: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite_nio_sqlite3_close_v2(db) }
            throw Failure(description: "cannot open \(path): \(message)")
        }
        return db
    }

    private static func integer(_ sql: String, on db: OpaquePointer) throws(Failure) -> Int {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(description: "cannot run \(sql)")
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW else {
            throw Failure(description: "no answer to \(sql)")
        }
        return Int(sqlite_nio_sqlite3_column_int64(statement, 0))
    }
}
