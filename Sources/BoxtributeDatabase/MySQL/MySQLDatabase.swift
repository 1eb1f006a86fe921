#if MySQL
    import Logging

    /// MySQL or MariaDB through MariaDB Connector/C: a bounded pool of connections whose
    /// blocking calls run on a dedicated thread pool.
    ///
    /// Reads outside transactions run on any pooled connection; when the connection turns out
    /// to be dead (server restarted, idle connection dropped) the statement is retried once on a
    /// new connection. Transactions run on one connection in READ COMMITTED; a transaction
    /// whose connection is lost fails and is not retried, unless it was lost at `START TRANSACTION`.
    /// A connection lost while `COMMIT` was in flight fails as
    /// ``DatabaseError/Kind/commitOutcomeUnknown``: the server may have committed.
    ///
    /// Every wait is bounded by the settings' timeouts (connect, read, write, free connection),
    /// so a hung server fails requests as ``DatabaseError/Kind/unavailable`` instead of holding them.
    public final class MySQLDatabase: Database {
        public let dialect = SQLDialect.mysql
        let pool: MySQLConnectionPool

        private init(pool: MySQLConnectionPool) {
            self.pool = pool
        }

        public func poolStatistics() -> [ConnectionPoolStatistics] { [pool.statistics] }

        /// Connects to the server of `settings` with at most `settings.poolSize` connections; one
        /// connection is opened now so that wrong settings fail at start-up.
        public static func open(settings: MySQLSettings, logger: Logger) async throws -> MySQLDatabase {
            let pool = MySQLConnectionPool(settings: settings, size: settings.poolSize, logger: logger)
            do {
                let connection = try await pool.acquire()
                pool.release(connection)
            } catch {
                await pool.close()
                throw error
            }
            logger.debug(
                "opened MySQL database",
                metadata: [
                    "mysql.server": "\(settings.host):\(settings.port)", "mysql.database": "\(settings.database)",
                    "mysql.pool": "\(pool.size)",
                ])
            return MySQLDatabase(pool: pool)
        }

        public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            let connection = try await pool.acquire()
            let started = ContinuousClock.now
            do {
                let rows = try await pool.run { try connection.query(sql, binds) }
                pool.release(connection)
                return rows
            } catch {
                let lost = connection.isBroken
                pool.release(connection)
                // A statement that waited out the read timeout met a hung server, not a stale
                // connection: a second attempt would only double the wait.
                guard lost, !ranIntoReadTimeout(since: started) else { throw error }
                // Not inside a transaction, so running it again on a new connection is safe.
                pool.discardIdle()
                let fresh = try await pool.acquire(fresh: true)
                defer { pool.release(fresh) }
                return try await pool.run { try fresh.query(sql, binds) }
            }
        }

        public func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T
        {
            try await run(body, foreignKeys: true)
        }

        public func transactionWithoutForeignKeys<T: Sendable>(
            _ body: @Sendable (any SQLConnection) async throws -> T
        )
            async throws -> T
        {
            try await run(body, foreignKeys: false)
        }

        private func run<T: Sendable>(
            _ body: @Sendable (any SQLConnection) async throws -> T, foreignKeys: Bool
        )
            async throws -> T
        {
            let connection = try await begin(foreignKeys: foreignKeys)
            let session = MySQLSession(connection: connection, pool: pool)
            let result: T
            do {
                result = try await body(session)
            } catch {
                await rollBack(connection, foreignKeys: foreignKeys)
                throw error
            }
            do {
                try await pool.run { _ = try connection.execute("COMMIT", []) }
            } catch let error as DatabaseError where connection.isBroken {
                pool.release(connection)
                throw Self.lostAtCommit(error)
            } catch {
                await rollBack(connection, foreignKeys: foreignKeys)
                throw error
            }
            if !foreignKeys {
                // Committed already: a failure here must not report the transaction as failed.
                try? await pool.run {
                    do { _ = try connection.execute("SET FOREIGN_KEY_CHECKS = 1", []) } catch { connection.close() }
                }
            }
            pool.release(connection)
            return result
        }

        /// Rolls back and gives the connection back to the pool; a connection in an unknown
        /// state is closed instead.
        private func rollBack(_ connection: MySQLConnection, foreignKeys: Bool) async {
            try? await pool.run {
                do {
                    _ = try connection.execute("ROLLBACK", [])
                    if !foreignKeys { _ = try connection.execute("SET FOREIGN_KEY_CHECKS = 1", []) }
                } catch {
                    // A connection in an unknown state must not go back to the pool.
                    connection.close()
                }
            }
            pool.release(connection)
        }

        /// The failure of a `COMMIT` whose connection was lost: when the request was sent and
        /// its answer went missing (lost during the statement, read timeout), the server may
        /// have committed; when the connection was gone before (or the server killed it), the
        /// server rolled back and the failure is an ordinary unavailable database.
        static func lostAtCommit(_ error: DatabaseError) -> DatabaseError {
            guard let code = error.code, MySQLConnection.lostInFlightCodes.contains(UInt32(clamping: code)) else {
                return error
            }
            return DatabaseError(
                kind: .commitOutcomeUnknown,
                message: "MySQL: lost the connection while COMMIT was in flight; the transaction may or may not have "
                    + "been committed: \(error.message)", code: code)
        }

        /// Whether a statement started at `started` failed only after waiting out the read timeout.
        private func ranIntoReadTimeout(since started: ContinuousClock.Instant) -> Bool {
            ContinuousClock.now - started >= .seconds(pool.settings.readTimeout) - .milliseconds(500)
        }

        /// A pooled connection inside `START TRANSACTION`; a connection found dead at the start
        /// is replaced once.
        private func begin(foreignKeys: Bool) async throws -> MySQLConnection {
            var fresh = false
            while true {
                let connection = try await pool.acquire(fresh: fresh)
                let started = ContinuousClock.now
                do {
                    try await pool.run {
                        if !foreignKeys { _ = try connection.execute("SET FOREIGN_KEY_CHECKS = 0", []) }
                        _ = try connection.execute("START TRANSACTION", [])
                    }
                    return connection
                } catch {
                    let lost = connection.isBroken
                    pool.release(connection)
                    guard lost, !fresh, !ranIntoReadTimeout(since: started) else { throw error }
                    pool.discardIdle()
                    fresh = true
                }
            }
        }

        public func close() async {
            await pool.close()
        }
    }

    /// One pooled connection inside a transaction, seen through the engine-neutral interface.
    struct MySQLSession: SQLConnection {
        let connection: MySQLConnection
        let pool: MySQLConnectionPool
        var dialect: SQLDialect { .mysql }

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            let connection = connection
            return try await pool.run { try connection.query(sql, binds) }
        }

        @discardableResult
        func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
            let connection = connection
            return try await pool.run { try connection.execute(sql, binds) }
        }
    }
#endif
