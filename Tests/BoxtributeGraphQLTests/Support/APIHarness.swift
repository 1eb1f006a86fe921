import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import OrderedCollections

/// Runs documents against one API variant over a fresh fixture database.
struct APIHarness {
    let api: GraphQLAPI
    let database: any Database
    /// Clock and label source of mutations: fixed, so results are predictable.
    var environment = MutationEnvironment.fixed()
    /// The statistics' settings of the requests (production's differ).
    var statistics = StatisticsSettings.standard

    /// The answer to one request.
    struct Answer {
        let kind: GraphQLAnswer.Kind
        let json: JSONValue
        let statements: Int
        /// Bytes of the response body.
        var size = 0
        var data: JSONValue? { json["data"] }
        var errors: [JSONValue] { json["errors"]?.array ?? [] }
        /// `extensions.code` of the first error.
        var firstCode: String? { errors.first?["extensions"]?["code"]?.string }
    }

    /// Production's limits, but a request may run for minutes: the suites run hundreds of tests at
    /// once on two cores, where a page can wait longer than production's time limit. Tests bound
    /// stalls, not speed; the time limit has its own tests.
    static let testLimits = GraphQLLimits(timeLimit: .seconds(300))

    /// An API of `variant` with the tests' limits.
    static func api(_ variant: APIVariant = .full, introspection: Bool = true) throws -> GraphQLAPI {
        try GraphQLAPI(variant: variant, introspection: introspection, limits: testLimits)
    }

    static func make(_ variant: APIVariant = .full, introspection: Bool = true) async throws -> APIHarness {
        APIHarness(
            api: try api(variant, introspection: introspection),
            database: try await Fixtures.makeDatabase())
    }

    /// An API of `variant` over the standard fixtures and the statistics rows.
    static func makeStatistics(
        _ variant: APIVariant = .full, settings: StatisticsSettings = .standard
    ) async throws -> APIHarness {
        APIHarness(
            api: try api(variant), database: try await Fixtures.Statistics.makeDatabase(),
            statistics: settings)
    }

    /// The same data through an API of `variant` with `limits`.
    func limited(_ limits: GraphQLLimits, variant: APIVariant = .full) throws -> APIHarness {
        APIHarness(
            api: try GraphQLAPI(variant: variant, limits: limits), database: database, environment: environment,
            statistics: statistics)
    }

    func run(
        _ query: String, variables: [String: Map] = [:], operationName: String? = nil,
        as user: CurrentUser? = Fixtures.lesvosCoordinator
    ) async -> Answer {
        let context = ResolverContext(
            user: user, database: database, environment: environment, statistics: statistics)
        let response = await api.handle(
            GraphQLRequest(query: query, variables: variables, operationName: operationName), context: context)
        return Answer(
            kind: response.kind, json: JSONValue.parse(response.body) ?? .null, statements: context.statementCount,
            size: response.body.count)
    }
}

extension APIHarness {
    /// The rows of a read statement on the harness database, as text (NULL → nil).
    func rows(_ sql: String, _ binds: [SQLValue] = []) async throws -> [[String?]] {
        try await database.query(sql, binds).map { row in row.values.map(\.stringValue) }
    }

    /// The first column of the first row of a read statement, as text.
    func scalar(_ sql: String, _ binds: [SQLValue] = []) async throws -> String? {
        try await rows(sql, binds).first?.first ?? nil
    }

    /// Runs write statements on the harness database in one transaction (a test's own rows).
    func execute(_ statements: String...) async throws {
        try await database.transaction { connection in
            for statement in statements { _ = try await connection.execute(statement, []) }
        }
    }

    /// `SELECT COUNT(*) FROM <from>`.
    func count(_ from: String) async throws -> Int {
        Int(try await scalar("SELECT COUNT(*) FROM \(from)") ?? "") ?? -1
    }

    /// The `history.changes` texts the fixture-time mutations wrote for one record, in order.
    func historyChanges(_ table: String, recordId: Int) async throws -> [String] {
        try await rows(
            "SELECT changes FROM history WHERE tablename = ? AND record_id = ? AND changedate = ? ORDER BY id",
            [.text(table), .integer(recordId), .text(MutationEnvironment.fixtureNow)]
        ).compactMap { $0.first ?? nil }
    }

    /// ``historyChanges(_:recordId:)`` for a typed id.
    func historyChanges<Entity>(_ table: String, recordId: Tagged<Entity, Int>) async throws -> [String] {
        try await historyChanges(table, recordId: recordId.rawValue)
    }
}

extension ResolverContext {
    /// A context on a new SQL session of `database`.
    convenience init(
        user: CurrentUser?, database: any Database, environment: MutationEnvironment = .live,
        statistics: StatisticsSettings = .standard, clientIsGone: @escaping @Sendable () -> Bool = { false }
    ) {
        self.init(
            user: user, session: SQLRequestSession(database: database), environment: environment,
            statistics: statistics, clientIsGone: clientIsGone)
    }
}

extension Map {
    /// A typed id as the GraphQL number a client sends.
    init<Entity>(_ id: Tagged<Entity, Int>) { self = .number(Number(id.rawValue)) }
}
