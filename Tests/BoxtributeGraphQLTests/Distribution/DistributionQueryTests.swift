import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeTestSupport
import Foundation
import GraphQL
import Testing

/// Read API of mobile distribution (the prototype's events, spots, packing lists).
@Suite("Mobile distribution queries")
struct DistributionQueryTests {
    /// A user of organisation 1 holding only `permissions`, for base 1.
    static func lesvosUser(_ permissions: [String]) -> CurrentUser {
        CurrentUser(
            id: 20, organisationId: Fixtures.Org.aidA,
            permissions: CurrentUser.permissionMap(permissions, baseIds: [Fixtures.BaseID.lesvos]))
    }

    // MARK: Base fields

    @Test("Base.distributionSpots lists the base's spots with their events")
    func baseSpots() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { base(id: "\#(Fixtures.BaseID.lesvos)") { distributionSpots {
                __typename id name latitude longitude comment boxes { totalCount } base { id }
                distributionEvents { id name state plannedStartDateTime plannedEndDateTime }
            } } }
            """#)
        #expect(answer.errors.isEmpty)
        let spots = try #require(answer.data?["base"]?["distributionSpots"]?.array)
        #expect(spots.map { $0["id"] } == ["6", "61"])
        #expect(
            spots[1]
                == [
                    "__typename": "DistributionSpot", "id": "61", "name": "Spot Beach", "latitude": 39.1,
                    "longitude": 26.55, "comment": "Next to the kiosk", "boxes": nil, "base": ["id": "1"],
                    "distributionEvents": [
                        [
                            "id": "2", "name": "Beach distro", "state": "OnDistro",
                            "plannedStartDateTime": "2024-06-02T10:00:00+00:00",
                            "plannedEndDateTime": "2024-06-02T13:00:00+00:00",
                        ],
                        [
                            "id": "5", "name": "Tracked B", "state": "ReturnTrackingInProgress",
                            "plannedStartDateTime": "2024-04-02T09:00:00+00:00",
                            "plannedEndDateTime": "2024-04-02T12:00:00+00:00",
                        ],
                    ],
                ])
        // Without a stored description the comment is empty rather than a non-null error.
        #expect(spots[0]["comment"] == "")
        #expect(spots[0]["latitude"] == .null)
        #expect(spots[0]["distributionEvents"]?.array?.map { $0["id"] } == ["1", "3", "4"])
    }

    @Test("Base.distributionSpots needs location:read; spot events need distro_event:read")
    func baseSpotsPermissions() async throws {
        let api = try await APIHarness.make()
        let noLocation = await api.run(
            #"{ base(id: "\#(Fixtures.BaseID.lesvos)") { id distributionSpots { id } } }"#,
            as: Self.lesvosUser(["base:read"]))
        #expect(noLocation.firstCode == "FORBIDDEN")
        #expect(noLocation.data == ["base": nil])
        let noEvents = await api.run(
            #"{ base(id: "\#(Fixtures.BaseID.lesvos)") { distributionSpots { id distributionEvents { id } } } }"#,
            as: Self.lesvosUser(["base:read", "location:read"]))
        #expect(noEvents.firstCode == "FORBIDDEN")
        #expect(noEvents.errors.first?["path"] == ["base", "distributionSpots", 0, "distributionEvents"])
    }

    @Test("Base.distributionEvents lists events at the base's spots, optionally by state")
    func baseEvents() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { base(id: "\#(Fixtures.BaseID.lesvos)") {
                all: distributionEvents { id }
                returned: distributionEvents(states: [ReturnedFromDistribution]) { id }
                several: distributionEvents(states: [Planning, ReturnTrackingInProgress]) { id }
                distributionEventsBeforeReturnedFromDistributionState { id }
                distributionEventsInReturnedFromDistributionState { id distributionSpot { id name } }
            } }
            """#)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["base"]
                == [
                    "all": [["id": "1"], ["id": "2"], ["id": "3"], ["id": "4"], ["id": "5"]],
                    "returned": [["id": "3"]],
                    "several": [["id": "1"], ["id": "4"], ["id": "5"]],
                    "distributionEventsBeforeReturnedFromDistributionState": [["id": "1"], ["id": "2"]],
                    "distributionEventsInReturnedFromDistributionState": [
                        ["id": "3", "distributionSpot": ["id": "6", "name": "Spot Lesvos"]]
                    ],
                ])
    }

    @Test("Base distribution-event fields need distro_event:read for the base")
    func baseEventsPermission() async throws {
        let api = try await APIHarness.make()
        let user = Self.lesvosUser(["base:read", "location:read"])
        for field in [
            "distributionEvents { id }", "distributionEventsBeforeReturnedFromDistributionState { id }",
            "distributionEventsInReturnedFromDistributionState { id }", "distributionEventsTrackingGroups { id }",
            "distributionEventsStatistics { productId }",
        ] {
            let answer = await api.run(#"{ base(id: "\#(Fixtures.BaseID.lesvos)") { id "# + field + " } }", as: user)
            #expect(answer.firstCode == "FORBIDDEN", "\(field)")
            #expect(answer.data == ["base": nil], "\(field)")
        }
    }

    @Test("Base.distributionEventsTrackingGroups filters by state; the DB default spelling counts as InProgress")
    func baseTrackingGroups() async throws {
        let api = try await APIHarness.make()
        let lesvos = await api.run(
            #"""
            { base(id: "\#(Fixtures.BaseID.lesvos)") {
                all: distributionEventsTrackingGroups { id state createdOn }
                open: distributionEventsTrackingGroups(states: [InProgress]) { id }
            } }
            """#)
        #expect(lesvos.errors.isEmpty)
        #expect(
            lesvos.data?["base"]
                == [
                    "all": [
                        ["id": "1", "state": "InProgress", "createdOn": "2024-04-03T10:00:00+00:00"],
                        ["id": "2", "state": "Completed", "createdOn": "2024-03-01T10:00:00+00:00"],
                    ],
                    "open": [["id": "1"]],
                ])
        let north = await api.run(
            #"{ base(id: "\#(Fixtures.BaseID.thessaloniki)") { distributionEventsTrackingGroups(states: [InProgress]) { id state } } }"#,
            as: Fixtures.thessalonikiCoordinator)
        #expect(north.data?["base"] == ["distributionEventsTrackingGroups": [["id": "3", "state": "InProgress"]]])
    }

    @Test("Base.distributionEventsStatistics sums tracked flows per group, product and size")
    func statistics() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { base(id: "\#(Fixtures.BaseID.lesvos)") { distributionEventsStatistics {
                productName genderLabel categoryLabel sizeLabel inflow outflow earliestPossibleDistroDate
                latestPossibleDistroDate potentiallyInvolvedDistributionSpots involvedDistributionEventIds
                distroEventTrackingGroupId productId sizeId
            } } }
            """#)
        #expect(answer.errors.isEmpty)
        let common: [String: JSONValue] = [
            "earliestPossibleDistroDate": "2024-04-01 09:00:00", "latestPossibleDistroDate": "2024-04-02 12:00:00",
            "potentiallyInvolvedDistributionSpots": "Spot Beach, Spot Lesvos", "involvedDistributionEventIds": "4,5",
            "distroEventTrackingGroupId": "1",
        ]
        func row(_ fields: [String: JSONValue]) -> JSONValue { .object(common.merging(fields) { _, new in new }) }
        #expect(
            answer.data?["base"]?["distributionEventsStatistics"]
                == .array([
                    row([
                        "productName": "Jeans", "genderLabel": "Male", "categoryLabel": "Bottoms", "sizeLabel": "S",
                        "inflow": 0, "outflow": 4, "productId": "1", "sizeId": "1",
                    ]),
                    row([
                        "productName": "Jeans", "genderLabel": "Male", "categoryLabel": "Bottoms", "sizeLabel": "M",
                        "inflow": 3, "outflow": 10, "productId": "1", "sizeId": "2",
                    ]),
                    row([
                        "productName": "Old coat", "genderLabel": "Female", "categoryLabel": "Jackets / Outerwear",
                        "sizeLabel": "L", "inflow": 0, "outflow": 2, "productId": "3", "sizeId": "3",
                    ]),
                ]))
        // Group 3 of Thessaloniki has logs but no events: no rows (inner joins).
        let north = await api.run(
            #"{ base(id: "\#(Fixtures.BaseID.thessaloniki)") { distributionEventsStatistics { productId } } }"#,
            as: Fixtures.thessalonikiCoordinator)
        #expect(north.data?["base"] == ["distributionEventsStatistics": []])
    }

    // MARK: Root queries

    @Test("distributionEvent resolves its packing list, boxes, collections and spot")
    func event() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { distributionEvent(id: "\#(Fixtures.Distribution.EventID.planning)") {
                id name state distributionSpot { id name } distributionEventsTrackingGroup { id }
                packingListEntries {
                  id numberOfItems state product { name } size { label }
                  matchingPackedItemsCollections {
                    __typename id numberOfItems product { id } size { id } location { __typename id }
                    distributionEvent { id }
                    ... on Box { labelIdentifier }
                  }
                }
                boxes { labelIdentifier distributionEvent { id } }
                unboxedItemsCollections { id label numberOfItems product { name } size { label } location { __typename id } distributionEvent { name } }
            } }
            """#)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["distributionEvent"]
                == [
                    "id": "1", "name": "Morning distro", "state": "Planning",
                    "distributionSpot": ["id": "6", "name": "Spot Lesvos"], "distributionEventsTrackingGroup": nil,
                    "packingListEntries": [
                        [
                            "id": "1", "numberOfItems": 5, "state": "NotStarted", "product": ["name": "Jeans"],
                            "size": ["label": "M"],
                            "matchingPackedItemsCollections": [
                                [
                                    "__typename": "Box", "id": "1", "numberOfItems": 10, "product": ["id": "1"],
                                    "size": ["id": "2"], "location": ["__typename": "ClassicLocation", "id": "1"],
                                    "distributionEvent": ["id": "1"], "labelIdentifier": "10000001",
                                ],
                                [
                                    "__typename": "UnboxedItemsCollection", "id": "1", "numberOfItems": 4,
                                    "product": ["id": "1"], "size": ["id": "2"],
                                    "location": ["__typename": "DistributionSpot", "id": "6"],
                                    "distributionEvent": ["id": "1"],
                                ],
                            ],
                        ],
                        [
                            "id": "2", "numberOfItems": 3, "state": "NotStarted", "product": ["name": "Jeans"],
                            "size": ["label": "S"], "matchingPackedItemsCollections": [],
                        ],
                        [
                            "id": "3", "numberOfItems": 0, "state": "NotStarted", "product": ["name": "Old coat"],
                            "size": ["label": "L"], "matchingPackedItemsCollections": [],
                        ],
                    ],
                    "boxes": [["labelIdentifier": "10000001", "distributionEvent": ["id": "1"]]],
                    "unboxedItemsCollections": [
                        [
                            "id": "1", "label": nil, "numberOfItems": 4, "product": ["name": "Jeans"],
                            "size": ["label": "M"], "location": ["__typename": "DistributionSpot", "id": "6"],
                            "distributionEvent": ["name": "Morning distro"],
                        ]
                    ],
                ])
    }

    @Test("distributionEvent: missing is BAD_USER_INPUT, foreign is FORBIDDEN")
    func eventErrors() async throws {
        let api = try await APIHarness.make()
        let missing = await api.run(#"{ distributionEvent(id: "\#(Fixtures.anotherUnknownID)") { id } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        #expect(missing.data == ["distributionEvent": nil])
        let foreign = await api.run(#"{ distributionEvent(id: "\#(Fixtures.Distribution.EventID.north)") { id } }"#)
        #expect(foreign.firstCode == "FORBIDDEN")
        let north = await api.run(
            #"{ distributionEvent(id: "\#(Fixtures.Distribution.EventID.north)") { name packingListEntries { numberOfItems product { name } } } }"#,
            as: Fixtures.thessalonikiCoordinator)
        #expect(
            north.data?["distributionEvent"]
                == [
                    "name": "North distro",
                    "packingListEntries": [["numberOfItems": 10, "product": ["name": "Blanket"]]],
                ])
    }

    @Test("DistributionEvent fields check their own permission for the spot's base")
    func eventFieldPermissions() async throws {
        let api = try await APIHarness.make()
        let user = Self.lesvosUser(["distro_event:read"])
        for (field, path) in [
            ("distributionSpot { id }", "distributionSpot"), ("packingListEntries { id }", "packingListEntries"),
            ("boxes { id }", "boxes"), ("unboxedItemsCollections { id }", "unboxedItemsCollections"),
        ] {
            let answer = await api.run(
                #"{ distributionEvent(id: "\#(Fixtures.Distribution.EventID.planning)") { id "# + field + " } }",
                as: user)
            #expect(answer.firstCode == "FORBIDDEN", "\(field)")
            #expect(answer.errors.first?["path"] == ["distributionEvent", .string(path)], "\(field)")
        }
        // distributionSpot is nullable: only that field is nulled.
        let spot = await api.run(
            #"{ distributionEvent(id: "\#(Fixtures.Distribution.EventID.planning)") { id distributionSpot { id } } }"#,
            as: user)
        #expect(spot.data == ["distributionEvent": ["id": "1", "distributionSpot": nil]])
        let group = await api.run(
            #"{ distributionEvent(id: "\#(Fixtures.Distribution.EventID.trackedA)") { distributionEventsTrackingGroup { id } } }"#,
            as: user)
        #expect(group.data == ["distributionEvent": ["distributionEventsTrackingGroup": ["id": "1"]]])
    }

    @Test("matchingPackedItemsCollections needs stock:read for the product's base")
    func matchingCollectionsPermission() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ packingListEntry(id: "\#(Fixtures.Distribution.PackingListEntryID.jeansMedium)") { id matchingPackedItemsCollections { numberOfItems } } }"#,
            as: Self.lesvosUser(["packing_list_entry:read"]))
        #expect(answer.firstCode == "FORBIDDEN")
        #expect(answer.errors.first?["path"] == ["packingListEntry", "matchingPackedItemsCollections"])
    }

    @Test("packingListEntry is guarded by packing_list_entry:read for the product's base")
    func packingListEntry() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ packingListEntry(id: "\#(Fixtures.Distribution.PackingListEntryID.jeansSmall)") { id numberOfItems state product { id } size { id } } }"#
        )
        #expect(
            answer.data?["packingListEntry"]
                == ["id": "2", "numberOfItems": 3, "state": "NotStarted", "product": ["id": "1"], "size": ["id": "1"]])
        let missing = await api.run(#"{ packingListEntry(id: "\#(Fixtures.unknownID)") { id } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        let foreign = await api.run(
            #"{ packingListEntry(id: "\#(Fixtures.Distribution.PackingListEntryID.north)") { id } }"#)
        #expect(foreign.firstCode == "FORBIDDEN")
    }

    @Test("distributionSpot returns spots, null for warehouse locations")
    func spot() async throws {
        let api = try await APIHarness.make()
        let spot = await api.run(
            #"{ distributionSpot(id: "\#(Fixtures.LocationID.lesvosDistributionSpot)") { id name base { name } } }"#)
        #expect(spot.data == ["distributionSpot": ["id": "6", "name": "Spot Lesvos", "base": ["name": "Lesvos"]]])
        let classic = await api.run(#"{ distributionSpot(id: "\#(Fixtures.LocationID.lesvosWarehouse)") { id } }"#)
        #expect(classic.errors.isEmpty)
        #expect(classic.data == ["distributionSpot": nil])
        let missing = await api.run(#"{ distributionSpot(id: "\#(Fixtures.anotherUnknownID)") { id } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        let foreign = await api.run(#"{ distributionSpot(id: "\#(Fixtures.Distribution.northSpot)") { id } }"#)
        #expect(foreign.firstCode == "FORBIDDEN")
    }

    @Test("distributionSpots lists the spots of every base with location:read")
    func spots() async throws {
        let api = try await APIHarness.make()
        let lesvos = await api.run("{ distributionSpots { id } }")
        #expect(lesvos.data == ["distributionSpots": [["id": "6"], ["id": "61"]]])
        let god = await api.run("{ distributionSpots { id } }", as: Fixtures.god)
        #expect(god.data == ["distributionSpots": [["id": "6"], ["id": "61"], ["id": "62"]]])
        let samos = await api.run("{ distributionSpots { id } }", as: Fixtures.samosVolunteer)
        #expect(samos.data == ["distributionSpots": []])
        let nobody = await api.run("{ distributionSpots { id } }", as: Fixtures.nobody)
        #expect(nobody.firstCode == "FORBIDDEN")
    }

    @Test("distributionEventsTrackingGroup resolves its events and log entries")
    func trackingGroup() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { distributionEventsTrackingGroup(id: "\#(Fixtures.Distribution.TrackingGroupID.lesvosInProgress)") {
                id state distributionEvents { id distributionSpot { name } }
                distributionEventsTrackingEntries {
                  id numberOfItems flowDirection dateTimeOfTracking product { name } size { label }
                  distributionEventsTrackingGroup { id }
                }
            } }
            """#)
        #expect(answer.errors.isEmpty)
        let group = try #require(answer.data?["distributionEventsTrackingGroup"])
        #expect(group["state"] == "InProgress")
        #expect(
            group["distributionEvents"]
                == [
                    ["id": "4", "distributionSpot": ["name": "Spot Lesvos"]],
                    ["id": "5", "distributionSpot": ["name": "Spot Beach"]],
                ])
        let entries = try #require(group["distributionEventsTrackingEntries"]?.array)
        #expect(entries.map { $0["flowDirection"] } == ["Out", "In", "BackToBox", "Out", "Out"])
        #expect(
            entries[1]
                == [
                    "id": "2", "numberOfItems": 3, "flowDirection": "In",
                    "dateTimeOfTracking": "2024-04-04T10:00:00+00:00",
                    "product": ["name": "Jeans"], "size": ["label": "M"],
                    "distributionEventsTrackingGroup": ["id": "1"],
                ])
        let missing = await api.run(#"{ distributionEventsTrackingGroup(id: "\#(Fixtures.unknownID)") { id } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        let foreign = await api.run(
            #"{ distributionEventsTrackingGroup(id: "\#(Fixtures.Distribution.TrackingGroupID.north)") { id } }"#)
        #expect(foreign.firstCode == "FORBIDDEN")
        let partial = await api.run(
            #"{ distributionEventsTrackingGroup(id: "\#(Fixtures.Distribution.TrackingGroupID.lesvosInProgress)") { id distributionEventsTrackingEntries { id } } }"#,
            as: Self.lesvosUser(["location:read"]))
        #expect(partial.firstCode == "FORBIDDEN")
    }

    @Test("Box.distributionEvent and the base's open events, as the box view asks for them")
    func boxDistributionEvent() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") {
                distributionEvent { id state name distributionSpot { name } plannedStartDateTime plannedEndDateTime }
                location { base { distributionEventsBeforeReturnedFromDistributionState { id name } } }
            }
              other: box(labelIdentifier: "\#(Fixtures.BoxLabel.lost)") { distributionEvent { id } } }
            """#)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data
                == [
                    "box": [
                        "distributionEvent": [
                            "id": "1", "state": "Planning", "name": "Morning distro",
                            "distributionSpot": ["name": "Spot Lesvos"],
                            "plannedStartDateTime": "2024-06-01T09:00:00+00:00",
                            "plannedEndDateTime": "2024-06-01T12:00:00+00:00",
                        ],
                        "location": [
                            "base": [
                                "distributionEventsBeforeReturnedFromDistributionState": [
                                    ["id": "1", "name": "Morning distro"], ["id": "2", "name": "Beach distro"],
                                ]
                            ]
                        ],
                    ],
                    "other": ["distributionEvent": nil],
                ])
    }

    @Test("nested lists are loaded with a constant number of statements")
    func batching() async throws {
        let api = try await APIHarness.make()
        let fields = #"""
            { distributionSpots { distributionEvents {
                distributionSpot { id } distributionEventsTrackingGroup { distributionEvents { id } distributionEventsTrackingEntries { product { id } size { id } } }
                packingListEntries { product { id } size { id } matchingPackedItemsCollections { id } }
                boxes { id } unboxedItemsCollections { product { id } location { id } distributionEvent { id } }
            } } distributionEventsStatistics { productId } distributionEventsTrackingGroups { id } }
            """#
        let all = await api.run("{ bases " + fields + " }", as: Fixtures.god)
        let one = await api.run(#"{ base(id: "\#(Fixtures.BaseID.lesvos)") "# + fields + " }", as: Fixtures.god)
        #expect(all.errors.isEmpty && one.errors.isEmpty)
        // One statement per field and level (three for the matching collections, two for the
        // statistics), whether one base or all of them are asked for.
        #expect(all.statements == 23)
        #expect(one.statements == all.statements)
    }

    // MARK: Front-end

    @Test("the front-end's distribution queries validate and run", .enabled(if: SharedData.isAvailable))
    func frontendQueries() async throws {
        struct Operation: Decodable {
            let name: String
            let document: String
        }
        let url = try #require(SharedData.frontendOperations)
        let operations = try JSONDecoder().decode([Operation].self, from: Data(contentsOf: url))
        let schema = try GraphQLAPI(variant: .full).schema
        let names = [
            "DistributionEventsForBase", "DataForReturnTrackingOverviewForBase", "DistroSpotsForBaseId",
            "DownloadDistributionEventsStatistics", "DistributionEvent", "DistributionEventsTrackingGroup",
            "DistributionSpot", "PackingListEntriesForDistributionEvent", "ReturnTrackingGroupIdForDistributionEvent",
        ]
        for name in names {
            let operation = try #require(operations.first { $0.name == name }, "\(name) missing")
            let errors = validate(schema: schema, ast: try parse(source: Source(body: operation.document, name: name)))
            #expect(errors.isEmpty, "\(name): \(errors.prefix(3).map(\.message))")
        }
        // The box view also asks for other domains' fields; none of its errors may concern distribution.
        for name in ["BoxByLabelIdentifierWithoutShipments", "BoxByLabelIdentifier"] {
            let operation = try #require(operations.first { $0.name == name })
            let errors = validate(schema: schema, ast: try parse(source: Source(body: operation.document, name: name)))
            #expect(!errors.contains { $0.message.lowercased().contains("distribution") }, "\(name)")
        }

        let api = try await APIHarness.make()
        let lesvos: Map = .string(String(Fixtures.BaseID.lesvos))
        let variables: [String: (String, Map)] = [
            "DistroSpotsForBaseId": ("baseId", lesvos), "DataForReturnTrackingOverviewForBase": ("baseId", lesvos),
            "DownloadDistributionEventsStatistics": ("baseId", lesvos), "DistributionEventsForBase": ("baseId", lesvos),
            "PackingListEntriesForDistributionEvent": (
                "distributionEventId", .string(String(Fixtures.Distribution.EventID.planning))
            ),
            "DistributionEventsTrackingGroup": (
                "trackingGroupId", .string(String(Fixtures.Distribution.TrackingGroupID.lesvosInProgress))
            ),
        ]
        for (name, (variable, value)) in variables {
            let operation = try #require(operations.first { $0.name == name })
            let answer = await api.run(operation.document, variables: [variable: value])
            #expect(answer.errors.isEmpty, "\(name): \(answer.errors)")
        }
    }
}
