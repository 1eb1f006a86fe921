import BoxtributeDatabase
import Synchronization

/// Statements run through the connections of a request's transactions, for the metrics.
final class StatementCounter: Sendable {
    private let count = Atomic<Int>(0)

    var value: Int { count.load(ordering: .relaxed) }

    func increment() { count.add(1, ordering: .relaxed) }
}

/// A transaction's connection that counts its statements, and otherwise only forwards them.
struct CountedConnection: SQLConnection {
    let connection: any SQLConnection
    let counter: StatementCounter

    var dialect: SQLDialect { connection.dialect }

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        counter.increment()
        return try await connection.query(sql, binds)
    }

    func query<Row>(_ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row) async throws -> [Row] {
        counter.increment()
        return try await connection.query(sql, binds, decode: decode)
    }

    func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        counter.increment()
        return try await connection.queryReusingUntilChange(sql, binds)
    }

    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        counter.increment()
        return try await connection.execute(sql, binds)
    }
}
