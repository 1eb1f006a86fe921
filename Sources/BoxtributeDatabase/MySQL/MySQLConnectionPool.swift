#if MySQL
    import Logging
    import NIOPosix
    import Synchronization

    /// A bounded pool of MySQL connections whose blocking calls run on a dedicated thread pool.
    ///
    /// At most `size` connections are open; a task asking for one when all are in use waits
    /// (first come, first served) until one is returned, at most `settings.poolTimeout`
    /// seconds, then fails as unavailable. Broken connections are closed instead of being
    /// returned, which frees their slot for a new one.
    final class MySQLConnectionPool: Sendable {
        private struct State {
            var idle: [MySQLConnection] = []
            var open = 0
            /// A waiter receives a connection, or `nil`: "a slot is free, open one".
            var waiters: [Waiter] = []
            var nextWaiterId = 0
            var closed = false
            /// For the metrics: waits so far, their total time, and those that timed out.
            var waits = 0
            var waitTime = Duration.zero
            var timeouts = 0

            /// Removes and returns the first waiter, stopping its timer.
            mutating func popWaiter() -> CheckedContinuation<MySQLConnection?, any Error>? {
                guard !waiters.isEmpty else { return nil }
                let waiter = waiters.removeFirst()
                waiter.timer?.cancel()
                waitTime += ContinuousClock.now - waiter.since
                return waiter.continuation
            }
        }

        private struct Waiter {
            let id: Int
            let continuation: CheckedContinuation<MySQLConnection?, any Error>
            /// When the wait began.
            let since: ContinuousClock.Instant
            /// Fails the wait when no connection became free in time.
            var timer: Task<Void, Never>?
        }

        private enum Grant {
            case connection(MySQLConnection)
            case openNew
            case replace(MySQLConnection)
            case closed
            case wait(id: Int)
        }

        let settings: MySQLSettings
        let size: Int
        private let threads: NIOThreadPool
        private let logger: Logger
        private let state = Mutex(State())

        init(settings: MySQLSettings, size: Int, logger: Logger) {
            self.settings = settings
            self.size = max(1, size)
            self.logger = logger
            // One thread per connection: a connection blocks at most one thread at a time.
            threads = NIOThreadPool(numberOfThreads: self.size)
            threads.start()
        }

        /// Runs blocking work on the pool's threads. Not cancellable once queued, so that a
        /// cancelled request never leaves a connection halfway through a statement.
        func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                threads.submit { state in
                    guard case .active = state else {
                        continuation.resume(throwing: Self.closedError)
                        return
                    }
                    continuation.resume(with: Result(catching: body))
                }
            }
        }

        /// A connection for exclusive use; give it back with ``release(_:)``. `fresh` skips idle
        /// connections (after one turned out dead, the others may be too).
        func acquire(fresh: Bool = false) async throws -> MySQLConnection {
            let granted = try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<MySQLConnection?, any Error>) in
                let grant = state.withLock { state -> Grant in
                    if state.closed { return .closed }
                    if !fresh, let connection = state.idle.popLast() { return .connection(connection) }
                    if state.open < size {
                        state.open += 1
                        return .openNew
                    }
                    if fresh, let connection = state.idle.popLast() { return .replace(connection) }
                    let id = state.nextWaiterId
                    state.nextWaiterId += 1
                    state.waiters.append(Waiter(id: id, continuation: continuation, since: .now))
                    state.waits += 1
                    return .wait(id: id)
                }
                switch grant {
                case .connection(let connection): continuation.resume(returning: connection)
                case .openNew: continuation.resume(returning: nil)
                case .replace(let connection):
                    closeInBackground(connection)
                    continuation.resume(returning: nil)
                case .closed:
                    continuation.resume(throwing: Self.closedError)
                case .wait(let id): startTimer(forWaiter: id)
                }
            }
            if let granted { return granted }
            do {
                let settings = settings
                let connection = try await run { try MySQLConnection(settings: settings) }
                logger.debug("opened MySQL connection", metadata: ["mysql.connection": "\(connection.serverId)"])
                return connection
            } catch {
                freeSlot()
                throw error
            }
        }

        /// Gives a connection back; a broken one is closed and its slot freed.
        func release(_ connection: MySQLConnection) {
            if connection.isBroken {
                logger.debug(
                    "discarding broken MySQL connection", metadata: ["mysql.connection": "\(connection.serverId)"])
                closeInBackground(connection)
                freeSlot()
                return
            }
            let outcome = state.withLock { state -> (CheckedContinuation<MySQLConnection?, any Error>?, close: Bool) in
                if state.closed {
                    state.open -= 1
                    return (nil, true)
                }
                if let waiter = state.popWaiter() { return (waiter, false) }
                state.idle.append(connection)
                return (nil, false)
            }
            if outcome.close { closeInBackground(connection) }
            outcome.0?.resume(returning: connection)
        }

        /// Closes every idle connection (after a lost connection: the server may have restarted).
        func discardIdle() {
            let idle = state.withLock { state -> [MySQLConnection] in
                let idle = state.idle
                state.idle.removeAll()
                return idle
            }
            for connection in idle {
                closeInBackground(connection)
                freeSlot()
            }
        }

        /// Connections open now (idle and in use), for tests and logs.
        var openConnections: Int { state.withLock { $0.open } }

        /// How the pool is used now, for the metrics.
        var statistics: ConnectionPoolStatistics {
            state.withLock { state in
                let waitTime = state.waitTime.components
                return ConnectionPoolStatistics(
                    pool: "mysql", size: size, inUse: max(0, state.open - state.idle.count), waits: state.waits,
                    waitSeconds: Double(waitTime.seconds) + Double(waitTime.attoseconds) / 1e18,
                    timeouts: state.timeouts)
            }
        }

        /// Closes idle connections and refuses new requests; connections in use close on release.
        func close() async {
            let (idle, waiters) = state.withLock { state in
                state.closed = true
                let result = (state.idle, state.waiters)
                state.open -= state.idle.count
                state.idle.removeAll()
                state.waiters.removeAll()
                return result
            }
            for waiter in waiters {
                waiter.timer?.cancel()
                waiter.continuation.resume(throwing: Self.closedError)
            }
            for connection in idle { _ = try? await run { connection.close() } }
            try? await threads.shutdownGracefully()
        }

        private func freeSlot() {
            let waiter = state.withLock { state -> CheckedContinuation<MySQLConnection?, any Error>? in
                if !state.closed, let waiter = state.popWaiter() { return waiter }
                state.open -= 1
                return nil
            }
            waiter?.resume(returning: nil)
        }

        /// Fails waiter `id` as unavailable unless it is served within `settings.poolTimeout`.
        private func startTimer(forWaiter id: Int) {
            let timeout = Duration.seconds(settings.poolTimeout)
            let timer = Task { [weak self] in
                try? await Task.sleep(for: timeout)
                guard !Task.isCancelled else { return }
                self?.expire(waiter: id)
            }
            let served = state.withLock { state -> Bool in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return true }
                state.waiters[index].timer = timer
                return false
            }
            if served { timer.cancel() }
        }

        private func expire(waiter id: Int) {
            let expired = state.withLock { state -> CheckedContinuation<MySQLConnection?, any Error>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                let waiter = state.waiters.remove(at: index)
                state.timeouts += 1
                state.waitTime += ContinuousClock.now - waiter.since
                return waiter.continuation
            }
            guard let expired else { return }
            logger.warning("no MySQL connection became free in time", metadata: ["mysql.pool": "\(size)"])
            expired.resume(
                throwing: DatabaseError(
                    kind: .unavailable,
                    message:
                        "MySQL: no pooled connection became free within \(settings.poolTimeout) s (pool of \(size))"))
        }

        static let closedError = DatabaseError(kind: .unavailable, message: "MySQL: the database is closed")

        private func closeInBackground(_ connection: MySQLConnection) {
            threads.submit { _ in connection.close() }
        }
    }
#endif
