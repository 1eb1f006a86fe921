import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import GraphQL
import OrderedCollections
import Testing

@testable import BoxtributeGraphQL

/// Each request an attacker used to crash, stall or exhaust the server, refused quickly with a
/// stable code; and each limit of ``GraphQLLimits`` at its edge.
@Suite("Request limits")
struct RequestLimitsTests {
    /// Answers `query` and checks it did not stall. A refusal costs microseconds, but the bound
    /// is a minute: it catches a return of the old behaviour (a stall of minutes to forever),
    /// never a slow machine; speed is the benchmarks' business.
    static func runQuickly(
        _ harness: APIHarness, _ query: String, variables: [String: Map] = [:],
        as user: CurrentUser? = Fixtures
            .lesvosCoordinator
    ) async -> APIHarness.Answer {
        let started = ContinuousClock.now
        let answer = await harness.run(query, variables: variables, as: user)
        #expect(ContinuousClock.now - started < .seconds(60))
        return answer
    }

    /// `document` sent anonymously to the public API (quickly, see ``runQuickly``).
    static func runPublic(_ document: String) async throws -> APIHarness.Answer {
        await runQuickly(try await APIHarness.make(.public), document, as: nil)
    }

    /// `document`, sent anonymously to the public API, is refused with `code`.
    static func expectRefused(_ document: String, code: String) async throws {
        let answer = try await runPublic(document)
        #expect(answer.kind == .refused)
        #expect(answer.firstCode == code)
    }

    static func nested(_ levels: Int, open: String, close: String, inner: String) -> String {
        String(repeating: open, count: levels) + inner + String(repeating: close, count: levels)
    }

    // MARK: What the attacker found

    @Test(
        "type-system definitions are refused before validation (GraphQLSwift's rules force-cast them)",
        arguments: [
            "schema { query: Query }", "extend schema { query: Query }", "type Foo { a: Int }",
            "{ __typename } schema { query: Query }", "scalar Foo", "directive @x on FIELD",
        ])
    func typeSystemDefinitions(document: String) async throws {
        let answer = try await Self.runPublic(document)
        #expect(answer.kind == .refused)
        #expect(answer.errors.first?["message"]?.string?.contains("only operations and fragments") == true)
        #expect(answer.data == nil)
    }

    @Test(
        "two equal operations in one document are refused before validation (GraphQLSwift's validation stopped the process)",
        arguments: [
            "query A { __typename } query A { __typename }", "{ __typename } { __typename }",
            "query A { __typename } query A { x: __typename }",
        ])
    func repeatedOperations(document: String) async throws {
        let answer = try await Self.runPublic(document)
        #expect(answer.kind == .refused)
        #expect(answer.errors.count == 1)
    }

    @Test("a selection nested 2,600 levels deep is refused before it is parsed")
    func deepSelection() async throws {
        try await Self.expectRefused(
            Self.nested(2600, open: "{ a ", close: "}", inner: "{ b }"), code: "DEPTH_LIMIT_EXCEEDED")
    }

    @Test("10,000 nested inline fragments and 10,000 nested list literals are refused")
    func nestedFragmentsAndLists() async throws {
        let harness = try await APIHarness.make(.public)
        let fragments = await Self.runQuickly(
            harness, Self.nested(10_000, open: "{ ... on Query ", close: "}", inner: "{ __typename }"), as: nil)
        #expect(fragments.firstCode == "DEPTH_LIMIT_EXCEEDED")
        let lists = await Self.runQuickly(
            harness, "{ __type(name: " + Self.nested(10_000, open: "[", close: "]", inner: "\"Base\"") + ") { name } }",
            as: nil)
        #expect(lists.firstCode == "INPUT_LIMIT_EXCEEDED")
    }

