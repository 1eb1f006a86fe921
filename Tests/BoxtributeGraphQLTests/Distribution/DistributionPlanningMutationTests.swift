import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeTestSupport
import GraphQL
import Testing

/// Spots, events, their state and packing lists: valid calls, forbidden ones, invalid input
/// and missing rows. A refused call writes nothing.
@Suite("Mobile distribution mutations: spots, events, packing lists")
struct DistributionPlanningMutationTests {
    typealias Event = Distro.Event
    typealias Extra = Distro.Mutation

    /// Runs `document` as `user`, expecting a refusal with `code` (and `description`) that
    /// changes nothing.
    static func expectRefused(
        _ api: APIHarness, _ document: String, as user: CurrentUser = Distro.lesvos, code: String,
        description: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await Distro.snapshot(api)
        let answer = await api.run(document, as: user)
        #expect(answer.firstCode == code, "\(answer.errors)", sourceLocation: sourceLocation)
        if let description {
            #expect(answer.firstDescription == description, sourceLocation: sourceLocation)
        }
        #expect(try await Distro.snapshot(api) == before, "a refused call wrote", sourceLocation: sourceLocation)
    }

    @Test("every distribution mutation needs beta level 99", arguments: [98, 7] as [Int])
    func betaLevel(level: Int) async throws {
        let api = try await Distro.make()
        let user = CurrentUser(
            id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA, maxBetaLevel: level,
            permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [Fixtures.BaseID.lesvos]))
        for document in [
            Self.createSpot(), Self.changeState(Event.planning, to: "Packing"),
            DistributionItemsMutationTests.move(items: 1), ReturnTrackingMutationTests.complete(),
        ] {
            let before = try await Distro.snapshot(api)
            let answer = await api.run(document, as: user)
            #expect(answer.kind == .refused)
            #expect(answer.errors.first?["message"] == "Insufficient beta-level")
            #expect(try await Distro.snapshot(api) == before)
        }
    }

    // MARK: - createDistributionSpot

    static func createSpot(name: String = "Harbour", baseId: Int = 1) -> String {
        """
        mutation { createDistributionSpot(creationInput: {baseId: \(baseId), name: "\(name)", comment: "By the ferry", latitude: 39.2, longitude: 26.1}) {
          __typename id name comment latitude longitude base { id } distributionEvents { id } } }
        """
    }

    @Test("createDistributionSpot adds a MapDistroSpot location of the base")
    func createSpot() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.createSpot())
        #expect(answer.errors.isEmpty, "\(answer.errors)")
        #expect(
            answer.data?["createDistributionSpot"]
                == [
                    "__typename": "DistributionSpot", "id": "63", "name": "Harbour", "comment": "By the ferry",
                    "latitude": 39.2, "longitude": 26.1, "base": ["id": "1"], "distributionEvents": [],
                ])
        let row = try await api.rows(
            "SELECT label, camp_id, type, description, created, created_by, modified_by FROM locations WHERE id = 63")
        #expect(row == [["Harbour", "1", "MapDistroSpot", "By the ferry", "2025-06-01 12:00:00", "2", "2"]])
    }

    @Test("Reference quirk fixed: a spot's comment is stored (in description) and read back")
    func spotCommentPersists() async throws {
        let api = try await Distro.make()
        _ = await api.run(Self.createSpot())
        let read = await api.run(#"{ distributionSpot(id: "63") { comment } }"#)
        #expect(read.data?["distributionSpot"]?["comment"] == "By the ferry")
    }

    @Test("createDistributionSpot needs location:write for the base")
    func createSpotForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.createSpot(), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.createSpot(), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("createDistributionSpot refuses a name longer than the column's 20 characters")
    func createSpotInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.createSpot(name: String(repeating: "x", count: 21)), code: "BAD_USER_INPUT",
            description: "Invalid input: 'name' is longer than 20 characters.")
    }

    @Test("createDistributionSpot in an unknown base is a missing resource")
    func createSpotMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.createSpot(baseId: Fixtures.unknownID), as: Fixtures.god, code: "BAD_USER_INPUT",
            description: Distro.notFound)
    }

    // MARK: - createDistributionEvent

    static func createEvent(
        spot: Int = Fixtures.Distribution.beachSpot, start: String = "2024-07-01T10:00:00+00:00"
    )
        -> String
    {
        """
        mutation { createDistributionEvent(creationInput: {distributionSpotId: \(spot), name: "Summer", plannedStartDateTime: "\(start)"}) {
          id name state plannedStartDateTime plannedEndDateTime distributionSpot { id } packingListEntries { id } } }
        """
    }

    @Test("createDistributionEvent plans an event at the spot, ending when it starts unless told otherwise")
    func createEvent() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.createEvent())
        #expect(answer.errors.isEmpty, "\(answer.errors)")
        #expect(
            answer.data?["createDistributionEvent"]
                == [
                    "id": "12", "name": "Summer", "state": "Planning",
                    "plannedStartDateTime": "2024-07-01T10:00:00+00:00",
                    "plannedEndDateTime": "2024-07-01T10:00:00+00:00", "distributionSpot": ["id": "61"],
                    "packingListEntries": [],
                ])
        #expect(
            try await api.rows("SELECT created_on, created_by FROM distro_events WHERE id = 12")
                == [["2025-06-01 12:00:00", "2"]])
        let withEnd = await api.run(
            """
            mutation { createDistributionEvent(creationInput: {distributionSpotId: 6, plannedStartDateTime: "2024-07-02T10:00:00+02:00", plannedEndDateTime: "2024-07-02T14:00:00+02:00"}) {
              name plannedStartDateTime plannedEndDateTime } }
            """)
        #expect(
            withEnd.data?["createDistributionEvent"]
                == [
                    "name": nil, "plannedStartDateTime": "2024-07-02T08:00:00+00:00",
                    "plannedEndDateTime": "2024-07-02T12:00:00+00:00",
                ])
    }

    @Test("createDistributionEvent needs distro_event:write for the spot's base")
    func createEventForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.createEvent(), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.createEvent(), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("createDistributionEvent refuses a start that is no date-time")
    func createEventInvalid() async throws {
        let api = try await Distro.make()
        let before = try await Distro.snapshot(api)
        let answer = await api.run(Self.createEvent(start: "tomorrow"))
        #expect(!answer.errors.isEmpty)
        #expect(answer.data?["createDistributionEvent"] == nil)
        #expect(try await Distro.snapshot(api) == before)
    }

    @Test("createDistributionEvent at an unknown location is a missing resource")
    func createEventMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.createEvent(spot: Fixtures.unknownID), code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    // MARK: - addPackingListEntryToDistributionEvent

    static func addEntry(event: Int = Event.planning, product: Int = 1, size: Int = 3, items: Int = 4) -> String {
        """
        mutation { addPackingListEntryToDistributionEvent(creationInput: {distributionEventId: "\(event)", productId: \(product), sizeId: \(size), numberOfItems: \(items)}) {
          id numberOfItems state product { id } size { id } } }
        """
    }

    /// `(id, size, items)` of an event's packing list, by id.
    static func entries(_ api: APIHarness, event: Int) async throws -> [[String?]] {
        try await api.rows(
            "SELECT id, product_id, size_id, number_of_items FROM distro_events_packing_list_entries WHERE distro_event_id = ? ORDER BY id",
            [.integer(event)])
    }

    @Test("addPackingListEntryToDistributionEvent creates an entry, overwrites an existing one, and deletes it for 0")
    func addEntry() async throws {
        let api = try await Distro.make()
        let created = await api.run(Self.addEntry())
        #expect(
            created.data?["addPackingListEntryToDistributionEvent"]
                == ["id": "6", "numberOfItems": 4, "state": "NotStarted", "product": ["id": "1"], "size": ["id": "3"]])
        let overwritten = await api.run(Self.addEntry(size: 2, items: 7))
        #expect(overwritten.data?["addPackingListEntryToDistributionEvent"]?["id"] == "1")
        #expect(overwritten.data?["addPackingListEntryToDistributionEvent"]?["numberOfItems"] == 7)
        let deleted = await api.run(Self.addEntry(size: 1, items: 0))
        #expect(deleted.errors.isEmpty)
        #expect(deleted.data?["addPackingListEntryToDistributionEvent"] == .null)
        #expect(
            try await Self.entries(api, event: Event.planning)
                == [["1", "1", "2", "7"], ["3", "3", "3", "0"], ["6", "1", "3", "4"]])
    }

    @Test("addPackingListEntryToDistributionEvent needs packing_list_entry:write for the event's base")
    func addEntryForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.addEntry(), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.addEntry(), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("addPackingListEntryToDistributionEvent refuses completed events, negative counts, other bases' products")
    func addEntryInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.addEntry(event: Extra.completedEvent), code: "BAD_USER_INPUT",
            description:
                "Cannot operate 'add_packing_list_entry' on the distribution event (id=9). It has already been completed. "
        )
        try await Self.expectRefused(
            api, Self.addEntry(items: -1), code: "BAD_USER_INPUT",
            description: "Invalid input: negative value for 'numberOfItems'")
        try await Self.expectRefused(
            api, Self.addEntry(product: Fixtures.ProductID.blanket.rawValue), code: "BAD_USER_INPUT",
            description: "Invalid input: bases of 'product' and 'distribution event' not matching")
    }

    @Test("addPackingListEntryToDistributionEvent with an unknown event, product or size is a missing resource")
    func addEntryMissing() async throws {
        let api = try await Distro.make()
        for document in [
            Self.addEntry(event: Fixtures.unknownID), Self.addEntry(product: Fixtures.unknownID),
            Self.addEntry(size: Fixtures.unknownID),
        ] {
            try await Self.expectRefused(api, document, code: "BAD_USER_INPUT", description: Distro.notFound)
        }
    }

    // MARK: - removePackingListEntryFromDistributionEvent

    static func removeEntry(_ id: Int) -> String {
        #"mutation { removePackingListEntryFromDistributionEvent(packingListEntryId: "\#(id)") { id packingListEntries { id } } }"#
    }

    @Test("Reference quirk fixed: removePackingListEntryFromDistributionEvent deletes the entry named by its id")
    func removeEntry() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.removeEntry(Fixtures.Distribution.PackingListEntryID.oldCoat))
        #expect(
            answer.data?["removePackingListEntryFromDistributionEvent"]
                == ["id": "1", "packingListEntries": [["id": "1"], ["id": "2"]]])
        #expect(try await api.count("distro_events_packing_list_entries") == 4)
    }

    @Test("removePackingListEntryFromDistributionEvent needs distro_event:write for the event's base")
    func removeEntryForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.removeEntry(2), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.removeEntry(2), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("removePackingListEntryFromDistributionEvent leaves completed events' entries alone")
    func removeEntryInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.removeEntry(Extra.completedEntry), code: "BAD_USER_INPUT",
            description:
                "Cannot operate 'remove_items' on the distribution event (id=9). It has already been completed. ")
    }

    @Test("removePackingListEntryFromDistributionEvent of an unknown entry is a missing resource")
    func removeEntryMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.removeEntry(Fixtures.unknownID), code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    // MARK: - removeAllPackingListEntriesFromDistributionEventForProduct

    static func removeProduct(event: Int, product: Int) -> String {
        #"mutation { removeAllPackingListEntriesFromDistributionEventForProduct(distributionEventId: "\#(event)", productId: "\#(product)") }"#
    }

    @Test(
        "removeAllPackingListEntriesFromDistributionEventForProduct deletes the product's entries, completed events too"
    )
    func removeProduct() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.removeProduct(event: Event.planning, product: 1))
        #expect(answer.data?["removeAllPackingListEntriesFromDistributionEventForProduct"] == true)
        #expect(try await Self.entries(api, event: Event.planning) == [["3", "3", "3", "0"]])
        let completed = await api.run(Self.removeProduct(event: Extra.completedEvent, product: 1))
        #expect(completed.data?["removeAllPackingListEntriesFromDistributionEventForProduct"] == true)
        #expect(try await Self.entries(api, event: Extra.completedEvent).isEmpty)
    }

    @Test(
        "Reference quirk fixed: removeAllPackingListEntriesFromDistributionEventForProduct needs the permission for the event's base too"
    )
    func removeProductForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.removeProduct(event: Event.planning, product: 1), as: Distro.reader, code: "FORBIDDEN")
        // The product is Thessaloniki's own (the reference's only check); the event is Lesvos'.
        try await api.execute(
            "INSERT INTO distro_events_packing_list_entries (id, product_id, size_id, number_of_items, distro_event_id, state, created_on) VALUES (20, 5, 1, 1, 1, 'NotStarted', '2024-05-02 10:00:00')"
        )
        try await Self.expectRefused(
            api, Self.removeProduct(event: Event.planning, product: Fixtures.ProductID.blanket.rawValue),
            as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("removeAllPackingListEntriesFromDistributionEventForProduct refuses an id that is no number")
    func removeProductInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api,
            #"mutation { removeAllPackingListEntriesFromDistributionEventForProduct(distributionEventId: "1", productId: "jeans") }"#,
            code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    @Test(
        "removeAllPackingListEntriesFromDistributionEventForProduct with an unknown product or event is a missing resource"
    )
    func removeProductMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.removeProduct(event: Event.planning, product: Fixtures.unknownID), code: "BAD_USER_INPUT",
            description: Distro.notFound)
        try await Self.expectRefused(
            api, Self.removeProduct(event: Fixtures.unknownID, product: 1), code: "BAD_USER_INPUT",
            description: Distro.notFound)
    }

    // MARK: - updatePackingListEntry

    static func updateEntry(_ id: Int, items: Int) -> String {
        #"mutation { updatePackingListEntry(packingListEntryId: "\#(id)", numberOfItems: \#(items)) { id numberOfItems product { id } size { id } } }"#
    }

    @Test("updatePackingListEntry sets the planned count, and stamps the change the reference leaves unsaved")
    func updateEntry() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.updateEntry(1, items: 8))
        #expect(
            answer.data?["updatePackingListEntry"]
                == ["id": "1", "numberOfItems": 8, "product": ["id": "1"], "size": ["id": "2"]])
        #expect(
            try await api.rows(
                "SELECT number_of_items, modified_on, modified_by FROM distro_events_packing_list_entries WHERE id = 1")
                == [["8", "2025-06-01 12:00:00", "2"]])
    }

    @Test("updatePackingListEntry needs packing_list_entry:write for the product's base")
    func updateEntryForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.updateEntry(1, items: 8), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.updateEntry(1, items: 8), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("updatePackingListEntry refuses a negative count")
    func updateEntryInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.updateEntry(1, items: -2), code: "BAD_USER_INPUT",
            description: "Invalid input: negative value for 'numberOfItems'")
    }

    @Test("updatePackingListEntry of an unknown entry is a missing resource")
    func updateEntryMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.updateEntry(Fixtures.unknownID, items: 1), code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    // MARK: - updateSelectedProductsForDistributionEventPackingList

    static func selectProducts(event: Int = Extra.packingEvent, add: [Int], remove: [Int]) -> String {
        let quoted = { (ids: [Int]) in "[" + ids.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        return """
            mutation { updateSelectedProductsForDistributionEventPackingList(distributionEventId: "\(event)", productIdsToAdd: \(quoted(add)), productIdsToRemove: \(quoted(remove))) {
              id packingListEntries { numberOfItems size { id } } } }
            """
    }

    @Test("updateSelectedProductsForDistributionEventPackingList adds every size once, keeps counts, removes products")
    func selectProducts() async throws {
        let api = try await Distro.make()
        _ = await api.run(Self.addEntry(event: Extra.packingEvent, size: 1, items: 1))
        let added = await api.run(Self.selectProducts(add: [1, 1], remove: []))
        #expect(
            added.data?["updateSelectedProductsForDistributionEventPackingList"]
                == [
                    "id": "8",
                    "packingListEntries": [
                        ["numberOfItems": 1, "size": ["id": "1"]], ["numberOfItems": 0, "size": ["id": "2"]],
                        ["numberOfItems": 0, "size": ["id": "3"]],
                    ],
                ])
        let again = await api.run(Self.selectProducts(add: [1], remove: []))
        #expect(
            again.data?["updateSelectedProductsForDistributionEventPackingList"]?["packingListEntries"]?.array?.count
                == 3)
        let removed = await api.run(Self.selectProducts(add: [], remove: [1]))
        #expect(
            removed.data?["updateSelectedProductsForDistributionEventPackingList"]
                == ["id": "8", "packingListEntries": []])
    }

    @Test("updateSelectedProductsForDistributionEventPackingList needs packing_list_entry:write for the event's base")
    func selectProductsForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.selectProducts(add: [1], remove: []), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(
            api, Self.selectProducts(add: [1], remove: []), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("updateSelectedProductsForDistributionEventPackingList refuses completed events and other bases' products")
    func selectProductsInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.selectProducts(event: Extra.completedEvent, add: [1], remove: []), code: "BAD_USER_INPUT",
            description:
                "Cannot operate 'set_products_for_packing_list' on the distribution event (id=9). It has already been completed. "
        )
        try await Self.expectRefused(
            api, Self.selectProducts(add: [1, Fixtures.ProductID.blanket.rawValue], remove: []),
            code: "BAD_USER_INPUT",
            description: "Invalid input: bases of 'product' and 'distribution event' not matching")
    }

    @Test(
        "updateSelectedProductsForDistributionEventPackingList with an unknown event or product is a missing resource")
    func selectProductsMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.selectProducts(event: Fixtures.unknownID, add: [1], remove: []), code: "BAD_USER_INPUT",
            description: Distro.notFound)
        try await Self.expectRefused(
            api, Self.selectProducts(add: [Fixtures.unknownID], remove: []), code: "BAD_USER_INPUT",
            description: Distro.notFound)
    }

    // MARK: - changeDistributionEventState

    static func changeState(_ event: Int, to state: String) -> String {
        #"mutation { changeDistributionEventState(distributionEventId: "\#(event)", newState: \#(state)) { id state } }"#
    }

    @Test("changeDistributionEventState moves an event forwards, backwards and straight to Completed")
    func changeState() async throws {
        let api = try await Distro.make()
        for state in ["Packing", "OnDistro", "Planning", "ReturnedFromDistribution", "Completed"] {
            let answer = await api.run(Self.changeState(Event.planning, to: state))
            #expect(answer.data?["changeDistributionEventState"] == ["id": "1", "state": .string(state)])
            #expect(try await Distro.state(api, event: Event.planning) == state)
        }
        #expect(
            try await api.rows("SELECT modified_on, modified_by FROM distro_events WHERE id = 1")
                == [["2025-06-01 12:00:00", "2"]])
    }

    @Test("changeDistributionEventState needs distro_event:write for the event's base")
    func changeStateForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.changeState(1, to: "Packing"), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(
            api, Self.changeState(1, to: "Packing"), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("Reference quirk fixed: a completed event keeps its state, and the error names the event's state")
    func changeStateInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.changeState(Extra.completedEvent, to: "Planning"), code: "BAD_USER_INPUT",
            description:
                "The state of the distribution_event (Completed) does not allow the requested action. Expecting state: Planning or Packing or OnDistro or ReturnedFromDistribution or ReturnTrackingInProgress"
        )
        let unknownState = await api.run(Self.changeState(1, to: "Lost"))
        #expect(!unknownState.errors.isEmpty)
        #expect(unknownState.data?["changeDistributionEventState"] == nil)
        #expect(try await Distro.state(api, event: Event.planning) == "Planning")
    }

    @Test("changeDistributionEventState of an unknown event is a missing resource")
    func changeStateMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.changeState(Fixtures.unknownID, to: "Packing"), code: "BAD_USER_INPUT",
            description: Distro.notFound)
    }
}
