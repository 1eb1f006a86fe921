import BoxtributeDatabase
import Logging

/// Fills a fresh database with a deterministic demo dataset, shaped like the reference's
/// fake data (what the reference's `cron/data_faking.py` makes) but produced by our own generator.
///
/// Fixed content (see `DemoDataSummary` for the ids):
/// - 3 organisations; 5 bases: Mytilene (1) and Chios (2) of org 1, Kavala (3) and the
///   deleted Ioannina (4) of org 2, Calais (5) of org 3.
/// - 11 users: 1 "Demo God" (`god@demo.boxtribute.org`), and per base `b` a coordinator
///   (id `2b`, `coordinator.base<b>@demo.boxtribute.org`) and a volunteer (id `2b+1`,
///   `volunteer.base<b>@demo.boxtribute.org`). No user groups; roles come from the tokens.
/// - Per base 9 locations: Stockroom, Warehouse A, Warehouse B, Container 3 (InStock),
///   Free Shop (Donated, shop), Lost boxes (Lost), Scrap & recycling (Scrap), Old warehouse
///   (deleted), Harbour square (distribution spot).
/// - Size ranges 1–27 with their sizes (28 Mass / 29 Volume come from migration 0002); a
///   standard-product catalogue of 30 version-1 entries re-issued as version 2 (ids 31–60;
///   28 successors, 4 of them changed, 2 new entries, 2 entries dropped).
/// - Per base 30 custom products (2 deleted; Rice, Lentils, Cooking oil and Drinking water
///   are measure products), 8 enabled standard products (1 disabled again); base 1 also
///   still uses 2 outdated version-1 products.
/// - Per base 7 tags (Stock, All, People; "Old season" deleted); 50 beneficiaries per active
///   base in families, with languages and tags.
/// - Transfer agreements: 1 Accepted org 1 ↔ org 2 (bases 1, 2 → 3), 2 UnderReview org 3 →
///   org 1, 3 Canceled org 2 ↔ org 3. Six shipments under agreement 1, one per state
///   (Preparing, Sent, Receiving, Lost, Completed, Canceled), 2–10 boxes each; their boxes
///   are MarkedForShipment / InTransit / Receiving / NotDelivered (or received / back in stock)
///   with matching `shipment_detail` rows and state history.
/// - 25 share links per active base, by its coordinator, in the three weeks before the base
///   date; random views; half valid for a week, half for 2–10 weeks.
/// - `boxes` boxes over bases 1, 2, 3, 5 (40/20/25/15 %): about 87 % InStock, 8 % Donated,
///   2.7 % Lost, 1.5 % Scrap, 0.8 % deleted; measure boxes, weights, values, comments,
///   QR codes (92 % of boxes; `qr.code` = MD5 of the id), history and tag relations.
///
/// Timestamps lie in the year before `DemoDataSummary.baseDate` (2026-01-01 00:00:00 UTC);
/// nothing depends on the clock, so the same `boxes` always gives the same rows.
public enum DemoData {
    /// The default number of boxes.
    public static let defaultBoxCount = 1_500
    /// Box counts `seed` accepts.
    public static let allowedBoxCounts = 100...10_000_000
    /// Boxes per transaction (with their QR codes, history and tag relations).
    static let boxesPerTransaction = 25_000

    /// Tables the generator writes, in foreign-key order. `sizegroup` only receives ids 1–27.
    static let tables = [
        "cms_users", "organisations", "camps", "sizegroup", "sizes", "sizes_sizegroup", "standard_product", "locations",
        "products", "tags", "people", "x_people_languages", "transfer_agreement", "transfer_agreement_detail",
        "shipment", "qr", "stock", "shipment_detail", "history", "tags_relations", "shareable_link",
    ]

