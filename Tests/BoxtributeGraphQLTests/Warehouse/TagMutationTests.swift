import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@Suite("createTag, updateTag, deleteTag, deleteTags, assignTag, unassignTag")
struct TagMutationTests {
    static let tagResult = """
        __typename
        ... on Tag { id name description color type base { id } createdOn deletedOn }
        ... on InsufficientPermissionError { name }
        ... on UnauthorizedForBaseError { id }
        """

    @Test("createTag creates a tag with a creation record")
    func createTag() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            ##"mutation { createTag(creationInput: {name: "Kids", color: "#0F0", type: All, baseId: \##(Fixtures.BaseID.lesvos)}) { \##(Self.tagResult) } }"##
        )
        #expect(
            answer.data?["createTag"]
                == [
                    "__typename": "Tag", "id": "6", "name": "Kids", "description": "", "color": "#0F0", "type": "All",
                    "base": ["id": "1"], "createdOn": "2025-06-01T12:00:00+00:00", "deletedOn": nil,
                ])
        #expect(try await api.historyChanges("tags", recordId: 6) == ["Record created"])
    }

    @Test("createTag returns invalid colours and missing permissions as data")
    func createTagErrors() async throws {
        let api = try await APIHarness.make()
        let color = await api.run(
            #"mutation { createTag(creationInput: {name: "Kids", color: "green", type: All, baseId: \#(Fixtures.BaseID.lesvos)}) { ... on InvalidColorError { color } } }"#
        )
        #expect(color.data?["createTag"] == ["color": "green"])
        let otherBase = await api.run(
            ##"mutation { createTag(creationInput: {name: "Kids", color: "#000", type: All, baseId: \##(Fixtures.BaseID.thessaloniki)}) { \##(Self.tagResult) } }"##
        )
        #expect(otherBase.data?["createTag"] == ["__typename": "UnauthorizedForBaseError", "id": "3"])
        let reader = await api.run(
            ##"mutation { createTag(creationInput: {name: "Kids", color: "#000", type: All, baseId: \##(Fixtures.BaseID.lesvos)}) { \##(Self.tagResult) } }"##,
            as: Fixtures.lesvosReader)
        #expect(reader.data?["createTag"] == ["__typename": "InsufficientPermissionError", "name": "tag:write"])
        #expect(try await api.count("tags") == 5)
    }

    @Test("updateTag changes fields with history; a new type ends assignments to excluded resources")
    func updateTag() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            ##"mutation { updateTag(updateInput: {id: \##(Fixtures.TagID.urgent), name: "Very urgent", color: "#ff0001", type: Box}) { ... on Tag { name color type lastModifiedOn } } }"##
        )
        #expect(
            answer.data?["updateTag"]
                == [
                    "name": "Very urgent", "color": "#ff0001", "type": "Box",
                    "lastModifiedOn": "2025-06-01T12:00:00+00:00",
                ])
        #expect(
            try await api.historyChanges("tags", recordId: Fixtures.TagID.urgent) == [
                #"label changed from "Urgent" to "Very urgent";"#, ##"color changed from "#ff0000" to "#ff0001";"##,
                #"type changed from "All" to "Stock";"#,
            ])
        #expect(
            try await api.count(
                "tags_relations WHERE tag_id = \(Fixtures.TagID.urgent) AND object_type = 'People' AND deleted_on IS NULL"
            )
                == 0)
        #expect(
            try await api.count(
                "tags_relations WHERE tag_id = \(Fixtures.TagID.urgent) AND object_type = 'Stock' AND deleted_on IS NULL"
            ) == 1
        )
    }

    @Test(
        "updateTag returns user errors as data",
        arguments: [
            (
                #"{id: \#(Fixtures.unknownID), name: "x"}"#,
                ["__typename": "ResourceDoesNotExistError", "id": "99", "name": "Tag"] as JSONValue
            ),
            (#"{id: \#(Fixtures.TagID.deleted), name: "x"}"#, ["__typename": "DeletedTagError", "name": "Old"]),
            (#"{id: \#(Fixtures.TagID.winter), name: ""}"#, ["__typename": "EmptyNameError", "_": nil]),
            (
                ##"{id: \##(Fixtures.TagID.winter), color: "#12"}"##,
                ["__typename": "InvalidColorError", "color": "#12"]
            ),
            (
                #"{id: \#(Fixtures.TagID.thessaloniki), name: "x"}"#,
                ["__typename": "UnauthorizedForBaseError", "id": "3"]
            ),
        ] as [(String, JSONValue)])
    func updateTagErrors(input: String, expected: JSONValue) async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            """
            mutation { updateTag(updateInput: \(input)) { __typename ... on ResourceDoesNotExistError { id name }
              ... on DeletedTagError { name } ... on EmptyNameError { _ } ... on InvalidColorError { color }
              ... on UnauthorizedForBaseError { id } } }
            """)
        #expect(answer.data?["updateTag"] == expected)
        #expect(try await api.count("history") == 7)
    }

    @Test("deleteTag deletes once, ends its assignments and records it")
    func deleteTag() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(#"mutation { deleteTag(id: \#(Fixtures.TagID.winter)) { \#(Self.tagResult) } }"#)
        #expect(answer.data?["deleteTag"]?["deletedOn"] == "2025-06-01T12:00:00+00:00")
        #expect(
            try await api.count("tags_relations WHERE tag_id = \(Fixtures.TagID.winter) AND deleted_on IS NULL") == 0)
        #expect(try await api.historyChanges("tags", recordId: Fixtures.TagID.winter) == ["Record deleted"])
        let again = await api.run(
            #"mutation { deleteTag(id: \#(Fixtures.TagID.deleted)) { ... on Tag { deletedOn } } }"#)
        #expect(again.data?["deleteTag"] == ["deletedOn": "2023-01-01T00:00:00+00:00"])
        let missing = await api.run(
            #"mutation { deleteTag(id: \#(Fixtures.unknownID)) { ... on ResourceDoesNotExistError { id } } }"#)
        #expect(missing.data?["deleteTag"] == ["id": "99"])
        let reader = await api.run(
            #"mutation { deleteTag(id: \#(Fixtures.TagID.urgent)) { \#(Self.tagResult) } }"#, as: Fixtures.lesvosReader)
        #expect(reader.data?["deleteTag"] == ["__typename": "InsufficientPermissionError", "name": "tag:write"])
    }

    @Test("deleteTags deletes the tags of the user's bases and reports the other ids")
    func deleteTags() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            "mutation { deleteTags(ids: [\(Fixtures.TagID.thessaloniki), \(Fixtures.TagID.urgent), \(Fixtures.TagID.winter), \(Fixtures.TagID.deleted), \(Fixtures.unknownID), \(Fixtures.TagID.winter)]) { ... on TagsResult { updatedTags { id } invalidTagIds } } }"
        )
        #expect(
            answer.data?["deleteTags"] == [
                "updatedTags": [["id": "1"], ["id": "3"]], "invalidTagIds": ["4", "5", "99"],
            ])
        let reader = await api.run(
            "mutation { deleteTags(ids: [\(Fixtures.TagID.winter)]) { ... on InsufficientPermissionError { name } } }",
            as: Fixtures.lesvosReader)
        #expect(reader.data?["deleteTags"] == ["name": "tag:write"])
    }

    @Test("assignTag and unassignTag apply a tag to a box or a beneficiary")
    func assignAndUnassignTag() async throws {
        let api = try await APIHarness.make()
        let box = await api.run(
            #"mutation { assignTag(assignmentInput: {id: \#(Fixtures.TagID.urgent), resourceId: \#(Fixtures.BoxID.lost), resourceType: Box}) { ... on Box { tags { id } lastModifiedOn } } }"#
        )
        #expect(box.data?["assignTag"] == ["tags": [["id": "3"]], "lastModifiedOn": "2025-06-01T12:00:00+00:00"])
        let beneficiary = await api.run(
            #"mutation { assignTag(assignmentInput: {id: \#(Fixtures.TagID.urgent), resourceId: \#(Fixtures.BeneficiaryID.aisha), resourceType: Beneficiary}) { __typename ... on Beneficiary { tags { id } } } }"#
        )
        #expect(beneficiary.data?["assignTag"] == ["__typename": "Beneficiary", "tags": [["id": "2"], ["id": "3"]]])
        let relations = try await api.count("tags_relations")
        let repeated = await api.run(
            #"mutation { assignTag(assignmentInput: {id: \#(Fixtures.TagID.urgent), resourceId: \#(Fixtures.BoxID.lost), resourceType: Box}) { __typename } }"#
        )
        #expect(repeated.data?["assignTag"] == ["__typename": "Box"])
        #expect(try await api.count("tags_relations") == relations)
        let removed = await api.run(
            #"mutation { unassignTag(unassignmentInput: {id: \#(Fixtures.TagID.urgent), resourceId: \#(Fixtures.BoxID.lost), resourceType: Box}) { ... on Box { tags { id } } } }"#
        )
        #expect(removed.data?["unassignTag"] == ["tags": []])
    }

    @Test(
        "assignTag rejects what the reference rejects",
        arguments: [
            (
                #"{id: \#(Fixtures.TagID.family), resourceId: \#(Fixtures.BoxID.jeans), resourceType: Box}"#,
                "The tag with ID 2 and type 'Beneficiary' cannot be applied to the resource of type 'Box'"
            ),
            (
                #"{id: \#(Fixtures.TagID.winter), resourceId: \#(Fixtures.BeneficiaryID.aisha), resourceType: Beneficiary}"#,
                "The tag with ID 1 and type 'Box' cannot be applied to the resource of type 'Beneficiary'"
            ),
            (
                #"{id: \#(Fixtures.unknownID), resourceId: \#(Fixtures.BoxID.jeans), resourceType: Box}"#,
                "The requested resource does not exist in the database."
            ),
            (
                #"{id: \#(Fixtures.TagID.winter), resourceId: \#(Fixtures.unknownID), resourceType: Box}"#,
                "The requested resource does not exist in the database."
            ),
        ])
    func assignTagErrors(input: String, description: String) async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("mutation { assignTag(assignmentInput: \(input)) { __typename } }")
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.errors.first?["extensions"]?["description"] == .string(description))
    }

    @Test("assignTag needs tag_relation:assign for the tag's base")
    func assignTagPermission() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { assignTag(assignmentInput: {id: \#(Fixtures.TagID.thessaloniki), resourceId: \#(Fixtures.BoxID.thessaloniki), resourceType: Box}) { __typename } }"#
        )
        #expect(answer.errors.first?["extensions"]?["description"] == "You don't have access to 'base=3'")
        let unassign = await api.run(
            #"mutation { unassignTag(unassignmentInput: {id: \#(Fixtures.TagID.winter), resourceId: \#(Fixtures.BoxID.jeans), resourceType: Box}) { __typename } }"#,
            as: Fixtures.lesvosReader)
        #expect(unassign.firstCode == "FORBIDDEN")
        #expect(try await api.count("tags_relations WHERE deleted_on IS NULL AND object_type = 'Stock'") == 5)
    }

    @Test("Reference quirk fixed: assignTag applied tags to resources of other bases")
    func assignTagChecksResourceBase() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { assignTag(assignmentInput: {id: \#(Fixtures.TagID.thessaloniki), resourceId: \#(Fixtures.BoxID.jeans), resourceType: Box}) { __typename } }"#,
            as: Fixtures.god)
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "Invalid input: bases of 'tag' and the tagged resource not matching")
        #expect(try await api.count("tags_relations WHERE tag_id = \(Fixtures.TagID.thessaloniki)") == 1)
    }
}
