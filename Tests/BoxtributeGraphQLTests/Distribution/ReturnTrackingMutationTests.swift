import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeTestSupport
import GraphQL
import Testing

/// Return-tracking groups: valid calls, forbidden ones, invalid input and missing rows. A
/// refused call writes nothing.
///
/// Fixture group 1 (Lesvos, in progress) logged jeans M: 10 out, 3 returned, 1 back in a box;
/// jeans S: 4 out; old coat L: 2 out.
@Suite("Mobile distribution mutations: return tracking")
struct ReturnTrackingMutationTests {
    typealias Event = Distro.Event
    typealias Extra = Distro.Mutation
    static let group = Fixtures.Distribution.TrackingGroupID.lesvosInProgress

    static func expectRefused(
        _ api: APIHarness, _ document: String, as user: CurrentUser = Distro.lesvos, code: String,
        description: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        try await DistributionPlanningMutationTests.expectRefused(
            api, document, as: user, code: code, description: description, sourceLocation: sourceLocation)
    }

    /// `(product, size, items, direction)` of a group's log, by id.
    static func log(_ api: APIHarness, group: Int) async throws -> [[String?]] {
        try await api.rows(
            "SELECT product_id, size_id, number_of_items, flow_direction FROM distro_events_tracking_logs WHERE distro_event_tracking_group_id = ? ORDER BY id",
            [.integer(group)])
    }

    // MARK: - startDistributionEventsTrackingGroup

