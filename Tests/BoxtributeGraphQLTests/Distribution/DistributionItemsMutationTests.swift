import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeTestSupport
import GraphQL
import Testing

/// Boxes of events and loose items: valid calls, forbidden ones, invalid input and missing
/// rows. A refused call writes nothing.
@Suite("Mobile distribution mutations: boxes and loose items")
struct DistributionItemsMutationTests {
    typealias Event = Distro.Event
    typealias Extra = Distro.Mutation
    static let jeans = Fixtures.BoxLabel.jeans

    static func expectRefused(
        _ api: APIHarness, _ document: String, as user: CurrentUser = Distro.lesvos, code: String,
        description: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        try await DistributionPlanningMutationTests.expectRefused(
            api, document, as: user, code: code, description: description, sourceLocation: sourceLocation)
    }

    // MARK: - assignBoxToDistributionEvent

    static func assign(_ label: String = Extra.smallJeansLabel, to event: Int = Extra.packingEvent) -> String {
        """
        mutation { assignBoxToDistributionEvent(boxLabelIdentifier: "\(label)", distributionEventId: "\(event)") {
          labelIdentifier numberOfItems distributionEvent { id name distributionSpot { name } } } }
        """
    }

    @Test("assignBoxToDistributionEvent assigns the box to the event, without history")
    func assign() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.assign())
        #expect(
            answer.data?["assignBoxToDistributionEvent"]
                == [
                    "labelIdentifier": "10000008", "numberOfItems": 6,
                    "distributionEvent": [
                        "id": "8", "name": "Packing day", "distributionSpot": ["name": "Spot Beach"],
                    ],
                ])
        #expect(try await api.scalar("SELECT distro_event_id FROM stock WHERE id = 8") == "8")
        #expect(try await api.historyChanges("stock", recordId: Extra.smallJeansBox).isEmpty)
    }

    @Test("Reference quirk fixed: assignBoxToDistributionEvent needs stock:write for the box's base too")
    func assignForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.assign(), as: Distro.reader, code: "FORBIDDEN")
        // Thessaloniki may write stock of its own event's base, not Lesvos' box.
        try await Self.expectRefused(
            api, Self.assign(Self.jeans, to: Event.north), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("assignBoxToDistributionEvent refuses completed events, deleted boxes and boxes without size")
    func assignInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.assign(to: Extra.completedEvent), code: "BAD_USER_INPUT",
            description:
                "Cannot operate 'assign_box_to_distribution_event' on the distribution event (id=9). It has already been completed. "
        )
        try await Self.expectRefused(
            api, Self.assign(Fixtures.BoxLabel.deleted), code: "BAD_USER_INPUT",
            description: "Box with label identifier '10000004' is deleted and cannot be updated")
        try await Self.expectRefused(
            api, Self.assign(Fixtures.BoxLabel.rice), code: "BAD_USER_INPUT",
            description:
                "The box 10000002 holds a product measured by weight or volume, without size; its items cannot be distributed."
        )
    }

    @Test("assignBoxToDistributionEvent with an unknown box or event is a missing resource")
    func assignMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.assign(Fixtures.unknownLabel), code: "BAD_USER_INPUT", description: Distro.notFound)
        try await Self.expectRefused(
            api, Self.assign(to: Fixtures.unknownID), code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    // MARK: - unassignBoxFromDistributionEvent

    static func unassign(_ label: String = jeans, event: String = "1") -> String {
        #"mutation { unassignBoxFromDistributionEvent(boxLabelIdentifier: "\#(label)", distributionEventId: "\#(event)") { labelIdentifier distributionEvent { id } } }"#
    }

    @Test(
        "Reference quirk fixed: unassignBoxFromDistributionEvent works for a coordinator with stock:write for the box's base"
    )
    func unassign() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.unassign())
        #expect(answer.errors.isEmpty, "\(answer.errors)")
        #expect(
            answer.data?["unassignBoxFromDistributionEvent"] == [
                "labelIdentifier": "10000001", "distributionEvent": nil,
            ])
        #expect(try await api.scalar("SELECT distro_event_id FROM stock WHERE id = 1") == nil)
        // Again: nothing to do, same answer.
        let again = await api.run(Self.unassign())
        #expect(again.data == answer.data)
    }

    @Test("unassignBoxFromDistributionEvent needs stock:write for the box's base")
    func unassignForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.unassign(), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.unassign(), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("unassignBoxFromDistributionEvent refuses an event id that is no number")
    func unassignInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.unassign(event: "first"), code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    @Test("unassignBoxFromDistributionEvent of an unknown box is a missing resource")
    func unassignMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.unassign(Fixtures.unknownLabel), code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    // MARK: - moveItemsFromBoxToDistributionEvent

    static func move(_ label: String = jeans, to event: Int = Event.planning, items: Int) -> String {
        """
        mutation { moveItemsFromBoxToDistributionEvent(boxLabelIdentifier: "\(label)", distributionEventId: "\(event)", numberOfItems: \(items)) {
          id numberOfItems product { id } size { id } location { id } distributionEvent { id } } }
        """
    }

    @Test("moveItemsFromBoxToDistributionEvent adds to the event's collection of the box's product and size")
    func moveIntoExisting() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.move(items: 4))
        #expect(
            answer.data?["moveItemsFromBoxToDistributionEvent"]
                == [
                    "id": "1", "numberOfItems": 8, "product": ["id": "1"], "size": ["id": "2"], "location": ["id": "6"],
                    "distributionEvent": ["id": "1"],
                ])
        #expect(try await Distro.items(api, box: Self.jeans) == "6")
        // The history explains the box's new count (the reference writes none).
        #expect(try await Distro.itemChanges(api, box: Fixtures.BoxID.jeans) == [["10", "6"]])
        #expect(
            try await api.rows("SELECT modified, modified_by FROM stock WHERE id = 1")
                == [["2025-06-01 12:00:00", "2"]])
    }

    @Test("Reference quirk fixed: a new collection gets created_on and the box's location; a box can be emptied")
    func moveIntoNew() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.move(Extra.smallJeansLabel, to: Extra.packingEvent, items: 2))
        #expect(
            answer.data?["moveItemsFromBoxToDistributionEvent"]
                == [
                    "id": "5", "numberOfItems": 2, "product": ["id": "1"], "size": ["id": "1"], "location": ["id": "1"],
                    "distributionEvent": ["id": "8"],
                ])
        #expect(
            try await api.rows(
                "SELECT created_on, created_by, distro_event_id FROM distro_events_unboxed_item_collections WHERE id = 5"
            )
                == [["2025-06-01 12:00:00", "2", "8"]])
        let rest = await api.run(Self.move(Extra.smallJeansLabel, to: Extra.packingEvent, items: 4))
        #expect(rest.data?["moveItemsFromBoxToDistributionEvent"]?["numberOfItems"] == 6)
        #expect(try await Distro.items(api, box: Extra.smallJeansLabel) == "0")
        #expect(try await Distro.itemChanges(api, box: Extra.smallJeansBox) == [["6", "4"], ["4", "0"]])
        #expect(try await api.count("distro_events_unboxed_item_collections") == 5)
    }

    @Test(
        "moveItemsFromBoxToDistributionEvent needs unboxed_items_collection:write for the event and stock:write for the box"
    )
    func moveForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.move(items: 1), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(
            api, Self.move(to: Event.north, items: 1), as: Distro.thessaloniki, code: "FORBIDDEN")
        try await Self.expectRefused(
            api, Self.move(Fixtures.BoxLabel.thessaloniki, items: 1), as: Distro.lesvos, code: "FORBIDDEN")
    }

    @Test(
        "moveItemsFromBoxToDistributionEvent refuses more items than the box holds, negative counts, completed events")
    func moveInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.move(items: 11), code: "BAD_USER_INPUT",
            description: "There are not enough items (actual: 10; requested: 11) in the box 10000001.) ")
        try await Self.expectRefused(
            api, Self.move(items: -3), code: "BAD_USER_INPUT",
            description: "Invalid input: negative value for 'numberOfItems'")
        try await Self.expectRefused(
            api, Self.move(to: Extra.completedEvent, items: 1), code: "BAD_USER_INPUT",
            description: "Cannot operate 'add_items' on the distribution event (id=9). It has already been completed. ")
        try await Self.expectRefused(
            api, Self.move(Fixtures.BoxLabel.deleted, items: 1), code: "BAD_USER_INPUT",
            description: "Box with label identifier '10000004' is deleted and cannot be updated")
    }

    @Test(
        "Reference quirk fixed: items of a box without size (a measure product) are refused as bad input, not a crash")
    func moveMeasureBox() async throws {
        let api = try await Distro.make()
        try await api.execute("UPDATE stock SET items = 3 WHERE id = \(Fixtures.BoxID.rice)")
        try await Self.expectRefused(
            api, Self.move(Fixtures.BoxLabel.rice, items: 1), code: "BAD_USER_INPUT",
            description:
                "The box 10000002 holds a product measured by weight or volume, without size; its items cannot be distributed."
        )
    }

    @Test("moveItemsFromBoxToDistributionEvent with an unknown box or event is a missing resource")
    func moveMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.move(Fixtures.unknownLabel, items: 1), code: "BAD_USER_INPUT", description: Distro.notFound)
        try await Self.expectRefused(
            api, Self.move(to: Fixtures.unknownID, items: 1), code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    @Test(
        "two users taking items out of one box at once never take more than it holds",
        arguments: [(6, 2), (4, 5)] as [(Int, Int)])
    func concurrentMoves(items: Int, rounds: Int) async throws {
        let api = try await Distro.make()
        // Two coordinators of Lesvos, each taking `items` of the box's 10 into another event, `rounds` times.
        let second = CurrentUser(
            id: Fixtures.UserID.samosVolunteer, organisationId: Fixtures.Org.aidA, maxBetaLevel: 99,
            permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [Fixtures.BaseID.lesvos]))
        let requests = (0..<rounds).flatMap { _ in
            [(Distro.lesvos, Event.planning), (second, Extra.packingEvent)]
        }
        let answers = try await withThrowingTaskGroup(of: APIHarness.Answer.self) { group in
            for (user, event) in requests {
                group.addTask { await api.run(Self.move(to: event, items: items), as: user) }
            }
            return try await group.reduce(into: [APIHarness.Answer]()) { $0.append($1) }
        }
        let succeeded = answers.filter(\.errors.isEmpty).count
        // 10 items: as many moves succeed as fit, the others are refused for want of items.
        #expect(succeeded == 10 / items)
        for answer in answers where !answer.errors.isEmpty {
            #expect(answer.firstDescription?.hasPrefix("There are not enough items") == true, "\(answer.errors)")
        }
        let left = 10 - succeeded * items
        #expect(try await Distro.items(api, box: Self.jeans) == String(left))
        let collected = try await api.scalar(
            "SELECT SUM(number_of_items) FROM distro_events_unboxed_item_collections WHERE distro_event_id IN (1, 8) AND product_id = 1 AND size_id = 2"
        )
        // Collection 1 held 4 before.
        #expect(collected.flatMap(Double.init) == Double(4 + succeeded * items))
        // Every change of the box is recorded against the value before it.
        let changes = try await Distro.itemChanges(api, box: Fixtures.BoxID.jeans)
        #expect(changes.count == succeeded)
        var current = 10
        for change in changes {
            #expect(change == [String(current), String(current - items)])
            current -= items
        }
    }

    // MARK: - removeItemsFromUnboxedItemsCollection

    static func removeItems(_ id: Int = 1, items: Int) -> String {
        #"mutation { removeItemsFromUnboxedItemsCollection(id: "\#(id)", numberOfItems: \#(items)) { id numberOfItems product { name } } }"#
    }

    @Test("removeItemsFromUnboxedItemsCollection takes items out of the collection")
    func removeItems() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.removeItems(items: 3))
        #expect(
            answer.data?["removeItemsFromUnboxedItemsCollection"]
                == ["id": "1", "numberOfItems": 1, "product": ["name": "Jeans"]])
        let all = await api.run(Self.removeItems(items: 1))
        #expect(all.data?["removeItemsFromUnboxedItemsCollection"]?["numberOfItems"] == 0)
        #expect(
            try await api.scalar("SELECT number_of_items FROM distro_events_unboxed_item_collections WHERE id = 1")
                == "0")
    }

    @Test("removeItemsFromUnboxedItemsCollection needs distro_event:write for the event's base")
    func removeItemsForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.removeItems(items: 1), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.removeItems(items: 1), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("Reference quirk fixed: removing more items than a collection holds is bad input, not an internal error")
    func removeItemsInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.removeItems(items: 5), code: "BAD_USER_INPUT",
            description: "Cannot remove more items than are in the collection")
        try await Self.expectRefused(
            api, Self.removeItems(items: -1), code: "BAD_USER_INPUT",
            description: "Invalid input: negative value for 'numberOfItems'")
    }

    @Test("removeItemsFromUnboxedItemsCollection of an unknown collection is a missing resource")
    func removeItemsMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.removeItems(Fixtures.unknownID, items: 1), code: "BAD_USER_INPUT", description: Distro.notFound)
    }
}
