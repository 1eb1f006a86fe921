import ArgumentParser
import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeServer
import BoxtributeStorage
import Foundation

/// `boxtribute seed`: fills a fresh database with the deterministic demo data.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the schema and load deterministic demo data.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Number of boxes to generate.") var boxes = 1500

    func run() async throws {
        let logger = CommandLogger.make("boxtribute.seed")
        let location = try ServerConfiguration.fromEnvironment().databaseLocation(override: database.url)
        let db = try await DatabaseOpener.open(location, logger: logger)
        let terminal = isatty(STDERR_FILENO) != 0
        do {
            let summary = try await DemoData.seed(into: db, boxes: boxes, logger: logger) { table, rows in
                guard terminal else { return }
                FileHandle.standardError.write(Data("\r\u{1B}[K\(table): \(rows) rows".utf8))
            }
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            Console.line(summary.description)
            try await BoxOriginStore.refresh(in: db)
        } catch {
            await db.close()
            throw error
        }
        await db.close()
    }
}
