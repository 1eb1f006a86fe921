import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import GraphQL
import Logging
import OrderedCollections
import Testing

@testable import BoxtributeGraphQL

@Suite("Request handling and executor semantics")
struct ExecutorTests {
    @Test("aliases, fragments, inline fragments and __typename")
    func selections() async throws {
        let api = try await APIHarness.make()
        let query = """
            query Q { first: base(id: "\(Fixtures.BaseID.lesvos)") { ...Names t: __typename } second: base(id: "\(Fixtures.BaseID.lesvos)") { ... on Base { id } } }
            fragment Names on Base { name label: name }
            """
        let answer = await api.run(query)
        #expect(answer.data == ["first": ["name": "Lesvos", "label": "Lesvos", "t": "Base"], "second": ["id": "1"]])
        // The second run takes its field plans from the cached document.
        #expect(await api.run(query).json == answer.json)
    }

    @Test("variables, defaults, @skip and @include")
    func variablesAndDirectives() async throws {
        let api = try await APIHarness.make()
        let query = """
            query($id: ID!, $withName: Boolean = true, $skipId: Boolean!) {
              base(id: $id) { id @skip(if: $skipId) name @include(if: $withName) }
            }
            """
        let answer = await api.run(
            query, variables: ["id": Map(Fixtures.BaseID.lesvos.rawValue), "skipId": .bool(true)])
        #expect(answer.data == ["base": ["name": "Lesvos"]])
        let other = await api.run(
            query,
            variables: [
                "id": .string(String(Fixtures.BaseID.lesvos)), "withName": .bool(false), "skipId": .bool(false),
            ])
        #expect(other.data == ["base": ["id": "1"]])
    }