    @Test("a directive argument nested 40 levels deep is refused (validation's cost doubled per level)")
    func nestedDirectiveArgument() async throws {
        let value = Self.nested(40, open: "{a:", close: "}", inner: "1")
        try await Self.expectRefused("{ __typename @include(if: \(value)) }", code: "INPUT_LIMIT_EXCEEDED")
    }

    /// `{ ...F0 }` and fragments F0 … F`levels`, each spreading the next `spreads` times.
    static func fragmentChain(levels: Int, spreads: Int) -> String {
        var document = "{ ...F0 }\n"
        for level in 0..<levels {
            let spread = Array(repeating: "...F\(level + 1)", count: spreads).joined(separator: " ")
            document += "fragment F\(level) on Query { \(spread) }\n"
        }
        return document + "fragment F\(levels) on Query { __typename }"
    }

    @Test("fragments that each spread the next twice, 30 levels, are refused before validation")
    func fragmentExplosion() async throws {
        try await Self.expectRefused(Self.fragmentChain(levels: 30, spreads: 2), code: "FIELD_LIMIT_EXCEEDED")
    }

    @Test("a chain of 2,000 fragments, each spreading the next, is refused without recursing along it")
    func fragmentChain() async throws {
        try await Self.expectRefused(Self.fragmentChain(levels: 2000, spreads: 1), code: "DEPTH_LIMIT_EXCEEDED")
    }

