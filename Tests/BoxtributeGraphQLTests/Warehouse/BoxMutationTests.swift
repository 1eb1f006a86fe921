import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import Testing

@Suite("createBox, updateBox, updateMarkedForShipmentBox, createBoxFromBox, createQrCode")
struct BoxMutationTests {
    static let createJeans = """
        mutation($input: BoxCreationInput) { createBox(creationInput: $input) {
          labelIdentifier state numberOfItems comment size { label } product { name } location { id }
          tags { name } qrCode { code } createdOn lastModifiedOn history { changes } } }
        """

    // MARK: - createBox

    @Test("createBox creates the box with its tags, new tags and history")
    func createBox() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.createJeans,
            variables: [
                "input": [
                    "productId": Map(Fixtures.ProductID.jeans), "sizeId": Map(Fixtures.SizeID.medium),
                    "locationId": Map(Fixtures.LocationID.lesvosWarehouse), "numberOfItems": 12,
                    "comment": "Donated by school",
                    "tagIds": [Map(Fixtures.TagID.winter), Map(Fixtures.TagID.winter), Map(Fixtures.anotherUnknownID)],
                    "newTagNames": ["Fragile", "Fragile"],
                    "qrCode": Map(Fixtures.QrCode.unassigned),
                ]
            ])
        #expect(
            answer.data?["createBox"]
                == [
                    "labelIdentifier": "20000001", "state": "InStock", "numberOfItems": 12,
                    "comment": "Donated by school", "size": ["label": "M"], "product": ["name": "Jeans"],
                    "location": ["id": "1"], "tags": [["name": "Winter"], ["name": "Fragile"]],
                    "qrCode": ["code": "a87ff679a2f3e71d9181a67b7542122c"], "createdOn": "2025-06-01T12:00:00+00:00",
                    "lastModifiedOn": "2025-06-01T12:00:00+00:00", "history": [["changes": "created box"]],
                ])
        #expect(
            try await api.rows("SELECT label, color, type, camp_id FROM tags WHERE label = 'Fragile'") == [
                ["Fragile", "#abcdef", "Stock", "1"]
            ])
        let tagId = try await api.scalar("SELECT id FROM tags WHERE label = 'Fragile'").flatMap { Int($0) } ?? 0
        #expect(try await api.historyChanges("tags", recordId: tagId) == ["Record created"])
    }

    @Test("createBox takes the location's default state and converts measures to the base unit")
    func createBoxStateAndMeasure() async throws {
        let api = try await APIHarness.make()
        let lost = await api.run(
            Self.createJeans,
            variables: [
                "input": [
                    "productId": Map(Fixtures.ProductID.jeans), "sizeId": Map(Fixtures.SizeID.small),
                    "locationId": Map(Fixtures.LocationID.lesvosLost),
                ]
            ])
        #expect(lost.data?["createBox"]?["state"] == "Lost")
        #expect(lost.data?["createBox"]?["comment"] == "")
        let rice = await api.run(
            #"mutation { createBox(creationInput: {productId: \#(Fixtures.ProductID.rice), locationId: \#(Fixtures.LocationID.lesvosWarehouse), displayUnitId: 4, measureValue: 500}) { labelIdentifier measureValue displayUnit { symbol } size { id } } }"#
        )
        #expect(
            rice.data?["createBox"]
                == ["labelIdentifier": "20000002", "measureValue": 500, "displayUnit": ["symbol": "g"], "size": nil])
        #expect(try await api.scalar("SELECT measure_value FROM stock WHERE box_id = '20000002'") == "0.5")
    }

    @Test("createBox needs stock:write for the location's base")
    func createBoxPermission() async throws {
        let api = try await APIHarness.make()
        let input: Map = [
            "productId": Map(Fixtures.ProductID.jeans), "sizeId": Map(Fixtures.SizeID.small),
            "locationId": Map(Fixtures.LocationID.lesvosWarehouse),
        ]
        let volunteer = await api.run(Self.createJeans, variables: ["input": input], as: Fixtures.lesvosReader)
        #expect(volunteer.firstCode == "FORBIDDEN")
        #expect(volunteer.errors.first?["extensions"]?["description"] == "You don't have access to 'stock:write'")
        let other = await api.run(Self.createJeans, variables: ["input": input], as: Fixtures.thessalonikiCoordinator)
        #expect(other.errors.first?["extensions"]?["description"] == "You don't have access to 'base=1'")
        #expect(try await api.count("stock") == 7)
    }

    @Test(
        "createBox rejects bad input with the reference's message",
        arguments: [
            (
                #"{productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse), numberOfItems: -1}"#,
                "Invalid input: negative value for 'numberOfItems'"
            ),
            (
                #"{productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse), weight: -1}"#,
                "Invalid input: negative value for 'weight'"
            ),
            (
                #"{productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse), monetaryValue: -2}"#,
                "Invalid input: negative value for 'monetaryValue'"
            ),
            (
                #"{productId: \#(Fixtures.ProductID.jeans), locationId: \#(Fixtures.LocationID.lesvosWarehouse)}"#,
                "Invalid input: either 'sizeId' or 'displayUnitId'+'measureValue' required"
            ),
            (
                #"{productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse), displayUnitId: 1, measureValue: 2}"#,
                "Invalid input: either 'sizeId' or 'displayUnitId'+'measureValue' required"
            ),
            (
                #"{productId: \#(Fixtures.ProductID.rice), locationId: \#(Fixtures.LocationID.lesvosWarehouse), displayUnitId: 2, measureValue: 2}"#,
                "Invalid input: dimensions of 'displayUnit' and 'product' not matching"
            ),
            (
                #"{productId: \#(Fixtures.ProductID.rice), locationId: \#(Fixtures.LocationID.lesvosWarehouse), displayUnitId: 1, measureValue: -2}"#,
                "Invalid input: negative value for 'measureValue'"
            ),
            (
                #"{productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse), tagIds: [\#(Fixtures.TagID.thessaloniki)]}"#,
                "Invalid input: bases of 'location' and 'tag' not matching"
            ),
            (
                #"{productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse), qrCode: "\#(Fixtures.QrCode.jeans)"}"#,
                "The QR code is already assigned to another box."
            ),
            (
                #"{productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse), qrCode: "nope"}"#,
                "The requested resource does not exist in the database."
            ),
            (
                #"{productId: \#(Fixtures.unknownID), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse)}"#,
                "The requested resource does not exist in the database."
            ),
            (
                #"{productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.unknownID)}"#,
                "The requested resource does not exist in the database."
            ),
            (
                #"{productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.unknownID), locationId: \#(Fixtures.LocationID.lesvosWarehouse)}"#,
                "The requested resource does not exist in the database."
            ),
            (
                #"{productId: \#(Fixtures.ProductID.blanket), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse)}"#,
                "Invalid input: bases of 'location' and 'product' not matching"
            ),
        ])
    func createBoxInvalidInput(input: String, description: String) async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            "mutation { createBox(creationInput: \(input)) { id } }", as: Fixtures.god)
        #expect(answer.data == ["createBox": nil])
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.errors.first?["extensions"]?["description"] == .string(description))
        #expect(try await api.count("stock") == 7)
        #expect(try await api.count("tags") == 5)
    }

    @Test("Reference quirk fixed: createBox accepted deleted locations, deleted tags and beneficiary tags")
    func createBoxRejectsDeletedLocationAndUnusableTags() async throws {
        let api = try await APIHarness.make()
        let deletedLocation = await api.run(
            #"mutation { createBox(creationInput: {productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosDeleted)}) { id } }"#
        )
        #expect(
            deletedLocation.errors.first?["extensions"]?["description"]
                == "Location 'Old WH Lesvos' is deleted and cannot hold boxes")
        for tag in [4, 2] {
            let answer = await api.run(
                "mutation { createBox(creationInput: {productId: \(Fixtures.ProductID.jeans), sizeId: \(Fixtures.SizeID.small), locationId: \(Fixtures.LocationID.lesvosWarehouse), tagIds: [\(tag)]}) { id } }"
            )
            #expect(answer.firstCode == "BAD_USER_INPUT")
        }
        #expect(try await api.count("stock") == 7)
    }

    @Test("createBox retries label collisions and gives up after ten")
    func createBoxLabelCollisions() async throws {
        var api = try await APIHarness.make()
        api.environment = .fixed(labels: ["10000001", "10000002", "55555555"])
        let answer = await api.run(
            #"mutation { createBox(creationInput: {productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse)}) { labelIdentifier } }"#
        )
        #expect(answer.data?["createBox"]?["labelIdentifier"] == "55555555")
        api.environment = .fixed(labels: Array(repeating: "10000001", count: 10) + ["66666666"])
        let failed = await api.run(
            #"mutation { createBox(creationInput: {productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse)}) { labelIdentifier } }"#
        )
        #expect(failed.firstCode == "INTERNAL_SERVER_ERROR")
        #expect(failed.errors.first?["extensions"]?["description"] == "The box could not be added to the database.")
        #expect(try await api.count("stock") == 8)
    }

    @Test("concurrent createBox calls all succeed with distinct labels")
    func createBoxConcurrently() async throws {
        var api = try await APIHarness.make()
        api.environment = .live
        let harness = api
        let labels = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    await harness.run(
                        #"mutation { createBox(creationInput: {productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small), locationId: \#(Fixtures.LocationID.lesvosWarehouse)}) { labelIdentifier } }"#
                    )
                    .data?["createBox"]?["labelIdentifier"]?.string
                }
            }
            return try await group.reduce(into: [String]()) { if let label = $1 { $0.append(label) } }
        }
        #expect(labels.count == 40)
        #expect(Set(labels).count == 40)
        #expect(labels.allSatisfy { $0.count == 8 && $0.allSatisfy(\.isNumber) })
        #expect(try await api.count("stock") == 47)
    }

    // MARK: - updateBox

    @Test("updateBox applies changes and writes one history row per changed field, in the reference's order")
    func updateBox() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", comment: "Cold", numberOfItems: 9,
              locationId: \#(Fixtures.LocationID.lesvosLost), sizeId: \#(Fixtures.SizeID.large), weight: 10.114, monetaryValue: 99.9}) {
              comment numberOfItems state location { id } size { label } weight lastModifiedOn
              history { changes changeDate } } }
            """#)
        let box = answer.data?["updateBox"]
        #expect(box?["comment"] == "Cold")
        #expect(box?["numberOfItems"] == 9)
        #expect(box?["state"] == "Lost")
        #expect(box?["location"] == ["id": "2"])
        #expect(box?["size"] == ["label": "L"])
        #expect(box?["lastModifiedOn"] == "2025-06-01T12:00:00+00:00")
        #expect(
            try await api.historyChanges("stock", recordId: Fixtures.BoxID.jeans) == [
                "size_id", "items", "location_id", #"comments changed from "Warm" to "Cold";"#, "box_state_id",
                "changed weight from 7.80kg to 10.11kg", "changed monetary value from 12.50€ to 99.90€",
            ])
        let history = box?["history"]?.array?.prefix(7).compactMap { $0["changes"]?.string }
        #expect(
            history == [
                "changed monetary value from 12.50€ to 99.90€", "changed weight from 7.80kg to 10.11kg",
                "changed box state from Instock to Lost", #"changed comments from "Warm" to "Cold";"#,
                "changed box location from WH Lesvos to Lost Lesvos", "changed the number of items from 10 to 9",
                "changed size from M to L",
            ])
    }

    @Test("updateBox without effective changes writes nothing")
    func updateBoxNoOp() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", comment: "Warm", locationId: \#(Fixtures.LocationID.lesvosWarehouse), tagIds: [\#(Fixtures.TagID.winter), \#(Fixtures.TagID.deleted)]}) { lastModifiedOn } }"#
        )
        #expect(answer.data?["updateBox"]?["lastModifiedOn"] == "2024-02-01T10:00:00+00:00")
        #expect(try await api.historyChanges("stock", recordId: Fixtures.BoxID.jeans).isEmpty)
    }

    @Test("updateBox tagIds sets the box's tags; the history shows the assignments and removals")
    func updateBoxTags() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", tagIds: [\#(Fixtures.TagID.urgent)], newTagNames: ["Heavy"]}) { tags { name } lastModifiedOn history { changes } } }"#
        )
        #expect(answer.data?["updateBox"]?["tags"] == [["name": "Urgent"], ["name": "Heavy"]])
        #expect(answer.data?["updateBox"]?["lastModifiedOn"] == "2025-06-01T12:00:00+00:00")
        let history = answer.data?["updateBox"]?["history"]?.array?.prefix(4).compactMap { $0["changes"]?.string }
        #expect(
            history == [
                "assigned tag 'Urgent' to box", "assigned tag 'Heavy' to box", "removed tag 'Winter' from box",
                "removed tag 'Old' from box",
            ])
        let cleared = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", tagIds: []}) { tags { name } } }"#
        )
        #expect(cleared.data?["updateBox"]?["tags"] == [])
    }

    @Test(
        "updateBox rejects bad input with the reference's message",
        arguments: [
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.deleted)", comment: "x"}"#,
                "Box with label identifier '10000004' is deleted and cannot be updated"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.inTransit)", comment: "x"}"#,
                "Box with label identifier '10000006' is in state 'InTransit' and cannot be updated. Only boxes in states InStock, Donated, Scrap, or Lost can be updated"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", locationId: \#(Fixtures.LocationID.samosWarehouse)}"#,
                "Invalid input: bases of old and new location not matching"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", productId: \#(Fixtures.ProductID.standardTShirt)}"#,
                "Invalid input: bases of 'location' and 'product' not matching"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", weight: -3}"#,
                "Invalid input: negative value for 'weight'"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", numberOfItems: -3}"#,
                "Invalid input: negative value for 'numberOfItems'"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.rice)", sizeId: \#(Fixtures.SizeID.small)}"#,
                "Input field 'sizeId' must be None"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", measureValue: 1}"#,
                "Input field 'measureValue' must be None"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", displayUnitId: 1}"#,
                "Input field 'displayUnitId' must be None"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", productId: \#(Fixtures.ProductID.rice)}"#,
                "Input field 'measureValue' missing"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", productId: \#(Fixtures.ProductID.rice), measureValue: 3}"#,
                "Input field 'displayUnitId' missing"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.rice)", productId: \#(Fixtures.ProductID.jeans)}"#,
                "Input field 'sizeId' missing"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.rice)", displayUnitId: 2}"#,
                "Invalid input: dimensions of 'displayUnit' and 'product' not matching"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.rice)", measureValue: -1}"#,
                "Invalid input: negative value for 'measureValue'"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", tagIds: [\#(Fixtures.TagID.winter), \#(Fixtures.TagID.thessaloniki)]}"#,
                "Invalid input: bases of tags not matching"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", tagIds: [\#(Fixtures.TagID.thessaloniki)]}"#,
                "Invalid input: bases of 'location' and 'tag' not matching"
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.unknownLabel)"}"#,
                "The requested resource does not exist in the database."
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", locationId: \#(Fixtures.unknownID)}"#,
                "The requested resource does not exist in the database."
            ),
            (
                #"{labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", productId: \#(Fixtures.unknownID)}"#,
                "The requested resource does not exist in the database."
            ),
        ])
    func updateBoxInvalidInput(input: String, description: String) async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("mutation { updateBox(updateInput: \(input)) { id } }", as: Fixtures.god)
        #expect(answer.data == ["updateBox": nil])
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.errors.first?["extensions"]?["description"] == .string(description))
        #expect(try await api.count("history") == 7)
    }

    @Test("updateBox switches a box between size and measure products")
    func updateBoxSwitchesProductKind() async throws {
        let api = try await APIHarness.make()
        let toMeasure = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", productId: \#(Fixtures.ProductID.rice), measureValue: 2, displayUnitId: 1}) { size { id } measureValue displayUnit { symbol } } }"#
        )
        #expect(toMeasure.data?["updateBox"] == ["size": nil, "measureValue": 2, "displayUnit": ["symbol": "kg"]])
        let toSize = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.rice)", productId: \#(Fixtures.ProductID.jeans), sizeId: \#(Fixtures.SizeID.small)}) { size { label } measureValue displayUnit { symbol } } }"#
        )
        #expect(toSize.data?["updateBox"] == ["size": ["label": "S"], "measureValue": nil, "displayUnit": nil])
        #expect(
            try await api.historyChanges("stock", recordId: Fixtures.BoxID.rice) == [
                "product_id", "size_id", "display_unit_id", "changed units of measure from 1500.00g to \"\"",
            ])
    }

    @Test("updateBox needs stock:write for the box's base")
    func updateBoxPermission() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", comment: "x"}) { id } }"#,
            as: Fixtures.lesvosReader)
        #expect(answer.firstCode == "FORBIDDEN")
        #expect(try await api.scalar("SELECT comments FROM stock WHERE id = \(Fixtures.BoxID.jeans)") == "Warm")
    }

    @Test("Reference quirk fixed: updateBox put boxes into shipment states and deleted locations")
    func updateBoxRejectsShipmentStatesAndDeletedLocations() async throws {
        let api = try await APIHarness.make()
        let state = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", state: InTransit}) { id } }"#
        )
        #expect(
            state.errors.first?["extensions"]?["description"]
                == "Invalid input: boxes cannot be set to state 'InTransit' directly")
        let location = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", locationId: \#(Fixtures.LocationID.lesvosDeleted)}) { id } }"#
        )
        #expect(location.firstCode == "BAD_USER_INPUT")
        let scrap = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", state: Scrap}) { state } }"#
        )
        #expect(scrap.data?["updateBox"]?["state"] == "Scrap")
    }

    // MARK: - updateMarkedForShipmentBox

    @Test("updateMarkedForShipmentBox changes weight and value of boxes marked for shipment only")
    func updateMarkedForShipmentBox() async throws {
        let api = try await APIHarness.make()
        try await api.execute("UPDATE stock SET box_state_id = 3 WHERE id = \(Fixtures.BoxID.lost)")
        let answer = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.lost)", weight: 2.5}) { weight state } }"#
        )
        #expect(answer.data?["updateMarkedForShipmentBox"] == ["weight": 2.5, "state": "MarkedForShipment"])
        #expect(
            try await api.historyChanges("stock", recordId: Fixtures.BoxID.lost) == [
                #"changed weight from "" to 2.50kg"#
            ])
        let wrongState = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", weight: 2.5}) { weight } }"#
        )
        #expect(wrongState.firstCode == "BAD_USER_INPUT")
        let negative = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.lost)", monetaryValue: -1}) { weight } }"#
        )
        #expect(
            negative.errors.first?["extensions"]?["description"] == "Invalid input: negative value for 'monetaryValue'")
        let forbidden = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.lost)", weight: 1}) { weight } }"#,
            as: Fixtures.lesvosReader)
        #expect(forbidden.firstCode == "FORBIDDEN")
        let missing = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "\#(Fixtures.unknownLabel)", weight: 1}) { weight } }"#
        )
        #expect(missing.firstCode == "BAD_USER_INPUT")
    }

    // MARK: - createBoxFromBox

    static let fromBox = """
        mutation($label: String!, $items: Int!, $location: Int!) {
          createBoxFromBox(creationInput: {sourceBoxLabelIdentifier: $label, numberOfItems: $items, locationId: $location}) {
            __typename
            ... on Box { labelIdentifier numberOfItems state location { id } product { id } size { id } }
            ... on InvalidNumberOfItemsError { numberOfItems }
            ... on DeletedBoxError { labelIdentifier }
            ... on DeletedLocationError { name }
            ... on InvalidBoxStateError { state }
            ... on ResourceDoesNotExistError { id name }
            ... on InsufficientPermissionError { name }
            ... on UnauthorizedForBaseError { id }
          } }
        """

    @Test("createBoxFromBox moves items into a new box, recorded as creation and move")
    func createBoxFromBox() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.fromBox,
            variables: [
                "label": Map(Fixtures.BoxLabel.jeans), "items": 4, "location": Map(Fixtures.LocationID.lesvosLost),
            ])
        #expect(
            answer.data?["createBoxFromBox"]
                == [
                    "__typename": "Box", "labelIdentifier": "20000001", "numberOfItems": 4, "state": "Lost",
                    "location": ["id": "2"], "product": ["id": "1"], "size": ["id": "2"],
                ])
        #expect(try await api.scalar("SELECT items FROM stock WHERE id = \(Fixtures.BoxID.jeans)") == "6")
        #expect(try await api.historyChanges("stock", recordId: Fixtures.BoxID.jeans) == ["items"])
        let newId = Int(try await api.scalar("SELECT id FROM stock WHERE box_id = '20000001'") ?? "") ?? 0
        #expect(
            try await api.historyChanges("stock", recordId: newId) == [
                "Record created", "items", "location_id", "box_state_id",
            ])
        #expect(try await api.scalar("SELECT source_box_id FROM stock WHERE id = ?", [.integer(newId)]) == "1")
    }

    static let fromBoxErrorCases:
        [(label: String, items: Int, location: BoxtributeDomain.Location.ID, expected: JSONValue)] = [
            (
                Fixtures.BoxLabel.jeans, 11, Fixtures.LocationID.lesvosLost,
                ["__typename": "InvalidNumberOfItemsError", "numberOfItems": 11]
            ),
            (
                Fixtures.BoxLabel.jeans, -1, Fixtures.LocationID.lesvosLost,
                ["__typename": "InvalidNumberOfItemsError", "numberOfItems": -1]
            ),
            (
                Fixtures.BoxLabel.deleted, 1, Fixtures.LocationID.lesvosLost,
                ["__typename": "DeletedBoxError", "labelIdentifier": "10000004"]
            ),
            (
                Fixtures.BoxLabel.jeans, 1, Fixtures.LocationID.lesvosDeleted,
                ["__typename": "DeletedLocationError", "name": "Old WH Lesvos"]
            ),
            (
                Fixtures.BoxLabel.inTransit, 1, Fixtures.LocationID.lesvosLost,
                ["__typename": "InvalidBoxStateError", "state": "InTransit"]
            ),
            (
                Fixtures.BoxLabel.jeans, 1, .unknown,
                ["__typename": "ResourceDoesNotExistError", "id": "99", "name": "Location"]
            ),
            (
                "00000000", 1, Fixtures.LocationID.lesvosLost,
                ["__typename": "ResourceDoesNotExistError", "id": "00000000", "name": "Box"]
            ),
            (
                Fixtures.BoxLabel.jeans, 1, Fixtures.LocationID.thessalonikiWarehouse,
                ["__typename": "UnauthorizedForBaseError", "id": "3"]
            ),
        ]

    @Test("createBoxFromBox returns user errors as data", arguments: fromBoxErrorCases.indices)
    func createBoxFromBoxErrors(index: Int) async throws {
        let (label, items, location, expected) = Self.fromBoxErrorCases[index]
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.fromBox,
            variables: [
                "label": .string(label), "items": .number(Number(items)),
                "location": .number(Number(location.rawValue)),
            ])
        #expect(answer.data?["createBoxFromBox"] == expected)
        #expect(try await api.count("stock") == 7)
    }

    @Test("createBoxFromBox without stock:write is an InsufficientPermissionError")
    func createBoxFromBoxPermission() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.fromBox,
            variables: [
                "label": Map(Fixtures.BoxLabel.jeans), "items": 1, "location": Map(Fixtures.LocationID.lesvosLost),
            ], as: Fixtures.lesvosReader)
        #expect(
            answer.data?["createBoxFromBox"] == ["__typename": "InsufficientPermissionError", "name": "stock:write"])
    }

    @Test("Reference quirk fixed: createBoxFromBox across bases wrote the new box before failing")
    func createBoxFromBoxAcrossBasesWritesNothing() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.fromBox,
            variables: [
                "label": Map(Fixtures.BoxLabel.jeans), "items": 2, "location": Map(Fixtures.LocationID.samosWarehouse),
            ], as: Fixtures.god)
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "Invalid input: bases of old and new location not matching")
        #expect(try await api.count("stock") == 7)
        #expect(try await api.scalar("SELECT items FROM stock WHERE id = \(Fixtures.BoxID.jeans)") == "10")
        #expect(try await api.count("history") == 7)
    }

    @Test("Reference quirk fixed: createBoxFromBox copies the stored measure value unchanged")
    func createBoxFromBoxKeepsMeasure() async throws {
        let api = try await APIHarness.make()
        try await api.execute("UPDATE stock SET items = 3 WHERE id = \(Fixtures.BoxID.rice)")
        let answer = await api.run(
            #"mutation { createBoxFromBox(creationInput: {sourceBoxLabelIdentifier: "\#(Fixtures.BoxLabel.rice)", numberOfItems: 1, locationId: \#(Fixtures.LocationID.lesvosLost)}) { ... on Box { measureValue displayUnit { symbol } } } }"#
        )
        #expect(answer.data?["createBoxFromBox"] == ["measureValue": 1500, "displayUnit": ["symbol": "g"]])
    }

    // MARK: - createQrCode

    @Test("createQrCode creates a code from the MD5 of its id and puts it on the box")
    func createQrCode() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { createQrCode(boxLabelIdentifier: "\#(Fixtures.BoxLabel.lost)") { code box { ... on Box { labelIdentifier } } } }"#
        )
        #expect(
            answer.data?["createQrCode"]
                == ["code": "e4da3b7fbbce2345d7772b0674a318d5", "box": ["labelIdentifier": "10000003"]])
        #expect(
            try await api.historyChanges("stock", recordId: Fixtures.BoxID.lost) == [
                "New Qr-code assigned by pdf generation."
            ])
        let history = await api.run(#"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.lost)") { history { changes } } }"#)
        #expect(history.data?["box"]?["history"]?[0]?["changes"] == "created QR code label for box")
        let alone = await api.run("mutation { createQrCode { code box { ... on Box { id } } } }")
        #expect(alone.data?["createQrCode"] == ["code": "1679091c5a880faf6fb5e6087eb1b2dc", "box": nil])
    }

    @Test("createQrCode needs qr:create and write access to the box")
    func createQrCodeErrors() async throws {
        let api = try await APIHarness.make()
        #expect(await api.run("mutation { createQrCode { code } }", as: Fixtures.lesvosReader).firstCode == "FORBIDDEN")
        let otherBase = await api.run(
            #"mutation { createQrCode(boxLabelIdentifier: "\#(Fixtures.BoxLabel.thessaloniki)") { code } }"#)
        #expect(otherBase.firstCode == "FORBIDDEN")
        let missing = await api.run(
            #"mutation { createQrCode(boxLabelIdentifier: "\#(Fixtures.unknownLabel)") { code } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        #expect(try await api.count("qr") == 4)
    }
}
