import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import Testing

@Suite("Shipment mutations: states, boxes, permissions, invalid input")
struct ShipmentMutationTests {
    static let lesvos = Transfer.lesvos
    static let thessaloniki = Transfer.thessaloniki

    /// A shipment Lesvos → Thessaloniki under agreement 1 holding boxes 10000001 and 10000002.
    static func preparedShipment(_ api: APIHarness) async throws -> Int {
        let (id, answer) = await Transfer.createLesvosToThessaloniki(api, as: lesvos)
        let shipment = try #require(id, "\(answer.errors)")
        let prepared = await Transfer.prepare(
            api, shipment: shipment, add: [Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice], as: lesvos)
        #expect(prepared.errors.isEmpty)
        return shipment
    }

    /// A new, empty shipment Lesvos → Samos (no agreement needed).
    static func emptyShipment(_ api: APIHarness) async throws -> Int {
        try #require(
            await Transfer.createShipment(api, from: Fixtures.BaseID.lesvos, to: Fixtures.BaseID.samos, as: lesvos).id)
    }

    /// `mutation` on a new, empty shipment by its source side puts it into `state`.
    static func expectEmptyShipment(_ api: APIHarness, _ mutation: String, into state: JSONValue) async throws {
        let empty = try await emptyShipment(api)
        let answer = await Transfer.transition(api, mutation, shipment: empty, as: lesvos)
        #expect(answer.data?[mutation]?["state"] == state)
    }

    /// The stored state of the sent fixture shipment.
    static func sentShipmentState(_ api: APIHarness) async throws -> String? {
        try await api.scalar("SELECT state FROM shipment WHERE id = \(Fixtures.TransferID.sentShipment)")
    }

    /// Thessaloniki reconciles details of the sent fixture shipment.
    static func thessalonikiReceivesSent(_ api: APIHarness, _ received: [Transfer.Reception]) async -> APIHarness.Answer
    {
        await Transfer.receive(api, shipment: Fixtures.TransferID.sentShipment, received: received, as: thessaloniki)
    }

    func boxState(_ api: APIHarness, _ label: String) async throws -> String? {
        try await api.scalar(
            "SELECT bs.label FROM stock s JOIN box_state bs ON bs.id = s.box_state_id WHERE s.box_id = ?",
            [.text(label)])
    }

    func stateIds(_ api: APIHarness, _ labels: [String]) async throws -> [String?] {
        var result: [String?] = []
        for label in labels {
            result.append(try await api.scalar("SELECT box_state_id FROM stock WHERE box_id = ?", [.text(label)]))
        }
        return result
    }

    // MARK: - createShipment

    @Test("createShipment under an accepted agreement starts a shipment in preparation, in either direction")
    func createUnderAgreement() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            """
            mutation { createShipment(creationInput: {sourceBaseId: \(Fixtures.BaseID.lesvos), targetBaseId: \(Fixtures.BaseID.thessaloniki), transferAgreementId: \(Fixtures.TransferID.acceptedAgreement)}) {
              id labelIdentifier state sourceBase { id } targetBase { id } transferAgreement { id } startedBy { id }
              startedOn sentOn details { id } } }
            """, as: Self.lesvos)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["createShipment"]
                == [
                    "id": "4", "labelIdentifier": "S004-250601-LExTH", "state": "Preparing", "sourceBase": ["id": "1"],
                    "targetBase": ["id": "3"], "transferAgreement": ["id": "1"], "startedBy": ["id": "2"],
                    "startedOn": "2025-06-01T12:00:00+00:00", "sentOn": nil, "details": [],
                ])
        let reverse = await Transfer.createShipment(
            api, from: Fixtures.BaseID.thessaloniki, to: Fixtures.BaseID.lesvos,
            agreement: Fixtures.TransferID.acceptedAgreement, as: Self.thessaloniki)
        #expect(reverse.id == 5)
    }

    @Test("createShipment between two bases of one organisation needs no agreement")
    func createIntraOrganisation() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            "mutation { createShipment(creationInput: {sourceBaseId: \(Fixtures.BaseID.lesvos), targetBaseId: \(Fixtures.BaseID.samos)}) { state transferAgreement { id } } }",
            as: Self.lesvos)
        #expect(answer.data == ["createShipment": ["state": "Preparing", "transferAgreement": nil]])
    }

    @Test(
        "createShipment rejects invalid bases and agreements",
        arguments: [
            (Fixtures.BaseID.lesvos, Fixtures.BaseID.lesvos, nil, "Source and target base must not be identical"),
            (
                Fixtures.BaseID.lesvos, Fixtures.BaseID.thessaloniki, nil,
                "Source and target base must be of same organisation"
            ),
            (
                Fixtures.BaseID.lesvos, Fixtures.BaseID.samos, Fixtures.TransferID.acceptedAgreement,
                "The specified base (ID: 2) is not part of the current transfer agreement (included base IDs: 3)."
            ),
            (
                Fixtures.BaseID.lesvos, Fixtures.BaseID.thessaloniki, Fixtures.TransferID.canceledAgreement,
                "The state of the transfer agreement (Canceled) does not allow the requested action. Expecting state: Accepted"
            ),
            (
                Fixtures.BaseID.lesvos, Fixtures.BaseID.thessaloniki, Fixtures.unknownID,
                "The requested resource does not exist in the database."
            ),
            (Fixtures.BaseID.lesvos, .unknown, nil, "The requested resource does not exist in the database."),
        ] as [(Base.ID, Base.ID, Int?, String)])
    func createInvalid(source: Base.ID, target: Base.ID, agreement: Int?, description: String) async throws {
        let api = try await APIHarness.make()
        let (id, answer) = await Transfer.createShipment(
            api, from: source, to: target, agreement: agreement, as: Fixtures.god)
        #expect(id == nil)
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.firstDescription == description)
        #expect(try await api.count("shipment") == 3)
    }

    @Test("Reference quirk fixed: a bidirectional agreement carries no shipment from a base to itself")
    func bidirectionalSameBase() async throws {
        let api = try await APIHarness.make()
        let (id, answer) = await Transfer.createShipment(
            api, from: Fixtures.BaseID.lesvos, to: Fixtures.BaseID.lesvos,
            agreement: Fixtures.TransferID.acceptedAgreement, as: Fixtures.god)
        #expect(id == nil)
        #expect(
            answer.firstDescription
                == "The specified base (ID: 1) is not part of the current transfer agreement (included base IDs: 3).")
    }

    @Test("createShipment needs shipment:create for the source base; one-way agreements go one way")
    func createPermission() async throws {
        let api = try await APIHarness.make()
        let foreign = await Transfer.createLesvosToThessaloniki(api, as: Self.thessaloniki)
        #expect(foreign.answer.firstCode == "FORBIDDEN")
        #expect(foreign.answer.firstDescription == "You don't have access to 'base=1'")
        let reader = await Transfer.createShipment(
            api, from: Fixtures.BaseID.lesvos, to: Fixtures.BaseID.samos, as: Fixtures.lesvosReader)
        #expect(reader.answer.firstDescription == "You don't have access to 'shipment:create'")
        // Agreement 2 (Thessaloniki sends to Lesvos), accepted and unlimited for this test.
        try await api.execute(
            "UPDATE transfer_agreement SET state = 'Accepted', valid_until = NULL WHERE id = \(Fixtures.TransferID.agreementUnderReview)"
        )
        let wrongWay = await Transfer.createShipment(
            api, from: Fixtures.BaseID.lesvos, to: Fixtures.BaseID.thessaloniki,
            agreement: Fixtures.TransferID.agreementUnderReview, as: Self.lesvos)
        #expect(
            wrongWay.answer.firstDescription
                == "The specified base (ID: 1) is not part of the current transfer agreement (included base IDs: 3).")
        let rightWay = await Transfer.createShipment(
            api, from: Fixtures.BaseID.thessaloniki, to: Fixtures.BaseID.lesvos,
            agreement: Fixtures.TransferID.agreementUnderReview, as: Self.thessaloniki)
        #expect(rightWay.id == 4)
        #expect(try await api.count("shipment") == 4)
    }

    // MARK: - updateShipmentWhenPreparing

    @Test("preparing adds boxes in stock of the source base and ignores every other box")
    func prepare() async throws {
        let api = try await APIHarness.make()
        let (id, _) = await Transfer.createLesvosToThessaloniki(api, as: Self.lesvos)
        let shipment = try #require(id)
        let answer = await Transfer.prepare(
            api, shipment: shipment,
            add: [
                Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice, Fixtures.BoxLabel.lost, Fixtures.BoxLabel.thessaloniki,
                Fixtures.BoxLabel.inTransit, Fixtures.BoxLabel.samos, "nope",
            ], as: Self.lesvos)
        #expect(answer.errors.isEmpty)
        let details = answer.data?["updateShipmentWhenPreparing"]?["details"]
        #expect(
            details == [
                [
                    "id": "6", "box": ["labelIdentifier": "10000001", "state": "MarkedForShipment"], "removedBy": nil,
                    "lostBy": nil, "receivedBy": nil,
                ],
                [
                    "id": "7", "box": ["labelIdentifier": "10000002", "state": "MarkedForShipment"], "removedBy": nil,
                    "lostBy": nil, "receivedBy": nil,
                ],
            ])
        #expect(
            try await api.rows(
                "SELECT box_id, source_product_id, source_location_id, source_size_id, source_quantity, created_by_id FROM shipment_detail WHERE id = 6"
            ) == [["1", "1", "1", "2", "10", "2"]])
        #expect(try await api.historyChanges("stock", recordId: Fixtures.BoxID.jeans) == ["box_state_id"])
        #expect(
            try await api.rows(
                "SELECT from_int, to_int, user_id FROM history WHERE record_id = \(Fixtures.BoxID.jeans) AND changedate = ?",
                [
                    .text(MutationEnvironment.fixtureNow)
                ]) == [["1", "3", "2"]])
        #expect(
            try await api.rows("SELECT modified, modified_by FROM stock WHERE id = \(Fixtures.BoxID.jeans)") == [
                [MutationEnvironment.fixtureNow, "2"]
            ])
        // Boxes in another shipment are ignored too.
        let other = try await Self.emptyShipment(api)
        let again = await Transfer.prepare(api, shipment: other, add: [Fixtures.BoxLabel.jeans], as: Self.lesvos)
        #expect(again.data?["updateShipmentWhenPreparing"]?["details"] == [])
        #expect(try await api.count("shipment_detail WHERE box_id = \(Fixtures.BoxID.jeans)") == 2)
    }

    @Test("Reference quirk fixed: deleted boxes are not prepared for shipment")
    func prepareDeleted() async throws {
        let api = try await APIHarness.make()
        let shipment = try await Self.emptyShipment(api)
        let answer = await Transfer.prepare(api, shipment: shipment, add: [Fixtures.BoxLabel.deleted], as: Self.lesvos)
        #expect(answer.errors.isEmpty)
        #expect(answer.data?["updateShipmentWhenPreparing"]?["details"] == [])
        #expect(try await boxState(api, Fixtures.BoxLabel.deleted) == "Instock")
    }

    @Test("removed boxes go back to stock; a box can be added again; both lists at once end removed")
    func removeAndReAdd() async throws {
        let api = try await APIHarness.make()
        let shipment = try await Self.preparedShipment(api)
        let removed = await Transfer.prepare(
            api, shipment: shipment, remove: [Fixtures.BoxLabel.rice, Fixtures.BoxLabel.lost], as: Self.lesvos)
        #expect(removed.errors.isEmpty)
        #expect(try await stateIds(api, [Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice]) == ["3", "1"])
        #expect(
            try await api.rows("SELECT removed_by_id, removed_on FROM shipment_detail WHERE id = 7") == [
                ["2", MutationEnvironment.fixtureNow]
            ])
        #expect(
            try await api.historyChanges("stock", recordId: Fixtures.BoxID.rice) == ["box_state_id", "box_state_id"])
        let readded = await Transfer.prepare(api, shipment: shipment, add: [Fixtures.BoxLabel.rice], as: Self.lesvos)
        #expect(readded.data?["updateShipmentWhenPreparing"]?["details"]?.array?.count == 3)
        let both = await Transfer.prepare(
            api, shipment: shipment, add: [Fixtures.BoxLabel.rice],
            remove: [Fixtures.BoxLabel.rice, Fixtures.BoxLabel.jeans], as: Self.lesvos)
        #expect(both.errors.isEmpty)
        #expect(try await stateIds(api, [Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice]) == ["1", "1"])
        #expect(try await api.count("shipment_detail WHERE shipment_id = \(shipment)") == 3)
        #expect(try await api.count("shipment_detail WHERE shipment_id = \(shipment) AND removed_on IS NULL") == 0)
        // Only `id` is a valid no-op.
        let noop = await api.run(
            "mutation { updateShipmentWhenPreparing(updateInput: {id: \"\(shipment)\"}) { state } }", as: Self.lesvos)
        #expect(noop.data == ["updateShipmentWhenPreparing": ["state": "Preparing"]])
    }

    @Test("the target base changes within the agreement's bases only")
    func changeTargetBase() async throws {
        let api = try await APIHarness.make()
        let shipment = try #require(
            await Transfer.createLesvosToThessaloniki(api, as: Self.lesvos).id)
        let outside = await Transfer.prepare(
            api, shipment: shipment, targetBaseId: Fixtures.BaseID.samos, as: Self.lesvos)
        #expect(
            outside.firstDescription
                == "The specified base (ID: 2) is not part of the current transfer agreement (included base IDs: 3).")
        let same = await Transfer.prepare(
            api, shipment: shipment, targetBaseId: Fixtures.BaseID.thessaloniki, as: Self.lesvos)
        #expect(same.data?["updateShipmentWhenPreparing"]?["targetBase"] == ["id": "3"])
    }

    @Test("Reference quirk fixed: an intra-organisation shipment's new target base is validated")
    func changeIntraOrganisationTarget() async throws {
        let api = try await APIHarness.make()
        let shipment = try await Self.emptyShipment(api)
        let foreign = await Transfer.prepare(
            api, shipment: shipment, targetBaseId: Fixtures.BaseID.thessaloniki, as: Self.lesvos)
        #expect(foreign.firstDescription == "Source and target base must be of same organisation")
        let itself = await Transfer.prepare(
            api, shipment: shipment, targetBaseId: Fixtures.BaseID.lesvos, as: Self.lesvos)
        #expect(itself.firstDescription == "Source and target base must not be identical")
        let closed = await Transfer.prepare(
            api, shipment: shipment, targetBaseId: Fixtures.BaseID.closed, as: Self.lesvos)
        #expect(closed.data?["updateShipmentWhenPreparing"]?["targetBase"] == ["id": "4"])
        #expect(try await api.scalar("SELECT target_base_id FROM shipment WHERE id = \(shipment)") == "4")
    }

    @Test("preparing is for the source side, with shipment_detail:write, in state Preparing")
    func preparePermissionsAndState() async throws {
        let api = try await APIHarness.make()
        let shipment = try await Self.preparedShipment(api)
        let target = await Transfer.prepare(
            api, shipment: shipment, remove: [Fixtures.BoxLabel.jeans], as: Self.thessaloniki)
        #expect(target.firstCode == "FORBIDDEN")
        #expect(target.firstDescription == "You don't have access to 'base=1'")
        let noDetailWrite = CurrentUser(
            id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA, maxBetaLevel: 99,
            permissions: ["shipment:edit": [Fixtures.BaseID.lesvos], "shipment:read": [Fixtures.BaseID.lesvos]])
        let partial = await Transfer.prepare(
            api, shipment: shipment, remove: [Fixtures.BoxLabel.jeans], as: noDetailWrite)
        #expect(partial.firstDescription == "You don't have access to 'shipment_detail:write'")
        let sent = await Transfer.prepare(
            api, shipment: Fixtures.TransferID.sentShipment, add: [Fixtures.BoxLabel.jeans], as: Self.lesvos)
        #expect(sent.firstCode == "BAD_USER_INPUT")
        #expect(
            sent.firstDescription
                == "The state of the shipment (Sent) does not allow the requested action. Expecting state: Preparing")
        let missing = await Transfer.prepare(api, shipment: Fixtures.unknownID, as: Self.lesvos)
        #expect(missing.firstDescription == "The requested resource does not exist in the database.")
        #expect(try await stateIds(api, [Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice]) == ["3", "3"])
    }

    // MARK: - cancel, send, start receiving, lost

    @Test("cancelShipment puts the boxes back in stock; either side may cancel; only in preparation")
    func cancel() async throws {
        let api = try await APIHarness.make()
        let shipment = try await Self.preparedShipment(api)
        let outsider = await Transfer.transition(
            api, "cancelShipment", shipment: shipment, as: Transfer.samosCoordinator)
        #expect(outsider.firstCode == "FORBIDDEN")
        let canceled = await Transfer.transition(api, "cancelShipment", shipment: shipment, as: Self.thessaloniki)
        #expect(canceled.errors.isEmpty)
        #expect(canceled.data?["cancelShipment"]?["state"] == "Canceled")
        #expect(canceled.data?["cancelShipment"]?["canceledBy"] == ["id": "4"])
        #expect(try await stateIds(api, [Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice]) == ["1", "1"])
        #expect(
            try await api.count(
                "shipment_detail WHERE shipment_id = \(shipment) AND removed_by_id = \(Fixtures.UserID.thessalonikiCoordinator)"
            ) == 2)
        let again = await Transfer.transition(api, "cancelShipment", shipment: shipment, as: Self.lesvos)
        #expect(
            again.firstDescription
                == "The state of the shipment (Canceled) does not allow the requested action. Expecting state: Preparing"
        )
        // An empty shipment can be canceled too.
        try await Self.expectEmptyShipment(api, "cancelShipment", into: "Canceled")
    }

    @Test("sendShipment: source side only; boxes in transit; removed boxes untouched")
    func send() async throws {
        let api = try await APIHarness.make()
        let shipment = try await Self.preparedShipment(api)
        _ = await Transfer.prepare(api, shipment: shipment, remove: [Fixtures.BoxLabel.rice], as: Self.lesvos)
        let target = await Transfer.transition(api, "sendShipment", shipment: shipment, as: Self.thessaloniki)
        #expect(target.firstDescription == "You don't have access to 'base=1'")
        let sent = await Transfer.transition(api, "sendShipment", shipment: shipment, as: Self.lesvos)
        #expect(sent.errors.isEmpty)
        #expect(sent.data?["sendShipment"]?["state"] == "Sent")
        #expect(sent.data?["sendShipment"]?["sentBy"] == ["id": "2"])
        #expect(try await stateIds(api, [Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice]) == ["7", "1"])
        let twice = await Transfer.transition(api, "sendShipment", shipment: shipment, as: Self.lesvos)
        #expect(
            twice.firstDescription
                == "The state of the shipment (Sent) does not allow the requested action. Expecting state: Preparing")
        // Travelling boxes cannot be edited, moved or deleted by either side.
        let update = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", numberOfItems: 1}) { id } }"#
        )
        #expect(update.firstCode == "BAD_USER_INPUT")
        let delete = await api.run(
            #"mutation { deleteBoxes(labelIdentifiers: ["\#(Fixtures.BoxLabel.jeans)"]) { ... on BoxesResult { invalidBoxLabelIdentifiers } } }"#
        )
        #expect(delete.data?["deleteBoxes"]?["invalidBoxLabelIdentifiers"] == ["10000001"])
        // An empty shipment may be sent.
        try await Self.expectEmptyShipment(api, "sendShipment", into: "Sent")
    }

    @Test("startReceivingShipment: target side only, after sending")
    func startReceiving() async throws {
        let api = try await APIHarness.make()
        let shipment = try await Self.preparedShipment(api)
        let early = await Transfer.transition(api, "startReceivingShipment", shipment: shipment, as: Self.thessaloniki)
        #expect(
            early.firstDescription
                == "The state of the shipment (Preparing) does not allow the requested action. Expecting state: Sent")
        _ = await Transfer.transition(api, "sendShipment", shipment: shipment, as: Self.lesvos)
        let source = await Transfer.transition(api, "startReceivingShipment", shipment: shipment, as: Self.lesvos)
        #expect(source.firstDescription == "You don't have access to 'base=3'")
        let receiving = await Transfer.transition(
            api, "startReceivingShipment", shipment: shipment, as: Self.thessaloniki)
        #expect(receiving.data?["startReceivingShipment"]?["state"] == "Receiving")
        #expect(receiving.data?["startReceivingShipment"]?["receivingStartedBy"] == ["id": "4"])
        #expect(try await stateIds(api, [Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice]) == ["4", "4"])
        // The target side sees the travelling box; its source-side product stays hidden, not an error.
        let seen = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") { state product { id } shipmentDetail { sourceProduct { name } } } }"#,
            as: Self.thessaloniki)
        #expect(seen.errors.isEmpty)
        #expect(
            seen.data == [
                "box": ["state": "Receiving", "product": nil, "shipmentDetail": ["sourceProduct": ["name": "Jeans"]]]
            ])
    }

    @Test("markShipmentAsLost: either side, when sent; boxes not delivered")
    func markLost() async throws {
        let api = try await APIHarness.make()
        let preparing = try await Self.preparedShipment(api)
        let early = await Transfer.transition(api, "markShipmentAsLost", shipment: preparing, as: Self.lesvos)
        #expect(early.firstCode == "BAD_USER_INPUT")
        let outsider = await Transfer.transition(
            api, "markShipmentAsLost", shipment: Fixtures.TransferID.sentShipment, as: Transfer.samosCoordinator)
        #expect(outsider.firstCode == "FORBIDDEN")
        let lost = await Transfer.transition(
            api, "markShipmentAsLost", shipment: Fixtures.TransferID.sentShipment, as: Self.thessaloniki)
        #expect(lost.errors.isEmpty)
        #expect(lost.data?["markShipmentAsLost"]?["state"] == "Lost")
        #expect(lost.data?["markShipmentAsLost"]?["completedBy"] == ["id": "4"])
        #expect(lost.data?["markShipmentAsLost"]?["details"]?[0]?["lostBy"] == ["id": "4"])
        #expect(try await boxState(api, Fixtures.BoxLabel.inTransit) == "NotDelivered")
    }

    @Test("unknown shipment ids are BAD_USER_INPUT for every state change")
    func missingShipment() async throws {
        let api = try await APIHarness.make()
        for mutation in [
            "cancelShipment", "sendShipment", "startReceivingShipment", "markShipmentAsLost",
        ] {
            let answer = await Transfer.transition(api, mutation, shipment: Fixtures.unknownID, as: Fixtures.god)
            #expect(answer.data == [mutation: nil])
            #expect(answer.firstDescription == "The requested resource does not exist in the database.", "\(mutation)")
        }
        let receiving = await Transfer.receive(api, shipment: Fixtures.unknownID, as: Fixtures.god)
        #expect(receiving.firstCode == "BAD_USER_INPUT")
    }

    // MARK: - updateShipmentWhenReceiving

    /// Shipment 1 (box 6) opened by Thessaloniki.
    static func receivingShipment(_ api: APIHarness) async throws {
        let answer = await Transfer.transition(
            api, "startReceivingShipment", shipment: Fixtures.TransferID.sentShipment, as: thessaloniki)
        #expect(answer.errors.isEmpty)
    }

    @Test("reconciliation moves the box into the target base's stock with the entered values and history")
    func reconcile() async throws {
        let api = try await APIHarness.make()
        // Box 6 carries a tag of Lesvos.
        try await api.execute(
            "INSERT INTO tags_relations (object_id, object_type, tag_id, created_on, created_by_id) VALUES (6, 'Stock', 1, '2024-01-01 00:00:00', 2)"
        )
        try await Self.receivingShipment(api)
        let answer = await Self.thessalonikiReceivesSent(
            api,
            [
                .init(
                    detailId: Fixtures.ShipmentDetailID.inTransit, productId: Fixtures.TransferID.thessalonikiTShirt,
                    locationId: Fixtures.LocationID.thessalonikiWarehouse, sizeId: Fixtures.SizeID.large,
                    quantity: 11)
            ])
        #expect(answer.errors.isEmpty)
        let shipment = answer.data?["updateShipmentWhenReceiving"]
        #expect(shipment?["state"] == "Completed")
        #expect(shipment?["completedBy"] == ["id": "4"])
        #expect(shipment?["details"]?[0]?["receivedBy"] == ["id": "4"])
        #expect(
            try await api.rows(
                "SELECT product_id, location_id, size_id, items, box_state_id, modified, modified_by FROM stock WHERE id = \(Fixtures.BoxID.inTransit)"
            ) == [["61", "5", "3", "11", "1", MutationEnvironment.fixtureNow, "4"]])
        #expect(
            try await api.rows(
                "SELECT target_product_id, target_location_id, target_size_id, target_quantity, received_on FROM shipment_detail WHERE id = \(Fixtures.ShipmentDetailID.inTransit)"
            ) == [["61", "5", "3", "11", MutationEnvironment.fixtureNow]])
        #expect(
            try await api.rows(
                "SELECT changes, from_int, to_int FROM history WHERE record_id = \(Fixtures.BoxID.inTransit) AND changedate = ? ORDER BY id",
                [.text(MutationEnvironment.fixtureNow)])
                == [
                    ["box_state_id", "7", "4"], ["product_id", "1", "61"], ["location_id", "1", "5"],
                    ["size_id", "2", "3"], ["items", "8", "11"], ["box_state_id", "4", "1"],
                ])
        #expect(
            try await api.count(
                "tags_relations WHERE object_id = \(Fixtures.BoxID.inTransit) AND object_type = 'Stock' AND deleted_on IS NULL"
            )
                == 0)
        let history = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.inTransit)") { state history { changes user { id } } } }"#,
            as: Self.thessaloniki)
        #expect(history.errors.isEmpty)
        #expect(history.data?["box"]?["state"] == "InStock")
        #expect(
            history.data?["box"]?["history"]?.array?.prefix(5).compactMap { $0["changes"]?.string } == [
                "changed box state from Receiving to Instock", "changed the number of items from 8 to 11",
                "changed size from M to L", "changed box location from WH Lesvos to WH Thessaloniki",
                "changed product type from Jeans to T-shirt",
            ])
    }

    @Test("Reference quirk fixed: reconciliation stamps the box as modified")
    func reconcileStampsModified() async throws {
        let api = try await APIHarness.make()
        try await Self.receivingShipment(api)
        _ = await Self.thessalonikiReceivesSent(
            api,
            [
                .init(
                    detailId: Fixtures.ShipmentDetailID.inTransit, productId: Fixtures.ProductID.blanket,
                    locationId: Fixtures.LocationID.thessalonikiWarehouse, sizeId: Fixtures.SizeID.small, quantity: 8)
            ])
        let box = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.inTransit)") { lastModifiedOn lastModifiedBy { id } } }"#,
            as: Self.thessaloniki)
        #expect(box.data == ["box": ["lastModifiedOn": "2025-06-01T12:00:00+00:00", "lastModifiedBy": ["id": "4"]]])
    }

    @Test(
        "reconciliation validates every input before writing anything",
        arguments: [
            (
                Fixtures.TransferID.thessalonikiTShirt, Fixtures.LocationID.lesvosWarehouse, Fixtures.SizeID.small, 5,
                "Input Location is not valid for base of shipment detail 1"
            ),
            (
                Fixtures.TransferID.thessalonikiTShirt, .unknown, Fixtures.SizeID.small, 5,
                "Input Location is not valid for base of shipment detail 1"
            ),
            (
                Fixtures.ProductID.jeans, Fixtures.LocationID.thessalonikiWarehouse, Fixtures.SizeID.small, 5,
                "Input Product is not valid for base of shipment detail 1"
            ),
            (
                Product.ID(0), Fixtures.LocationID.thessalonikiWarehouse, Fixtures.SizeID.small, 5,
                "Input Product is not valid for base of shipment detail 1"
            ),
            (
                Fixtures.TransferID.deletedTShirt, Fixtures.LocationID.thessalonikiWarehouse, Fixtures.SizeID.small, 5,
                "Input Product is not valid for base of shipment detail 1"
            ),
            (
                Fixtures.TransferID.thessalonikiTShirt, Fixtures.LocationID.thessalonikiWarehouse, Fixtures.unknownID,
                5, "The requested resource does not exist in the database."
            ),
        ])
    func reconcileInvalid(
        product: Product.ID, location: BoxtributeDomain.Location.ID, size: Int, quantity: Int, description: String
    ) async throws {
        let api = try await APIHarness.make()
        try await Self.receivingShipment(api)
        let answer = await Self.thessalonikiReceivesSent(
            api,
            [
                .init(
                    detailId: Fixtures.ShipmentDetailID.inTransit, productId: product, locationId: location,
                    sizeId: size, quantity: quantity)
            ])
        #expect(answer.data == ["updateShipmentWhenReceiving": nil])
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.firstDescription == description)
        #expect(try await api.scalar("SELECT box_state_id FROM stock WHERE id = \(Fixtures.BoxID.inTransit)") == "4")
        #expect(try await Self.sentShipmentState(api) == "Receiving")
    }

    @Test("Reference quirk fixed: reconciliation refuses negative quantities and sizes outside the product's range")
    func reconcileQuantityAndSize() async throws {
        let api = try await APIHarness.make()
        try await Self.receivingShipment(api)
        try await api.execute(
            "INSERT INTO sizegroup (id, label, seq) VALUES (2, 'Shoes', 2)",
            "INSERT INTO sizes (id, label) VALUES (40, '40')",
            "INSERT INTO sizes_sizegroup (size_id, sizegroup_id, seq) VALUES (40, 2, 1)")
        let negative = await Self.thessalonikiReceivesSent(
            api, [.tShirt(Fixtures.ShipmentDetailID.inTransit, quantity: -1)])
        #expect(negative.firstDescription == "Invalid input: negative value for 'targetQuantity'")
        let size = await Self.thessalonikiReceivesSent(api, [.tShirt(Fixtures.ShipmentDetailID.inTransit, size: 40)])
        #expect(size.firstDescription == "Input Size is not valid for base of shipment detail 1")
        #expect(try await Self.sentShipmentState(api) == "Receiving")
    }

    @Test("reconciliation refuses removed, lost and received details and ignores other shipments' details")
    func reconcileSettledDetails() async throws {
        let api = try await APIHarness.make()
        let shipment = try await Self.preparedShipment(api)
        _ = await Transfer.prepare(
            api, shipment: shipment, add: [Fixtures.BoxLabel.rice], remove: [Fixtures.BoxLabel.rice], as: Self.lesvos)
        _ = await Transfer.transition(api, "sendShipment", shipment: shipment, as: Self.lesvos)
        _ = await Transfer.transition(api, "startReceivingShipment", shipment: shipment, as: Self.thessaloniki)
        // Detail 7 (box 2) was removed; detail 1 belongs to shipment 1.
        let removed = await Transfer.receive(
            api, shipment: shipment,
            received: [.tShirt(7)],
            as: Self.thessaloniki)
        #expect(removed.firstDescription == "Input Box is not valid for base of shipment detail 7")
        let foreign = await Transfer.receive(
            api, shipment: shipment,
            received: [.tShirt(Fixtures.ShipmentDetailID.inTransit)],
            as: Self.thessaloniki)
        #expect(foreign.errors.isEmpty)
        #expect(foreign.data?["updateShipmentWhenReceiving"]?["state"] == "Receiving")
        #expect(
            try await api.scalar(
                "SELECT received_on FROM shipment_detail WHERE id = \(Fixtures.ShipmentDetailID.inTransit)") == nil)
        // Lost, then reconciled: refused.
        _ = await Transfer.receive(api, shipment: shipment, lost: [Fixtures.BoxLabel.jeans], as: Self.thessaloniki)
        let lost = await Transfer.receive(
            api, shipment: shipment,
            received: [.tShirt(6)],
            as: Self.thessaloniki)
        #expect(lost.firstCode == "BAD_USER_INPUT")
    }

    @Test("updateShipmentWhenReceiving is for the target side with shipment_detail:write, while receiving")
    func receivePermissionsAndState() async throws {
        let api = try await APIHarness.make()
        let sent = await Transfer.receive(
            api, shipment: Fixtures.TransferID.sentShipment, lost: [Fixtures.BoxLabel.inTransit], as: Self.thessaloniki)
        #expect(
            sent.firstDescription
                == "The state of the shipment (Sent) does not allow the requested action. Expecting state: Receiving")
        try await Self.receivingShipment(api)
        let source = await Transfer.receive(
            api, shipment: Fixtures.TransferID.sentShipment, lost: [Fixtures.BoxLabel.inTransit], as: Self.lesvos)
        #expect(source.firstDescription == "You don't have access to 'base=3'")
        let noDetailWrite = CurrentUser(
            id: Fixtures.UserID.thessalonikiCoordinator, organisationId: Fixtures.Org.aidB, maxBetaLevel: 99,
            permissions: [
                "shipment:edit": [Fixtures.BaseID.thessaloniki], "shipment:read": [Fixtures.BaseID.thessaloniki],
            ])
        let partial = await Transfer.receive(
            api, shipment: Fixtures.TransferID.sentShipment, lost: [Fixtures.BoxLabel.inTransit], as: noDetailWrite)
        #expect(partial.firstDescription == "You don't have access to 'shipment_detail:write'")
        #expect(try await api.scalar("SELECT box_state_id FROM stock WHERE id = \(Fixtures.BoxID.inTransit)") == "4")
    }

    @Test("losing the last box completes the shipment as Lost; an empty shipment completes on the first update")
    func autoCompletion() async throws {
        let api = try await APIHarness.make()
        try await Self.receivingShipment(api)
        let lost = await Transfer.receive(
            api, shipment: Fixtures.TransferID.sentShipment,
            lost: [Fixtures.BoxLabel.inTransit, Fixtures.BoxLabel.jeans], as: Self.thessaloniki)
        #expect(lost.data?["updateShipmentWhenReceiving"]?["state"] == "Lost")
        #expect(lost.data?["updateShipmentWhenReceiving"]?["completedBy"] == ["id": "4"])
        #expect(try await boxState(api, "10000006") == "NotDelivered")

        let empty = try await Self.emptyShipment(api)
        _ = await Transfer.transition(api, "sendShipment", shipment: empty, as: Self.lesvos)
        _ = await Transfer.transition(api, "startReceivingShipment", shipment: empty, as: Transfer.samosCoordinator)
        let completed = await Transfer.receive(api, shipment: empty, as: Transfer.samosCoordinator)
        #expect(completed.data?["updateShipmentWhenReceiving"]?["state"] == "Completed")
    }

    // MARK: - moveNotDeliveredBoxesInStock

    @Test("the source side takes not-delivered boxes back into its stock")
    func moveNotDeliveredSource() async throws {
        let api = try await APIHarness.make()
        _ = await Transfer.transition(
            api, "markShipmentAsLost", shipment: Fixtures.TransferID.sentShipment, as: Self.lesvos)
        let outsider = await Transfer.moveNotDelivered(
            api, boxIds: [Fixtures.BoxID.inTransit], as: Transfer.samosCoordinator)
        #expect(outsider.firstCode == "FORBIDDEN")
        let answer = await Transfer.moveNotDelivered(api, boxIds: [Fixtures.BoxID.inTransit], as: Self.lesvos)
        #expect(answer.errors.isEmpty)
        // Every box back at the source: nothing left lost, so the shipment is completed.
        #expect(answer.data?["moveNotDeliveredBoxesInStock"]?["state"] == "Completed")
        #expect(
            try await api.rows(
                "SELECT removed_by_id, lost_on, lost_by_id FROM shipment_detail WHERE id = \(Fixtures.ShipmentDetailID.inTransit)"
            ) == [
                ["2", nil, nil]
            ])
        #expect(
            try await api.rows("SELECT box_state_id, location_id FROM stock WHERE id = \(Fixtures.BoxID.inTransit)")
                == [["1", "1"]])
    }

    @Test("the target side receives not-delivered boxes after all; a completed shipment reopens")
    func moveNotDeliveredTarget() async throws {
        let api = try await APIHarness.make()
        try await Self.receivingShipment(api)
        _ = await Transfer.receive(
            api, shipment: Fixtures.TransferID.sentShipment, lost: [Fixtures.BoxLabel.inTransit], as: Self.thessaloniki)
        let answer = await Transfer.moveNotDelivered(api, boxIds: [Fixtures.BoxID.inTransit], as: Self.thessaloniki)
        #expect(answer.errors.isEmpty)
        let shipment = answer.data?["moveNotDeliveredBoxesInStock"]
        #expect(shipment?["state"] == "Receiving")
        #expect(shipment?["completedBy"] == .null)
        #expect(shipment?["details"]?[0]?["lostBy"] == .null)
        #expect(try await boxState(api, "10000006") == "Receiving")
        let done = await Self.thessalonikiReceivesSent(
            api,
            [
                .init(
                    detailId: Fixtures.ShipmentDetailID.inTransit, productId: Fixtures.ProductID.blanket,
                    locationId: Fixtures.LocationID.thessalonikiWarehouse, sizeId: Fixtures.SizeID.small, quantity: 8)
            ])
        #expect(done.data?["updateShipmentWhenReceiving"]?["state"] == "Completed")
    }

    @Test("Reference quirk fixed: god users act as the source side; no matching box is BAD_USER_INPUT")
    func moveNotDeliveredGodAndEmpty() async throws {
        let api = try await APIHarness.make()
        let none = await Transfer.moveNotDelivered(
            api, boxIds: [Fixtures.BoxID.inTransit, Fixtures.BoxID.jeans, .anotherUnknown], as: Fixtures.god)
        #expect(none.firstCode == "BAD_USER_INPUT")
        #expect(none.data == ["moveNotDeliveredBoxesInStock": nil])
        _ = await Transfer.transition(
            api, "markShipmentAsLost", shipment: Fixtures.TransferID.sentShipment, as: Self.lesvos)
        let god = await Transfer.moveNotDelivered(api, boxIds: [Fixtures.BoxID.inTransit], as: Fixtures.god)
        #expect(god.errors.isEmpty)
        #expect(try await api.scalar("SELECT box_state_id FROM stock WHERE id = \(Fixtures.BoxID.inTransit)") == "1")
        #expect(
            try await api.scalar(
                "SELECT removed_by_id FROM shipment_detail WHERE id = \(Fixtures.ShipmentDetailID.inTransit)") == "1")
    }

    // MARK: - Concurrency

    @Test("two users changing one shipment at once: exactly one transition wins")
    func concurrentTransitions() async throws {
        for _ in 0..<5 {
            let api = try await APIHarness.make()
            let shipment = try await Self.preparedShipment(api)
            async let send = Transfer.transition(api, "sendShipment", shipment: shipment, as: Self.lesvos)
            async let cancel = Transfer.transition(api, "cancelShipment", shipment: shipment, as: Self.thessaloniki)
            let (sent, canceled) = await (send, cancel)
            #expect(sent.errors.isEmpty != canceled.errors.isEmpty)
            let state = try await api.scalar("SELECT state FROM shipment WHERE id = \(shipment)")
            let boxes = try await stateIds(api, [Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice])
            if sent.errors.isEmpty {
                #expect(state == "Sent")
                #expect(boxes == ["7", "7"])
            } else {
                #expect(state == "Canceled")
                #expect(boxes == ["1", "1"])
            }
        }
    }
}