    /// Seeds `database` (migrating it first when needed) and returns what was written.
    ///
    /// The small tables are written in one transaction, then the boxes in transactions of
    /// 25 000 boxes with their QR codes, history, tag relations and shipment details. If a
    /// box transaction fails, everything the generator wrote is deleted again before the
    /// error is rethrown (only possible because seeding requires empty tables), so the
    /// database is left as it was. SQL is plain multi-row `INSERT`s with `?` binds, valid on
    /// SQLite and MySQL.
    ///
    /// - Parameters:
    ///   - boxes: number of boxes, within `allowedBoxCounts`.
    ///   - progress: called with a table name and its number of rows written so far.
    /// - Throws: `DemoDataError` when the box count is out of range or the database already
    ///   holds data; database errors.
    public static func seed(
        into database: any Database,
        boxes: Int = defaultBoxCount,
        logger: Logger,
        progress: (@Sendable (String, Int) -> Void)? = nil
    ) async throws -> DemoDataSummary {
        guard allowedBoxCounts.contains(boxes) else { throw DemoDataError.invalidBoxCount(boxes) }
        try await SchemaMigrator.migrate(database, logger: logger)
        try await requireEmpty(database)
        let started = ContinuousClock.now
        logger.info("seeding demo data", metadata: ["boxes": "\(boxes)"])

        var setup = DemoSetup()
        let layout = setup.build(boxes: boxes)
        setup.finish()
        let setupStatements = setup.statements
        let generator = try await withBulkLoadSettings(database, logger: logger) {
            try await database.transaction { connection in
                for statement in setupStatements { _ = try await connection.execute(statement.sql, statement.binds) }
            }
            for count in setup.counts { progress?(count.table, count.rows) }
            let first = DemoBoxGenerator(
                layout: layout, firstHistoryId: setup.nextHistoryId, firstRelationId: setup.nextRelationId)
            do {
                return try await writeBoxes(first, into: database, logger: logger, progress: progress)
            } catch {
                logger.error(
                    "demo data seeding failed; removing the rows written so far", metadata: ["error": "\(error)"])
                try? await removeSeededRows(from: database)
                throw error
            }
        }

        var counts = setup.counts
        counts.append(.init(table: "qr", rows: generator.qrRows))
        counts.append(.init(table: "stock", rows: generator.stockRows))
        counts.append(.init(table: "shipment_detail", rows: generator.detailRows))
        counts.append(.init(table: "history", rows: generator.nextHistoryId - 1))
        counts.append(.init(table: "tags_relations", rows: generator.nextRelationId - 1))
        let ordered = tables.compactMap { table in counts.first { $0.table == table } }
        let summary = DemoDataSummary(boxes: boxes, tables: ordered)
        let elapsed = ContinuousClock.now - started
        logger.info(
            "seeded demo data",
            metadata: [
                "boxes": "\(boxes)", "rows": "\(ordered.reduce(0) { $0 + $1.rows })",
                "seconds": "\(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)",
            ])
        return summary
    }

    /// SQLite only: a 64 MiB page cache and in-memory statement journals on the writer
    /// connection while seeding (per-connection settings, restored afterwards). This cuts the
    /// I/O of the random-order index inserts (labels, QR codes); the SQL itself stays portable.
    private static func withBulkLoadSettings<T: Sendable>(
        _ database: any Database, logger: Logger, _ body: () async throws -> T
    ) async throws -> T {
        guard let sqlite = database as? SQLiteDatabase else { return try await body() }
        let previous = try await sqlite.withWriter { connection -> (cache: Int, tempStore: Int) in
            let cache = try await connection.query("PRAGMA cache_size", []).first?.int(0) ?? -2000
            let temp = try await connection.query("PRAGMA temp_store", []).first?.int(0) ?? 0
            _ = try await connection.query("PRAGMA cache_size = -65536", [])
            _ = try await connection.query("PRAGMA temp_store = MEMORY", [])
            return (cache, temp)
        }
        func restore() async {
            do {
                _ = try await sqlite.withWriter { connection in
                    _ = try await connection.query("PRAGMA cache_size = \(previous.cache)", [])
                    _ = try await connection.query("PRAGMA temp_store = \(previous.tempStore)", [])
                }
            } catch {
                logger.warning("could not restore SQLite settings after seeding", metadata: ["error": "\(error)"])
            }
        }
        do {
            let result = try await body()
            await restore()
            return result
        } catch {
            await restore()
            throw error
        }
    }

    /// Writes the boxes chunk by chunk; the next chunk is built in a background task while
    /// the current one is written.
    private static func writeBoxes(
        _ generator: DemoBoxGenerator, into database: any Database, logger: Logger,
        progress: (@Sendable (String, Int) -> Void)?
    ) async throws -> DemoBoxGenerator {
        func build(_ generator: DemoBoxGenerator) -> Task<(DemoBoxChunk, DemoBoxGenerator), Never> {
            Task {
                var next = generator
                let chunk = next.nextChunk(count: boxesPerTransaction)
                return (chunk, next)
            }
        }
        var pending = build(generator)
        while true {
            let (chunk, state) = await pending.value
            if !state.isFinished { pending = build(state) }
            do {
                let statements = chunk.statements
                try await database.transaction { connection in
                    for statement in statements { _ = try await connection.execute(statement.sql, statement.binds) }
                }
            } catch {
                pending.cancel()
                throw error
            }
            logger.debug("demo boxes written", metadata: ["boxes": "\(chunk.lastBoxId)"])
            if let progress {
                progress("qr", state.qrRows)
                progress("stock", state.stockRows)
                progress("shipment_detail", state.detailRows)
                progress("history", state.nextHistoryId - 1)
                progress("tags_relations", state.nextRelationId - 1)
            }
            if state.isFinished { return state }
        }
    }

