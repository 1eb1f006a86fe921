import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import Foundation
import Logging

/// The cron jobs (the reference's `routes.py` `cron` and `cron/*.py`), run by `GET /cron/<job>`
/// and `boxtribute cron <job>`.
public enum CronJob: String, CaseIterable, Sendable {
    case reseedDB = "reseed-db"
    case housekeeping
    case internalStats = "internal-stats"
}

/// A job's answer: the HTTP status the route sends and the message.
public struct CronOutcome: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// 200.
        case done
        /// 400: the job was refused (a database not on the allow-list).
        case refused
        /// 500: the job failed.
        case failed
    }

    public var status: Status
    public var message: String

    public init(_ status: Status, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// Runs the cron jobs against one database.
public struct CronRunner: Sendable {
    /// Databases `reseed-db` may replace, by name (the reference's allow-list).
    public static let reseedableDatabases: Set<String> = ["dropapp_dev", "dropapp_staging", "dropapp_demo"]

    public let database: any Database
    public let configuration: OperationsConfiguration
    public let logger: Logger
    /// The clock of the statistics windows.
    public var now: @Sendable () -> Date = { Date() }

    public init(database: any Database, configuration: OperationsConfiguration, logger: Logger) {
        self.database = database
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs `job`. A failure is logged and answered `.failed` with a short message.
    public func run(_ job: CronJob) async -> CronOutcome {
        do {
            switch job {
            case .reseedDB: return try await reseed()
            case .housekeeping:
                let count = try await HousekeepingStore.repairDeletedEmails(in: database)
                return CronOutcome(.done, "cleaned up \(count) email addresses")
            case .internalStats:
                return try await InternalStatsJob(
                    database: database, configuration: configuration, logger: logger, now: now()
                ).run()
            }
        } catch {
            logger.error("cron job failed", metadata: ["job": "\(job.rawValue)", "error": "\(error)"])
            return CronOutcome(.failed, "\(job.rawValue) job failed")
        }
    }

    /// The database's name: MySQL's current database, or an SQLite file's name without its
    /// directory and extension (`/srv/dropapp_dev.sqlite3` is `dropapp_dev`); an in-memory
    /// SQLite database has the name `:memory:`.
    public static func databaseName(of database: any Database) async throws -> String {
        switch database.dialect {
        case .mysql:
            return try await database.query("SELECT DATABASE()", []).first?.string(0) ?? ""
        case .sqlite:
            let rows = try await database.query("PRAGMA database_list", []) { row in
                (name: row.string(1), file: row.string(2))
            }
            guard let file = rows.first(where: { $0.name == "main" })?.file, !file.isEmpty else { return ":memory:" }
            let name = URL(fileURLWithPath: file).lastPathComponent
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
            return String(name[..<dot])
        }
    }

    /// `reseed-db`: only on an allowed database; loads `RESEED_DUMP_FILE` when set, else
    /// replaces the data with the demo data; each all or nothing.
    func reseed() async throws -> CronOutcome {
        let name = try await Self.databaseName(of: database)
        guard Self.reseedableDatabases.contains(name) else {
            return CronOutcome(.refused, "Reset of '\(name)' not permitted")
        }
        if let dump = configuration.reseedDumpFile {
            let report = try await DumpImporter.load(path: dump, into: database)
            logger.info("reseeded from a dump", metadata: ["file": "\(dump)", "statements": "\(report.statements)"])
        } else {
            let summary = try await DemoData.replaceAll(in: database, logger: logger)
            logger.info("reseeded with the demo data", metadata: ["boxes": "\(summary.boxes)"])
        }
        try await BoxOriginStore.refresh(in: database)
        return CronOutcome(.done, "reseed-db job executed")
    }
}
