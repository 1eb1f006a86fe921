import BoxtributeDatabase
import BoxtributeTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import BoxtributeServer

/// The server's periodic summary of box origins for the created-boxes statistics.
@Suite("Box origin summaries while serving")
struct BoxOriginServiceTests {
    @Test("each round adds the settled boxes to box_origins; a graceful shutdown ends the rounds")
    func rounds() async throws {
        let database = try await Fixtures.makeDatabase()
        let logger = Logger.quiet("boxtribute.tests.box-origins")
        let boxes = try await database.query("SELECT COUNT(*) FROM stock", []).first?.int(0) ?? 0
        #expect(boxes > 0)
        let service = BoxOriginService(database: database, logger: logger, interval: .milliseconds(50))
        let group = ServiceGroup(services: [service], logger: logger)
        let running = Task { try await group.run() }
        // A bound on a stall, not a speed figure.
        let deadline = ContinuousClock.now + .seconds(60)
        var summarised = 0
        while ContinuousClock.now < deadline {
            summarised = try await database.query("SELECT COUNT(*) FROM box_origins", []).first?.int(0) ?? 0
            if summarised == boxes { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(summarised == boxes)
        await group.triggerGracefulShutdown()
        try await running.value
        await database.close()
    }
}
