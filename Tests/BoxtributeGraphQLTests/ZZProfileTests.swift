import BoxtributeCore
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import Logging
import Testing

@Suite("profile") struct ZZProfile {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PROFILE"] != nil)) func profile() async throws {
        var logger = Logger(label: "x"); logger.logLevel = .warning
        let db = try await SQLiteDatabase.open(path: ":memory:", logger: logger)
        _ = try await DemoData.seed(into: db, boxes: 5000, logger: logger)
        let api = APIHarness(api: try GraphQLAPI(variant: .full), database: db)
        let user = CurrentUser(id: 2, organisationId: 1, permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [1]))
        let page = #"{ boxes(baseId: "1") { totalCount pageInfo { hasNextPage endCursor } elements { id labelIdentifier state numberOfItems comment lastModifiedOn product { id name gender category { id name } sizeRange { id name } } size { id name } location { id name } tags { id name color } qrCode { code } } } }"#
        for (name, query) in [("page", page), ("orgs", "{ organisations { id name } bases { id name organisation { id name } } }"), ("ids", #"{ boxes(baseId: "1") { elements { id } } }"#)] {
            let first = await api.run(query, as: user); print("PROFILE errors \(first.errors.count): \(first.errors.prefix(2))")
            let start = Date()
            var statements = 0
            let iterations = Int(ProcessInfo.processInfo.environment["PROFILE"] ?? "") ?? 50
            for _ in 0..<iterations { statements = await api.run(query, as: user).statements }
            print("PROFILE \(name): \(Date().timeIntervalSince(start) / Double(iterations) * 1000) ms/request, \(statements) statements")
        }
        let sqlStart = Date()
        for _ in 0..<200 { _ = try await db.query("SELECT id, label FROM organisations", []) }
        print("PROFILE trivial statement: \(Date().timeIntervalSince(sqlStart) / 200 * 1000) ms")
        let rowsStart = Date()
        for _ in 0..<50 { _ = try await db.query("SELECT s.id, s.box_id, s.product_id, s.size_id, s.items, s.location_id, s.box_state_id, s.qr_id, s.comments, s.display_unit_id, s.measure_value, s.weight, s.weight_display_unit_id, s.monetary_value, s.distro_event_id, s.source_box_id, s.deleted, s.created, s.created_by, s.modified, s.modified_by FROM stock s LIMIT 51", []) }
        print("PROFILE 51 box rows: \(Date().timeIntervalSince(rowsStart) / 50 * 1000) ms")
        let rowsSQL = "SELECT s.id FROM stock s JOIN locations l ON l.id = s.location_id WHERE l.camp_id = ? AND (s.deleted IS NULL OR s.deleted = '0000-00-00 00:00:00') AND s.id > ? ORDER BY s.modified DESC, s.id DESC LIMIT 51"
        var t = Date()
        for _ in 0..<20 { _ = try await db.query(rowsSQL, [.integer(1), .integer(0)]) }
        print("PROFILE page rows: \(Date().timeIntervalSince(t) / 20 * 1000) ms")
        t = Date()
        for _ in 0..<20 { _ = try await db.query("SELECT COUNT(*), COALESCE(SUM(CASE WHEN s.id < ? THEN 1 ELSE 0 END), 0) FROM stock s JOIN locations l ON l.id = s.location_id WHERE l.camp_id = ? AND (s.deleted IS NULL OR s.deleted = '0000-00-00 00:00:00')", [.integer(5), .integer(1)]) }
        print("PROFILE page count: \(Date().timeIntervalSince(t) / 20 * 1000) ms")
        let plan = try await db.query("EXPLAIN QUERY PLAN " + rowsSQL, [.integer(1), .integer(0)])
        print("PROFILE plan: \(plan.map { $0.values })")
        await db.close()
    }
}
