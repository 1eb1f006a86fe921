import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@Suite("Custom and standard product mutations")
struct ProductMutationTests {
    static let productResult = """
        __typename
        ... on Product { id name type price comment inShop gender category { id } sizeRange { id } base { id } deletedOn }
        ... on InsufficientPermissionError { name }
        ... on UnauthorizedForBaseError { id }
        ... on ResourceDoesNotExistError { id name }
        ... on InvalidPriceError { value }
        """

    /// Products of the fixture set (ids 1–5, 60, 61); the next one gets id 62.
    static let fixtureProducts = 7

    static func createCustom(_ fields: String) -> String {
        """
        mutation { createCustomProduct(creationInput: {\(fields)}) { \(productResult) ... on EmptyNameError { _ } } }
        """
    }

    @Test("createCustomProduct creates a product of the base with a creation record")
    func createCustomProduct() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.createCustom(
                #"name: "Scarf", categoryId: 4, sizeRangeId: \#(Fixtures.SizeRangeID.smallMediumLarge), gender: UnisexAdult, baseId: \#(Fixtures.BaseID.lesvos), price: 3"#
            ))
        #expect(
            answer.data?["createCustomProduct"]
                == [
                    "__typename": "Product", "id": "62", "name": "Scarf", "type": "Custom", "price": 3, "comment": "",
                    "inShop": false, "gender": "UnisexAdult", "category": ["id": "4"], "sizeRange": ["id": "1"],
                    "base": ["id": "1"], "deletedOn": nil,
                ])
        #expect(try await api.historyChanges("products", recordId: 62) == ["Record created"])
    }

    static let createErrorCases: [(String, JSONValue)] = [
        (
            #"name: "Scarf", categoryId: 4, sizeRangeId: \#(Fixtures.SizeRangeID.smallMediumLarge), gender: Men, baseId: \#(Fixtures.BaseID.lesvos), price: -1"#,
            ["__typename": "InvalidPriceError", "value": -1]
        ),
        (
            #"name: "", categoryId: 4, sizeRangeId: \#(Fixtures.SizeRangeID.smallMediumLarge), gender: Men, baseId: \#(Fixtures.BaseID.lesvos)"#,
            ["__typename": "EmptyNameError", "_": nil]
        ),
        (
            #"name: "Scarf", categoryId: \#(Fixtures.anotherUnknownID), sizeRangeId: \#(Fixtures.SizeRangeID.smallMediumLarge), gender: Men, baseId: \#(Fixtures.BaseID.lesvos)"#,
            ["__typename": "ResourceDoesNotExistError", "id": nil, "name": "ProductCategory"]
        ),
        (
            #"name: "Scarf", categoryId: 4, sizeRangeId: \#(Fixtures.anotherUnknownID), gender: Men, baseId: \#(Fixtures.BaseID.lesvos)"#,
            ["__typename": "ResourceDoesNotExistError", "id": nil, "name": "SizeRange"]
        ),
        (
            #"name: "Scarf", categoryId: 4, sizeRangeId: \#(Fixtures.SizeRangeID.smallMediumLarge), gender: Men, baseId: \#(Fixtures.BaseID.thessaloniki)"#,
            ["__typename": "UnauthorizedForBaseError", "id": "3"]
        ),
    ]

    @Test("createCustomProduct returns user errors as data", arguments: createErrorCases)
    func createCustomProductErrors(fields: String, expected: JSONValue) async throws {
        let api = try await APIHarness.make()
        #expect(await api.run(Self.createCustom(fields)).data?["createCustomProduct"] == expected)
        #expect(try await api.count("products") == Self.fixtureProducts)
        let reader = await api.run(
            Self.createCustom(
                #"name: "Scarf", categoryId: 4, sizeRangeId: \#(Fixtures.SizeRangeID.smallMediumLarge), gender: Men, baseId: \#(Fixtures.BaseID.lesvos)"#
            ),
            as: Fixtures.lesvosReader)
        #expect(
            reader.data?["createCustomProduct"] == [
                "__typename": "InsufficientPermissionError", "name": "product:write",
            ])
    }

    @Test("editCustomProduct changes fields with one history row each")
    func editCustomProduct() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { editCustomProduct(editInput: {id: \#(Fixtures.ProductID.jeans), name: "Denim", price: 12, inShop: false, comment: "Blue"}) { ... on Product { name price inShop lastModifiedOn } } }"#
        )
        #expect(
            answer.data?["editCustomProduct"]
                == ["name": "Denim", "price": 12, "inShop": false, "lastModifiedOn": "2025-06-01T12:00:00+00:00"])
        #expect(
            try await api.historyChanges("products", recordId: Fixtures.ProductID.jeans) == [
                #"name changed from "Jeans" to "Denim";"#, "value", "stockincontainer",
            ])
        let standard = await api.run(
            #"mutation { editCustomProduct(editInput: {id: \#(Fixtures.ProductID.standardTShirt), name: "x"}) { ... on ProductTypeMismatchError { expectedType } } }"#,
            as: Fixtures.god)
        #expect(standard.data?["editCustomProduct"] == ["expectedType": "Custom"])
        let missing = await api.run(
            #"mutation { editCustomProduct(editInput: {id: \#(Fixtures.unknownID), name: "x"}) { ... on ResourceDoesNotExistError { id name } } }"#
        )
        #expect(missing.data?["editCustomProduct"] == ["id": "99", "name": "Product"])
        let empty = await api.run(
            #"mutation { editCustomProduct(editInput: {id: \#(Fixtures.ProductID.jeans), name: ""}) { __typename } }"#)
        #expect(empty.data?["editCustomProduct"] == ["__typename": "EmptyNameError"])
    }

    @Test("deleteProduct refuses products still in use, returns deleted ones unchanged")
    func deleteProduct() async throws {
        let api = try await APIHarness.make()
        let inUse = await api.run(
            "mutation { deleteProduct(id: \(Fixtures.ProductID.jeans)) { ... on BoxesStillAssignedToProductError { labelIdentifiers } } }"
        )
        #expect(inUse.data?["deleteProduct"] == ["labelIdentifiers": ["10000001", "10000006"]])
        let deleted = await api.run(
            "mutation { deleteProduct(id: \(Fixtures.ProductID.oldCoat)) { ... on Product { deletedOn } } }")
        #expect(deleted.data?["deleteProduct"] == ["deletedOn": "2021-05-05T00:00:00+00:00"])
        _ = await api.run(
            Self.createCustom(
                #"name: "Scarf", categoryId: 4, sizeRangeId: \#(Fixtures.SizeRangeID.smallMediumLarge), gender: Men, baseId: \#(Fixtures.BaseID.lesvos)"#
            ))
        let fresh = await api.run("mutation { deleteProduct(id: 62) { ... on Product { deletedOn } } }")
        #expect(fresh.data?["deleteProduct"] == ["deletedOn": "2025-06-01T12:00:00+00:00"])
        #expect(try await api.historyChanges("products", recordId: 62) == ["Record created", "Record deleted"])
        let standard = await api.run(
            "mutation { deleteProduct(id: \(Fixtures.ProductID.standardTShirt)) { ... on ProductTypeMismatchError { expectedType } } }",
            as: Fixtures.god)
        #expect(standard.data?["deleteProduct"] == ["expectedType": "Custom"])
        let reader = await api.run(
            "mutation { deleteProduct(id: \(Fixtures.ProductID.rice)) { __typename ... on InsufficientPermissionError { name } } }",
            as: Fixtures.lesvosReader)
        #expect(
            reader.data?["deleteProduct"] == ["__typename": "InsufficientPermissionError", "name": "product:write"])
    }

    @Test("enableStandardProduct instantiates a standard product, re-using a disabled instantiation")
    func enableStandardProduct() async throws {
        let api = try await APIHarness.make()
        let enabled = await api.run(
            #"mutation { enableStandardProduct(enableInput: {standardProductId: \#(Fixtures.StandardProductID.soap), baseId: \#(Fixtures.BaseID.lesvos), price: 4, inShop: true}) { \#(Self.productResult) } }"#
        )
        #expect(
            enabled.data?["enableStandardProduct"]
                == [
                    "__typename": "Product", "id": "62", "name": "Soap", "type": "StandardInstantiation", "price": 4,
                    "comment": "", "inShop": true, "gender": "none", "category": ["id": "10"], "sizeRange": ["id": "1"],
                    "base": ["id": "1"], "deletedOn": nil,
                ])
        let twice = await api.run(
            #"mutation { enableStandardProduct(enableInput: {standardProductId: \#(Fixtures.StandardProductID.soap), baseId: \#(Fixtures.BaseID.lesvos)}) { ... on StandardProductAlreadyEnabledForBaseError { existingStandardProductInstantiationId } } }"#
        )
        #expect(twice.data?["enableStandardProduct"] == ["existingStandardProductInstantiationId": "62"])
        let disabled = await api.run(
            "mutation { disableStandardProduct(instantiationId: 62) { ... on Product { deletedOn } } }")
        #expect(disabled.data?["disableStandardProduct"] == ["deletedOn": "2025-06-01T12:00:00+00:00"])
        let again = await api.run(
            #"mutation { enableStandardProduct(enableInput: {standardProductId: \#(Fixtures.StandardProductID.soap), baseId: \#(Fixtures.BaseID.lesvos)}) { ... on Product { id price inShop deletedOn } } }"#
        )
        #expect(again.data?["enableStandardProduct"] == ["id": "62", "price": 0, "inShop": false, "deletedOn": nil])
        #expect(
            try await api.historyChanges("products", recordId: 62) == [
                "Record created", "Record deleted", "Record created",
            ])
    }

    @Test("enableStandardProduct returns user errors as data")
    func enableStandardProductErrors() async throws {
        let api = try await APIHarness.make()
        let outdated = await api.run(
            #"mutation { enableStandardProduct(enableInput: {standardProductId: \#(Fixtures.StandardProductID.tShirtVersion1), baseId: \#(Fixtures.BaseID.lesvos)}) { ... on OutdatedStandardProductVersionError { mostRecentStandardProductId } } }"#
        )
        #expect(outdated.data?["enableStandardProduct"] == ["mostRecentStandardProductId": "3"])
        let missing = await api.run(
            #"mutation { enableStandardProduct(enableInput: {standardProductId: \#(Fixtures.unknownID), baseId: \#(Fixtures.BaseID.lesvos)}) { \#(Self.productResult) } }"#
        )
        #expect(
            missing.data?["enableStandardProduct"] == [
                "__typename": "ResourceDoesNotExistError", "id": nil, "name": "StandardProduct",
            ])
        let price = await api.run(
            #"mutation { enableStandardProduct(enableInput: {standardProductId: \#(Fixtures.StandardProductID.soap), baseId: \#(Fixtures.BaseID.lesvos), price: -5}) { \#(Self.productResult) } }"#
        )
        #expect(price.data?["enableStandardProduct"] == ["__typename": "InvalidPriceError", "value": -5])
        let otherBase = await api.run(
            #"mutation { enableStandardProduct(enableInput: {standardProductId: \#(Fixtures.StandardProductID.soap), baseId: \#(Fixtures.BaseID.samos)}) { \#(Self.productResult) } }"#
        )
        #expect(otherBase.data?["enableStandardProduct"] == ["__typename": "UnauthorizedForBaseError", "id": "2"])
        #expect(try await api.count("products") == Self.fixtureProducts)
    }

    @Test("enableStandardProducts instantiates the usable standard products and reports the others")
    func enableStandardProducts() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            "mutation { enableStandardProducts(enableInput: {standardProductIds: [\(Fixtures.StandardProductID.soap), \(Fixtures.StandardProductID.tShirtVersion1), \(Fixtures.unknownID), \(Fixtures.StandardProductID.tShirt), \(Fixtures.StandardProductID.soap)], baseId: \(Fixtures.BaseID.lesvos)}) { ... on ProductsResult { instantiations { name standardProduct { id } } invalidStandardProductIds } } }"
        )
        #expect(
            answer.data?["enableStandardProducts"]
                == [
                    "instantiations": [
                        ["name": "Soap", "standardProduct": ["id": "2"]],
                        ["name": "T-shirt", "standardProduct": ["id": "3"]],
                    ],
                    "invalidStandardProductIds": [1, 99],
                ])
        let empty = await api.run(
            "mutation { enableStandardProducts(enableInput: {standardProductIds: [], baseId: \(Fixtures.BaseID.lesvos)}) { ... on ProductsResult { instantiations { id } invalidStandardProductIds } } }"
        )
        #expect(empty.data?["enableStandardProducts"] == ["instantiations": [], "invalidStandardProductIds": []])
        let reader = await api.run(
            "mutation { enableStandardProducts(enableInput: {standardProductIds: [\(Fixtures.StandardProductID.soap)], baseId: \(Fixtures.BaseID.lesvos)}) { ... on InsufficientPermissionError { name } } }",
            as: Fixtures.lesvosReader)
        #expect(reader.data?["enableStandardProducts"] == ["name": "product:write"])
    }

    @Test("editStandardProductInstantiation changes base settings of standard instantiations only")
    func editStandardProductInstantiation() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"mutation { editStandardProductInstantiation(editInput: {id: \#(Fixtures.ProductID.standardTShirt), price: 7, comment: "Popular"}) { \#(Self.productResult) } }"#,
            as: Fixtures.god)
        #expect(answer.data?["editStandardProductInstantiation"]?["price"] == 7)
        #expect(
            try await api.historyChanges("products", recordId: Fixtures.ProductID.standardTShirt) == [
                "value", #"comments changed from "" to "Popular";"#,
            ])
        let custom = await api.run(
            #"mutation { editStandardProductInstantiation(editInput: {id: \#(Fixtures.ProductID.jeans), price: 7}) { ... on ProductTypeMismatchError { expectedType } } }"#
        )
        #expect(custom.data?["editStandardProductInstantiation"] == ["expectedType": "StandardInstantiation"])
        let forbidden = await api.run(
            #"mutation { editStandardProductInstantiation(editInput: {id: \#(Fixtures.ProductID.standardTShirt), price: 7}) { \#(Self.productResult) } }"#
        )
        #expect(
            forbidden.data?["editStandardProductInstantiation"] == [
                "__typename": "UnauthorizedForBaseError", "id": "2",
            ])
    }

    @Test("disableStandardProduct refuses instantiations still in use and custom products")
    func disableStandardProduct() async throws {
        let api = try await APIHarness.make()
        let inUse = await api.run(
            "mutation { disableStandardProduct(instantiationId: \(Fixtures.ProductID.standardTShirt)) { ... on BoxesStillAssignedToProductError { labelIdentifiers } } }",
            as: Fixtures.god)
        #expect(inUse.data?["disableStandardProduct"] == ["labelIdentifiers": ["10000007"]])
        let custom = await api.run(
            "mutation { disableStandardProduct(instantiationId: \(Fixtures.ProductID.jeans)) { ... on ProductTypeMismatchError { expectedType } } }"
        )
        #expect(custom.data?["disableStandardProduct"] == ["expectedType": "StandardInstantiation"])
        let missing = await api.run(
            "mutation { disableStandardProduct(instantiationId: \(Fixtures.unknownID)) { ... on ResourceDoesNotExistError { id name } } }"
        )
        #expect(missing.data?["disableStandardProduct"] == ["id": "99", "name": "Product"])
    }
}

