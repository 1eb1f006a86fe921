import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import GraphQL
import OrderedCollections
import Testing

@Suite("Boxes and QR codes")
struct BoxQueryTests {
    @Test("box by label resolves its fields")
    func box() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"""
            { box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") {
                id labelIdentifier state numberOfItems comment weight monetaryValue measureValue deletedOn
                location { __typename id name ... on ClassicLocation { defaultBoxState } }
                product { name gender price inShop category { name hasGender } sizeRange { name } }
                size { id label } weightDisplayUnit { symbol } displayUnit { symbol }
                qrCode { code } tags { id name } createdBy { name } createdOn lastModifiedOn
            } }
            """#)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["box"]
                == [
                    "id": "1", "labelIdentifier": "10000001", "state": "InStock", "numberOfItems": 10,
                    "comment": "Warm",
                    "weight": 7.8, "monetaryValue": 12.5, "measureValue": nil, "deletedOn": nil,
                    "location": [
                        "__typename": "ClassicLocation", "id": "1", "name": "WH Lesvos", "defaultBoxState": "InStock",
                    ],
                    "product": [
                        "name": "Jeans", "gender": "Men", "price": 10, "inShop": true,
                        "category": ["name": "Bottoms", "hasGender": true], "sizeRange": ["name": "S, M, L"],
                    ],
                    "size": ["id": "2", "label": "M"], "weightDisplayUnit": ["symbol": "kg"], "displayUnit": nil,
                    "qrCode": ["code": "c4ca4238a0b923820dcc509a6f75849b"],
                    "tags": [["id": "1", "name": "Winter"]], "createdBy": ["name": "Coordinator Lesvos"],
                    "createdOn": "2024-01-01T10:00:00+00:00", "lastModifiedOn": "2024-02-01T10:00:00+00:00",
                ])
    }

    @Test("measure boxes show their value in the display unit")
    func measureBox() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.rice)") { measureValue displayUnit { name symbol } size { id } } }"#
        )
        #expect(
            answer.data?["box"] == ["measureValue": 1500, "displayUnit": ["name": "gram", "symbol": "g"], "size": nil])
    }

    @Test("a missing box is BAD_USER_INPUT; a foreign box is FORBIDDEN")
    func boxErrors() async throws {
        let api = try await APIHarness.make()
        let missing = await api.run(#"{ box(labelIdentifier: "000") { id } }"#)
        #expect(missing.data == ["box": nil])
        #expect(missing.firstCode == "BAD_USER_INPUT")
        let foreign = await api.run(#"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.thessaloniki)") { id } }"#)
        #expect(foreign.firstCode == "FORBIDDEN")
        #expect(foreign.errors.first?["extensions"]?["description"] == "You don't have access to 'base=3'")
    }

    @Test("boxes in a shipment are readable from either end of the shipment")
    func boxInTransit() async throws {
        let api = try await APIHarness.make()
        let target = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.inTransit)") { state location { id } product { id } } }"#,
            as: Fixtures.thessalonikiCoordinator)
        // Lenient fields: the receiving side sees the box but not the sender's location or product.
        #expect(target.data?["box"] == ["state": "InTransit", "location": nil, "product": nil])
        let outsider = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.inTransit)") { state } }"#, as: Fixtures.samosVolunteer)
        #expect(outsider.errors.first?["extensions"]?["description"] == "You don't have access to 'bases=[1, 3]'")
    }

    @Test("boxes pages non-deleted boxes of a base, newest modification first")
    func boxesPage() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ boxes(baseId: "\#(Fixtures.BaseID.lesvos)") { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } elements { labelIdentifier } } }"#
        )
        let page = try #require(answer.data?["boxes"])
        #expect(page["totalCount"] == 4)
        #expect(
            page["elements"]?.array?.map { $0["labelIdentifier"] } == ["10000002", "10000001", "10000006", "10000003"])
        #expect(page["pageInfo"]?["hasNextPage"] == false)
        #expect(page["pageInfo"]?["startCursor"] == .string(Cursor.encode(2)))
    }

    @Test("boxes filters combine with AND")
    func boxesFilters() async throws {
        let api = try await APIHarness.make()
        func labels(_ filter: String) async -> [JSONValue]? {
            await api.run(
                #"{ boxes(baseId: "\#(Fixtures.BaseID.lesvos)", filterInput: \#(filter)) { elements { labelIdentifier } } }"#
            )
            .data?["boxes"]?["elements"]?.array?.map { $0["labelIdentifier"] ?? .null }
        }
        #expect(await labels("{states: [Lost]}") == ["10000003"])
        #expect(await labels("{tagIds: [\(Fixtures.TagID.winter)]}") == ["10000002", "10000001"])
        #expect(await labels("{tagIds: []}") == [])
        #expect(await labels("{productCategoryId: 11}") == ["10000002"])
        #expect(await labels("{productGenders: [Men], sizeId: \(Fixtures.SizeID.small)}") == ["10000003"])
        #expect(await labels("{locationIds: [\(Fixtures.LocationID.lesvosLost)]}") == ["10000003"])
        #expect(await labels(#"{lastModifiedFrom: "2024-02-01"}"#) == ["10000002", "10000001"])
        #expect(await labels(#"{lastModifiedUntil: "2024-01-16"}"#) == ["10000003"])
    }

    @Test("boxes paginates by id cursor")
    func boxesPagination() async throws {
        let api = try await APIHarness.make()
        let first = await api.run(
            #"{ boxes(baseId: "\#(Fixtures.BaseID.lesvos)", paginationInput: {first: 2}) { pageInfo { hasNextPage endCursor } elements { id } } }"#
        )
        #expect(first.data?["boxes"]?["elements"]?.array?.count == 2)
        #expect(first.data?["boxes"]?["pageInfo"]?["hasNextPage"] == true)
        let invalid = await api.run(
            #"{ boxes(baseId: "\#(Fixtures.BaseID.lesvos)", paginationInput: {last: 2}) { totalCount } }"#)
        #expect(invalid.data == .null)
        #expect(invalid.firstCode == "BAD_USER_INPUT")
        #expect(
            invalid.errors.first?["extensions"]?["description"] == "Invalid pagination input: missing 'before' field.")
    }

    @Test("boxes of a foreign base is FORBIDDEN")
    func boxesForbidden() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(#"{ boxes(baseId: "\#(Fixtures.BaseID.samos)") { totalCount } }"#)
        #expect(answer.data == .null)
        #expect(answer.firstCode == "FORBIDDEN")
    }

    @Test("a 50-box page costs a constant number of statements")
    func boxPageStatementCount() async throws {
        let api = try await APIHarness.make()
        let manyBoxes = (100..<160).map { id in
            "(\(id), '2\(String(format: "%07d", id))', 1, 2, 1, 1, 1, '2024-01-01 00:00:00', '2024-05-01 00:00:00', '0000-00-00 00:00:00')"
        }.joined(separator: ", ")
        try await api.execute(
            "INSERT INTO stock (id, box_id, product_id, size_id, items, location_id, box_state_id, created, modified, deleted) VALUES \(manyBoxes)"
        )
        let query = """
            { boxes(baseId: "\(Fixtures.BaseID.lesvos)") { totalCount elements { labelIdentifier state numberOfItems
                product { name category { name } sizeRange { name } } size { label }
                location { name } tags { name } qrCode { code } createdBy { name } } } }
            """
        let answer = await api.run(query)
        #expect(answer.errors.isEmpty)
        #expect(answer.data?["boxes"]?["elements"]?.array?.count == 50)
        // page + count, product, category, size range, size, location, tags, qr codes, users
        #expect(answer.statements <= 10)
    }

    @Test("history merges changes and tag assignments, newest first")
    func history() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") { history { id changes changeDate user { id } } } }"#
        )
        let history = try #require(answer.data?["box"]?["history"]?.array)
        #expect(
            history.map { $0["changes"] ?? .null } == [
                "changed comments from \"None\" to \"Warm\";",
                "changed box location from Lost Lesvos to WH Lesvos",
                "changed the number of items from 12 to 10",
                "created QR code label for box",
                "removed tag 'Urgent' from box",
                "assigned tag 'Urgent' to box",
                "assigned tag 'Winter' to box",
                "created box",
            ])
        #expect(history.first?["id"] == "4")
        #expect(history[4]["id"] == "tr2")
        #expect(history[4]["changeDate"] == "2024-01-07T00:00:00+00:00")
        #expect(history[0]["user"] == ["id": "2"])
    }

    @Test(
        "Reference quirk fixed: history rows whose names cannot be resolved are left out, keeping ids and texts aligned"
    )
    func historyUnresolvable() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") { history { id changes } } }"#)
        let ids = answer.data?["box"]?["history"]?.array?.compactMap { $0["id"]?.string }
        #expect(ids?.contains("6") == false)
        #expect(answer.data?["box"]?["history"]?.array?.first(where: { $0["id"] == "1" })?["changes"] == "created box")
    }

    @Test("qrCode returns union members for errors")
    func qrCode() async throws {
        let api = try await APIHarness.make()
        let query = """
            query($code: String!) { qrCode(code: $code) {
                __typename ... on QrCode { code box { __typename ... on Box { labelIdentifier }
                    ... on UnauthorizedForBaseError { id name organisationName } } }
                ... on ResourceDoesNotExistError { id name } ... on InsufficientPermissionError { name } } }
            """
        let own = await api.run(query, variables: ["code": .string("c4ca4238a0b923820dcc509a6f75849b")])
        #expect(own.data?["qrCode"]?["box"] == ["__typename": "Box", "labelIdentifier": "10000001"])
        let foreign = await api.run(query, variables: ["code": .string("c81e728d9d4c2f636f067f89cc14862c")])
        #expect(
            foreign.data?["qrCode"]?["box"]
                == [
                    "__typename": "UnauthorizedForBaseError", "id": "3", "name": "Thessaloniki",
                    "organisationName": "Aid Org B",
                ])
        let unassigned = await api.run(query, variables: ["code": .string("a87ff679a2f3e71d9181a67b7542122c")])
        #expect(unassigned.data?["qrCode"]?["box"] == .null)
        let missing = await api.run(query, variables: ["code": .string("nope")])
        #expect(missing.data?["qrCode"] == ["__typename": "ResourceDoesNotExistError", "id": nil, "name": "QrCode"])
        let forbidden = await api.run(query, variables: ["code": .string("nope")], as: Fixtures.nobody)
        #expect(forbidden.data?["qrCode"] == ["__typename": "InsufficientPermissionError", "name": "qr:read"])
    }

    @Test("qrExists tells whether a code exists")
    func qrExists() async throws {
        let api = try await APIHarness.make()
        #expect(await api.run(#"{ qrExists(code: "\#(Fixtures.QrCode.jeans)") }"#).data == ["qrExists": true])
        #expect(await api.run(#"{ qrExists(code: "x") }"#).data == ["qrExists": false])
        #expect(await api.run(#"{ qrExists(code: null) }"#).data == ["qrExists": false])
        #expect(await api.run(#"{ qrExists(code: "x") }"#, as: Fixtures.nobody).firstCode == "FORBIDDEN")
    }
}
