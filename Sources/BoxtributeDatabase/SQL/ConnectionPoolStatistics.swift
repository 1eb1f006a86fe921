/// How one set of a database's connections is used at the moment a snapshot is taken, for the
/// server's metrics. The counts since the database opened only grow.
public struct ConnectionPoolStatistics: Sendable, Equatable {
    /// Which connections: `mysql` (the pool), `sqlite_readers` (the readers lent to requests)
    /// or `sqlite_writer` (the one writer of write transactions).
    public var pool: String
    /// Connections the pool may hold at once.
    public var size: Int
    /// Connections lent out now.
    public var inUse: Int
    /// Times a caller found every connection lent and had to wait for one (SQLite's readers:
    /// statements that ran on the shared reader instead).
    public var waits: Int
    /// Seconds spent waiting, summed over the waits (0 where the engine does not time them).
    public var waitSeconds: Double
    /// Waits that gave up because no connection became free in time.
    public var timeouts: Int

    public init(pool: String, size: Int, inUse: Int, waits: Int, waitSeconds: Double, timeouts: Int) {
        self.pool = pool
        self.size = size
        self.inUse = inUse
        self.waits = waits
        self.waitSeconds = waitSeconds
        self.timeouts = timeouts
    }
}

extension Database {
    public func poolStatistics() -> [ConnectionPoolStatistics] { [] }
}
