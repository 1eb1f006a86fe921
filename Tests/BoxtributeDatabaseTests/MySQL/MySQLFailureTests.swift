#if MySQL
    import BoxtributeDatabase
    import BoxtributeTestSupport
    import Foundation
    import Logging
    import Testing

    /// How the MariaDB driver fails: a hung server (behind a proxy that stops forwarding), a
    /// connection lost at COMMIT, an exhausted pool, an unreachable server. Runs when
    /// `BOXTRIBUTE_TEST_MYSQL_URL` is set (see `MySQLTestServer`).
    @Suite(.enabled(if: MySQLTestServer.isConfigured, "BOXTRIBUTE_TEST_MYSQL_URL is not set"))
    struct MySQLFailureTests {
        static let logger: Logger = {
            var logger = Logger(label: "boxtribute.tests.mysql-failures")
            logger.logLevel = .critical
            return logger
        }()

        /// A fresh database reached through a pausable proxy, with timeouts of a few seconds.
        private func withProxiedDatabase(
            poolSize: Int = 2, _ body: (any Database, PausableTCPProxy) async throws -> Void
        ) async throws {
            let proxy = try PausableTCPProxy(upstreamPort: try MySQLTestServer.settings().port)
            let database = try await MySQLTestServer.makeEmptyDatabase(poolSize: poolSize) { settings in
                settings.host = "127.0.0.1"
                settings.port = proxy.port
                settings.socket = nil
                settings.connectTimeout = 2
                settings.readTimeout = 2
                settings.writeTimeout = 2
                settings.poolTimeout = 3
            }
            do {
                try await body(database, proxy)
            } catch {
                proxy.resume()
                await database.close()
                proxy.stop()
                throw error
            }
            proxy.resume()
            await database.close()
            proxy.stop()
        }

        /// Runs `work` until it succeeds (the server answers again), at most `attempts` times.
        private func eventually<T>(attempts: Int = 20, _ work: () async throws -> T) async throws -> T {
            var lastError: (any Error)?
            for _ in 0..<attempts {
                do { return try await work() } catch { lastError = error }
                try await Task.sleep(for: .milliseconds(250))
            }
            throw lastError ?? CancellationError()
        }

        @Test func aHungServerFailsRequestsAsUnavailableWithinTheTimeoutsAndThePoolRecovers() async throws {
            try await withProxiedDatabase { database, proxy in
                _ = try await database.query("CREATE TABLE item (id INT PRIMARY KEY)", [])
                _ = try await database.transaction { try await $0.execute("INSERT INTO item VALUES (1)", []) }
                proxy.pause()
                let started = ContinuousClock.now
                // Four readers on a pool of two: two wait on their connection, two for one.
                let kinds = await withTaskGroup(of: DatabaseError.Kind?.self) { group in
                    for _ in 0..<4 {
                        group.addTask {
                            await DatabaseError.thrown {
                                _ = try await database.query("SELECT COUNT(*) FROM item", [])
                            }?.kind
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                let write = await DatabaseError.thrown {
                    _ = try await database.transaction { try await $0.execute("INSERT INTO item VALUES (2)", []) }
                }
                let elapsed = ContinuousClock.now - started
                #expect(kinds == Array(repeating: .unavailable, count: 4))
                #expect(write?.kind == .unavailable)
                #expect(write?.isRetryable == true)
                // Bounded by the timeouts (2-3 s per wait), far from "as long as the server hangs".
                #expect(elapsed < .seconds(25))
                proxy.resume()
                let count = try await eventually { try await database.query("SELECT COUNT(*) FROM item", []) }
                #expect(count.first?.int(0) == 1)
                _ = try await eventually {
                    try await database.transaction { try await $0.execute("INSERT INTO item VALUES (3)", []) }
                }
                #expect(try await database.query("SELECT id FROM item WHERE id = 3", []).count == 1)
            }
        }

        @Test func aConnectionLostWhileCommitIsInFlightLeavesTheOutcomeUnknown() async throws {
            try await withProxiedDatabase { database, proxy in
                _ = try await database.query("CREATE TABLE item (id INT PRIMARY KEY)", [])
                // The server stops answering after the transaction's last statement: COMMIT is
                // sent and its answer never comes.
                let atCommit = await DatabaseError.thrown {
                    _ = try await database.transaction { connection in
                        try await connection.execute("INSERT INTO item VALUES (7)", [])
                        proxy.pause()
                    }
                }
                #expect(atCommit?.kind == .commitOutcomeUnknown)
                #expect(atCommit?.isRetryable == false)
                proxy.resume()
                // Whether row 7 was saved is up to the server (the held COMMIT reaches it on
                // resume): "unknown" is the honest answer. The database works again.
                _ = try await eventually { try await database.query("SELECT id FROM item", []) }
                // A statement before COMMIT that gets no answer: nothing was committed.
                let beforeCommit = await DatabaseError.thrown {
                    _ = try await database.transaction { connection in
                        proxy.pause()
                        try await connection.execute("INSERT INTO item VALUES (8)", [])
                    }
                }
                #expect(beforeCommit?.kind == .unavailable)
                proxy.resume()
                let rows = try await eventually { try await database.query("SELECT id FROM item ORDER BY id", []) }
                #expect(!rows.contains { $0.int(0) == 8 })
                _ = try await database.transaction { try await $0.execute("INSERT INTO item VALUES (9)", []) }
                #expect(try await database.query("SELECT id FROM item WHERE id = 9", []).count == 1)
            }
        }

        @Test func aRequestWaitingForAPooledConnectionGivesUpAfterThePoolTimeout() async throws {
            let database = try await MySQLTestServer.makeEmptyDatabase(poolSize: 1) { $0.poolTimeout = 1 }
            // The one connection is busy for 10 s; the waiting request gives up after its 1 s
            // pool timeout, long before the connection is free (the bound leaves room for a
            // loaded machine).
            let busy = Task { try await database.query("SELECT SLEEP(10)", []) }
            try await Task.sleep(for: .milliseconds(300))
            let started = ContinuousClock.now
            let waited = await DatabaseError.thrown { _ = try await database.query("SELECT 1", []) }
            #expect(waited?.kind == .unavailable)
            #expect(ContinuousClock.now - started < .seconds(7))
            _ = try await busy.value
            #expect(try await database.query("SELECT 1 + ?", [.integer(1)]).first?.int(0) == 2)
            await database.close()
        }

        @Test func connectionFailuresAndRefusedRequestsAreClassified() async throws {
            var settings = try MySQLTestServer.settings()
            settings.socket = nil
            settings.host = "127.0.0.1"
            // Nothing listens there: the connection is refused, a retry may succeed later.
            let closedProxy = try PausableTCPProxy(upstreamPort: settings.port)
            settings.port = closedProxy.port
            closedProxy.stop()
            let refused = await DatabaseError.thrown {
                _ = try await MySQLDatabase.open(settings: settings, logger: Self.logger)
            }
            #expect(refused?.kind == .unavailable)
            #expect(refused.flatMap(\.code).map { (2000..<3000).contains($0) } == true)
            // Wrong credentials: the server answers and refuses, no retry helps.
            var wrongPassword = try MySQLTestServer.settings()
            wrongPassword.password += "-wrong"
            let denied = await DatabaseError.thrown {
                _ = try await MySQLDatabase.open(settings: wrongPassword, logger: Self.logger)
            }
            #expect(denied?.kind == .other)
            #expect(denied?.code == 1045)
            let database = try await MySQLTestServer.makeEmptyDatabase(poolSize: 1)
            let missing = await DatabaseError.thrown { _ = try await database.query("SELECT * FROM no_such_table", []) }
            #expect(missing?.kind == .other)
            #expect(missing?.code == 1146)
            await database.close()
        }
    }
#endif