    /// Fails unless every table the generator writes is empty (`camps` first, for the
    /// clearest message).
    static func requireEmpty(_ database: any Database) async throws {
        for table in ["camps"] + tables.filter({ $0 != "camps" }) {
            let condition = table == "sizegroup" ? " WHERE id <= 27" : ""
            let rows = try await database.query("SELECT 1 FROM \(table)\(condition) LIMIT 1", [])
            if !rows.isEmpty { throw DemoDataError.databaseNotEmpty(table: table) }
        }
    }

    /// Deletes everything the generator writes, children first. Valid because seeding only
    /// starts on empty tables.
    static func removeSeededRows(from database: any Database) async throws {
        try await database.transaction { connection in
            for table in tables.reversed() {
                let condition = table == "sizegroup" ? " WHERE id <= 27" : ""
                _ = try await connection.execute("DELETE FROM \(table)\(condition)", [])
            }
        }
    }
}

/// Why `DemoData.seed` refused to run.
public enum DemoDataError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The database already holds data; seeding only fills a fresh database.
    case databaseNotEmpty(table: String)
    /// The box count is outside `DemoData.allowedBoxCounts`.
    case invalidBoxCount(Int)

    public var description: String {
        switch self {
        case .databaseNotEmpty(let table):
            "the database already contains data (table '\(table)' is not empty); demo data can only be seeded into a fresh database"
        case .invalidBoxCount(let count):
            "cannot seed \(count) boxes: the box count must be between \(DemoData.allowedBoxCounts.lowerBound) and \(DemoData.allowedBoxCounts.upperBound)"
        }
    }
}

/// What `DemoData.seed` wrote, and the fixed facts of the demo dataset.
public struct DemoDataSummary: Sendable, Equatable, CustomStringConvertible {
    /// Rows the generator inserted into one table.
    public struct TableCount: Sendable, Equatable {
        public let table: String
        public let rows: Int
        public init(table: String, rows: Int) {
            self.table = table
            self.rows = rows
        }
    }

    /// A demo organisation.
    public struct Organisation: Sendable, Equatable {
        /// `organisations.id`.
        public let id: Int
        public let name: String
    }

    /// A demo base.
    public struct Base: Sendable, Equatable {
        public let id: Int
        public let name: String
        public let organisationId: Int
        /// Soft-deleted (`camps.deleted` set); it has locations, products and tags but no boxes.
        public let isDeleted: Bool
        public let currencyName: String
    }

    /// The role a demo user is meant to have (the permissions themselves come from the token).
    public enum Role: String, Sendable, Equatable {
        case god
        case coordinator
        case volunteer
    }

    /// A demo user (`cms_users`).
    public struct User: Sendable, Equatable {
        public let id: Int
        public let name: String
        public let email: String
        public let role: Role
        public let baseId: Int?
        public let organisationId: Int?
    }

    /// Number of boxes requested.
    public let boxes: Int
    /// Rows inserted per table, in insertion (foreign-key) order. `sizegroup` counts only the
    /// generator's ranges 1–27; the table also holds 28 Mass and 29 Volume from migration 0002.
    public let tables: [TableCount]

    /// Rows inserted into `table`, if the generator writes it.
    public func rows(in table: String) -> Int? { tables.first { $0.table == table }?.rows }

    /// All timestamps lie before this moment (UTC, database text).
    public static let baseDate = "2026-01-01 00:00:00"
    /// Organisations 1–3.
    public static let organisations = DemoCatalog.organisations
    /// Bases 1–5 (4 is deleted).
    public static let bases = DemoCatalog.bases
    /// Users 1–11: the god user, then a coordinator (`2b`) and a volunteer (`2b + 1`) per base `b`.
    public static let users = DemoCatalog.users
    /// Transfer agreement 1 (Accepted, org 1 ↔ org 2) carries all demo shipments (ids 1–6).
    public static let acceptedAgreementId = 1
    /// Locations per base: ids `(base - 1) * 9 + 1 ... base * 9`.
    public static let locationsPerBase = DemoCatalog.locations.count

    public var description: String {
        let width = tables.map(\.table.count).max() ?? 0
        let lines = tables.map { count in
            count.table + String(repeating: " ", count: width - count.table.count + 2) + String(count.rows)
        }
        return (["demo data: \(boxes) boxes"] + lines).joined(separator: "\n")
    }
}