    static func start(_ events: [Int], base: Int = 1) -> String {
        let ids = events.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            mutation { startDistributionEventsTrackingGroup(distributionEventIds: [\(ids)], baseId: "\(base)") {
              id state createdOn distributionEvents { id state distributionSpot { id name } }
              distributionEventsTrackingEntries { product { id } size { id } numberOfItems flowDirection dateTimeOfTracking } } }
            """
    }

    @Test(
        "startDistributionEventsTrackingGroup groups returned events and logs their boxes' and collections' items as out"
    )
    func start() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.start([Event.returned, Extra.returnedEvent, Fixtures.unknownID]))
        #expect(answer.errors.isEmpty, "\(answer.errors)")
        let now = "2025-06-01T12:00:00+00:00"
        #expect(
            answer.data?["startDistributionEventsTrackingGroup"]
                == [
                    "id": "4", "state": "InProgress", "createdOn": .string(now),
                    "distributionEvents": [
                        [
                            "id": "3", "state": "ReturnTrackingInProgress",
                            "distributionSpot": ["id": "6", "name": "Spot Lesvos"],
                        ],
                        [
                            "id": "10", "state": "ReturnTrackingInProgress",
                            "distributionSpot": ["id": "61", "name": "Spot Beach"],
                        ],
                    ],
                    "distributionEventsTrackingEntries": [
                        [
                            "product": ["id": "1"], "size": ["id": "1"], "numberOfItems": 6, "flowDirection": "Out",
                            "dateTimeOfTracking": .string(now),
                        ],
                        [
                            "product": ["id": "1"], "size": ["id": "2"], "numberOfItems": 2, "flowDirection": "Out",
                            "dateTimeOfTracking": .string(now),
                        ],
                    ],
                ])
        #expect(try await Distro.items(api, box: Extra.smallJeansLabel) == "0")
        #expect(try await Distro.itemChanges(api, box: Extra.smallJeansBox) == [["6", "0"]])
        #expect(
            try await api.scalar(
                "SELECT number_of_items FROM distro_events_unboxed_item_collections WHERE id = \(Extra.returnedCollection)"
            )
                == "0")
        #expect(
            try await api.rows("SELECT base_id, state, created_by FROM distro_events_tracking_groups WHERE id = 4")
                == [["1", "InProgress", "2"]])
    }

    @Test("startDistributionEventsTrackingGroup needs distro_event:write for the base")
    func startForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.start([Event.returned]), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.start([Event.returned]), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("startDistributionEventsTrackingGroup refuses events not returned, already grouped, or of another base")
    func startInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.start([Event.returned, Event.planning]), code: "BAD_USER_INPUT",
            description:
                "The state of the distribution_event (Planning) does not allow the requested action. Expecting state: ReturnedFromDistribution"
        )
        try await api.execute("UPDATE distro_events SET distro_event_tracking_group_id = 2 WHERE id = 3")
        try await Self.expectRefused(
            api, Self.start([Event.returned]), code: "BAD_USER_INPUT",
            description: "The distribution event is already part of a tracking group.")
    }

    @Test("Reference quirk fixed: startDistributionEventsTrackingGroup refuses events of another base")
    func startOtherBase() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.start([Extra.northReturnedEvent]), as: Fixtures.god, code: "BAD_USER_INPUT",
            description: "Invalid input: bases of 'distribution event' and 'tracking group' not matching")
    }

    @Test("startDistributionEventsTrackingGroup for an unknown base is a missing resource")
    func startMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.start([Event.returned], base: Fixtures.unknownID), as: Fixtures.god, code: "BAD_USER_INPUT",
            description: Distro.notFound)
    }

    // MARK: - setReturnedNumberOfItemsForDistributionEventsTrackingGroup

    static func setReturned(group: Int = group, product: Int = 1, size: Int = 2, items: Int) -> String {
        """
        mutation { setReturnedNumberOfItemsForDistributionEventsTrackingGroup(distributionEventsTrackingGroupId: "\(group)", productId: "\(product)", sizeId: "\(size)", numberOfItems: \(items)) {
          id numberOfItems flowDirection distributionEventsTrackingGroup { id } } }
        """
    }

    @Test("setReturnedNumberOfItemsForDistributionEventsTrackingGroup overwrites the returned count, or logs it first")
    func setReturned() async throws {
        let api = try await Distro.make()
        let overwritten = await api.run(Self.setReturned(items: 5))
        #expect(
            overwritten.data?["setReturnedNumberOfItemsForDistributionEventsTrackingGroup"]
                == [
                    "id": "2", "numberOfItems": 5, "flowDirection": "In",
                    "distributionEventsTrackingGroup": ["id": "1"],
                ])
        let created = await api.run(Self.setReturned(size: 1, items: 4))
        #expect(
            created.data?["setReturnedNumberOfItemsForDistributionEventsTrackingGroup"]
                == [
                    "id": "7", "numberOfItems": 4, "flowDirection": "In",
                    "distributionEventsTrackingGroup": ["id": "1"],
                ])
        #expect(
            try await Self.log(api, group: Self.group)
                == [
                    ["1", "2", "10", "Out"], ["1", "2", "5", "In"], ["1", "2", "1", "BackToBox"],
                    ["1", "1", "4", "Out"],
                    ["3", "3", "2", "Out"], ["1", "1", "4", "In"],
                ])
    }

    @Test("setReturnedNumberOfItemsForDistributionEventsTrackingGroup needs distro_event:write for the group's base")
    func setReturnedForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.setReturned(items: 5), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.setReturned(items: 5), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test(
        "Reference quirk fixed: returned items lie between those back in boxes and those gone out, of the group's base's products"
    )
    func setReturnedInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.setReturned(items: 11), code: "BAD_USER_INPUT",
            description: "Invalid input: 11 items returned, but only 10 went out on distribution")
        try await Self.expectRefused(
            api, Self.setReturned(items: 0), code: "BAD_USER_INPUT",
            description: "Invalid input: 0 items returned, but 1 are already back in boxes")
        try await Self.expectRefused(
            api, Self.setReturned(items: -1), code: "BAD_USER_INPUT",
            description: "Invalid input: negative value for 'numberOfItems'")
        try await Self.expectRefused(
            api, Self.setReturned(product: Fixtures.ProductID.blanket.rawValue, size: 1, items: 0),
            code: "BAD_USER_INPUT",
            description: "Invalid input: bases of 'product' and 'distribution event' not matching")
    }

    @Test(
        "setReturnedNumberOfItemsForDistributionEventsTrackingGroup with an unknown group, product or size is a missing resource"
    )
    func setReturnedMissing() async throws {
        let api = try await Distro.make()
        for document in [
            Self.setReturned(group: Fixtures.unknownID, items: 1),
            Self.setReturned(product: Fixtures.unknownID, items: 1),
            Self.setReturned(size: Fixtures.unknownID, items: 1),
        ] {
            try await Self.expectRefused(api, document, code: "BAD_USER_INPUT", description: Distro.notFound)
        }
    }

    // MARK: - moveItemsFromReturnTrackingGroupToBox

    static func moveBack(
        group: Int = group, size: Int = 2, items: Int, box: String = Fixtures.BoxLabel.jeans
    )
        -> String
    {
        """
        mutation { moveItemsFromReturnTrackingGroupToBox(distributionEventsTrackingGroupId: "\(group)", productId: "1", sizeId: "\(size)", numberOfItems: \(items), targetBoxLabelIdentifier: "\(box)") {
          id numberOfItems flowDirection product { id } size { id } } }
        """
    }

    @Test("moveItemsFromReturnTrackingGroupToBox puts returned items back into a box, with history")
    func moveBack() async throws {
        let api = try await Distro.make()
        let answer = await api.run(Self.moveBack(items: 2))
        #expect(
            answer.data?["moveItemsFromReturnTrackingGroupToBox"]
                == [
                    "id": "7", "numberOfItems": 2, "flowDirection": "BackToBox", "product": ["id": "1"],
                    "size": ["id": "2"],
                ])
        #expect(try await Distro.items(api, box: Fixtures.BoxLabel.jeans) == "12")
        #expect(try await Distro.itemChanges(api, box: Fixtures.BoxID.jeans) == [["10", "12"]])
        // All 3 returned items are back now: none is left for another move.
        try await Self.expectRefused(
            api, Self.moveBack(items: 1), code: "BAD_USER_INPUT",
            description: "Invalid input: 1 items to put back into a box, but only 0 returned items are left")
    }

    @Test("Reference quirk fixed: moveItemsFromReturnTrackingGroupToBox needs stock:write for the box's base too")
    func moveBackForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.moveBack(items: 1), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.moveBack(items: 1), as: Distro.thessaloniki, code: "FORBIDDEN")
        try await Self.expectRefused(
            api, Self.moveBack(size: 1, items: 1, box: Fixtures.BoxLabel.thessaloniki), code: "FORBIDDEN")
    }

    @Test(
        "Reference quirk fixed: items go back only into a box of their product and size, and no more than were returned"
    )
    func moveBackInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.moveBack(items: 3), code: "BAD_USER_INPUT",
            description: "Invalid input: 3 items to put back into a box, but only 2 returned items are left")
        try await Self.expectRefused(
            api, Self.moveBack(items: 1, box: Extra.smallJeansLabel), code: "BAD_USER_INPUT",
            description: "Invalid input: the box 10000008 does not hold the returned items' product and size")
        try await Self.expectRefused(
            api, Self.moveBack(items: -1), code: "BAD_USER_INPUT",
            description: "Invalid input: negative value for 'numberOfItems'")
    }

    @Test("moveItemsFromReturnTrackingGroupToBox with an unknown group or box is a missing resource")
    func moveBackMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.moveBack(group: Fixtures.unknownID, items: 1), code: "BAD_USER_INPUT",
            description: Distro.notFound)
        try await Self.expectRefused(
            api, Self.moveBack(items: 1, box: Fixtures.unknownLabel), code: "BAD_USER_INPUT",
            description: Distro.notFound)
    }

    // MARK: - completeDistributionEventsTrackingGroup

    static func complete(_ id: String = "1") -> String {
        #"mutation { completeDistributionEventsTrackingGroup(id: "\#(id)") { id state distributionEvents { id state } } }"#
    }

    @Test("completeDistributionEventsTrackingGroup completes the group and its events, also again")
    func complete() async throws {
        let api = try await Distro.make()
        let expected: JSONValue = [
            "id": "1", "state": "Completed",
            "distributionEvents": [["id": "4", "state": "Completed"], ["id": "5", "state": "Completed"]],
        ]
        let answer = await api.run(Self.complete())
        #expect(answer.data?["completeDistributionEventsTrackingGroup"] == expected)
        let again = await api.run(Self.complete())
        #expect(again.data?["completeDistributionEventsTrackingGroup"] == expected)
        #expect(try await api.scalar("SELECT state FROM distro_events_tracking_groups WHERE id = 1") == "Completed")
    }

    @Test("completeDistributionEventsTrackingGroup needs distro_event:write for the group's base")
    func completeForbidden() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.complete(), as: Distro.reader, code: "FORBIDDEN")
        try await Self.expectRefused(api, Self.complete(), as: Distro.thessaloniki, code: "FORBIDDEN")
    }

    @Test("completeDistributionEventsTrackingGroup refuses an id that is no number")
    func completeInvalid() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(api, Self.complete("one"), code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    @Test("completeDistributionEventsTrackingGroup of an unknown group is a missing resource")
    func completeMissing() async throws {
        let api = try await Distro.make()
        try await Self.expectRefused(
            api, Self.complete(String(Fixtures.unknownID)), code: "BAD_USER_INPUT", description: Distro.notFound)
    }

    // MARK: - The whole flow

    @Test("the reference's flow: two spots, two events, items out of a box, returns tracked, statistics")
    func referenceFlow() async throws {
        let api = try await Distro.make()
        func id(_ answer: APIHarness.Answer, _ field: String) -> String {
            answer.data?[field]?["id"]?.string ?? ""
        }
        let spotA = id(await api.run(DistributionPlanningMutationTests.createSpot(name: "A")), "createDistributionSpot")
        let spotB = id(await api.run(DistributionPlanningMutationTests.createSpot(name: "B")), "createDistributionSpot")
        let eventA = id(
            await api.run(DistributionPlanningMutationTests.createEvent(spot: Int(spotA) ?? 0)),
            "createDistributionEvent")
        let eventB = id(
            await api.run(DistributionPlanningMutationTests.createEvent(spot: Int(spotB) ?? 0)),
            "createDistributionEvent")
        #expect([spotA, spotB, eventA, eventB] == ["63", "64", "12", "13"])
        let moved = await api.run(DistributionItemsMutationTests.move(to: 12, items: 6))
        #expect(moved.data?["moveItemsFromBoxToDistributionEvent"]?["numberOfItems"] == 6)
        #expect(try await Distro.items(api, box: Fixtures.BoxLabel.jeans) == "4")
        _ = await api.run(DistributionItemsMutationTests.assign(Fixtures.BoxLabel.jeans, to: 13))
        for event in [12, 13] {
            _ = await api.run(DistributionPlanningMutationTests.changeState(event, to: "ReturnedFromDistribution"))
        }
        let started = await api.run(Self.start([12, 13]))
        #expect(started.errors.isEmpty, "\(started.errors)")
        #expect(try await Distro.items(api, box: Fixtures.BoxLabel.jeans) == "0")
        // One log per product and size: the box's 4 and the collection's 6.
        #expect(try await Self.log(api, group: 4) == [["1", "2", "10", "Out"]])
        let returned = await api.run(Self.setReturned(group: 4, items: 3))
        #expect(returned.errors.isEmpty, "\(returned.errors)")
        let statistics = await api.run(
            """
            { base(id: "1") { distributionEventsStatistics { distroEventTrackingGroupId productName sizeLabel inflow outflow
              involvedDistributionEventIds potentiallyInvolvedDistributionSpots } } }
            """)
        let rows = statistics.data?["base"]?["distributionEventsStatistics"]?.array ?? []
        #expect(
            rows.filter { $0["distroEventTrackingGroupId"] == "4" }
                == [
                    [
                        "distroEventTrackingGroupId": "4", "productName": "Jeans", "sizeLabel": "M", "inflow": 3,
                        "outflow": 10, "involvedDistributionEventIds": "12,13",
                        "potentiallyInvolvedDistributionSpots": "A, B",
                    ]
                ])
        // The box's history explains its count: 10 → 4 (items out), 4 → 0 (gone out on distribution).
        #expect(try await Distro.itemChanges(api, box: Fixtures.BoxID.jeans) == [["10", "4"], ["4", "0"]])
    }
}
