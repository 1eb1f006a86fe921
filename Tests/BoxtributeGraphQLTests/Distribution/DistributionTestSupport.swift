import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeTestSupport
import GraphQL

/// Fixtures and calls shared by the distribution mutation tests.
enum Distro {
    typealias Event = Fixtures.Distribution.EventID
    typealias Mutation = Fixtures.Distribution.Mutation

    static let lesvos = Fixtures.lesvosCoordinator
    static let reader = Fixtures.lesvosReader
    static let thessaloniki = Fixtures.thessalonikiCoordinator

    /// The fixtures plus ``Fixtures/distributionMutationStatements``.
    static func make() async throws -> APIHarness {
        let api = try await APIHarness.make()
        for statement in Fixtures.distributionMutationStatements { try await api.execute(statement) }
        return api
    }

    /// The description of `DomainError.notFound`.
    static let notFound = "The requested resource does not exist in the database."

    /// Items of a box (by label), as text.
    static func items(_ api: APIHarness, box label: String) async throws -> String? {
        try await api.scalar("SELECT items FROM stock WHERE box_id = ?", [.text(label)])
    }

    /// The state of an event, as stored.
    static func state(_ api: APIHarness, event id: Int) async throws -> String? {
        try await api.scalar("SELECT state FROM distro_events WHERE id = ?", [.integer(id)])
    }

    /// `(from_int, to_int)` of the `items` history rows the mutations wrote for a box.
    static func itemChanges(_ api: APIHarness, box id: Box.ID) async throws -> [[String?]] {
        try await api.rows(
            "SELECT from_int, to_int FROM history WHERE tablename = 'stock' AND record_id = ? AND changes = 'items' AND changedate = ? ORDER BY id",
            [.integer(id.rawValue), .text(MutationEnvironment.fixtureNow)])
    }

    /// Every row of the distribution tables and every box's items: what a refused mutation
    /// leaves alone.
    static func snapshot(_ api: APIHarness) async throws -> [[String?]] {
        try await api.rows("SELECT id, items, distro_event_id, modified FROM stock ORDER BY id")
            + api.rows("SELECT id, state, distro_event_tracking_group_id, modified_on FROM distro_events ORDER BY id")
            + api.rows("SELECT * FROM distro_events_packing_list_entries ORDER BY id")
            + api.rows("SELECT * FROM distro_events_unboxed_item_collections ORDER BY id")
            + api.rows("SELECT * FROM distro_events_tracking_groups ORDER BY id")
            + api.rows("SELECT * FROM distro_events_tracking_logs ORDER BY id")
            + api.rows("SELECT COUNT(*) FROM locations") + api.rows("SELECT COUNT(*) FROM history")
    }
}