@Suite("Permission and missing-resource outcomes shared by the product and tag mutations")
struct ProductAndTagMutationAccessTests {
    static let readerCases: [(String, String)] = [
        (
            #"mutation { editCustomProduct(editInput: {id: \#(Fixtures.ProductID.jeans), name: "x"}) { ... on InsufficientPermissionError { name } } }"#,
            "editCustomProduct"
        ),
        (
            "mutation { disableStandardProduct(instantiationId: \(Fixtures.ProductID.standardTShirt)) { ... on InsufficientPermissionError { name } } }",
            "disableStandardProduct"
        ),
        (
            #"mutation { editStandardProductInstantiation(editInput: {id: \#(Fixtures.ProductID.standardTShirt), price: 1}) { ... on InsufficientPermissionError { name } } }"#,
            "editStandardProductInstantiation"
        ),
        (
            #"mutation { enableStandardProduct(enableInput: {standardProductId: \#(Fixtures.StandardProductID.soap), baseId: \#(Fixtures.BaseID.lesvos)}) { ... on InsufficientPermissionError { name } } }"#,
            "enableStandardProduct"
        ),
        (
            #"mutation { updateTag(updateInput: {id: \#(Fixtures.TagID.winter), name: "x"}) { ... on InsufficientPermissionError { name } } }"#,
            "updateTag"
        ),
    ]

