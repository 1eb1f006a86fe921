import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@Suite("Locations, products, standard products, categories, sizes and tags")
struct ProductAndTagQueryTests {
    @Test("location returns classic locations, null for distribution spots")
    func location() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ location(id: "\#(Fixtures.LocationID.lesvosWarehouse)") { name seq isStockroom base { name } createdBy { id } createdOn } }"#
        )
        #expect(
            answer.data?["location"]
                == [
                    "name": "WH Lesvos", "seq": 1, "isStockroom": true, "base": ["name": "Lesvos"],
                    "createdBy": ["id": "2"],
                    "createdOn": "2023-01-01T00:00:00+00:00",
                ])
        #expect(
            await api.run(#"{ location(id: "\#(Fixtures.LocationID.lesvosDistributionSpot)") { name } }"#).data == [
                "location": nil
            ])
        #expect(await api.run(#"{ location(id: "\#(Fixtures.unknownID)") { name } }"#).firstCode == "BAD_USER_INPUT")
        #expect(
            await api.run(#"{ location(id: "\#(Fixtures.LocationID.thessalonikiWarehouse)") { name } }"#).firstCode
                == "FORBIDDEN")
    }

    @Test("locations includes deleted classic locations of readable bases")
    func locations() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("{ locations { id } }")
        #expect(answer.data == ["locations": [["id": "1"], ["id": "2"], ["id": "3"]]])
        #expect(await api.run("{ locations { id } }", as: Fixtures.nobody).firstCode == "FORBIDDEN")
    }

    @Test("location boxes include deleted boxes and need stock:read")
    func locationBoxes() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ location(id: "\#(Fixtures.LocationID.lesvosWarehouse)") { boxes { totalCount elements { labelIdentifier deletedOn } } } }"#
        )
        #expect(answer.data?["location"]?["boxes"]?["totalCount"] == 4)
        #expect(answer.data?["location"]?["boxes"]?["elements"]?[2]?["deletedOn"] == "2024-04-01T00:00:00+00:00")
    }

    @Test("product and its fields")
    func product() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ product(id: "\#(Fixtures.ProductID.jeans)") { name type comment price instockItemsCount transferItemsCount base { id } standardProduct { id } createdBy { name } } }"#
        )
        #expect(
            answer.data?["product"]
                == [
                    "name": "Jeans", "type": "Custom", "comment": "Blue", "price": 10, "instockItemsCount": 10,
                    "transferItemsCount": 8, "base": ["id": "1"], "standardProduct": nil,
                    "createdBy": ["name": "Coordinator Lesvos"],
                ])
        #expect(await api.run(#"{ product(id: "\#(Fixtures.unknownID)") { name } }"#).firstCode == "BAD_USER_INPUT")
        #expect(await api.run(#"{ product(id: "\#(Fixtures.ProductID.blanket)") { name } }"#).firstCode == "FORBIDDEN")
        let standard = await api.run(
            #"{ product(id: "\#(Fixtures.ProductID.standardTShirt)") { type standardProduct { name version } } }"#,
            as: Fixtures.samosVolunteer)
        #expect(
            standard.data?["product"] == [
                "type": "StandardInstantiation", "standardProduct": ["name": "T-shirt", "version": 2],
            ])
    }

    @Test("products pages products of readable bases, deleted included")
    func products() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("{ products { totalCount elements { id } } }")
        #expect(answer.data == ["products": ["totalCount": 3, "elements": [["id": "1"], ["id": "2"], ["id": "3"]]]])
        let foreign = await api.run(
            #"{ products(baseId: "\#(Fixtures.BaseID.thessaloniki)") { totalCount elements { id } } }"#)
        #expect(foreign.data == ["products": ["totalCount": 0, "elements": []]])
        let backward = await api.run(
            #"{ products(paginationInput: {before: "MDAwMDAwMDM=", last: 1}) { elements { id } pageInfo { hasPreviousPage hasNextPage } } }"#
        )
        #expect(backward.data?["products"]?["elements"] == [["id": "2"]])
        #expect(await api.run("{ products { totalCount } }", as: Fixtures.nobody).firstCode == "FORBIDDEN")
    }

    @Test("standardProduct and standardProducts return union members")
    func standardProducts() async throws {
        let api = try await APIHarness.make()
        let one = await api.run(
            #"{ standardProduct(id: "\#(Fixtures.StandardProductID.tShirtVersion1)") { ... on StandardProduct { name supercededByProduct { id } category { name } sizeRange { name } gender addedBy { id } } } }"#
        )
        #expect(
            one.data?["standardProduct"]
                == [
                    "name": "T-shirt", "supercededByProduct": ["id": "3"], "category": ["name": "Tops"],
                    "sizeRange": ["name": "S, M, L"],
                    "gender": "UnisexAdult", "addedBy": ["id": "1"],
                ])
        let missing = await api.run(
            #"{ standardProduct(id: "\#(Fixtures.unknownID)") { ... on ResourceDoesNotExistError { name } } }"#)
        #expect(missing.data?["standardProduct"] == ["name": "StandardProduct"])
        let latest = await api.run("{ standardProducts { ... on StandardProductPage { totalCount elements { id } } } }")
        #expect(latest.data?["standardProducts"] == ["totalCount": 2, "elements": [["id": "2"], ["id": "3"]]])
        let forBase = await api.run(
            #"{ standardProducts(baseId: "\#(Fixtures.BaseID.samos)") { ... on StandardProductPage { elements { id instantiation { id } } } } }"#,
            as: Fixtures.samosVolunteer)
        #expect(
            forBase.data?["standardProducts"]?["elements"] == [
                ["id": "2", "instantiation": nil], ["id": "3", "instantiation": ["id": "4"]],
            ])
        let foreign = await api.run(
            #"{ standardProducts(baseId: "\#(Fixtures.BaseID.thessaloniki)") { __typename ... on UnauthorizedForBaseError { id name } } }"#
        )
        #expect(
            foreign.data?["standardProducts"] == [
                "__typename": "UnauthorizedForBaseError", "id": "3", "name": "Thessaloniki",
            ])
        let nobody = await api.run(
            "{ standardProducts { ... on InsufficientPermissionError { name } } }", as: Fixtures.nobody)
        #expect(nobody.data?["standardProducts"] == ["name": "standard_product:read"])
    }

    @Test("product categories and size ranges")
    func referenceData() async throws {
        let api = try await APIHarness.make()
        let category = await api.run(#"{ productCategory(id: "2") { name hasGender products { totalCount } } }"#)
        #expect(
            category.data?["productCategory"] == ["name": "Bottoms", "hasGender": true, "products": ["totalCount": 1]])
        #expect(
            await api.run(#"{ productCategory(id: "\#(Fixtures.unknownID)") { name } }"#).firstCode == "BAD_USER_INPUT")
        let categories = await api.run("{ productCategories { id } }")
        #expect(categories.data?["productCategories"]?.array?.count == 18)
        let ranges = await api.run("{ sizeRanges { id label sizes { label } units { symbol } } }")
        #expect(
            ranges.data?["sizeRanges"]?[0] == [
                "id": "1", "label": "S, M, L", "sizes": [["label": "S"], ["label": "M"], ["label": "L"]], "units": [],
            ])
        #expect(ranges.data?["sizeRanges"]?[1]?["units"]?.array?.count == 6)
        #expect(ranges.data?["sizeRanges"]?[2]?["units"]?.array?.count == 5)
        #expect(await api.run("{ sizeRanges { id } }", as: Fixtures.nobody).firstCode == "FORBIDDEN")
    }

    @Test("tag and tags")
    func tags() async throws {
        let api = try await APIHarness.make()
        let tag = await api.run(
            #"{ tag(id: "\#(Fixtures.TagID.winter)") { name description color type base { name } lastUsedOn createdBy { id } } }"#
        )
        #expect(
            tag.data?["tag"]
                == [
                    "name": "Winter", "description": "Cold season", "color": "#aabbcc", "type": "Box",
                    "base": ["name": "Lesvos"],
                    "lastUsedOn": "2024-01-05T00:00:00+00:00", "createdBy": ["id": "2"],
                ])
        #expect(
            await api.run(#"{ tag(id: "\#(Fixtures.TagID.deleted)") { deletedOn } }"#).data == [
                "tag": ["deletedOn": "2023-01-01T00:00:00+00:00"]
            ])
        #expect(await api.run(#"{ tag(id: "\#(Fixtures.unknownID)") { name } }"#).firstCode == "BAD_USER_INPUT")
        #expect(await api.run(#"{ tag(id: "\#(Fixtures.TagID.thessaloniki)") { name } }"#).firstCode == "FORBIDDEN")
        #expect(await api.run("{ tags { id } }").data == ["tags": [["id": "1"], ["id": "2"], ["id": "3"]]])
        #expect(await api.run("{ tags { id } }", as: Fixtures.nobody).firstCode == "FORBIDDEN")
    }

    @Test("Reference quirk fixed: tags(tagType:) filters instead of failing")
    func tagsByType() async throws {
        let api = try await APIHarness.make()
        #expect(await api.run("{ tags(tagType: Beneficiary) { id } }").data == ["tags": [["id": "2"], ["id": "3"]]])
    }
}
