import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import Logging
import Testing

/// Statistics cubes of base 1 over Boxtribute's own development dump, imported as it is and
/// served without our migrations (as `serve` does): the totals of the stock overview, created
/// boxes, beneficiary demographics and moved boxes match counts taken directly from the
/// dump's tables.
@Suite("Statistics over an imported init.sql", .enabled(if: SharedData.isAvailable))
struct ImportedDumpStatisticsTests {
    /// The imported dump and an API over it.
    struct Imported {
        let database: any Database
        let api: APIHarness

        static func load() async throws -> Imported {
            let database = try await SQLiteDatabase.open(path: ":memory:", logger: Logger.quiet())
            _ = try await DumpImporter.load(path: try #require(SharedData.initDump).path, into: database)
            return Imported(
                database: database, api: APIHarness(api: try APIHarness.api(), database: database))
        }

        /// The facts of `field`'s cube, after checking the answer has no errors and some facts.
        func facts(_ document: String, field: String) async throws -> [JSONValue] {
            let answer = await api.run(document, as: Fixtures.god)
            #expect(answer.errors.isEmpty, "\(answer.errors.prefix(2))")
            let facts = try #require(answer.data?[field]?["facts"]?.array)
            #expect(!facts.isEmpty, "\(field) has no facts on init.sql")
            return facts
        }

        /// The integers of the first row of `sql`.
        func figures(_ sql: String) async throws -> [Int?] {
            let row = try #require(try await database.query(sql, []).first)
            return row.values.indices.map { row.int($0) }
        }
    }

    static func sum(_ facts: [JSONValue], _ key: String) -> Int {
        facts.reduce(0) { $0 + ($1[key]?.int ?? 0) }
    }

    @Test("an imported dump is served as it is: no migration record, so no migration runs")
    func importIsExisting() async throws {
        let imported = try await Imported.load()
        #expect(try await SchemaMigrator.state(of: imported.database) == .existing)
        #expect(try await SchemaMigrator.migrate(imported.database, logger: Logger.quiet()).isEmpty)
        await imported.database.close()
    }

    @Test("stockOverview counts the live boxes in base 1's live locations, and their items")
    func stockOverview() async throws {
        let imported = try await Imported.load()
        let facts = try await imported.facts(
            "{ stockOverview(baseId: 1) { facts { boxesCount itemsCount } } }", field: "stockOverview")
        let expected = try await imported.figures(
            """
            SELECT COUNT(*), SUM(s.items) FROM stock s JOIN locations l ON l.id = s.location_id
            WHERE l.camp_id = 1 AND (s.deleted IS NULL OR s.deleted = '0000-00-00 00:00:00')
              AND (l.deleted IS NULL OR l.deleted = '0000-00-00 00:00:00')
            """)
        #expect(Self.sum(facts, "boxesCount") == expected[0])
        #expect(Self.sum(facts, "itemsCount") == expected[1])
        await imported.database.close()
    }

    @Test("createdBoxes counts every box whose first location was in base 1, deleted boxes too, and its first items")
    func createdBoxes() async throws {
        let imported = try await Imported.load()
        let facts = try await imported.facts(
            "{ createdBoxes(baseId: 1) { facts { boxesCount itemsCount } } }", field: "createdBoxes")
        // A box's first location and items are the old values of its oldest change of each, if
        // any: boxes shipped away since still count for the base they were created in.
        let expected = try await imported.figures(
            """
            SELECT COUNT(*), SUM(COALESCE(first_items.from_int, s.items)) FROM stock s
            LEFT JOIN history first_move ON first_move.id = (
                SELECT MIN(h.id) FROM history h
                WHERE h.tablename = 'stock' AND h.record_id = s.id AND h.changes = 'location_id')
            LEFT JOIN history first_items ON first_items.id = (
                SELECT MIN(h.id) FROM history h
                WHERE h.tablename = 'stock' AND h.record_id = s.id AND h.changes = 'items')
            JOIN locations l ON l.id = COALESCE(first_move.from_int, s.location_id)
            WHERE l.camp_id = 1 AND s.created IS NOT NULL
            """)
        #expect(Self.sum(facts, "boxesCount") == expected[0])
        #expect(Self.sum(facts, "itemsCount") == expected[1])
        await imported.database.close()
    }

    @Test("beneficiaryDemographics counts every person of base 1, deactivated ones too")
    func beneficiaryDemographics() async throws {
        let imported = try await Imported.load()
        let facts = try await imported.facts(
            "{ beneficiaryDemographics(baseId: 1) { facts { count } } }", field: "beneficiaryDemographics")
        let expected = try await imported.figures("SELECT COUNT(*) FROM people WHERE camp_id = 1")
        #expect(Self.sum(facts, "count") == expected[0])
        await imported.database.close()
    }

