import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import Logging
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real `boxtribute serve` is killed with SIGKILL at random (seeded) moments while a
/// client moves 50 boxes back and forth between two locations, then restarted on the same
/// database. After every kill: each move is all-or-nothing (the 50 boxes share one location,
/// and every box's location history is an unbroken chain ending at its location), every move
/// the client saw acknowledged is there, and the restarted server answers.
///
/// `BOXTRIBUTE_CRASH_ROUNDS` (default 3) sets the number of kills, `BOXTRIBUTE_CRASH_SEED`
/// the seed of the kill moments.
@Suite("Crash recovery", .serialized)
struct CrashRecoveryTests {
    static let rounds = ProcessInfo.processInfo.environment["BOXTRIBUTE_CRASH_ROUNDS"].flatMap(Int.init) ?? 3
    static let seed = ProcessInfo.processInfo.environment["BOXTRIBUTE_CRASH_SEED"].flatMap(UInt64.init) ?? 20_240_612

    static let logger: Logger = {
        var logger = Logger(label: "boxtribute.tests.crash")
        logger.logLevel = .critical
        return logger
    }()

    @Test("SQLite: SIGKILL during bulk moves loses no acknowledged move and splits none")
    func sqlite() async throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await run(databaseURL: "sqlite:\(directory.path)/crash.sqlite3", directory: directory)
    }

    #if MySQL
        @Test(
            "MariaDB: SIGKILL during bulk moves loses no acknowledged move and splits none",
            .enabled(if: MySQLTestServer.isConfigured, "BOXTRIBUTE_TEST_MYSQL_URL is not set"))
        func mysql() async throws {
            let directory = try CommandLineTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let (name, url) = try await MySQLTestServer.makeEmptyDatabaseURL()
            do {
                try await run(databaseURL: url, directory: directory) {
                    // The killed server's sessions end (and roll back) on the server's own time:
                    // look only once they are gone, so that nothing commits after the check.
                    for _ in 0..<100 {
                        if try await MySQLTestServer.sessions(on: name) == 0 { return }
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    Issue.record("the killed server's sessions did not end")
                }
            } catch {
                await MySQLTestServer.dropDatabase(named: name)
                throw error
            }
            await MySQLTestServer.dropDatabase(named: name)
        }
    #endif

    /// The whole scenario on one database. `settle` runs after each kill, before the check.
    private func run(
        databaseURL: String, directory: URL, settle: () async throws -> Void = {}
    ) async throws {
        let server = CrashTestServer(databaseURL: databaseURL, directory: directory)
        defer { server.stop() }
        // A small demo dataset (300 boxes, 91 of them in stock in base 1), seeded before the first
        // start: quick on a busy MariaDB too, where `serve`'s default dataset took minutes.
        let seeded = try CommandLineTests.run(["seed", "--database", databaseURL, "--boxes", "300"])
        try #require(seeded.status == 0, "seed failed: \(seeded.error)")
        try await server.start()
        let token = try server.token(user: 2, base: 1)
        let location = try DatabaseLocation(url: databaseURL)
        let (boxes, (first, second)) = try await withDatabase(location) { try await CrashTestBoxes.pick(in: $0) }
        // All 50 in one place first; the history after this is what the rounds wrote.
        #expect(await server.client(token: token).move(boxes.labels, to: first, all: false) == .acknowledged)
        let gathered = try await withDatabase(location) { try await boxes.locations(in: $0) }
        try #require(gathered.count == 50 && Set(gathered.values) == [first])
        let baseline = try await withDatabase(location) { try await CrashTestBoxes.lastHistoryId(in: $0) }

        var generator = SplitMix64(seed: Self.seed)
        var current = first
        var acknowledged = 0
        var committedUnacknowledged = 0
        for round in 1...max(1, Self.rounds) {
            if round > 1 { try await server.start(timeout: .seconds(30)) }
            let delay = Duration.milliseconds(Int.random(in: 0..<400, using: &generator))
            let outcome = try await moveUntilKilled(
                boxes, between: (first, second), startingAt: current, token: token, server: server,
                killDelay: delay)
            try await settle()
            let comment = "round \(round), seed \(Self.seed)"
            #expect(outcome.refusals.isEmpty, "\(outcome.refusals.prefix(3)); \(comment)")
            acknowledged += outcome.acknowledged
            let now = try await withDatabase(location) { try await boxes.locations(in: $0) }
            let places = Set(now.values)
            // All-or-nothing: a move is never half-applied.
            #expect(now.count == 50 && places.count == 1, "locations \(places); \(comment)")
            guard let place = places.first, places.count == 1 else { return }
            // The move in flight at the kill may or may not have committed; any other is acknowledged.
            if place != outcome.lastTarget {
                #expect(place == outcome.inFlightTarget, "\(comment)")
                committedUnacknowledged += 1
            }
            current = place
            try await checkHistory(
                boxes, after: baseline, start: first, current: place,
                expectedMoves: acknowledged + committedUnacknowledged, in: location, comment: comment)
        }
        // The server answers again after the last kill, and its answer is durable.
        try await server.start(timeout: .seconds(30))
        let target = current == first ? second : first
        #expect(await server.client(token: token).move(boxes.labels, to: target) == .acknowledged)
        server.stop()
        let final = try await withDatabase(location) { try await boxes.locations(in: $0) }
        #expect(Set(final.values) == [target])
        try await checkHistory(
            boxes, after: baseline, start: first, current: target,
            expectedMoves: acknowledged + committedUnacknowledged + 1, in: location,
            comment: "after the last restart, seed \(Self.seed)")
    }

    struct RoundOutcome {
        var acknowledged = 0
        /// Where the last acknowledged move went (the starting location if none was).
        var lastTarget = 0
        /// Where the move cut off by the kill was going.
        var inFlightTarget = 0
        var refusals: [String] = []
    }

    /// Moves the boxes back and forth, one request at a time, until the server is killed
    /// `killDelay` after the round's first acknowledged move. Bounded in requests and time.
    private func moveUntilKilled(
        _ boxes: CrashTestBoxes, between locations: (Int, Int), startingAt current: Int, token: String,
        server: CrashTestServer, killDelay: Duration
    ) async throws -> RoundOutcome {
        let firstAcknowledged = AsyncStream<Void>.makeStream()
        let client = server.client(token: token)
        let mover = Task {
            var outcome = RoundOutcome(lastTarget: current)
            var target = current == locations.0 ? locations.1 : locations.0
            let deadline = ContinuousClock.now + .seconds(30)
            for _ in 0..<2_000 where ContinuousClock.now < deadline {
                outcome.inFlightTarget = target
                switch await client.move(boxes.labels, to: target) {
                case .acknowledged:
                    outcome.acknowledged += 1
                    outcome.lastTarget = target
                    if outcome.acknowledged == 1 { firstAcknowledged.continuation.yield() }
                    target = target == locations.0 ? locations.1 : locations.0
                case .refused(let reason):
                    outcome.refusals.append(reason)
                    return outcome
                case .noAnswer:
                    return outcome
                }
            }
            return outcome
        }
        // Kill only after the restarted server has answered once: that it answers is part of the test.
        let answered = Task {
            for await _ in firstAcknowledged.stream { return true }
            return false
        }
        let timeout = Task {
            try? await Task.sleep(for: .seconds(20))
            firstAcknowledged.continuation.finish()
        }
        let didAnswer = await answered.value
        timeout.cancel()
        #expect(didAnswer, "the server did not acknowledge a move after its start")
        try await Task.sleep(for: killDelay)
        server.kill()
        return await mover.value
    }

    /// Every box's location changes since `after` form one chain from `start` to `current`,
    /// one entry per committed move, the same number for every box.
    private func checkHistory(
        _ boxes: CrashTestBoxes, after baseline: Int, start: Int, current: Int, expectedMoves: Int,
        in location: DatabaseLocation, comment: String
    ) async throws {
        let history = try await withDatabase(location) { try await boxes.locationHistory(after: baseline, in: $0) }
        for id in boxes.ids {
            let entries = history[id] ?? []
            var at = start
            var unbroken = true
            for entry in entries {
                if entry.from != at { unbroken = false }
                at = entry.to
            }
            #expect(
                unbroken && at == current, "box \(id): history chain broken or not ending at \(current); \(comment)")
            #expect(entries.count == expectedMoves, "box \(id): \(entries.count) moves recorded; \(comment)")
        }
    }

    private func withDatabase<T: Sendable>(
        _ location: DatabaseLocation, _ body: (any Database) async throws -> T
    ) async throws -> T {
        let database = try await DatabaseOpener.open(location, logger: Self.logger)
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}
