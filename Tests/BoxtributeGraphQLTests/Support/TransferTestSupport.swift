import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import OrderedCollections

/// Users and calls shared by the transfer mutation tests.
enum Transfer {
    /// Every permission for Lesvos and Samos (organisation 1).
    static let aidACoordinator = CurrentUser(
        id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA, maxBetaLevel: 99,
        permissions: CurrentUser.permissionMap(
            PermissionCatalogue.all, baseIds: [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos]))
    /// Every permission for Samos only (organisation 1).
    static let samosCoordinator = CurrentUser(
        id: Fixtures.UserID.samosVolunteer, organisationId: Fixtures.Org.aidA, maxBetaLevel: 99,
        permissions: CurrentUser.permissionMap(PermissionCatalogue.all, baseIds: [Fixtures.BaseID.samos]))

    static let lesvos = Fixtures.lesvosCoordinator
    static let thessaloniki = Fixtures.thessalonikiCoordinator

    /// The fields of a shipment most tests look at.
    static let shipmentFields = """
        id state sourceBase { id } targetBase { id } transferAgreement { id } startedBy { id } sentBy { id }
        receivingStartedBy { id } completedBy { id } canceledBy { id }
        details { id box { labelIdentifier state } removedBy { id } lostBy { id } receivedBy { id } }
        """

    /// `createShipment`; the new shipment's id, or `nil` with the answer's errors.
    static func createShipment(
        _ api: APIHarness, from source: Base.ID, to target: Base.ID, agreement: Int? = nil, as user: CurrentUser
    ) async -> (id: Int?, answer: APIHarness.Answer) {
        let agreementPart = agreement.map { ", transferAgreementId: \($0)" } ?? ""
        let answer = await api.run(
            "mutation { createShipment(creationInput: {sourceBaseId: \(source), targetBaseId: \(target)\(agreementPart)}) { id } }",
            as: user)
        return (answer.data?["createShipment"]?["id"]?.string.flatMap { Int($0) }, answer)
    }

    /// `createShipment` Lesvos → Thessaloniki under the accepted agreement.
    static func createLesvosToThessaloniki(
        _ api: APIHarness, as user: CurrentUser
    ) async -> (id: Int?, answer: APIHarness.Answer) {
        await createShipment(
            api, from: Fixtures.BaseID.lesvos, to: Fixtures.BaseID.thessaloniki,
            agreement: Fixtures.TransferID.acceptedAgreement, as: user)
    }

    /// `updateShipmentWhenPreparing` with boxes to add and to remove.
    static func prepare(
        _ api: APIHarness, shipment id: Int, add: [String] = [], remove: [String] = [], targetBaseId: Base.ID? = nil,
        as user: CurrentUser
    ) async -> APIHarness.Answer {
        var input: OrderedDictionary<String, Map> = [
            "id": .string(String(id)), "preparedBoxLabelIdentifiers": .array(add.map(Map.string)),
            "removedBoxLabelIdentifiers": .array(remove.map(Map.string)),
        ]
        if let targetBaseId { input["targetBaseId"] = .number(Number(targetBaseId.rawValue)) }
        return await api.run(
            """
            mutation($input: ShipmentWhenPreparingUpdateInput) { updateShipmentWhenPreparing(updateInput: $input) {
              \(shipmentFields) } }
            """, variables: ["input": .dictionary(input)], as: user)
    }

    /// A state change of a shipment by id (`sendShipment`, `cancelShipment`, …).
    static func transition(
        _ api: APIHarness, _ mutation: String, shipment id: Int, as user: CurrentUser
    ) async
        -> APIHarness.Answer
    {
        await api.run("mutation { \(mutation)(id: \"\(id)\") { \(shipmentFields) } }", as: user)
    }

    /// One reconciliation of `updateShipmentWhenReceiving`.
    struct Reception {
        var detailId: Int
        var productId: Product.ID
        var locationId: BoxtributeDomain.Location.ID
        var sizeId: Int
        var quantity: Int
        /// Detail `detailId` received as Thessaloniki's T-shirt into Thessaloniki's warehouse.
        static func tShirt(_ detailId: Int, size: Int = Fixtures.SizeID.small, quantity: Int = 1) -> Reception {
            Reception(
                detailId: detailId, productId: Fixtures.TransferID.thessalonikiTShirt,
                locationId: Fixtures.LocationID.thessalonikiWarehouse, sizeId: size, quantity: quantity)
        }
        var map: Map {
            .dictionary([
                "id": .string(String(detailId)), "targetProductId": .number(Number(productId.rawValue)),
                "targetLocationId": .number(Number(locationId.rawValue)), "targetSizeId": .number(Number(sizeId)),
                "targetQuantity": .number(Number(quantity)),
            ])
        }
    }

    /// `updateShipmentWhenReceiving` with reconciled details and lost boxes.
    static func receive(
        _ api: APIHarness, shipment id: Int, received: [Reception] = [], lost: [String] = [], as user: CurrentUser
    ) async -> APIHarness.Answer {
        await api.run(
            """
            mutation($input: ShipmentWhenReceivingUpdateInput) { updateShipmentWhenReceiving(updateInput: $input) {
              \(shipmentFields) } }
            """,
            variables: [
                "input": .dictionary([
                    "id": .string(String(id)), "receivedShipmentDetailUpdateInputs": .array(received.map(\.map)),
                    "lostBoxLabelIdentifiers": .array(lost.map(Map.string)),
                ])
            ], as: user)
    }

    /// `moveNotDeliveredBoxesInStock` for box database ids.
    static func moveNotDelivered(_ api: APIHarness, boxIds: [Box.ID], as user: CurrentUser) async -> APIHarness.Answer {
        await api.run(
            "mutation($ids: [String!]!) { moveNotDeliveredBoxesInStock(boxIds: $ids) { \(shipmentFields) } }",
            variables: ["ids": .array(boxIds.map { .string(String($0)) })], as: user)
    }

    /// Inserts `count` boxes in stock (jeans, size M, 10 items) into a location, labels
    /// `prefix` followed by a running number; returns the labels.
    @discardableResult
    static func insertBoxes(
        _ api: APIHarness, count: Int, firstId: Int, locationId: BoxtributeDomain.Location.ID,
        productId: Product.ID = Fixtures.ProductID.jeans,
        labelPrefix: String
    ) async throws -> [String] {
        let ids = Array(firstId..<(firstId + count))
        let labels = ids.map { labelPrefix + String($0) }
        let rows = zip(ids, labels).map { id, label in
            "(\(id), '\(label)', \(productId), 2, 10, \(locationId), 1, '2024-01-01 00:00:00', 2, '2024-01-01 00:00:00', 2, '0000-00-00 00:00:00')"
        }.joined(separator: ", ")
        try await api.execute(
            """
            INSERT INTO stock (id, box_id, product_id, size_id, items, location_id, box_state_id, created, created_by, \
            modified, modified_by, deleted) VALUES \(rows)
            """)
        return labels
    }
}

extension APIHarness.Answer {
    /// `extensions.description` of the first error.
    var firstDescription: String? { errors.first?["extensions"]?["description"]?.string }
}
