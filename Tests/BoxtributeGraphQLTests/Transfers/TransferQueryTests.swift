import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import GraphQL
import Testing

@Suite("Transfer agreements and shipments")
struct TransferQueryTests {
    /// A user holding exactly these permissions (base-agnostic ones with base 1).
    static func user(_ permissions: [String: Set<Base.ID>]) -> CurrentUser {
        CurrentUser(id: 20, organisationId: Fixtures.Org.aidA, permissions: permissions)
    }

    // MARK: Box.shipmentDetail

    @Test("Box.shipmentDetail is the active detail only")
    func boxShipmentDetail() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { travelling: box(labelIdentifier: "\#(Fixtures.BoxLabel.inTransit)") { shipmentDetail { id sourceQuantity shipment { id labelIdentifier state } } }
              removed: box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") { shipmentDetail { id } }
              lost: box(labelIdentifier: "\#(Fixtures.BoxLabel.lost)") { shipmentDetail { id } } }
            """#)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data == [
                "travelling": [
                    "shipmentDetail": [
                        "id": "1", "sourceQuantity": 8,
                        "shipment": ["id": "1", "labelIdentifier": "S001-240119-LExTH", "state": "Sent"],
                    ]
                ],
                "removed": ["shipmentDetail": nil], "lost": ["shipmentDetail": nil],
            ])
        // Box 7 was received in one shipment and removed from another.
        let received = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.samos)") { shipmentDetail { id } } }"#,
            as: Fixtures.samosVolunteer)
        #expect(received.data == ["box": ["shipmentDetail": nil]])
    }

    @Test("Box.shipmentDetail is null, not an error, without shipment_detail:read")
    func boxShipmentDetailLenient() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.inTransit)") { state shipmentDetail { id } } }"#,
            as: Self.user(["stock:read": [Fixtures.BaseID.lesvos]])
        )
        #expect(answer.errors.isEmpty)
        #expect(answer.data == ["box": ["state": "InTransit", "shipmentDetail": nil]])
    }

    @Test("a page of 50 boxes with shipment details costs as many statements as a page of 5")
    func shipmentDetailBatching() async throws {
        let api = try await APIHarness.make()
        let ids = Array(100..<160)
        let boxes = ids.map { id in
            "(\(id), '2\(String(format: "%07d", id))', 1, 2, 1, 1, 7, '2024-01-01 00:00:00', '2024-05-01 00:00:00', '0000-00-00 00:00:00')"
        }.joined(separator: ", ")
        let details = ids.map { id in "(\(id), \(id % 2 == 0 ? 1 : 2), \(id), 1, 1, 1, '2024-05-01 00:00:00', 2)" }
            .joined(separator: ", ")
        try await api.execute(
            "INSERT INTO stock (id, box_id, product_id, size_id, items, location_id, box_state_id, created, modified, deleted) VALUES \(boxes)",
            "INSERT INTO shipment_detail (id, shipment_id, box_id, source_product_id, source_location_id, source_quantity, created_on, created_by_id) VALUES \(details)"
        )
        func page(_ size: Int) async -> APIHarness.Answer {
            await api.run(
                """
                { boxes(baseId: "\(Fixtures.BaseID.lesvos)", paginationInput: {first: \(size)}) { elements { labelIdentifier
                    shipmentDetail { id sourceQuantity createdBy { id } shipment { id labelIdentifier } } } } }
                """)
        }
        let small = await page(5)
        let large = await page(50)
        #expect(large.errors.isEmpty)
        let elements = try #require(large.data?["boxes"]?["elements"]?.array)
        #expect(elements.count == 50)
        #expect(
            elements.allSatisfy {
                $0["shipmentDetail"]?["shipment"]?["labelIdentifier"]?.string?.hasPrefix("S00") == true
            })
        #expect(large.statements == small.statements)
        // page + count, details, users, shipments, bases
        #expect(large.statements <= 6)
    }

    // MARK: Shipment

    @Test("shipment by id resolves its fields")
    func shipment() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { shipment(id: "\#(Fixtures.TransferID.sentShipment)") { id labelIdentifier state startedOn startedBy { id } sentOn sentBy { id }
                receivingStartedOn receivingStartedBy { id } completedOn completedBy { id } canceledOn canceledBy { id }
                sourceBase { id } targetBase { id name } transferAgreement { id state } details { id } } }
            """#)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["shipment"]
                == [
                    "id": "1", "labelIdentifier": "S001-240119-LExTH", "state": "Sent",
                    "startedOn": "2024-01-19T00:00:00+00:00", "startedBy": ["id": "2"],
                    "sentOn": "2024-01-20T10:00:00+00:00", "sentBy": ["id": "2"], "receivingStartedOn": nil,
                    "receivingStartedBy": nil, "completedOn": nil, "completedBy": nil, "canceledOn": nil,
                    "canceledBy": nil,
                    "sourceBase": ["id": "1"], "targetBase": ["id": "3", "name": "Thessaloniki"],
                    "transferAgreement": ["id": "1", "state": "Accepted"], "details": [["id": "1"]],
                ])
    }

    @Test("shipment labels pad the id, keep its last three digits and upper-case base initials Unicode-aware")
    func labelIdentifier() throws {
        func label(id: Int, started: String, _ source: String, _ target: String) throws -> String {
            let startedOn = try #require(Timestamp(databaseText: started))
            return Shipment(
                id: id, sourceBaseId: 1, targetBaseId: 2, transferAgreementId: nil, state: .preparing,
                startedOn: startedOn, startedBy: 1, canceledOn: nil, canceledBy: nil, sentOn: nil, sentBy: nil,
                receivingStartedOn: nil, receivingStartedBy: nil, completedOn: nil, completedBy: nil
            ).labelIdentifier(sourceBaseName: source, targetBaseName: target)
        }
        #expect(try label(id: 1, started: "2023-08-15 12:00:00", "the best name", "Würzburg") == "S001-230815-THxWÜ")
        #expect(try label(id: 1234, started: "2024-01-02 00:00:00", "straße", "ßa") == "S234-240102-STxSS")
        #expect(try label(id: 42, started: "2024-01-02 00:00:00", "L", "") == "S042-240102-Lx")
    }

    @Test("shipment needs shipment:read for its source or target base; unknown ids are BAD_USER_INPUT")
    func shipmentErrors() async throws {
        let api = try await APIHarness.make()
        let target = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { id sourceBase { name } } }"#,
            as: Fixtures.thessalonikiCoordinator)
        #expect(target.data == ["shipment": ["id": "1", "sourceBase": ["name": "Lesvos"]]])
        let outsider = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { id } }"#, as: Fixtures.samosVolunteer)
        #expect(outsider.data == ["shipment": nil])
        #expect(outsider.firstCode == "FORBIDDEN")
        #expect(outsider.errors.first?["extensions"]?["description"] == "You don't have access to 'bases=[1, 3]'")
        let missing = await api.run(#"{ shipment(id: "\#(Fixtures.unknownID)") { id } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        #expect(missing.data == ["shipment": nil])
    }

    @Test("shipments lists those from or to the caller's bases, optionally by state, ascending id")
    func shipments() async throws {
        let api = try await APIHarness.make()
        func ids(_ query: String, as user: CurrentUser) async -> JSONValue? {
            await api.run(query, as: user).data?["shipments"]
        }
        #expect(await ids("{ shipments { id } }", as: Fixtures.lesvosCoordinator) == [["id": "1"], ["id": "2"]])
        #expect(await ids("{ shipments { id } }", as: Fixtures.thessalonikiCoordinator) == [["id": "1"], ["id": "3"]])
        #expect(await ids("{ shipments { id } }", as: Fixtures.samosVolunteer) == [["id": "2"], ["id": "3"]])
        #expect(await ids("{ shipments { id } }", as: Fixtures.god) == [["id": "1"], ["id": "2"], ["id": "3"]])
        #expect(
            await ids("{ shipments(states: [Completed, Canceled]) { id } }", as: Fixtures.god) == [
                ["id": "2"], ["id": "3"],
            ])
        #expect(
            await ids("{ shipments(states: []) { id } }", as: Fixtures.lesvosCoordinator) == [["id": "1"], ["id": "2"]])
        let forbidden = await api.run("{ shipments { id } }", as: Fixtures.nobody)
        #expect(forbidden.data == .null)
        #expect(forbidden.firstCode == "FORBIDDEN")
    }

    @Test("Shipment.direction is relative to the given base, else to the caller's bases")
    func direction() async throws {
        let api = try await APIHarness.make()
        let lesvos = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { out: direction(baseId: "\#(Fixtures.BaseID.lesvos)") } }"#
        )
        #expect(lesvos.data == ["shipment": ["out": "Outgoing"]])
        let thessaloniki = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { direction(baseId: "\#(Fixtures.BaseID.thessaloniki)") } }"#,
            as: Fixtures.thessalonikiCoordinator)
        #expect(thessaloniki.data == ["shipment": ["direction": "Incoming"]])
        let god = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { direction(baseId: "\#(Fixtures.BaseID.samos)") } }"#,
            as: Fixtures.god)
        #expect(god.data == ["shipment": ["direction": "Indeterminate"]])
        // Base 2 is not involved: the caller's own bases decide.
        let twoBases = Self.user([
            "shipment:read": [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos],
            "base:read": [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos],
        ])
        let outgoing = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { direction(baseId: "\#(Fixtures.BaseID.samos)") } }"#,
            as: twoBases)
        #expect(outgoing.data == ["shipment": ["direction": "Outgoing"]])
        let incoming = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.completedShipment)") { direction(baseId: "\#(Fixtures.BaseID.thessaloniki)") } }"#,
            as: Self.user([
                "shipment:read": [Fixtures.BaseID.samos, Fixtures.BaseID.thessaloniki],
                "base:read": [Fixtures.BaseID.samos, Fixtures.BaseID.thessaloniki],
            ]))
        #expect(incoming.data == ["shipment": ["direction": "Incoming"]])
        let both = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.completedShipment)") { direction(baseId: "\#(Fixtures.BaseID.thessaloniki)") } }"#,
            as: Self.user([
                "shipment:read": [Fixtures.BaseID.lesvos],
                "base:read": [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos, Fixtures.BaseID.thessaloniki],
            ]))
        #expect(both.data == ["shipment": ["direction": "Indeterminate"]])
        let forbidden = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { id direction(baseId: "\#(Fixtures.BaseID.samos)") } }"#
        )
        #expect(forbidden.data == ["shipment": nil])
        #expect(forbidden.errors.first?["extensions"]?["description"] == "You don't have access to 'base=2'")
    }

    @Test("Shipment.sourceBase/targetBase need base:read for either base")
    func shipmentBasesForbidden() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { id sourceBase { id } } }"#,
            as: Self.user(["shipment:read": [Fixtures.BaseID.lesvos], "base:read": [Fixtures.BaseID.samos]]))
        #expect(answer.data == ["shipment": nil])
        #expect(answer.firstCode == "FORBIDDEN")
        #expect(answer.errors.first?["path"] == ["shipment", "sourceBase"])
    }

    @Test("Shipment.details lists every detail, ascending id, and needs shipment_detail:read")
    func shipmentDetails() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { shipment(id: "\#(Fixtures.TransferID.completedShipment)") { labelIdentifier transferAgreement { id } details { id
                sourceProduct { id } targetProduct { id } sourceLocation { id } targetLocation { id }
                sourceSize { label } targetSize { label } sourceQuantity targetQuantity box { labelIdentifier }
                createdBy { id } createdOn removedBy { id } removedOn lostBy { id } lostOn receivedBy { id } receivedOn } } }
            """#, as: Fixtures.god)
        #expect(answer.errors.isEmpty)
        let shipment = try #require(answer.data?["shipment"])
        #expect(shipment["labelIdentifier"] == "S002-240201-LExSA")
        #expect(shipment["transferAgreement"] == .null)
        let details = try #require(shipment["details"]?.array)
        #expect(details.map { $0["id"] } == ["2", "3", "5"])
        #expect(
            details[0]
                == [
                    "id": "2", "sourceProduct": ["id": "1"], "targetProduct": ["id": "4"],
                    "sourceLocation": ["id": "1"],
                    "targetLocation": ["id": "4"], "sourceSize": ["label": "S"], "targetSize": ["label": "S"],
                    "sourceQuantity": 3, "targetQuantity": 3, "box": ["labelIdentifier": "10000007"],
                    "createdBy": ["id": "2"], "createdOn": "2024-02-01T08:10:00+00:00", "removedBy": nil,
                    "removedOn": nil,
                    "lostBy": nil, "lostOn": nil, "receivedBy": ["id": "3"], "receivedOn": "2024-02-03T08:30:00+00:00",
                ])
        #expect(details[1]["removedBy"] == ["id": "2"])
        #expect(details[1]["removedOn"] == "2024-02-01T08:25:00+00:00")
        #expect(details[1]["targetProduct"] == .null)
        #expect(details[2]["lostBy"] == ["id": "3"])
        #expect(details[2]["lostOn"] == "2024-02-03T08:40:00+00:00")

        let forbidden = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { id details { id } } }"#,
            as: Self.user(["shipment:read": [Fixtures.BaseID.lesvos]]))
        #expect(forbidden.data == ["shipment": nil])
        #expect(
            forbidden.errors.first?["extensions"]?["description"] == "You don't have access to 'shipment_detail:read'")
    }

    @Test("the target side reads the source side's product, location and box of a detail")
    func detailAcrossOrganisations() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { shipment(id: "\#(Fixtures.TransferID.sentShipment)") { details { sourceProduct { name } sourceLocation { name } sourceSize { label }
                box { labelIdentifier state } shipment { id } } } }
            """#, as: Fixtures.thessalonikiCoordinator)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["shipment"]?["details"]
                == [
                    [
                        "sourceProduct": ["name": "Jeans"], "sourceLocation": ["name": "WH Lesvos"],
                        "sourceSize": ["label": "M"], "box": ["labelIdentifier": "10000006", "state": "InTransit"],
                        "shipment": ["id": "1"],
                    ]
                ])
    }

    @Test("ShipmentDetail product, location and box need permissions for the shipment's source or target base")
    func detailFieldsForbidden() async throws {
        let api = try await APIHarness.make()
        let user = Self.user([
            "shipment:read": [Fixtures.BaseID.thessaloniki], "shipment_detail:read": [Fixtures.BaseID.thessaloniki],
            "product:read": [Fixtures.BaseID.samos], "location:read": [Fixtures.BaseID.samos],
            "stock:read": [Fixtures.BaseID.samos],
        ])
        for field in [
            "sourceProduct { id }", "targetProduct { id }", "sourceLocation { id }", "targetLocation { id }",
            "box { id }",
        ] {
            let answer = await api.run(
                #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { id details { \#(field) } } }"#, as: user)
            #expect(answer.firstCode == "FORBIDDEN", "\(field)")
            #expect(answer.errors.first?["extensions"]?["description"] == "You don't have access to 'bases=[1, 3]'")
        }
        let sizes = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { details { sourceSize { id } } } }"#, as: user)
        #expect(sizes.errors.first?["extensions"]?["description"] == "You don't have access to 'size:read'")
    }

    @Test("ShipmentDetail.shipment is withheld outside the caller's shipment:read bases")
    func detailShipmentScope() async throws {
        let api = try await APIHarness.make()
        let otherBase = Self.user([
            "stock:read": [Fixtures.BaseID.lesvos], "shipment_detail:read": [Fixtures.BaseID.lesvos],
            "shipment:read": [Fixtures.BaseID.samos],
        ])
        let hidden = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.inTransit)") { shipmentDetail { id shipment { id } } } }"#,
            as: otherBase)
        // The field is non-null, so the withheld shipment nulls the detail.
        #expect(hidden.data == ["box": ["shipmentDetail": nil]])
        #expect(hidden.errors.first?["path"] == ["box", "shipmentDetail", "shipment"])
        let noPermission = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.inTransit)") { shipmentDetail { id shipment { id } } } }"#,
            as: Self.user(["stock:read": [Fixtures.BaseID.lesvos], "shipment_detail:read": [Fixtures.BaseID.lesvos]]))
        #expect(noPermission.firstCode == "FORBIDDEN")
        #expect(noPermission.errors.first?["extensions"]?["description"] == "You don't have access to 'shipment:read'")
    }

    @Test("autoMatchingTargetProduct finds the target base's non-deleted instantiation of the same standard product")
    func autoMatching() async throws {
        let api = try await APIHarness.make()
        let matched = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.canceledShipment)") { details { id autoMatchingTargetProduct { id name } } } }"#,
            as: Fixtures.god)
        #expect(
            matched.data?["shipment"]?["details"] == [
                ["id": "4", "autoMatchingTargetProduct": ["id": "61", "name": "T-shirt"]]
            ])
        // A custom source product has no match; neither has a standard product without instantiation in the target base.
        let custom = await api.run(
            #"{ shipment(id: "\#(Fixtures.TransferID.sentShipment)") { details { autoMatchingTargetProduct { id } } } }"#
        )
        #expect(custom.data?["shipment"]?["details"] == [["autoMatchingTargetProduct": nil]])
    }

    // MARK: Transfer agreements

    @Test("transferAgreement by id resolves its fields")
    func transferAgreement() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { transferAgreement(id: "\#(Fixtures.TransferID.agreementUnderReview)") { id state type comment requestedOn requestedBy { id } acceptedOn acceptedBy { id }
                terminatedOn terminatedBy { id } validFrom validUntil sourceOrganisation { name } targetOrganisation { name }
                sourceBases { id } targetBases { id } allTargets: targetBases(filterInput: {includeDeleted: true}) { id }
                shipments { id } } }
            """#)
        #expect(answer.errors.isEmpty)
        // Its validity ended on 2024-12-31, before the test clock's date.
        #expect(
            answer.data?["transferAgreement"]
                == [
                    "id": "2", "state": "Expired", "type": "SendingTo", "comment": "Winter clothes",
                    "requestedOn": "2024-02-01T09:00:00+00:00", "requestedBy": ["id": "4"], "acceptedOn": nil,
                    "acceptedBy": nil, "terminatedOn": nil, "terminatedBy": nil,
                    "validFrom": "2024-02-01T00:00:00+00:00",
                    "validUntil": "2024-12-31T23:59:59+00:00", "sourceOrganisation": ["name": "Aid Org B"],
                    "targetOrganisation": ["name": "Aid Org A"], "sourceBases": [["id": "3"]],
                    "targetBases": [["id": "1"]],
                    "allTargets": [["id": "1"], ["id": "4"]], "shipments": [],
                ])
        let terminated = await api.run(
            #"{ transferAgreement(id: "\#(Fixtures.TransferID.canceledAgreement)") { state terminatedOn terminatedBy { id } acceptedBy { id } validUntil shipments { id } } }"#,
            as: Fixtures.thessalonikiCoordinator)
        #expect(
            terminated.data?["transferAgreement"]
                == [
                    "state": "Canceled", "terminatedOn": "2024-03-05T00:00:00+00:00", "terminatedBy": ["id": "3"],
                    "acceptedBy": ["id": "3"], "validUntil": nil, "shipments": [["id": "3"]],
                ])
    }

    @Test("TransferAgreement.shipments omits shipments outside the caller's shipment:read bases")
    func agreementShipments() async throws {
        let api = try await APIHarness.make()
        let visible = await api.run(
            #"{ transferAgreement(id: "\#(Fixtures.TransferID.acceptedAgreement)") { shipments { id } } }"#)
        #expect(visible.data == ["transferAgreement": ["shipments": [["id": "1"]]]])
        let hidden = await api.run(
            #"{ transferAgreement(id: "\#(Fixtures.TransferID.acceptedAgreement)") { shipments { id } } }"#,
            as: Self.user([
                "transfer_agreement:read": [Fixtures.BaseID.lesvos], "shipment:read": [Fixtures.BaseID.samos],
            ]))
        #expect(hidden.data == ["transferAgreement": ["shipments": []]])
    }

    @Test("transferAgreement needs transfer_agreement:read for one of its bases; unknown ids are BAD_USER_INPUT")
    func transferAgreementErrors() async throws {
        let api = try await APIHarness.make()
        let foreign = await api.run(#"{ transferAgreement(id: "\#(Fixtures.TransferID.canceledAgreement)") { id } }"#)
        #expect(foreign.data == ["transferAgreement": nil])
        #expect(foreign.firstCode == "FORBIDDEN")
        #expect(foreign.errors.first?["extensions"]?["description"] == "You don't have access to 'bases=[2, 3]'")
        let missing = await api.run(#"{ transferAgreement(id: "\#(Fixtures.unknownID)") { id } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        // The agreement's bases need base:read for at least one of them.
        let noBases = await api.run(
            #"{ transferAgreement(id: "\#(Fixtures.TransferID.acceptedAgreement)") { id sourceBases { id } } }"#,
            as: Self.user(["transfer_agreement:read": [Fixtures.BaseID.lesvos], "base:read": [Fixtures.BaseID.samos]]))
        #expect(noBases.data == ["transferAgreement": ["id": "1", "sourceBases": nil]])
        #expect(noBases.firstCode == "FORBIDDEN")
    }

    @Test("transferAgreements lists agreements touching the caller's bases, on either side")
    func transferAgreements() async throws {
        let api = try await APIHarness.make()
        func ids(_ query: String, as user: CurrentUser) async -> JSONValue? {
            await api.run(query, as: user).data?["transferAgreements"]
        }
        #expect(
            await ids("{ transferAgreements { id } }", as: Fixtures.lesvosCoordinator) == [["id": "1"], ["id": "2"]])
        #expect(
            await ids("{ transferAgreements { id } }", as: Fixtures.thessalonikiCoordinator)
                == [["id": "1"], ["id": "2"], ["id": "3"]])
        #expect(await ids("{ transferAgreements { id } }", as: Fixtures.samosVolunteer) == [["id": "3"]])
        #expect(
            await ids("{ transferAgreements { id } }", as: Fixtures.god) == [["id": "1"], ["id": "2"], ["id": "3"]])
        #expect(
            await ids("{ transferAgreements(states: [UnderReview, Canceled]) { id } }", as: Fixtures.god)
                == [["id": "3"]])
        #expect(
            await ids("{ transferAgreements(states: [Accepted]) { id } }", as: Fixtures.lesvosCoordinator) == [
                ["id": "1"]
            ])
        let forbidden = await api.run(
            "{ transferAgreements { id } }", as: Self.user(["transfer_agreement:read": [Fixtures.BaseID.lesvos]]))
        #expect(forbidden.data == .null)
        #expect(
            forbidden.errors.first?["extensions"]?["description"]
                == "You don't have access to 'transfer_agreement_detail:read'")
    }

    // MARK: Front-end

    @Test("front-end operations selecting shipment details validate", .enabled(if: SharedData.isAvailable))
    func frontendOperations() throws {
        let url = try #require(SharedData.frontendOperations)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        let operations = try #require(json as? [[String: Any]])
        let schema = try GraphQLAPI(variant: .full).schema
        func errors(_ name: String) throws -> [String] {
            let operation = try #require(
                operations.first { $0["name"] as? String == name && $0["kind"] as? String == "query" })
            let document = try #require(operation["document"] as? String)
            return validate(schema: schema, ast: try parse(source: Source(body: document))).map(\.message)
        }
        for name in ["BoxesForBoxesView", "GetBoxLabelIdentifierForQrCode", "Box"] {
            #expect(try errors(name) == [], "\(name)")
        }
        // Its distribution fields belong to another domain; the shipment part must validate.
        let shipmentErrors = try errors("BoxByLabelIdentifierWithoutShipments").filter {
            $0.contains("hipment") || $0.contains("ShipmentDetail")
        }
        #expect(shipmentErrors == [])
    }
}
