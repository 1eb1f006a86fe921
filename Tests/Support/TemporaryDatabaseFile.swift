import Foundation

/// A path for a throw-away database file.
public func temporaryDatabasePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("boxtribute-\(UUID().uuidString).sqlite3").path
}

/// Removes a database file and its WAL companions.
public func removeDatabase(at path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