    @Test(
        "a negative page size is a bad input, on every paginated field and both protected APIs",
        arguments: [
            (APIVariant.full, "boxes(baseId: \(Fixtures.BaseID.lesvos), paginationInput: {first: -2}) { totalCount }"),
            (
                APIVariant.full,
                "products(baseId: \(Fixtures.BaseID.lesvos), paginationInput: {first: -2}) { totalCount }"
            ),
            (APIVariant.full, "beneficiaries(paginationInput: {first: -2}) { totalCount }"),
            (
                APIVariant.full,
                "base(id: \(Fixtures.BaseID.lesvos)) { beneficiaries(paginationInput: {first: -2}) { totalCount } }"
            ),
            (APIVariant.query, "boxes(baseId: \(Fixtures.BaseID.lesvos), paginationInput: {first: -2}) { totalCount }"),
            (
                APIVariant.full,
                "boxes(baseId: \(Fixtures.BaseID.lesvos), paginationInput: {before: \"MDAwMDAwMDU=\", last: -1}) { totalCount }"
            ),
            (
                APIVariant.full,
                "location(id: \(Fixtures.LocationID.lesvosWarehouse)) { boxes(paginationInput: {first: -5}) { totalCount } }"
            ),
        ])
    func negativePageSize(variant: APIVariant, selection: String) async throws {
        let harness = try await APIHarness.make(variant)
        let answer = await Self.runQuickly(harness, "{ \(selection) }", as: Fixtures.god)
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.errors.first?["extensions"]?["description"]?.string?.contains("must not be negative") == true)
    }

    @Test("a page larger than the largest page size is a bad input; the front-end's 100,000 is allowed")
    func pageSizeLimit() async throws {
        let harness = try await APIHarness.make()
        let tooLarge = await harness.run(
            "{ boxes(baseId: \(Fixtures.BaseID.lesvos), paginationInput: {first: 100001}) { totalCount } }")
        #expect(tooLarge.firstCode == "BAD_USER_INPUT")
        let frontEnd = await harness.run(
            "{ boxes(baseId: \(Fixtures.BaseID.lesvos), paginationInput: {first: 100000}) { totalCount elements { labelIdentifier } } }"
        )
        #expect(frontEnd.errors.isEmpty)
        #expect((frontEnd.data?["boxes"]?["elements"]?.array?.count ?? 0) > 0)
    }

    @Test("pages nested four and five levels deep are refused before any SQL runs")
    func nestedPages() async throws {
        let harness = try await APIHarness.make()
        // Five levels, as found: deeper than the depth limit.
        let five = Self.nested(5, open: "location { boxes { elements { ", close: "} } }", inner: "labelIdentifier")
        let deep = await Self.runQuickly(
            harness, "{ box(labelIdentifier: \"\(Fixtures.BoxLabel.jeans)\") { \(five) } }")
        #expect(deep.firstCode == "DEPTH_LIMIT_EXCEEDED")
        #expect(deep.statements == 0)
        // Four levels fit the depth limit: 50 × 50 × 50 × 50 boxes exceed the cost limit.
        let four = Self.nested(
            4, open: "location { boxes { elements { ", close: "} } }",
            inner: "labelIdentifier comment state numberOfItems createdOn")
        let costly = await Self.runQuickly(
            harness, "{ box(labelIdentifier: \"\(Fixtures.BoxLabel.jeans)\") { \(four) } }")
        #expect(costly.firstCode == "COST_LIMIT_EXCEEDED")
        #expect(costly.statements == 0)
    }

    @Test("1,000 and 10,000 aliases of a 100-box page are refused before any SQL runs")
    func aliasBomb() async throws {
        let harness = try await APIHarness.make()
        for count in [1000, 10_000] {
            let aliases = (0..<count).map {
                "a\($0): boxes(baseId: \(Fixtures.BaseID.lesvos), paginationInput: {first: 100}) { elements { labelIdentifier } }"
            }
            let answer = await Self.runQuickly(harness, "{ \(aliases.joined(separator: " ")) }")
            #expect(answer.kind == .refused)
            #expect(
                ["ALIAS_LIMIT_EXCEEDED", "FIELD_LIMIT_EXCEEDED", "DOCUMENT_LIMIT_EXCEEDED"].contains(
                    answer.firstCode ?? ""))
            #expect(answer.statements == 0)
        }
    }

    @Test("100 aliases of a 100,000-box page exceed the cost limit before any SQL runs")
    func costLimit() async throws {
        let harness = try await APIHarness.make()
        let aliases = (0..<100).map {
            "a\($0): boxes(baseId: \(Fixtures.BaseID.lesvos), paginationInput: {first: 100000}) { elements { labelIdentifier comment } }"
        }
        let answer = await Self.runQuickly(harness, "{ \(aliases.joined(separator: " ")) }")
        #expect(answer.firstCode == "COST_LIMIT_EXCEEDED")
        #expect(answer.statements == 0)
    }

    @Test("a page size given in a variable counts towards the cost")
    func costFromVariables() async throws {
        let harness = try await APIHarness.make()
        let document = """
            query ($size: Int) { a: boxes(baseId: \(Fixtures.BaseID.lesvos), paginationInput: {first: $size}) {
              elements { labelIdentifier tags { id name } product { id name } location { id name } } } }
            """
        let small = await harness.run(document, variables: ["size": 10])
        #expect(small.errors.isEmpty)
        let large = try await harness.limited(GraphQLLimits(maxCost: 10_000)).run(
            document, variables: ["size": 5000])
        #expect(large.json["errors"]?[0]?["extensions"]?["code"]?.string == "COST_LIMIT_EXCEEDED")
        #expect(large.statements == 0)
    }

    @Test("a tag name of 1,000,000 characters is a bad input and stores nothing; 255 characters are fine")
    func longTagName() async throws {
        let harness = try await APIHarness.make()
        let before = try await harness.count("tags")
        let document = """
            mutation ($name: String!) { createTag(creationInput:
              {name: $name, color: "#aabbcc", type: All, baseId: \(Fixtures.BaseID.lesvos)}) { __typename ... on Tag { name } } }
            """
        let long = await harness.run(document, variables: ["name": .string(String(repeating: "x", count: 1_000_000))])
        #expect(long.firstCode == "BAD_USER_INPUT")
        #expect(long.errors.first?["extensions"]?["description"]?.string?.contains("longer than 255") == true)
        #expect(try await harness.count("tags") == before)
        let fits = await harness.run(document, variables: ["name": .string(String(repeating: "é", count: 255))])
        #expect(fits.errors.isEmpty)
        #expect(fits.data?["createTag"]?["name"]?.string?.count == 255)
    }

    @Test("a box comment longer than the text column is a bad input and changes nothing")
    func longComment() async throws {
        let harness = try await APIHarness.make()
        let comment = String(repeating: "c", count: TextLimits.longTextBytes + 1)
        let answer = await harness.run(
            "mutation ($c: String) { updateBox(updateInput: {labelIdentifier: \"\(Fixtures.BoxLabel.jeans)\", comment: $c}) { comment } }",
            variables: ["c": .string(comment)])
        #expect(answer.firstCode == "BAD_USER_INPUT")
        let stored = try await harness.scalar(
            "SELECT comments FROM stock WHERE box_id = ?", [.text(Fixtures.BoxLabel.jeans)])
        #expect(stored?.count ?? 0 < comment.count)
    }

    // MARK: Nothing internal in answers

    @Test(
        "bad escapes are syntax errors that name no Swift type, even at the end of the document",
        arguments: [
            "{ __type(name: \"\\uZZZZ\") { name } }", "{ __type(name: \"\\u", "{ __type(name: \"\\u12",
            "{ __type(name: \"\\q\") { name } }", "{ __type(name: \"abc",
        ])
    func badEscapes(document: String) async throws {
        let answer = try await Self.runPublic(document)
        #expect(answer.kind == .refused)
        let message = answer.errors.first?["message"]?.string ?? ""
        #expect(message.hasPrefix("Syntax Error"))
        #expect(!message.contains("UTF8View") && !message.contains("_slice"))
    }

    @Test("a syntax error in a megabyte-long line does not echo the line")
    func longLineSyntaxError() async throws {
        let harness = try await APIHarness.make(.public)
        let answer = await Self.runQuickly(
            harness, "{ __typename " + String(repeating: "a", count: 800_000) + " ) }", as: nil)
        #expect(answer.kind == .refused)
        #expect((answer.errors.first?["message"]?.string?.count ?? .max) <= ExecutionError.maxMessageLength + 1)
    }

    @Test("an invalid 800 KB variable is not echoed whole")
    func invalidLargeVariable() async throws {
        let harness = try await APIHarness.make()
        let answer = await harness.run(
            "query ($id: ID!) { base(id: $id) { name } }",
            variables: [
                "id": .dictionary(.init(uniqueKeysWithValues: (0..<50_000).map { ("k\($0)", .string("xxxxxxxxxx")) }))
            ])
        #expect(answer.data == nil || answer.data == .null)
        let message = answer.errors.first?["message"]?.string ?? ""
        #expect(message.contains("$id"))
        #expect(message.utf8.count < 2000)
    }

    @Test("validation messages naming a huge field name are cut")
    func longFieldName() async throws {
        let harness = try await APIHarness.make(.public)
        let answer = await harness.run("{ " + String(repeating: "z", count: 500_000) + " }", as: nil)
        #expect(answer.kind == .refused)
        #expect((answer.errors.first?["message"]?.string?.count ?? .max) <= ExecutionError.maxMessageLength + 1)
    }

    @Test("an unexpected error is answered as INTERNAL_SERVER_ERROR without its Swift description")
    func unexpectedErrors() {
        struct SecretFailure: Error { let detail = "table stock, password hunter2" }
        let error = ExecutionError(error: SecretFailure(), locations: [], path: [.key("boxes")])
        #expect(error.code == "INTERNAL_SERVER_ERROR")
        #expect(!error.message.contains("SecretFailure") && !error.message.contains("hunter2"))
        #expect(!(error.description ?? "").contains("hunter2"))
        #expect(ExecutionError.isUnexpected(SecretFailure()))
        #expect(!ExecutionError.isUnexpected(DomainError.notFound))
    }

    @Test(
        "dates and times with absurdly long numbers are bad input, not an overflow",
        arguments: [
            "2020-01-01T99999999999999999999:00", "2020-01-01T10:00+999999999999999999999",
            "99999999999999999999-01-01", "2020-01-01T10:00:00.123456789012345678901234567890Z",
        ])
    func absurdDatetimes(text: String) async throws {
        let harness = try await APIHarness.make()
        let answer = await harness.run(
            "query ($from: Date) { boxes(baseId: \(Fixtures.BaseID.lesvos), filterInput: {lastModifiedFrom: $from}) { totalCount } }",
            variables: ["from": .string(text)])
        #expect(answer.data == nil || answer.firstCode != "INTERNAL_SERVER_ERROR")
        #expect(!answer.errors.isEmpty)
    }

    // MARK: Limits at their edges

    @Test("variables nested deeper than the input limit, or holding too many values, are refused")
    func variableLimits() async throws {
        let harness = try await APIHarness.make()
        var deep: Map = .string("x")
        for _ in 0..<20 { deep = .array([deep]) }
        let nested = await harness.run("query ($ids: [ID!]) { __typename }", variables: ["ids": deep])
        #expect(nested.kind == .refused)
        #expect(nested.firstCode == "INPUT_LIMIT_EXCEEDED")
        let many = await harness.run(
            "query ($ids: [String!]!) { __typename }",
            variables: ["ids": .array((0..<100_001).map { _ in .string("1") })])
        #expect(many.firstCode == "INPUT_LIMIT_EXCEEDED")
    }

    @Test("a list in the variables longer than the list limit is refused before any SQL runs")
    func listLimit() async throws {
        let harness = try await APIHarness.make()
        let labels: Map = .array((0..<10_001).map { .string(String(10_000_000 + $0)) })
        let document = "mutation ($l: [String!]!) { deleteBoxes(labelIdentifiers: $l) { __typename } }"
        let refused = await harness.run(document, variables: ["l": labels])
        #expect(refused.firstCode == "INPUT_LIMIT_EXCEEDED")
        #expect(refused.statements == 0)
        let allowed = await harness.run(
            document, variables: ["l": .array((0..<10_000).map { .string(String(10_000_000 + $0)) })])
        #expect(allowed.kind == .executed)
        #expect(allowed.errors.isEmpty)
    }

    @Test("a document deeper than the depth limit is refused; the front-end's depth passes")
    func depthLimit() async throws {
        let harness = try await APIHarness.make()
        let deep =
            "{ base(id: \(Fixtures.BaseID.lesvos)) { "
            + Self.nested(8, open: "organisation { bases { ", close: "} } ", inner: "id")
            + "} }"
        let refused = await harness.run(deep)
        #expect(refused.firstCode == "DEPTH_LIMIT_EXCEEDED")
        let allowed = await harness.run(
            "{ base(id: \(Fixtures.BaseID.lesvos)) { "
                + Self.nested(6, open: "organisation { bases { ", close: "} } ", inner: "id") + "} }")
        #expect(allowed.errors.isEmpty)
    }

    @Test("a request past its time limit stops and says so")
    func timeLimit() async throws {
        let harness = try await APIHarness.make()
        let answer = try await harness.limited(GraphQLLimits(timeLimit: .zero)).run("{ bases { id } }")
        #expect(answer.json["errors"]?[0]?["extensions"]?["code"]?.string == "TIME_LIMIT_EXCEEDED")
        #expect(answer.json["data"] == .null)
    }

    @Test("a mutation runs to its end past the time limit: its changes are answered, not hidden")
    func mutationsAreNotStopped() async throws {
        let harness = try await APIHarness.make()
        let api = try GraphQLAPI(variant: .full, limits: GraphQLLimits(timeLimit: .zero))
        let context = ResolverContext(
            user: Fixtures.lesvosCoordinator, database: harness.database, environment: harness.environment,
            clientIsGone: { true })
        let response = await api.handle(
            GraphQLRequest(
                query:
                    "mutation { updateBox(updateInput: {labelIdentifier: \"\(Fixtures.BoxLabel.jeans)\", comment: \"late\"}) { comment } }"
            ), context: context)
        #expect(JSONValue.parse(response.body)?["data"]?["updateBox"]?["comment"]?.string == "late")
    }

    @Test("a request whose client has gone stops before running anything")
    func clientGone() async throws {
        let harness = try await APIHarness.make()
        let api = try GraphQLAPI(variant: .full)
        let context = ResolverContext(
            user: Fixtures.lesvosCoordinator, database: harness.database, clientIsGone: { true })
        let response = await api.handle(GraphQLRequest(query: "{ bases { id } }"), context: context)
        #expect(JSONValue.parse(response.body)?["data"] == .null)
        #expect(context.statementCount == 0)
    }

    @Test("a response larger than the response limit is replaced by an error")
    func responseLimit() async throws {
        let harness = try await APIHarness.make()
        let answer = try await harness.limited(GraphQLLimits(maxResponseBytes: 200)).run(
            "{ boxes(baseId: \(Fixtures.BaseID.lesvos)) { elements { labelIdentifier comment product { name } } } }")
        #expect(answer.json["errors"]?[0]?["extensions"]?["code"]?.string == "RESPONSE_LIMIT_EXCEEDED")
        #expect(answer.size < 1000)
    }

    @Test("errors beyond the listing limit are counted in one last entry")
    func errorListLimit() async throws {
        let harness = try await APIHarness.make()
        let thessaloniki = Fixtures.BaseID.thessaloniki
        let answer = try await harness.limited(GraphQLLimits(maxErrors: 1)).run(
            "{ a: base(id: \(thessaloniki)) { name } b: base(id: \(thessaloniki)) { name } c: base(id: \(thessaloniki)) { name } }"
        )
        let errors = answer.errors
        #expect(errors.count == 2)
        #expect(errors.last?["message"]?.string == "2 more errors are not listed (at most 1 are).")
    }

    @Test("more tokens than the token limit are refused before parsing")
    func tokenLimit() async throws {
        let harness = try await APIHarness.make(.public)
        let answer = await Self.runQuickly(
            harness, "{ __typename " + String(repeating: "@a ", count: 30_000) + "}", as: nil)
        #expect(answer.firstCode == "DOCUMENT_LIMIT_EXCEEDED")
    }

    @Test("every front-end document passes every limit", .enabled(if: SharedData.isAvailable))
    func frontendDocumentsPass() async throws {
        let limits = GraphQLLimits.standard
        let api = try GraphQLAPI(variant: .full)
        var costed = 0
        for operation in try FrontendOperationTests.operations() {
            #expect(throws: Never.self, "\(operation.name)") {
                try DocumentGuard.checkText(operation.document, limits: limits)
            }
            let document = try parse(source: Source(body: operation.document, name: operation.name))
            #expect(throws: Never.self, "\(operation.name)") {
                try DocumentGuard.checkDocument(document, limits: limits)
            }
            guard operation.api == "full", validate(schema: api.schema, ast: document).isEmpty else { continue }
            var fragments: [String: FragmentDefinition] = [:]
            for case let fragment as FragmentDefinition in document.definitions {
                fragments[fragment.name.value] = fragment
            }
            // The largest page the front-end asks for, in any variable that sets one.
            let variables: [String: Map] = ["paginationInput": 100_000]
            let estimate = CostEstimate(
                compiled: api.executor.compiled, fragments: fragments, variables: variables, limits: limits)
            for case let definition as OperationDefinition in document.definitions {
                let root = definition.operation == .mutation ? "Mutation" : "Query"
                let cost = estimate.cost(of: definition.selectionSet, rootType: root)
                #expect(cost <= limits.maxCost, "\(operation.name): cost \(cost)")
                costed += 1
            }
        }
        #expect(costed >= 60)
    }
}
