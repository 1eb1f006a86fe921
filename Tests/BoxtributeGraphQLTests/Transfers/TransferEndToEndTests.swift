import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import Testing

@Suite("A transfer between two organisations, end to end")
struct TransferEndToEndTests {
    static let lesvos = Transfer.lesvos
    static let thessaloniki = Transfer.thessaloniki

    @Test(
        "50 boxes from Lesvos (org A) to Thessaloniki (org B): agreement, preparation, sending, reconciliation with changes, one box lost"
    )
    func fiftyBoxes() async throws {
        let api = try await APIHarness.make()
        let labels = try await Transfer.insertBoxes(
            api, count: 50, firstId: 100, locationId: Fixtures.LocationID.lesvosWarehouse, labelPrefix: "50000")
        // The first ten carry a Lesvos tag, which does not travel.
        _ = try await api.database.transaction { connection in
            for boxId in 100..<110 {
                try await connection.execute(
                    "INSERT INTO tags_relations (object_id, object_type, tag_id, created_on, created_by_id) VALUES (?, 'Stock', 1, '2024-01-01 00:00:00', 2)",
                    [.integer(boxId)])
            }
        }

        // 1. Agreement: the old one ends, Lesvos proposes a new one, Thessaloniki accepts.
        let canceled = await api.run(
            #"mutation { cancelTransferAgreement(id: "\#(Fixtures.TransferID.acceptedAgreement)") { state } }"#,
            as: Self.lesvos)
        #expect(canceled.data == ["cancelTransferAgreement": ["state": "Canceled"]])
        let proposed = await api.run(
            """
            mutation { createTransferAgreement(creationInput: {initiatingOrganisationId: \(Fixtures.Org.aidA), partnerOrganisationId: \(Fixtures.Org.aidB),
              type: SendingTo, initiatingOrganisationBaseIds: [\(Fixtures.BaseID.lesvos)], comment: "Winter 2025"}) { id state } }
            """, as: Self.lesvos)
        #expect(proposed.data == ["createTransferAgreement": ["id": "4", "state": "UnderReview"]])
        let accepted = await api.run(
            #"mutation { acceptTransferAgreement(id: "4") { state acceptedBy { id } } }"#, as: Self.thessaloniki)
        #expect(accepted.data == ["acceptTransferAgreement": ["state": "Accepted", "acceptedBy": ["id": "4"]]])

        // 2. Lesvos prepares and sends the shipment.
        let (created, createAnswer) = await Transfer.createShipment(
            api, from: Fixtures.BaseID.lesvos, to: Fixtures.BaseID.thessaloniki, agreement: 4, as: Self.lesvos)
        let shipment = try #require(created, "\(createAnswer.errors)")
        let prepared = await Transfer.prepare(api, shipment: shipment, add: labels, as: Self.lesvos)
        #expect(prepared.errors.isEmpty)
        #expect(prepared.data?["updateShipmentWhenPreparing"]?["details"]?.array?.count == 50)
        let sent = await Transfer.transition(api, "sendShipment", shipment: shipment, as: Self.lesvos)
        #expect(sent.data?["sendShipment"]?["state"] == "Sent")
        #expect(try await api.count("stock WHERE id >= 100 AND box_state_id = 7") == 50)

        // Both sides see the shipment: outgoing for Lesvos, incoming for Thessaloniki.
        let incoming = await api.run(
            #"{ shipments(states: [Sent]) { id direction(baseId: "\#(Fixtures.BaseID.thessaloniki)") } }"#,
            as: Self.thessaloniki)
        #expect(
            incoming.data?["shipments"]?.array?.contains(["id": .string("\(shipment)"), "direction": "Incoming"])
                == true)
        let outgoing = await api.run(
            #"{ shipment(id: "\#(shipment)") { direction(baseId: "\#(Fixtures.BaseID.lesvos)") } }"#, as: Self.lesvos)
        #expect(outgoing.data == ["shipment": ["direction": "Outgoing"]])

        // 3. Thessaloniki receives: 30 boxes, then one lost, then the other 19.
        let receiving = await Transfer.transition(
            api, "startReceivingShipment", shipment: shipment, as: Self.thessaloniki)
        #expect(receiving.data?["startReceivingShipment"]?["state"] == "Receiving")
        let detailRows = try await api.rows(
            "SELECT id, box_id FROM shipment_detail WHERE shipment_id = ? ORDER BY id", [.integer(shipment)])
        let details = detailRows.compactMap { row -> (detail: Int, box: Int)? in
            guard let detail = row[0].flatMap({ Int($0) }), let box = row[1].flatMap({ Int($0) }) else { return nil }
            return (detail, box)
        }
        #expect(details.count == 50)
        let lostBox = details[30]
        // Boxes 0..<10: T-shirts, size L, 12 items; 10..<20: blankets, size S, same 10 items; the rest as jeans were.
        func reception(_ index: Int) -> Transfer.Reception {
            let detail = details[index].detail
            switch index {
            case 0..<10:
                return .tShirt(detail, size: Fixtures.SizeID.large, quantity: 12)
            case 10..<20:
                return .init(
                    detailId: detail, productId: Fixtures.ProductID.blanket,
                    locationId: Fixtures.LocationID.thessalonikiWarehouse, sizeId: Fixtures.SizeID.small, quantity: 10)
            default:
                return .init(
                    detailId: detail, productId: Fixtures.ProductID.blanket,
                    locationId: Fixtures.LocationID.thessalonikiWarehouse, sizeId: Fixtures.SizeID.medium, quantity: 10)
            }
        }
        let first = await Transfer.receive(
            api, shipment: shipment, received: (0..<30).map(reception), as: Self.thessaloniki)
        #expect(first.errors.isEmpty)
        #expect(first.data?["updateShipmentWhenReceiving"]?["state"] == "Receiving")
        let lost = await Transfer.receive(api, shipment: shipment, lost: [labels[30]], as: Self.thessaloniki)
        #expect(lost.data?["updateShipmentWhenReceiving"]?["state"] == "Receiving")
        let last = await Transfer.receive(
            api, shipment: shipment, received: (31..<50).map(reception), as: Self.thessaloniki)
        #expect(last.errors.isEmpty)
        #expect(last.data?["updateShipmentWhenReceiving"]?["state"] == "Completed")
        #expect(last.data?["updateShipmentWhenReceiving"]?["completedBy"] == ["id": "4"])

        // 4. The database: 49 boxes in Thessaloniki's stock with what was entered, one not delivered.
        #expect(
            try await api.rows(
                """
                SELECT product_id, size_id, items, location_id, box_state_id, COUNT(*) FROM stock WHERE id >= 100
                GROUP BY product_id, size_id, items, location_id, box_state_id ORDER BY product_id, size_id
                """)
                == [
                    ["1", "2", "10", "1", "8", "1"], ["5", "1", "10", "5", "1", "10"],
                    ["5", "2", "10", "5", "1", "29"],
                    ["61", "3", "12", "5", "1", "10"],
                ])
        #expect(try await api.scalar("SELECT box_id FROM stock WHERE box_state_id = 8 AND id >= 100") == labels[30])
        #expect(try await api.count("tags_relations WHERE object_id >= 100 AND deleted_on IS NULL") == 0)
        #expect(
            try await api.count(
                "shipment_detail WHERE shipment_id = \(shipment) AND received_by_id = \(Fixtures.UserID.thessalonikiCoordinator)"
            ) == 49)
        #expect(
            try await api.count(
                "shipment_detail WHERE shipment_id = \(shipment) AND lost_by_id = \(Fixtures.UserID.thessalonikiCoordinator)"
            ) == 1)

        // 5. Both sides read the same outcome.
        let query = """
            { shipment(id: "\(shipment)") { state sentBy { id } receivingStartedBy { id } completedBy { id }
                details { box { labelIdentifier state } sourceProduct { name } targetProduct { name } sourceQuantity
                  targetQuantity targetSize { label } lostBy { id } receivedBy { id } } } }
            """
        let source = await api.run(query, as: Self.lesvos)
        let target = await api.run(query, as: Self.thessaloniki)
        #expect(source.errors.isEmpty)
        #expect(target.errors.isEmpty)
        #expect(source.data == target.data)
        let seen = try #require(source.data?["shipment"])
        #expect(seen["state"] == "Completed")
        #expect(seen["sentBy"] == ["id": "2"])
        #expect(seen["receivingStartedBy"] == ["id": "4"])
        #expect(
            seen["details"]?[0]
                == [
                    "box": ["labelIdentifier": .string(labels[0]), "state": "InStock"],
                    "sourceProduct": ["name": "Jeans"],
                    "targetProduct": ["name": "T-shirt"], "sourceQuantity": 10, "targetQuantity": 12,
                    "targetSize": ["label": "L"], "lostBy": nil, "receivedBy": ["id": "4"],
                ])
        #expect(
            seen["details"]?[30]
                == [
                    "box": ["labelIdentifier": .string(labels[30]), "state": "NotDelivered"],
                    "sourceProduct": ["name": "Jeans"], "targetProduct": nil, "sourceQuantity": 10,
                    "targetQuantity": nil,
                    "targetSize": nil, "lostBy": ["id": "4"], "receivedBy": nil,
                ])

        // History of a reconciled box, for its new owner, newest first (every step happened at the
        // test clock's one instant, so the tag removal is listed after the box's own rows).
        let history = await api.run(
            #"{ box(labelIdentifier: "\#(labels[0])") { history { changes user { id } } } }"#, as: Self.thessaloniki)
        #expect(history.errors.isEmpty)
        #expect(
            history.data?["box"]?["history"]?.array?.compactMap { $0["changes"]?.string } == [
                "changed box state from Receiving to Instock", "changed the number of items from 10 to 12",
                "changed size from M to L", "changed box location from WH Lesvos to WH Thessaloniki",
                "changed product type from Jeans to T-shirt", "changed box state from InTransit to Receiving",
                "changed box state from MarkedForShipment to InTransit",
                "changed box state from Instock to MarkedForShipment", "removed tag 'Winter' from box",
            ])
        #expect(
            try await api.historyChanges("stock", recordId: lostBox.box) == [
                "box_state_id", "box_state_id", "box_state_id", "box_state_id",
            ])
        // The lost box stays in Lesvos, not editable by either side until it is moved back.
        let frozen = await api.run(
            "mutation { updateBox(updateInput: {labelIdentifier: \"\(labels[30])\", comment: \"found\"}) { id } }",
            as: Self.lesvos)
        #expect(frozen.firstCode == "BAD_USER_INPUT")
        let back = await Transfer.moveNotDelivered(api, boxIds: [Box.ID(rawValue: lostBox.box)], as: Self.lesvos)
        #expect(back.data?["moveNotDeliveredBoxesInStock"]?["state"] == "Completed")
        #expect(
            try await api.rows("SELECT box_state_id, location_id FROM stock WHERE id = ?", [.integer(lostBox.box)])
                == [["1", "1"]])
    }
}
