import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import Testing

@Suite("deleteBoxes, moveBoxesToLocation, assignTagsToBoxes, unassignTagsFromBoxes, createBoxes")
struct BulkBoxMutationTests {
    static let boxesResult = """
        __typename
        ... on BoxesResult { updatedBoxes { labelIdentifier } invalidBoxLabelIdentifiers }
        ... on InsufficientPermissionError { name }
        """
    static let moveErrors = """
        ... on UnauthorizedForBaseError { id name organisationName }
        ... on ResourceDoesNotExistError { id name }
        ... on DeletedLocationError { name }
        """
    static let createErrors = """
        ... on UnauthorizedForBaseError { id name organisationName }
        ... on DeletedBaseError { name }
        ... on InvalidBaseError { ids }
        ... on ProductLocationBaseMismatchError { _ }
        """

    // MARK: - deleteBoxes

    @Test("deleteBoxes deletes the boxes in warehouse states of the user's bases and reports the others")
    func deleteBoxes() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { deleteBoxes(labelIdentifiers: ["\#(Fixtures.BoxLabel.lost)", "\#(Fixtures.BoxLabel.jeans)", "\#(Fixtures.BoxLabel.jeans)", "\#(Fixtures.BoxLabel.deleted)", "\#(Fixtures.BoxLabel.inTransit)", "\#(Fixtures.BoxLabel.thessaloniki)", "nope"]) { \#(Self.boxesResult) } }"#
        )
        #expect(
            answer.data?["deleteBoxes"]
                == [
                    "__typename": "BoxesResult",
                    "updatedBoxes": [["labelIdentifier": "10000001"], ["labelIdentifier": "10000003"]],
                    "invalidBoxLabelIdentifiers": ["10000004", "10000006", "30000001", "nope"],
                ])
        #expect(
            try await api.scalar("SELECT deleted FROM stock WHERE id = \(Fixtures.BoxID.jeans)")
                == MutationEnvironment.fixtureNow)
        #expect(try await api.historyChanges("stock", recordId: Fixtures.BoxID.lost) == ["Record deleted"])
        #expect(
            try await api.scalar("SELECT modified FROM stock WHERE id = \(Fixtures.BoxID.jeans)")
                == "2024-02-01 10:00:00")
        let history = await api.run(#"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") { history { changes } } }"#)
        #expect(history.data?["box"]?["history"]?[0]?["changes"] == "deleted box")
    }

    @Test("deleteBoxes without stock:write is an InsufficientPermissionError")
    func deleteBoxesPermission() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { deleteBoxes(labelIdentifiers: ["\#(Fixtures.BoxLabel.jeans)"]) { \#(Self.boxesResult) } }"#,
            as: Fixtures.lesvosReader)
        #expect(answer.data?["deleteBoxes"] == ["__typename": "InsufficientPermissionError", "name": "stock:write"])
        #expect(try await api.count("history") == 7)
    }

    // MARK: - moveBoxesToLocation

    @Test("moveBoxesToLocation moves boxes of the base, sets the location's state and writes history")
    func moveBoxes() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { moveBoxesToLocation(updateInput: {labelIdentifiers: ["\#(Fixtures.BoxLabel.jeans)", "\#(Fixtures.BoxLabel.rice)", "\#(Fixtures.BoxLabel.lost)", "\#(Fixtures.BoxLabel.samos)", "\#(Fixtures.BoxLabel.deleted)"], locationId: \#(Fixtures.LocationID.lesvosLost)}) { \#(Self.boxesResult) \#(Self.moveErrors) } }"#
        )
        #expect(
            answer.data?["moveBoxesToLocation"]
                == [
                    "__typename": "BoxesResult",
                    "updatedBoxes": [["labelIdentifier": "10000001"], ["labelIdentifier": "10000002"]],
                    "invalidBoxLabelIdentifiers": ["10000003", "10000004", "10000007"],
                ])
        #expect(
            try await api.rows(
                "SELECT location_id, box_state_id, modified FROM stock WHERE id IN (\(Fixtures.BoxID.jeans), \(Fixtures.BoxID.rice)) ORDER BY id"
            )
                == [
                    ["2", "2", MutationEnvironment.fixtureNow], ["2", "2", MutationEnvironment.fixtureNow],
                ])
        #expect(
            try await api.historyChanges("stock", recordId: Fixtures.BoxID.jeans) == ["location_id", "box_state_id"])
        let history = await api.run(#"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") { history { changes } } }"#)
        #expect(
            history.data?["box"]?["history"]?.array?.prefix(2).compactMap { $0["changes"]?.string }
                == ["changed box state from Instock to Lost", "changed box location from WH Lesvos to Lost Lesvos"])
    }

    static let moveErrorCases: [(Int, JSONValue)] = [
        (99, ["__typename": "ResourceDoesNotExistError", "id": "99", "name": "Location"]),
        (3, ["__typename": "DeletedLocationError", "name": "Old WH Lesvos"]),
        (
            5,
            [
                "__typename": "UnauthorizedForBaseError", "id": "3", "name": "Thessaloniki",
                "organisationName": "Aid Org B",
            ]
        ),
    ]

    @Test("moveBoxesToLocation returns user errors as data", arguments: moveErrorCases)
    func moveBoxesErrors(location: Int, expected: JSONValue) async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            "mutation { moveBoxesToLocation(updateInput: {labelIdentifiers: [\"\(Fixtures.BoxLabel.jeans)\"], locationId: \(location)}) { \(Self.boxesResult) \(Self.moveErrors) } }"
        )
        #expect(answer.data?["moveBoxesToLocation"] == expected)
        #expect(try await api.scalar("SELECT location_id FROM stock WHERE id = \(Fixtures.BoxID.jeans)") == "1")
    }

    @Test("moveBoxesToLocation without stock:write is an InsufficientPermissionError")
    func moveBoxesPermission() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { moveBoxesToLocation(updateInput: {labelIdentifiers: ["\#(Fixtures.BoxLabel.jeans)"], locationId: \#(Fixtures.LocationID.lesvosLost)}) { \#(Self.boxesResult) \#(Self.moveErrors) } }"#,
            as: Fixtures.lesvosReader)
        #expect(
            answer.data?["moveBoxesToLocation"] == ["__typename": "InsufficientPermissionError", "name": "stock:write"])
    }

    // MARK: - assignTagsToBoxes / unassignTagsFromBoxes

    static let tagsResult = """
        updatedBoxes { labelIdentifier tags { id } } invalidBoxLabelIdentifiers
        tagErrorInfo { id error { __typename ... on ResourceDoesNotExistError { id name } ... on DeletedTagError { name }
          ... on TagTypeMismatchError { expectedType } ... on UnauthorizedForBaseError { id } ... on InsufficientPermissionError { name } } }
        """

    @Test("assignTagsToBoxes adds the usable tags to boxes that lack one and reports every unusable tag")
    func assignTags() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { assignTagsToBoxes(updateInput: {labelIdentifiers: ["\#(Fixtures.BoxLabel.jeans)", "\#(Fixtures.BoxLabel.rice)", "\#(Fixtures.BoxLabel.lost)", "\#(Fixtures.BoxLabel.deleted)", "\#(Fixtures.BoxLabel.thessaloniki)"], tagIds: [\#(Fixtures.TagID.winter), \#(Fixtures.TagID.urgent), \#(Fixtures.TagID.family), \#(Fixtures.TagID.deleted), \#(Fixtures.unknownID)]}) { \#(Self.tagsResult) } }"#
        )
        #expect(
            answer.data?["assignTagsToBoxes"]
                == [
                    "updatedBoxes": [
                        ["labelIdentifier": "10000001", "tags": [["id": "1"], ["id": "3"]]],
                        ["labelIdentifier": "10000003", "tags": [["id": "1"], ["id": "3"]]],
                    ],
                    "invalidBoxLabelIdentifiers": ["10000002", "10000004", "30000001"],
                    "tagErrorInfo": [
                        ["id": "2", "error": ["__typename": "TagTypeMismatchError", "expectedType": "Box"]],
                        ["id": "4", "error": ["__typename": "DeletedTagError", "name": "Old"]],
                        ["id": "99", "error": ["__typename": "ResourceDoesNotExistError", "id": "99", "name": "Tag"]],
                    ],
                ])
        #expect(
            try await api.scalar("SELECT modified FROM stock WHERE id = \(Fixtures.BoxID.lost)")
                == MutationEnvironment.fixtureNow)
        #expect(
            try await api.scalar("SELECT modified FROM stock WHERE id = \(Fixtures.BoxID.rice)")
                == "2024-03-01 10:00:00")
    }

    @Test("assignTagsToBoxes with tags of two bases uses none of them")
    func assignTagsOfTwoBases() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { assignTagsToBoxes(updateInput: {labelIdentifiers: ["\#(Fixtures.BoxLabel.lost)"], tagIds: [\#(Fixtures.TagID.winter), \#(Fixtures.TagID.thessaloniki)]}) { updatedBoxes { id } invalidBoxLabelIdentifiers tagErrorInfo { id error { __typename } } } }"#,
            as: Fixtures.god)
        #expect(
            answer.data?["assignTagsToBoxes"]
                == [
                    "updatedBoxes": [], "invalidBoxLabelIdentifiers": [],
                    "tagErrorInfo": [
                        ["id": "1", "error": ["__typename": "TagBaseMismatchError"]],
                        ["id": "5", "error": ["__typename": "TagBaseMismatchError"]],
                    ],
                ])
        #expect(try await api.count("tags_relations WHERE object_type = 'Stock'") == 6)
    }

    @Test("assignTagsToBoxes reports tags of bases without permission")
    func assignTagsPermission() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { assignTagsToBoxes(updateInput: {labelIdentifiers: ["\#(Fixtures.BoxLabel.lost)"], tagIds: [\#(Fixtures.TagID.thessaloniki)]}) { \#(Self.tagsResult) } }"#
        )
        #expect(
            answer.data?["assignTagsToBoxes"]?["tagErrorInfo"]
                == [["id": "5", "error": ["__typename": "UnauthorizedForBaseError", "id": "3"]]])
        let reader = await api.run(
            #"mutation { assignTagsToBoxes(updateInput: {labelIdentifiers: ["\#(Fixtures.BoxLabel.lost)"], tagIds: [\#(Fixtures.TagID.winter)]}) { \#(Self.tagsResult) } }"#,
            as: Fixtures.lesvosReader)
        #expect(
            reader.data?["assignTagsToBoxes"]?["tagErrorInfo"]
                == [
                    ["id": "1", "error": ["__typename": "InsufficientPermissionError", "name": "tag_relation:assign"]]
                ])
        #expect(try await api.count("tags_relations WHERE object_type = 'Stock'") == 6)
    }

    @Test("unassignTagsFromBoxes removes the tags from boxes that carry one")
    func unassignTags() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { unassignTagsFromBoxes(updateInput: {labelIdentifiers: ["\#(Fixtures.BoxLabel.jeans)", "\#(Fixtures.BoxLabel.rice)", "\#(Fixtures.BoxLabel.lost)"], tagIds: [\#(Fixtures.TagID.winter), \#(Fixtures.TagID.deleted)]}) { \#(Self.tagsResult) } }"#
        )
        #expect(
            answer.data?["unassignTagsFromBoxes"]
                == [
                    "updatedBoxes": [
                        ["labelIdentifier": "10000001", "tags": []],
                        ["labelIdentifier": "10000002", "tags": [["id": "3"]]],
                    ],
                    "invalidBoxLabelIdentifiers": ["10000003"], "tagErrorInfo": [],
                ])
        #expect(
            try await api.rows(
                "SELECT id FROM tags_relations WHERE deleted_on = ? ORDER BY id",
                [.text(MutationEnvironment.fixtureNow)])
                == [["1"], ["3"], ["4"]])
        let history = await api.run(#"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.rice)") { history { changes } } }"#)
        #expect(history.data?["box"]?["history"]?[0]?["changes"] == "removed tag 'Winter' from box")
    }

    // MARK: - createBoxes

    @Test("createBoxes creates boxes, reads sizes and measures from text, merges items into existing boxes")
    func createBoxes() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            mutation { createBoxes(creationInput: [
              {productId: \#(Fixtures.ProductID.jeans), sizeName: "m", numberOfItems: 5, locationId: \#(Fixtures.LocationID.lesvosWarehouse), tagIds: [\#(Fixtures.TagID.winter)], newTagNames: ["Import"]},
              {productId: \#(Fixtures.ProductID.jeans), sizeName: "XXL", locationId: \#(Fixtures.LocationID.lesvosLost), comment: "from sheet", newTagNames: ["Import"]},
              {productId: \#(Fixtures.ProductID.rice), sizeName: " 2.5 KG", numberOfItems: 1, locationId: \#(Fixtures.LocationID.lesvosWarehouse)},
              {productId: \#(Fixtures.ProductID.rice), sizeName: "a lot", locationId: \#(Fixtures.LocationID.lesvosWarehouse)},
              {productId: \#(Fixtures.ProductID.jeans), sizeName: "", numberOfItems: 3, locationId: \#(Fixtures.LocationID.lesvosWarehouse), boxLabelIdentifierForMerge: "\#(Fixtures.BoxLabel.lost)"},
              {productId: \#(Fixtures.ProductID.jeans), sizeName: "", numberOfItems: 2, locationId: \#(Fixtures.LocationID.lesvosWarehouse), boxLabelIdentifierForMerge: "\#(Fixtures.BoxLabel.lost)"},
              {productId: \#(Fixtures.ProductID.jeans), sizeName: "", numberOfItems: 1, locationId: \#(Fixtures.LocationID.lesvosWarehouse), boxLabelIdentifierForMerge: "\#(Fixtures.BoxLabel.deleted)"}
            ]) { ... on BoxesResult { invalidBoxLabelIdentifiers updatedBoxes {
              labelIdentifier numberOfItems state size { label } measureValue displayUnit { symbol } comment tags { name } } } } }
            """#)
        let result = answer.data?["createBoxes"]
        #expect(result?["invalidBoxLabelIdentifiers"] == ["10000004"])
        #expect(
            result?["updatedBoxes"]
                == [
                    [
                        "labelIdentifier": "20000001", "numberOfItems": 5, "state": "InStock", "size": ["label": "M"],
                        "measureValue": nil, "displayUnit": nil, "comment": "",
                        "tags": [["name": "Winter"], ["name": "Import"]],
                    ],
                    [
                        "labelIdentifier": "20000002", "numberOfItems": 0, "state": "InStock", "size": nil,
                        "measureValue": nil,
                        "displayUnit": nil, "comment": "from sheet; original size: 'xxl'", "tags": [["name": "Import"]],
                    ],
                    [
                        "labelIdentifier": "20000003", "numberOfItems": 1, "state": "InStock", "size": nil,
                        "measureValue": 2.5,
                        "displayUnit": ["symbol": "kg"], "comment": "", "tags": [],
                    ],
                    [
                        "labelIdentifier": "20000004", "numberOfItems": 0, "state": "InStock", "size": nil,
                        "measureValue": nil,
                        "displayUnit": nil, "comment": "original size: 'a lot'", "tags": [],
                    ],
                    [
                        "labelIdentifier": "10000003", "numberOfItems": 10, "state": "Lost", "size": ["label": "S"],
                        "measureValue": nil, "displayUnit": nil, "comment": nil, "tags": [],
                    ],
                    [
                        "labelIdentifier": "10000003", "numberOfItems": 10, "state": "Lost", "size": ["label": "S"],
                        "measureValue": nil, "displayUnit": nil, "comment": nil, "tags": [],
                    ],
                ])
        #expect(try await api.historyChanges("stock", recordId: Fixtures.BoxID.lost) == ["items"])
        #expect(
            try await api.rows(
                "SELECT from_int, to_int FROM history WHERE record_id = \(Fixtures.BoxID.lost) AND changes = 'items'")
                == [
                    ["5", "10"]
                ])
        #expect(try await api.count("tags WHERE label = 'Import'") == 1)
    }

    static let createErrorCases: [(String, JSONValue)] = [
        (
            #"[{productId: \#(Fixtures.ProductID.jeans), sizeName: "M", locationId: \#(Fixtures.LocationID.lesvosWarehouse)}, {productId: \#(Fixtures.ProductID.blanket), sizeName: "M", locationId: \#(Fixtures.LocationID.thessalonikiWarehouse)}]"#,
            ["__typename": "InvalidBaseError", "ids": [1, 3]]
        ),
        (
            #"[{productId: \#(Fixtures.ProductID.jeans), sizeName: "M", locationId: \#(Fixtures.unknownID)}]"#,
            ["__typename": "InvalidBaseError", "ids": []]
        ),
        (
            #"[{productId: \#(Fixtures.ProductID.blanket), sizeName: "M", locationId: \#(Fixtures.LocationID.lesvosWarehouse)}]"#,
            ["__typename": "ProductLocationBaseMismatchError", "_": nil]
        ),
        (
            #"[{productId: \#(Fixtures.ProductID.jeans), sizeName: "M", locationId: \#(Fixtures.LocationID.thessalonikiWarehouse)}]"#,
            [
                "__typename": "UnauthorizedForBaseError", "id": "3", "name": "Thessaloniki",
                "organisationName": "Aid Org B",
            ]
        ),
        ("[]", ["__typename": "BoxesResult", "updatedBoxes": [], "invalidBoxLabelIdentifiers": []]),
    ]

    @Test("createBoxes returns user errors as data", arguments: createErrorCases)
    func createBoxesErrors(input: String, expected: JSONValue) async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            "mutation { createBoxes(creationInput: \(input)) { \(Self.boxesResult) \(Self.createErrors) } }")
        #expect(answer.data?["createBoxes"] == expected)
        #expect(try await api.count("stock") == 7)
    }

    @Test("Reference quirk fixed: createBoxes kept the new tags when a later insert failed")
    func createBoxesIsAllOrNothing() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { createBoxes(creationInput: [{productId: \#(Fixtures.ProductID.jeans), sizeName: "M", locationId: \#(Fixtures.LocationID.lesvosWarehouse), newTagNames: ["Ghost"]}, {productId: \#(Fixtures.ProductID.jeans), sizeName: "M", locationId: \#(Fixtures.LocationID.lesvosWarehouse), tagIds: [\#(Fixtures.anotherUnknownID)]}]) { __typename } }"#
        )
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(try await api.count("tags") == 5)
        #expect(try await api.count("stock") == 7)
        #expect(try await api.count("history") == 7)
    }

    @Test("createBoxes in a deleted base is a DeletedBaseError")
    func createBoxesDeletedBase() async throws {
        let api = try await APIHarness.make()
        try await api.execute(
            "INSERT INTO locations (id, label, camp_id, type, seq, box_state_id) VALUES (9, 'Closed WH', \(Fixtures.BaseID.closed), 'Warehouse', 1, 1)"
        )
        let answer = await api.run(
            #"mutation { createBoxes(creationInput: [{productId: \#(Fixtures.ProductID.jeans), sizeName: "M", locationId: 9}]) { \#(Self.boxesResult) \#(Self.createErrors) } }"#,
            as: Fixtures.god)
        #expect(answer.data?["createBoxes"] == ["__typename": "DeletedBaseError", "name": "Closed camp"])
    }
}