    @Test("a missing required variable answers data null with HTTP 200")
    func missingVariable() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("query($id: ID!) { base(id: $id) { id } }")
        #expect(answer.kind == .executed)
        #expect(answer.data == .null)
        #expect(answer.errors.first?["message"] == "Variable '$id' of required type 'ID!' was not provided.")
    }

    @Test("an invalid enum variable is a coercion error")
    func invalidVariable() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            #"query($f: FilterBoxInput) { boxes(baseId: "\#(Fixtures.BaseID.lesvos)", filterInput: $f) { totalCount } }"#,
            variables: ["f": .dictionary(["states": .array([.string("Gone")])])])
        #expect(answer.kind == .executed)
        #expect(answer.data == .null)
        #expect(answer.errors.first?["message"]?.string?.hasPrefix("Variable '$f' got invalid value") == true)
    }

    @Test("syntax and validation errors answer 400 without data")
    func requestErrors() async throws {
        let api = try await APIHarness.make()
        let syntax = await api.run("{ bases { id }")
        #expect(syntax.kind == .refused)
        #expect(syntax.json["data"] == nil)
        #expect(syntax.errors.first?["message"]?.string?.hasPrefix("Syntax Error") == true)
        let unknown = await api.run("{ bases { nope } }")
        #expect(unknown.kind == .refused)
        let badDate = await api.run(
            #"{ boxes(baseId: "\#(Fixtures.BaseID.lesvos)", filterInput: {lastModifiedFrom: "2021-13-01"}) { totalCount } }"#
        )
        #expect(badDate.kind == .refused)
        let noQuery = await api.api.handle(
            GraphQLRequest(query: nil), context: ResolverContext(user: nil, database: api.database))
        #expect(noQuery.kind == .refused)
        #expect(JSONValue.parse(noQuery.body)?["errors"]?[0]?["message"] == "The query must be a string.")
    }

    @Test("Datetime and Date variables follow Python's isoformat rules")
    func dateVariables() async throws {
        let api = try await APIHarness.make()
        let query =
            #"query($d: Date) { boxes(baseId: "\#(Fixtures.BaseID.lesvos)", filterInput: {lastModifiedFrom: $d}) { totalCount } }"#
        #expect(await api.run(query, variables: ["d": .string("20240201")]).data == ["boxes": ["totalCount": 2]])
        let invalid = await api.run(query, variables: ["d": .string("2024-02-30")])
        #expect(invalid.data == .null)
        #expect(try Scalars.parseDatetime("2024-01-31T23:30:00+02:00") == "2024-01-31 21:30:00")
        #expect(try Scalars.parseDatetime("2024-01-31T23:30:00-01:00") == "2024-02-01 00:30:00")
        #expect(try Scalars.parseDatetime("2024-01-31") == "2024-01-31 00:00:00")
        #expect(try Scalars.parseDatetime("2024-01-31 10:00Z") == "2024-01-31 10:00:00")
    }

    @Test("a mutation on the query-only API is refused by the schema")
    func mutationOnQueryAPI() async throws {
        let api = try await APIHarness.make(.query)
        let answer = await api.run("mutation { createQrCode { id } }")
        #expect(answer.kind == .executed)
        #expect(answer.data == .null)
        #expect(answer.errors.first?["message"] == "Schema is not configured to execute mutation operation.")
    }

    @Test("the beta level gates mutations on the full API before validation")
    func betaLevel() async throws {
        let api = try await APIHarness.make()
        let volunteer = CurrentUser(
            id: Fixtures.UserID.samosVolunteer, organisationId: Fixtures.Org.aidA, maxBetaLevel: 0)
        let answer = await api.run("mutation { createBox(creationInput: {}) { id } }", as: volunteer)
        #expect(answer.kind == .refused)
        #expect(answer.json == ["errors": [["message": "Insufficient beta-level"]]])
        let queries = await api.run("{ organisations { id } }", as: Fixtures.nobody)
        #expect(queries.kind == .executed)
    }

    @Test("introspection is answered unless disabled")
    func introspection() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("{ __schema { queryType { name } } }")
        #expect(answer.data == ["__schema": ["queryType": ["name": "Query"]]])
        let closed = try await APIHarness.make(.full, introspection: false)
        let refused = await closed.run("{ __schema { queryType { name } } }")
        #expect(refused.kind == .refused)
        #expect(refused.errors.first?["message"] == "Cannot query '__schema': introspection is disabled.")
    }

    @Test("a failing nullable field is null with a located error; siblings resolve")
    func partialErrors() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run("{ bases { name } user(id: \"\(Fixtures.UserID.samosVolunteer)\") { name email } }")
        #expect(answer.data == ["bases": [["name": "Lesvos"]], "user": ["name": "Volunteer Samos", "email": nil]])
        #expect(answer.errors.count == 1)
        #expect(answer.errors.first?["path"] == ["user", "email"])
        #expect(answer.errors.first?["locations"] == [["line": 1, "column": 39]])
    }

    @Test("the public API lists the standard product catalogue without authentication")
    func publicAPI() async throws {
        let api = try await APIHarness.make(.public)
        let answer = await api.run(
            "{ standardProducts { id name categoryName sizeRangeName gender version } }", as: nil)
        #expect(
            answer.data?["standardProducts"]?[0] == [
                "id": "1", "name": "T-shirt", "categoryName": "Tops", "sizeRangeName": "S, M, L",
                "gender": "UnisexAdult", "version": 1,
            ])
        #expect(answer.data?["standardProducts"]?.array?.count == 3)
    }

    @Test("scalar fields read from an entity resolve without boxing their value")
    func leafResolvers() throws {
        let registry = APIVariant.full.registry()
        for (type, field) in [
            ("Box", "id"), ("Box", "labelIdentifier"), ("Box", "state"), ("Box", "comment"), ("Box", "lastModifiedOn"),
            ("Product", "gender"), ("Product", "price"), ("Tag", "color"),
        ] {
            guard case .leaf = registry.objects[type]?[field] else {
                Issue.record("\(type).\(field) is not resolved as a leaf")
                continue
            }
        }
    }

    @Test("object fields of a box page hand their children over typed, without boxing")
    func typedChildren() throws {
        let compiled = try CompiledSchema(
            schema: try buildSchema(source: try APIVariant.full.sdlSource()), registry: APIVariant.full.registry())
        for (type, field) in [
            ("BoxPage", "elements"), ("Box", "product"), ("Box", "size"), ("Box", "qrCode"), ("Box", "tags"),
            ("Product", "category"), ("Product", "sizeRange"),
        ] {
            guard case .children = compiled.objects[type]?[field]?.resolution else {
                Issue.record("\(type).\(field) does not hand over typed children")
                continue
            }
        }
        // Box.location is an interface: its values must take the general path.
        guard case .batch = compiled.objects["Box"]?["location"]?.resolution else {
            Issue.record("Box.location should be resolved as a batch of boxed values")
            return
        }
    }

    @Test("typed children of another Swift type than the field's object type fail at startup")
    func typedChildrenWiring() throws {
        var registry = APIVariant.full.registry()
        registry.object("Box", Box.self) { type in
            type.batch("product") { boxes, _ in boxes.map { _ -> BoxtributeDomain.Tag? in nil } }
        }
        let schema = try buildSchema(source: try APIVariant.full.sdlSource())
        #expect(throws: SchemaWiringError.self) { try CompiledSchema(schema: schema, registry: registry) }
    }

    @Test("an object shared by several parents is resolved once and shown at each place")
    func sharedObjects() async throws {
        let api = try await APIHarness.make()
        let query = #"""
            { boxes(baseId: "\#(Fixtures.BaseID.lesvos)") { elements { labelIdentifier product { id name } location { id name } } } }
            """#
        let answer = await api.run(query)
        #expect(answer.errors.isEmpty)
        let elements = answer.data?["boxes"]?["elements"]?.array ?? []
        let jeans = elements.filter { $0["product"]?["id"] == "1" }
        #expect(jeans.count == 3)
        #expect(jeans.allSatisfy { $0["product"] == ["id": "1", "name": "Jeans"] })
        #expect(elements.filter { $0["location"] == ["id": "1", "name": "WH Lesvos"] }.count == 3)
    }

    @Test("an error inside a shared object is reported at every place the object appears")
    func sharedObjectErrors() async throws {
        let api = try await APIHarness.make()
        var permissions = Fixtures.lesvosCoordinator.permissions
        permissions["user:read"] = nil
        let user = CurrentUser(
            id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA, maxBetaLevel: 99,
            permissions: permissions)
        let answer = await api.run(
            #"{ boxes(baseId: "\#(Fixtures.BaseID.lesvos)") { elements { labelIdentifier product { id createdBy { id } } } } }"#,
            as: user)
        let elements = answer.data?["boxes"]?["elements"]?.array ?? []
        #expect(elements.count == 4)
        #expect(elements.allSatisfy { $0["product"]?["createdBy"] == .null })
        let paths = answer.errors.compactMap { $0["path"]?.description }.sorted()
        let expected = elements.indices.map { index -> String in
            let path: JSONValue = ["boxes", "elements", .number(Double(index)), "product", "createdBy"]
            return path.description
        }
        #expect(paths == expected.sorted())
        #expect(answer.errors.count == 4)
        #expect(answer.errors.allSatisfy { $0["extensions"]?["code"] == "FORBIDDEN" })
    }

    @Test("on a database file, queries read from one snapshot and give their reader back; mutations see their writes")
    func readSessionsOnAFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "boxtribute-\(UUID().uuidString).sqlite3"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let logger = Logger.quiet()
        let database = try await SQLiteDatabase.open(path: path, readers: 2, logger: logger)
        try await SchemaMigrator.migrate(database, logger: logger)
        try await Fixtures.load(into: database)
        let api = APIHarness(api: try APIHarness.api(), database: database)
        let page =
            #"{ boxes(baseId: "\#(Fixtures.BaseID.lesvos)") { totalCount elements { labelIdentifier comment product { name } } } }"#
        let first = await api.run(page)
        #expect(first.errors.isEmpty)
        #expect(first.data?["boxes"]?["totalCount"] == 4)
        // More requests than readers: each one gives its reader back.
        for _ in 0..<5 { #expect(await api.run(page).json == first.json) }
        let update = await api.run(
            #"mutation { updateBox(updateInput: {labelIdentifier: "\#(Fixtures.BoxLabel.jeans)", comment: "Cold"}) { comment } }"#
        )
        #expect(update.data == ["updateBox": ["comment": "Cold"]])
        let after = await api.run(#"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") { comment } }"#)
        #expect(after.data == ["box": ["comment": "Cold"]])
        let sessions = [database.openReadSession(), database.openReadSession()]
        #expect(sessions.allSatisfy { $0 != nil })
        for session in sessions { session?.close() }
        await database.close()
    }

    @Test("every schema field has a resolver, for every API")
    func wiring() throws {
        for variant in APIVariant.allCases { _ = try GraphQLAPI(variant: variant) }
        var incomplete = APIVariant.full.registry()
        incomplete.objects["Tag"]?["color"] = nil
        let schema = try buildSchema(source: try APIVariant.full.sdlSource())
        #expect(throws: SchemaWiringError.self) { try CompiledSchema(schema: schema, registry: incomplete) }
    }
}
