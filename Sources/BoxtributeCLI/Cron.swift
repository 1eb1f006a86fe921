import ArgumentParser
import BoxtributeDatabase
import BoxtributeOperations
import BoxtributeServer
import Foundation
import Logging

/// `boxtribute cron <job>`: runs a cron job as `GET /cron/<job>` does, for schedulers without HTTP.
struct Cron: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a cron job: reseed-db, housekeeping or internal-stats (as GET /cron/<job>).")

    @Argument(help: "The job: reseed-db, housekeeping or internal-stats.") var job: String
    @OptionGroup var database: DatabaseOption

    func validate() throws {
        guard CronJob(rawValue: job) != nil else { throw ValidationError("unknown job '\(job)'") }
    }

    func run() async throws {
        guard let cronJob = CronJob(rawValue: self.job) else { throw ValidationError("unknown job '\(self.job)'") }
        let logger = CommandLogger.make("boxtribute.cron")
        let configuration = try ServerConfiguration.fromEnvironment()
        let location = try configuration.databaseLocation(override: database.url)
        let db = try await DatabaseOpener.open(location, logger: logger)
        let outcome = await CronRunner(database: db, configuration: configuration.operations, logger: logger).run(
            cronJob)
        await db.close()
        Console.line(outcome.message)
        if outcome.status != .done { throw ExitCode.failure }
    }
}
