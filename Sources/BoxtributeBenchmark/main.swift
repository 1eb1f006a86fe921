import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeServer
import BoxtributeStorage
import Foundation
import Logging
import Synchronization

// In-process benchmark of the request path below HTTP: GraphQL scenarios against an in-memory
// demo database (split into SQL and the rest: executor and JSON), single statements, request
// decoding and cached token authentication.
// Run with `swift run -c release boxtribute-benchmark [boxes] [iterations] [scenario] [--database URL]`:
// without a URL (or DATABASE_URL) an in-memory SQLite database; an empty database named by
// the URL gets the schema and demo data first, one with data is measured as it is. A scenario
// name runs that GraphQL scenario only and lists its statements (for profiling). The
// statistics scenarios run STATISTICS_ITERATIONS times (default 5).

/// Measures the time spent in SQL statements.
final class TimedDatabase: Database {
    let base: any Database
    let nanoseconds = Atomic<Int>(0)
    /// Time and count per statement text, when profiling one scenario.
    let perStatement = Mutex<[String: (nanoseconds: Int, count: Int)]>([:])
    init(_ base: any Database) { self.base = base }
    var dialect: SQLDialect { base.dialect }
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await timed(sql) { try await base.query(sql, binds) }
    }
    func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await timed(sql) { try await base.queryReusingUntilChange(sql, binds) }
    }
    func query<Row>(_ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row) async throws -> [Row] {
        try await timed(sql) { try await base.query(sql, binds, decode: decode) }
    }
    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await base.transaction(body)
    }
    func openReadSession() -> (any ReadSession)? {
        base.openReadSession().map { TimedReadSession(base: $0, database: self) }
    }
    /// Times a statement run by `body`, in total and per statement text.
    func timed<Row>(_ sql: String, _ body: () async throws -> [Row]) async rethrows -> [Row] {
        let start = ContinuousClock.now
        defer {
            let elapsed = Int(milliseconds(ContinuousClock.now - start) * 1e6)
            nanoseconds.add(elapsed, ordering: .relaxed)
            perStatement.withLock {
                $0[sql, default: (0, 0)].nanoseconds += elapsed; $0[sql, default: (0, 0)].count += 1
            }
        }
        return try await body()
    }
    func transactionWithoutForeignKeys<T: Sendable>(
        _ body: @Sendable (any SQLConnection) async throws -> T
    )
        async throws -> T
    {
        try await base.transactionWithoutForeignKeys(body)
    }
    func close() async { await base.close() }
}

/// Measures the statements of a read session like ``TimedDatabase``.
final class TimedReadSession: ReadSession, @unchecked Sendable {
    let base: any ReadSession
    let database: TimedDatabase
    var dialect: SQLDialect { base.dialect }
    init(base: any ReadSession, database: TimedDatabase) {
        self.base = base
        self.database = database
    }
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await database.timed(sql) { try await base.query(sql, binds) }
    }
    func queryReusingUntilChange(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await database.timed(sql) { try await base.queryReusingUntilChange(sql, binds) }
    }
    func query<Row>(_ sql: String, _ binds: [SQLValue], decode: (SQLRow) throws -> Row) async throws -> [Row] {
        try await database.timed(sql) { try await base.query(sql, binds, decode: decode) }
    }
    func close() { base.close() }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

/// Average milliseconds of `body` over `iterations` runs.
///
/// `@concurrent`, and so is `body`: top-level code runs on the main actor, and a loop there
/// would hop to the global executor and back on every call, which a server never does.
@concurrent func average(_ iterations: Int, _ body: @concurrent () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    for _ in 0..<iterations { try await body() }
    return milliseconds(ContinuousClock.now - start) / Double(iterations)
}

/// CPU time of the whole process so far, in milliseconds: steadier than wall time on a busy machine.
func processCPUMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) * 1e3 + Double(usage.ru_utime.tv_usec) / 1e3
    let system = Double(usage.ru_stime.tv_sec) * 1e3 + Double(usage.ru_stime.tv_usec) / 1e3
    return user + system
}