    @Test(
        "movedBoxes: every target is a dimension; donated, deleted, shipped, lost and scrapped boxes match the tables")
    func movedBoxes() async throws {
        let imported = try await Imported.load()
        let answer = await imported.api.run(
            "{ movedBoxes(baseId: 1) { facts { targetId boxesCount } dimensions { target { id type } } } }",
            as: Fixtures.god)
        #expect(answer.errors.isEmpty, "\(answer.errors.prefix(2))")
        let cube = answer.data?["movedBoxes"]
        let facts = try #require(cube?["facts"]?.array)
        #expect(!facts.isEmpty)
        let factTargets = Set(facts.compactMap { $0["targetId"]?.string })
        let dimensionTargets = Set((cube?["dimensions"]?["target"]?.array ?? []).compactMap { $0["id"]?.string })
        #expect(factTargets.isSubset(of: dimensionTargets))

        func boxes(where target: (String) -> Bool) -> Int {
            Self.sum(facts.filter { $0["targetId"]?.string.map(target) ?? false }, "boxesCount")
        }
        // Donations and deletions of the boxes now in base 1: InStock → Donated changes and boxes
        // created Donated, less Donated → InStock; deletions less undeletions.
        let history = try await imported.figures(
            """
            SELECT
                SUM(h.changes = 'box_state_id' AND h.from_int = 1 AND h.to_int = 5),
                SUM(h.changes = 'box_state_id' AND h.from_int = 5 AND h.to_int = 1),
                SUM(h.changes = 'Record deleted'), SUM(h.changes = 'Box was undeleted.')
            FROM history h JOIN stock s ON s.id = h.record_id JOIN locations l ON l.id = s.location_id
            WHERE h.tablename = 'stock' AND l.camp_id = 1
            """)
        // A box was created Donated if its oldest state change starts there, or it has none and is Donated.
        let createdDonated = try await imported.figures(
            """
            SELECT COUNT(*) FROM stock s JOIN locations l ON l.id = s.location_id
            LEFT JOIN history first_change ON first_change.id = (
                SELECT MIN(h.id) FROM history h
                WHERE h.tablename = 'stock' AND h.record_id = s.id AND h.changes = 'box_state_id')
            WHERE l.camp_id = 1 AND COALESCE(first_change.from_int, s.box_state_id) = 5
            """)
        let (donated, takenBack, deleted, undeleted) = (
            (history[0] ?? 0) + (createdDonated[0] ?? 0), history[1] ?? 0, history[2] ?? 0, history[3] ?? 0
        )
        #expect(boxes { Int($0) != nil } == donated - takenBack)
        #expect(boxes { $0 == "Deleted" } == deleted - undeleted)
        // Moves back count negative; the dump has none, so every fact counts boxes leaving.
        #expect(takenBack + undeleted == 0)
        #expect(facts.allSatisfy { ($0["boxesCount"]?.int ?? 0) > 0 })

        // Lost and scrapped boxes: one per InStock → Lost/Scrap change of a box of base 1's products.
        let lost = try await imported.figures(
            """
            SELECT SUM(h.to_int = 2), SUM(h.to_int = 6) FROM history h
            JOIN stock s ON s.id = h.record_id JOIN products p ON p.id = s.product_id
            WHERE h.tablename = 'stock' AND h.changes = 'box_state_id' AND h.from_int = 1 AND h.to_int IN (2, 6)
              AND p.camp_id = 1
            """)
        #expect(boxes { $0 == "Lost" } == lost[0] ?? 0)
        #expect(boxes { $0 == "Scrap" } == lost[1] ?? 0)
        // Shipped boxes: the details still on the shipments base 1 sent, and those received into
        // it with a target product (details not yet reconciled have none, and do not count).
        let shipped = try await imported.figures(
            """
            SELECT
                (SELECT COUNT(*) FROM shipment sh JOIN shipment_detail d ON d.shipment_id = sh.id
                  WHERE sh.source_base_id = 1 AND sh.sent_on IS NOT NULL AND d.removed_on IS NULL),
                (SELECT COUNT(*) FROM shipment sh JOIN shipment_detail d ON d.shipment_id = sh.id
                  WHERE sh.target_base_id = 1 AND sh.receiving_started_on IS NOT NULL AND d.removed_on IS NULL
                    AND d.target_product_id IS NOT NULL)
            """)
        #expect(boxes { $0.hasPrefix("going-to-") } == shipped[0])
        #expect(boxes { $0.hasPrefix("sent-from-") } == shipped[1])
        // Every fact is one of those kinds.
        let kinds = [lost[0], lost[1], shipped[0], shipped[1]].reduce(donated - takenBack + deleted - undeleted) {
            $0 + ($1 ?? 0)
        }
        #expect(Self.sum(facts, "boxesCount") == kinds)
        await imported.database.close()
    }
}
