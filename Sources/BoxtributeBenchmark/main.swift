import BoxtributeCore
import BoxtributeGraphQL
import BoxtributeServer
import BoxtributeStorage
import Foundation
import Logging
import Synchronization

// In-process benchmark of the GraphQL layer: executes the benchmark scenarios against an
// in-memory demo database and splits the time into SQL and the rest (executor + JSON).
// Run with `swift run -c release boxtribute-benchmark [boxes] [iterations]`.

/// Measures the time spent in SQL statements.
final class TimedDatabase: Database {
    let base: any Database
    let nanoseconds = Atomic<Int>(0)
    init(_ base: any Database) { self.base = base }
    var dialect: SQLDialect { base.dialect }
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            nanoseconds.add(
                Int(elapsed.components.attoseconds / 1_000_000_000) + Int(elapsed.components.seconds) * 1_000_000_000,
                ordering: .relaxed)
        }
        return try await base.query(sql, binds)
    }
    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await base.transaction(body)
    }
    func transactionWithoutForeignKeys<T: Sendable>(
        _ body: @Sendable (any SQLConnection) async throws -> T
    ) async throws -> T {
        try await base.transactionWithoutForeignKeys(body)
    }
    func close() async { await base.close() }
}

let arguments = CommandLine.arguments
let boxes = arguments.count > 1 ? Int(arguments[1]) ?? 5000 : 5000
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 300 : 300
var logger = Logger(label: "boxtribute.benchmark")
logger.logLevel = .warning
let memory = try await SQLiteDatabase.open(path: ":memory:", logger: logger)
_ = try await DemoData.seed(into: memory, boxes: boxes, logger: logger)
let database = TimedDatabase(memory)
let api = try GraphQLAPI(variant: .full)
let user = CurrentUser(
    id: 2, organisationId: 1, permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [1]))
let scenarios: [(String, String)] = [
    ("organisations_and_bases", "{ organisations { id name } bases { id name organisation { id name } } }"),
    (
        "box_page_50",
        #"{ boxes(baseId: "1") { totalCount pageInfo { hasNextPage endCursor } elements { id labelIdentifier state numberOfItems comment lastModifiedOn product { id name gender category { id name } sizeRange { id name } } size { id name } location { id name } tags { id name color } qrCode { code } } } }"#
    ),
    ("box_page_50_ids", #"{ boxes(baseId: "1") { elements { id } } }"#),
    (
        "box_page_50_ten_leaves",
        #"{ boxes(baseId: "1") { elements { id labelIdentifier state numberOfItems comment lastModifiedOn createdOn deletedOn weight monetaryValue } } }"#
    ),
    ("box_page_50_product", #"{ boxes(baseId: "1") { elements { id product { id } } } }"#),
]
print("boxes: \(boxes), iterations: \(iterations)")
for (name, query) in scenarios {
    let request = GraphQLRequest(query: query)
    _ = await api.handle(request, context: ResolverContext(user: user, database: database))
    database.nanoseconds.store(0, ordering: .relaxed)
    let start = ContinuousClock.now
    var bytes = 0
    for _ in 0..<iterations {
        bytes = await api.handle(request, context: ResolverContext(user: user, database: database)).body.count
    }
    let total = ContinuousClock.now - start
    let perRequest =
        Double(total.components.seconds) * 1e3 / Double(iterations)
        + Double(total.components.attoseconds) / 1e15 / Double(iterations)
    let sql = Double(database.nanoseconds.load(ordering: .relaxed)) / 1e6 / Double(iterations)
    print(
        String(
            format: "%-26@ %7.3f ms/request  sql %7.3f ms  rest %7.3f ms  (%d bytes)", name as NSString, perRequest,
            sql, perRequest - sql, bytes))
}
// The statements alone, straight on the database.
let statements: [(String, String, [SQLValue])] = [
    ("organisations", "SELECT id, label FROM organisations WHERE deleted IS NULL ORDER BY id", []),
    (
        "box page rows",
        """
        SELECT s.id, s.box_id, s.product_id, s.size_id, s.items, s.location_id, s.box_state_id, s.qr_id, s.comments, \
        s.display_unit_id, s.measure_value, s.weight, s.weight_display_unit_id, s.monetary_value, s.distro_event_id, \
        s.source_box_id, s.deleted, s.created, s.created_by, s.modified, s.modified_by \
        FROM stock s CROSS JOIN locations l ON l.id = s.location_id WHERE l.camp_id = ? \
        AND (s.deleted IS NULL OR s.deleted = '0000-00-00 00:00:00') AND s.id > ? ORDER BY s.modified DESC, s.id DESC LIMIT 51
        """, [.integer(1), .integer(0)]
    ),
]
for (name, sql, binds) in statements {
    let start = ContinuousClock.now
    for _ in 0..<iterations { _ = try await memory.query(sql, binds) }
    let total = ContinuousClock.now - start
    print(
        String(
            format: "statement %-18@ %7.3f ms", name as NSString,
            (Double(total.components.seconds) * 1e3 + Double(total.components.attoseconds) / 1e15) / Double(iterations))
    )
}
// Decoding a request body.
let body = Data(#"{"query": "{ boxes(baseId: \"1\") { elements { id } } }", "variables": {"id": "1"}}"#.utf8)
let decodeStart = ContinuousClock.now
for _ in 0..<iterations { _ = try JSONDecoder().decode(GraphQLRequest.self, from: body) }
let decodeTotal = ContinuousClock.now - decodeStart
print(
    String(
        format: "request body decode      %7.3f ms",
        (Double(decodeTotal.components.seconds) * 1e3 + Double(decodeTotal.components.attoseconds) / 1e15)
            / Double(iterations)))
let trivial = GraphQLRequest(query: "{ __typename }")
let trivialStart = ContinuousClock.now
for _ in 0..<iterations { _ = await api.handle(trivial, context: ResolverContext(user: user, database: database)) }
let trivialTotal = ContinuousClock.now - trivialStart
print(
    String(
        format: "{ __typename }           %7.3f ms",
        (Double(trivialTotal.components.seconds) * 1e3 + Double(trivialTotal.components.attoseconds) / 1e15)
            / Double(iterations)))
// Authenticating a (cached) development token.
let keyPath = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).pem").path
let key = try DevelopmentTokens.loadOrCreateKey(at: keyPath)
try? FileManager.default.removeItem(atPath: keyPath)
let configuration = ServerConfiguration()
let verifier = try await TokenVerifier(configuration: configuration, developmentKey: key, logger: logger)
let token = try await DevelopmentTokens.mint(DevelopmentTokens.Request(), key: key, configuration: configuration)
_ = await verifier.authenticate(authorization: "Bearer " + token)
let authStart = ContinuousClock.now
for _ in 0..<iterations { _ = await verifier.authenticate(authorization: "Bearer " + token) }
let authTotal = ContinuousClock.now - authStart
print(
    String(
        format: "authenticate (cached)    %7.3f ms",
        (Double(authTotal.components.seconds) * 1e3 + Double(authTotal.components.attoseconds) / 1e15)
            / Double(iterations)))
await memory.close()