func report(_ name: String, _ value: Double, _ detail: String = "") {
    print(name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%7.3f ms", value) + detail)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var databaseURL = ProcessInfo.processInfo.environment["DATABASE_URL"]
if let flag = arguments.firstIndex(of: "--database"), flag + 1 < arguments.count {
    databaseURL = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
let boxes = arguments.count > 0 ? Int(arguments[0]) ?? 5000 : 5000
let iterations = arguments.count > 1 ? Int(arguments[1]) ?? 300 : 300
let only = arguments.count > 2 ? arguments[2] : nil
// PARALLEL=N: N tasks send requests side by side (does CPU per request grow with cores?). The
// first figure is then wall time per request; cpu, sql and rest (cpu - sql) are per request.
let parallel = max(1, Int(ProcessInfo.processInfo.environment["PARALLEL"] ?? "1") ?? 1)
var logger = Logger(label: "boxtribute.benchmark")
logger.logLevel = .warning
let memory: any Database
if let databaseURL {
    memory = try await DatabaseOpener.open(try DatabaseLocation(url: databaseURL), logger: logger)
    switch try await SchemaMigrator.state(of: memory) {
    case .empty: _ = try await DemoData.seed(into: memory, boxes: boxes, logger: logger)
    // As `serve` does: a database of ours gets the migrations it lacks (the statistics' indexes).
    case .managed: _ = try await SchemaMigrator.migrate(memory, logger: logger)
    case .existing: break
    }
} else {
    memory = try await SQLiteDatabase.open(path: ":memory:", logger: logger)
    _ = try await DemoData.seed(into: memory, boxes: boxes, logger: logger)
}
// As `serve` does at start: the created boxes read the settled boxes' origins.
try await BoxOriginStore.refresh(in: memory)
let database = TimedDatabase(memory)
let api = try GraphQLAPI(variant: .full)
let user = CurrentUser(
    id: 2, organisationId: 1, permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [1]))
let boxPage = """
    { boxes(baseId: "1") { totalCount pageInfo { hasNextPage endCursor } elements { id labelIdentifier state \
    numberOfItems comment lastModifiedOn product { id name gender category { id name } sizeRange { id name } } \
    size { id name } location { id name } tags { id name color } qrCode { code } } } }
    """
let scenarios: [(String, String)] = [
    ("organisations_and_bases", "{ organisations { id name } bases { id name organisation { id name } } }"),
    ("box_page_50", boxPage),
    ("box_page_50_ids", #"{ boxes(baseId: "1") { elements { id } } }"#),
    (
        "box_page_50_ten_leaves",
        #"{ boxes(baseId: "1") { elements { id labelIdentifier state numberOfItems comment lastModifiedOn createdOn deletedOn weight monetaryValue } } }"#
    ),
    ("box_page_50_product", #"{ boxes(baseId: "1") { elements { id product { id } } } }"#),
    ("typename", "{ __typename }"),
]
// The statistics dashboard's cubes of base 1, with the fields the front-end asks for: each
// groups the whole base in SQL, so they run `STATISTICS_ITERATIONS` times (default 5).
let statisticsScenarios: [(String, String)] = [
    (
        "created_boxes",
        "{ createdBoxes(baseId: 1) { facts { boxesCount productId categoryId createdOn tagIds gender itemsCount } "
            + "dimensions { product { id name gender } category { id name } tag { id name color } } } }"
    ),
    (
        "moved_boxes",
        "{ movedBoxes(baseId: 1) { facts { movedOn targetId categoryId sizeId boxesCount itemsCount gender "
            + "productName tagIds organisationName } dimensions { category { id name } size { id name } "
            + "target { id name type deletedOn } } } }"
    ),
    (
        "stock_overview",
        "{ stockOverview(baseId: 1) { facts { productName categoryId gender boxesCount itemsCount sizeId tagIds "
            + "boxState locationId } dimensions { category { id name } size { id name } tag { id name color } "
            + "location { id name } } } }"
    ),
    (
        "beneficiary_demographics",
        "{ beneficiaryDemographics(baseId: 1) { facts { count createdOn age gender tagIds } "
            + "dimensions { tag { id name color } } } }"
    ),
]
let statisticsIterations = max(
    1, Int(ProcessInfo.processInfo.environment["STATISTICS_ITERATIONS"] ?? "5") ?? 5)
print("engine: \(memory.dialect.rawValue), boxes: \(boxes), iterations: \(iterations)")
for (name, query, iterations) in scenarios.map({ ($0.0, $0.1, iterations) })
    + statisticsScenarios.map({ ($0.0, $0.1, statisticsIterations) })
where only == nil || only == name {
    let request = GraphQLRequest(query: query)
    let bytes = await api.handle(
        request, context: ResolverContext(user: user, session: SQLRequestSession(database: database))
    ).body.count
    database.nanoseconds.store(0, ordering: .relaxed)
    let cpuStart = processCPUMilliseconds()
    // Wall time per request over `parallel` tasks sending requests side by side.
    let wallStart = ContinuousClock.now
    await withTaskGroup(of: Double.self) { group in
        for _ in 0..<parallel {
            group.addTask {
                await average(max(1, iterations / parallel)) {
                    _ = await api.handle(
                        request, context: ResolverContext(user: user, session: SQLRequestSession(database: database)))
                }
            }
        }
        for await _ in group {}
    }
    let perRequest = milliseconds(ContinuousClock.now - wallStart) / Double(iterations)
    let cpu = (processCPUMilliseconds() - cpuStart) / Double(iterations)
    let sql = Double(database.nanoseconds.load(ordering: .relaxed)) / 1e6 / Double(iterations)
    report(
        name, perRequest,
        String(format: "  cpu %7.3f ms  sql %7.3f ms  rest %7.3f ms  (%d bytes)", cpu, sql, cpu - sql, bytes))
    if only != nil {
        for (text, entry) in database.perStatement.withLock({ $0 }).sorted(by: {
            $0.value.nanoseconds > $1.value.nanoseconds
        }) {
            let perCall = Double(entry.nanoseconds) / 1e6 / Double(entry.count)
            print(String(format: "  %7.3f ms x %5d  ", perCall, entry.count) + String(text.prefix(150)))
        }
    }
}

// A named scenario runs alone (profiling); the statement, decoding and token figures need none.
if only == nil {
    let statements: [(String, String, [SQLValue])] = [
        ("statement organisations", "SELECT id, label FROM organisations WHERE deleted IS NULL ORDER BY id", []),
        (
            "statement box page rows",
            """
            SELECT \(SQL.joinInWrittenOrder) s.id, s.box_id, s.product_id, s.size_id, s.items, s.location_id, s.box_state_id, s.qr_id, s.comments, \
            s.display_unit_id, s.measure_value, s.weight, s.weight_display_unit_id, s.monetary_value, s.distro_event_id, \
            s.source_box_id, s.deleted, s.created, s.created_by, s.modified, s.modified_by \
            FROM stock s CROSS JOIN locations l ON l.id = s.location_id WHERE l.camp_id = ? \
            AND (s.deleted IS NULL OR s.deleted = '0000-00-00 00:00:00') AND s.id > ? ORDER BY s.modified DESC, s.id DESC LIMIT 51
            """, [.integer(1), .integer(0)]
        ),
    ]
    for (name, sql, binds) in statements {
        report(name, try await average(iterations) { _ = try await memory.query(sql, binds) })
    }

    let body = Data(#"{"query": "{ boxes(baseId: \"1\") { elements { id } } }", "variables": {"id": "1"}}"#.utf8)
    report(
        "request body decode",
        try await average(iterations) { _ = try JSONDecoder().decode(GraphQLRequest.self, from: body) })

    let keyPath = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).pem").path
    let key = try DevelopmentTokens.loadOrCreateKey(at: keyPath)
    try? FileManager.default.removeItem(atPath: keyPath)
    let configuration = ServerConfiguration()
    let verifier = try await TokenVerifier(configuration: configuration, developmentKey: key, logger: logger)
    let header =
        "Bearer "
        + (try await DevelopmentTokens.mint(DevelopmentTokens.Request(), key: key, configuration: configuration))
    _ = await verifier.authenticate(authorization: header)
    report(
        "authenticate (cached)", await average(iterations) { _ = await verifier.authenticate(authorization: header) })
}
await memory.close()
