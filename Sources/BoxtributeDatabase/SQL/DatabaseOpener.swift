import Logging

/// Opens the database a location names.
public enum DatabaseOpener {
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> any Database {
        switch location {
        case .sqlite(let path):
            return try await SQLiteDatabase.open(path: path, logger: logger)
        case .mysql(let settings):
            #if MySQL
                return try await MySQLDatabase.open(settings: settings, logger: logger)
            #else
                _ = settings
                throw UnsupportedEngine(
                    reason: "MySQL support is not built into this binary; build with `--traits MySQL`")
            #endif
        }
    }
}

/// The requested engine is not available in this build.
public struct UnsupportedEngine: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
