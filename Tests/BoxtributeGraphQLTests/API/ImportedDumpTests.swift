import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import Logging
import Testing

/// The API over Boxtribute's own development dump, imported as it is.
@Suite("API over an imported init.sql")
struct ImportedDumpTests {
    @Test("organisations, bases and a 50-box page come from the dump", .enabled(if: SharedData.isAvailable))
    func queriesOverDump() async throws {
        let logger = Logger.quiet()
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: logger)
        _ = try await DumpImporter.load(path: try #require(SharedData.initDump).path, into: database)
        let api = APIHarness(api: try APIHarness.api(), database: database)

        let overview = await api.run("{ organisations { id name } bases { id name } }", as: Fixtures.god)
        #expect(overview.errors.isEmpty)
        let organisations = try await database.query(
            "SELECT id, label FROM organisations WHERE deleted IS NULL ORDER BY id", [])
        #expect(
            overview.data?["organisations"]?.array?.map { $0["name"]?.string } == organisations.map { $0.string(1) })
        #expect((overview.data?["bases"]?.array?.count ?? 0) > 0)

        let page = await api.run(
            #"{ boxes(baseId: "1") { totalCount elements { labelIdentifier state product { name } location { name } size { label } tags { name } history { changes } } } }"#,
            as: Fixtures.god)
        #expect(page.errors.isEmpty, "\(page.errors.prefix(2))")
        let expected = try await database.query(
            """
            SELECT COUNT(*) FROM stock s JOIN locations l ON l.id = s.location_id \
            WHERE l.camp_id = 1 AND (s.deleted IS NULL OR s.deleted = '0000-00-00 00:00:00')
            """, [])
        #expect(page.data?["boxes"]?["totalCount"]?.int == expected.first?.int(0))
        #expect(page.data?["boxes"]?["elements"]?.array?.count == 50)
        await database.close()
    }
}