    @Test("a user with read permissions only gets InsufficientPermissionError", arguments: readerCases)
    func readerIsRefused(document: String, field: String) async throws {
        let api = try await APIHarness.make()
        let reader = CurrentUser(
            id: Fixtures.UserID.samosVolunteer, organisationId: Fixtures.Org.aidA, maxBetaLevel: 99,
            permissions: CurrentUser.permissionMap(
                PermissionCatalogue.reads, baseIds: [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos]))
        let answer = await api.run(document, as: reader)
        let name = answer.data?[field]?["name"]?.string
        #expect(name == "product:write" || name == "tag:write")
        #expect(try await api.count("history") == 7)
    }

    @Test("missing instantiations and tags are ResourceDoesNotExistError or not-found errors")
    func missingResources() async throws {
        let api = try await APIHarness.make()
        let edit = await api.run(
            "mutation { editStandardProductInstantiation(editInput: {id: \(Fixtures.unknownID), price: 1}) { ... on ResourceDoesNotExistError { id name } } }"
        )
        #expect(edit.data?["editStandardProductInstantiation"] == ["id": "99", "name": "Product"])
        let unassign = await api.run(
            #"mutation { unassignTag(unassignmentInput: {id: \#(Fixtures.unknownID), resourceId: \#(Fixtures.BoxID.jeans), resourceType: Box}) { __typename } }"#
        )
        #expect(unassign.firstCode == "BAD_USER_INPUT")
        let unassignBox = await api.run(
            #"mutation { unassignTag(unassignmentInput: {id: \#(Fixtures.TagID.winter), resourceId: \#(Fixtures.unknownID), resourceType: Box}) { __typename } }"#
        )
        #expect(unassignBox.firstCode == "BAD_USER_INPUT")
        let bulk = await api.run(
            #"mutation { unassignTagsFromBoxes(updateInput: {labelIdentifiers: ["\#(Fixtures.BoxLabel.jeans)"], tagIds: [\#(Fixtures.unknownID), \#(Fixtures.TagID.thessaloniki)]}) { updatedBoxes { id } tagErrorInfo { id error { __typename } } } }"#
        )
        #expect(
            bulk.data?["unassignTagsFromBoxes"]
                == [
                    "updatedBoxes": [],
                    "tagErrorInfo": [
                        ["id": "5", "error": ["__typename": "UnauthorizedForBaseError"]],
                        ["id": "99", "error": ["__typename": "ResourceDoesNotExistError"]],
                    ],
                ])
    }
}
