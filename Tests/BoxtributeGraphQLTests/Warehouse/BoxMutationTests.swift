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
                    "productId": 1, "sizeId": 2, "locationId": 1, "numberOfItems": 12, "comment": "Donated by school",
                    "tagIds": [1, 1, 999], "newTagNames": ["Fragile", "Fragile"],
                    "qrCode": "a87ff679a2f3e71d9181a67b7542122c",
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
            Self.createJeans, variables: ["input": ["productId": 1, "sizeId": 1, "locationId": 2]])
        #expect(lost.data?["createBox"]?["state"] == "Lost")
        #expect(lost.data?["createBox"]?["comment"] == "")
        let rice = await api.run(
            #"mutation { createBox(creationInput: {productId: 2, locationId: 1, displayUnitId: 4, measureValue: 500}) { labelIdentifier measureValue displayUnit { symbol } size { id } } }"#
        )
        #expect(
            rice.data?["createBox"]
                == ["labelIdentifier": "20000002", "measureValue": 500, "displayUnit": ["symbol": "g"], "size": nil])
        #expect(try await api.scalar("SELECT measure_value FROM stock WHERE box_id = '20000002'") == "0.5")
    }

    @Test("createBox needs stock:write for the location's base")
    func createBoxPermission() async throws {
        let api = try await APIHarness.make()
        let input: Map = ["productId": 1, "sizeId": 1, "locationId": 1]
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
                #"{productId: 1, sizeId: 1, locationId: 1, numberOfItems: -1}"#,
                "Invalid input: negative value for 'numberOfItems'"
            ),
            (#"{productId: 1, sizeId: 1, locationId: 1, weight: -1}"#, "Invalid input: negative value for 'weight'"),
            (
                #"{productId: 1, sizeId: 1, locationId: 1, monetaryValue: -2}"#,
                "Invalid input: negative value for 'monetaryValue'"
            ),
            (
                #"{productId: 1, locationId: 1}"#,
                "Invalid input: either 'sizeId' or 'displayUnitId'+'measureValue' required"
            ),
            (
                #"{productId: 1, sizeId: 1, locationId: 1, displayUnitId: 1, measureValue: 2}"#,
                "Invalid input: either 'sizeId' or 'displayUnitId'+'measureValue' required"
            ),
            (
                #"{productId: 2, locationId: 1, displayUnitId: 2, measureValue: 2}"#,
                "Invalid input: dimensions of 'displayUnit' and 'product' not matching"
            ),
            (
                #"{productId: 2, locationId: 1, displayUnitId: 1, measureValue: -2}"#,
                "Invalid input: negative value for 'measureValue'"
            ),
            (
                #"{productId: 1, sizeId: 1, locationId: 1, tagIds: [5]}"#,
                "Invalid input: bases of 'location' and 'tag' not matching"
            ),
            (
                #"{productId: 1, sizeId: 1, locationId: 1, qrCode: "c4ca4238a0b923820dcc509a6f75849b"}"#,
                "The QR code is already assigned to another box."
            ),
            (
                #"{productId: 1, sizeId: 1, locationId: 1, qrCode: "nope"}"#,
                "The requested resource does not exist in the database."
            ),
            (#"{productId: 99, sizeId: 1, locationId: 1}"#, "The requested resource does not exist in the database."),
            (#"{productId: 1, sizeId: 1, locationId: 99}"#, "The requested resource does not exist in the database."),
            (#"{productId: 1, sizeId: 99, locationId: 1}"#, "The requested resource does not exist in the database."),
            (
                #"{productId: 5, sizeId: 1, locationId: 1}"#,
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
            #"mutation { createBox(creationInput: {productId: 1, sizeId: 1, locationId: 3}) { id } }"#)
        #expect(
            deletedLocation.errors.first?["extensions"]?["description"]
                == "Location 'Old WH Lesvos' is deleted and cannot hold boxes")
        for tag in [4, 2] {
            let answer = await api.run(
                "mutation { createBox(creationInput: {productId: 1, sizeId: 1, locationId: 1, tagIds: [\(tag)]}) { id } }"
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
            #"mutation { createBox(creationInput: {productId: 1, sizeId: 1, locationId: 1}) { labelIdentifier } }"#)
        #expect(answer.data?["createBox"]?["labelIdentifier"] == "55555555")
        api.environment = .fixed(labels: Array(repeating: "10000001", count: 10) + ["66666666"])
        let failed = await api.run(
            #"mutation { createBox(creationInput: {productId: 1, sizeId: 1, locationId: 1}) { labelIdentifier } }"#)
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
                        #"mutation { createBox(creationInput: {productId: 1, sizeId: 1, locationId: 1}) { labelIdentifier } }"#
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
            mutation { updateBox(updateInput: {labelIdentifier: "10000001", comment: "Cold", numberOfItems: 9,
              locationId: 2, sizeId: 3, weight: 10.114, monetaryValue: 99.9}) {
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
            try await api.historyChanges("stock", recordId: 1) == [
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
            #"mutation { updateBox(updateInput: {labelIdentifier: "10000001", comment: "Warm", locationId: 1, tagIds: [1, 4]}) { lastModifiedOn } }"#
        )
        #expect(answer.data?["updateBox"]?["lastModifiedOn"] == "2024-02-01T10:00:00+00:00")
        #expect(try await api.historyChanges("stock", recordId: 1).isEmpty)
    }

    @Test("updateBox tagIds sets the box's tags; the history shows the assignments and removals")
    func updateBoxTags() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "10000001", tagIds: [3], newTagNames: ["Heavy"]}) { tags { name } lastModifiedOn history { changes } } }"#
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
            #"mutation { updateBox(updateInput: {labelIdentifier: "10000001", tagIds: []}) { tags { name } } }"#)
        #expect(cleared.data?["updateBox"]?["tags"] == [])
    }

    @Test(
        "updateBox rejects bad input with the reference's message",
        arguments: [
            (
                #"{labelIdentifier: "10000004", comment: "x"}"#,
                "Box with label identifier '10000004' is deleted and cannot be updated"
            ),
            (
                #"{labelIdentifier: "10000006", comment: "x"}"#,
                "Box with label identifier '10000006' is in state 'InTransit' and cannot be updated. Only boxes in states InStock, Donated, Scrap, or Lost can be updated"
            ),
            (
                #"{labelIdentifier: "10000001", locationId: 4}"#,
                "Invalid input: bases of old and new location not matching"
            ),
            (
                #"{labelIdentifier: "10000001", productId: 4}"#,
                "Invalid input: bases of 'location' and 'product' not matching"
            ),
            (#"{labelIdentifier: "10000001", weight: -3}"#, "Invalid input: negative value for 'weight'"),
            (#"{labelIdentifier: "10000001", numberOfItems: -3}"#, "Invalid input: negative value for 'numberOfItems'"),
            (#"{labelIdentifier: "10000002", sizeId: 1}"#, "Input field 'sizeId' must be None"),
            (#"{labelIdentifier: "10000001", measureValue: 1}"#, "Input field 'measureValue' must be None"),
            (#"{labelIdentifier: "10000001", displayUnitId: 1}"#, "Input field 'displayUnitId' must be None"),
            (#"{labelIdentifier: "10000001", productId: 2}"#, "Input field 'measureValue' missing"),
            (#"{labelIdentifier: "10000001", productId: 2, measureValue: 3}"#, "Input field 'displayUnitId' missing"),
            (#"{labelIdentifier: "10000002", productId: 1}"#, "Input field 'sizeId' missing"),
            (
                #"{labelIdentifier: "10000002", displayUnitId: 2}"#,
                "Invalid input: dimensions of 'displayUnit' and 'product' not matching"
            ),
            (#"{labelIdentifier: "10000002", measureValue: -1}"#, "Invalid input: negative value for 'measureValue'"),
            (#"{labelIdentifier: "10000001", tagIds: [1, 5]}"#, "Invalid input: bases of tags not matching"),
            (
                #"{labelIdentifier: "10000001", tagIds: [5]}"#,
                "Invalid input: bases of 'location' and 'tag' not matching"
            ),
            (#"{labelIdentifier: "99999999"}"#, "The requested resource does not exist in the database."),
            (
                #"{labelIdentifier: "10000001", locationId: 99}"#,
                "The requested resource does not exist in the database."
            ),
            (
                #"{labelIdentifier: "10000001", productId: 99}"#,
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
            #"mutation { updateBox(updateInput: {labelIdentifier: "10000001", productId: 2, measureValue: 2, displayUnitId: 1}) { size { id } measureValue displayUnit { symbol } } }"#
        )
        #expect(toMeasure.data?["updateBox"] == ["size": nil, "measureValue": 2, "displayUnit": ["symbol": "kg"]])
        let toSize = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "10000002", productId: 1, sizeId: 1}) { size { label } measureValue displayUnit { symbol } } }"#
        )
        #expect(toSize.data?["updateBox"] == ["size": ["label": "S"], "measureValue": nil, "displayUnit": nil])
        #expect(
            try await api.historyChanges("stock", recordId: 2) == [
                "product_id", "size_id", "display_unit_id", "changed units of measure from 1500.00g to \"\"",
            ])
    }

    @Test("updateBox needs stock:write for the box's base")
    func updateBoxPermission() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "10000001", comment: "x"}) { id } }"#,
            as: Fixtures.lesvosReader)
        #expect(answer.firstCode == "FORBIDDEN")
        #expect(try await api.scalar("SELECT comments FROM stock WHERE id = 1") == "Warm")
    }

    @Test("Reference quirk fixed: updateBox put boxes into shipment states and deleted locations")
    func updateBoxRejectsShipmentStatesAndDeletedLocations() async throws {
        let api = try await APIHarness.make()
        let state = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "10000001", state: InTransit}) { id } }"#)
        #expect(
            state.errors.first?["extensions"]?["description"]
                == "Invalid input: boxes cannot be set to state 'InTransit' directly")
        let location = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "10000001", locationId: 3}) { id } }"#)
        #expect(location.firstCode == "BAD_USER_INPUT")
        let scrap = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "10000001", state: Scrap}) { state } }"#)
        #expect(scrap.data?["updateBox"]?["state"] == "Scrap")
    }

    // MARK: - updateMarkedForShipmentBox

    @Test("updateMarkedForShipmentBox changes weight and value of boxes marked for shipment only")
    func updateMarkedForShipmentBox() async throws {
        let api = try await APIHarness.make()
        _ = try await api.database.transaction {
            try await $0.execute("UPDATE stock SET box_state_id = 3 WHERE id = 3", [])
        }
        let answer = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "10000003", weight: 2.5}) { weight state } }"#
        )
        #expect(answer.data?["updateMarkedForShipmentBox"] == ["weight": 2.5, "state": "MarkedForShipment"])
        #expect(try await api.historyChanges("stock", recordId: 3) == [#"changed weight from "" to 2.50kg"#])
        let wrongState = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "10000001", weight: 2.5}) { weight } }"#
        )
        #expect(wrongState.firstCode == "BAD_USER_INPUT")
        let negative = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "10000003", monetaryValue: -1}) { weight } }"#
        )
        #expect(
            negative.errors.first?["extensions"]?["description"] == "Invalid input: negative value for 'monetaryValue'")
        let forbidden = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "10000003", weight: 1}) { weight } }"#,
            as: Fixtures.lesvosReader)
        #expect(forbidden.firstCode == "FORBIDDEN")
        let missing = await api.run(
            #"mutation { updateMarkedForShipmentBox(updateInput: {labelIdentifier: "00000000", weight: 1}) { weight } }"#
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
        let answer = await api.run(Self.fromBox, variables: ["label": "10000001", "items": 4, "location": 2])
        #expect(
            answer.data?["createBoxFromBox"]
                == [
                    "__typename": "Box", "labelIdentifier": "20000001", "numberOfItems": 4, "state": "Lost",
                    "location": ["id": "2"], "product": ["id": "1"], "size": ["id": "2"],
                ])
        #expect(try await api.scalar("SELECT items FROM stock WHERE id = 1") == "6")
        #expect(try await api.historyChanges("stock", recordId: 1) == ["items"])
        let newId = Int(try await api.scalar("SELECT id FROM stock WHERE box_id = '20000001'") ?? "") ?? 0
        #expect(
            try await api.historyChanges("stock", recordId: newId) == [
                "Record created", "items", "location_id", "box_state_id",
            ])
        #expect(try await api.scalar("SELECT source_box_id FROM stock WHERE id = ?", [.integer(newId)]) == "1")
    }

    static let fromBoxErrorCases: [(label: String, items: Int, location: Int, expected: JSONValue)] = [
        ("10000001", 11, 2, ["__typename": "InvalidNumberOfItemsError", "numberOfItems": 11]),
        ("10000001", -1, 2, ["__typename": "InvalidNumberOfItemsError", "numberOfItems": -1]),
        ("10000004", 1, 2, ["__typename": "DeletedBoxError", "labelIdentifier": "10000004"]),
        ("10000001", 1, 3, ["__typename": "DeletedLocationError", "name": "Old WH Lesvos"]),
        ("10000006", 1, 2, ["__typename": "InvalidBoxStateError", "state": "InTransit"]),
        ("10000001", 1, 99, ["__typename": "ResourceDoesNotExistError", "id": "99", "name": "Location"]),
        ("00000000", 1, 2, ["__typename": "ResourceDoesNotExistError", "id": "00000000", "name": "Box"]),
        ("10000001", 1, 5, ["__typename": "UnauthorizedForBaseError", "id": "3"]),
    ]

    @Test("createBoxFromBox returns user errors as data", arguments: fromBoxErrorCases.indices)
    func createBoxFromBoxErrors(index: Int) async throws {
        let (label, items, location, expected) = Self.fromBoxErrorCases[index]
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.fromBox,
            variables: [
                "label": .string(label), "items": .number(Number(items)), "location": .number(Number(location)),
            ])
        #expect(answer.data?["createBoxFromBox"] == expected)
        #expect(try await api.count("stock") == 7)
    }

    @Test("createBoxFromBox without stock:write is an InsufficientPermissionError")
    func createBoxFromBoxPermission() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.fromBox, variables: ["label": "10000001", "items": 1, "location": 2], as: Fixtures.lesvosReader)
        #expect(
            answer.data?["createBoxFromBox"] == ["__typename": "InsufficientPermissionError", "name": "stock:write"])
    }

    @Test("Reference quirk fixed: createBoxFromBox across bases wrote the new box before failing")
    func createBoxFromBoxAcrossBasesWritesNothing() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.fromBox, variables: ["label": "10000001", "items": 2, "location": 4], as: Fixtures.god)
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "Invalid input: bases of old and new location not matching")
        #expect(try await api.count("stock") == 7)
        #expect(try await api.scalar("SELECT items FROM stock WHERE id = 1") == "10")
        #expect(try await api.count("history") == 7)
    }

    @Test("Reference quirk fixed: createBoxFromBox copies the stored measure value unchanged")
    func createBoxFromBoxKeepsMeasure() async throws {
        let api = try await APIHarness.make()
        _ = try await api.database.transaction { try await $0.execute("UPDATE stock SET items = 3 WHERE id = 2", []) }
        let answer = await api.run(
            #"mutation { createBoxFromBox(creationInput: {sourceBoxLabelIdentifier: "10000002", numberOfItems: 1, locationId: 2}) { ... on Box { measureValue displayUnit { symbol } } } }"#
        )
        #expect(answer.data?["createBoxFromBox"] == ["measureValue": 1500, "displayUnit": ["symbol": "g"]])
    }

    // MARK: - createQrCode

    @Test("createQrCode creates a code from the MD5 of its id and puts it on the box")
    func createQrCode() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { createQrCode(boxLabelIdentifier: "10000003") { code box { ... on Box { labelIdentifier } } } }"#
        )
        #expect(
            answer.data?["createQrCode"]
                == ["code": "e4da3b7fbbce2345d7772b0674a318d5", "box": ["labelIdentifier": "10000003"]])
        #expect(try await api.historyChanges("stock", recordId: 3) == ["New Qr-code assigned by pdf generation."])
        let history = await api.run(#"{ box(labelIdentifier: "10000003") { history { changes } } }"#)
        #expect(history.data?["box"]?["history"]?[0]?["changes"] == "created QR code label for box")
        let alone = await api.run("mutation { createQrCode { code box { ... on Box { id } } } }")
        #expect(alone.data?["createQrCode"] == ["code": "1679091c5a880faf6fb5e6087eb1b2dc", "box": nil])
    }

    @Test("createQrCode needs qr:create and write access to the box")
    func createQrCodeErrors() async throws {
        let api = try await APIHarness.make()
        #expect(await api.run("mutation { createQrCode { code } }", as: Fixtures.lesvosReader).firstCode == "FORBIDDEN")
        let otherBase = await api.run(
            #"mutation { createQrCode(boxLabelIdentifier: "30000001") { code } }"#)
        #expect(otherBase.firstCode == "FORBIDDEN")
        let missing = await api.run(#"mutation { createQrCode(boxLabelIdentifier: "00000000") { code } }"#)
        #expect(missing.firstCode == "BAD_USER_INPUT")
        #expect(try await api.count("qr") == 4)
    }
}
