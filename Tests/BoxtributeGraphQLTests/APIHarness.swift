import BoxtributeCore
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import OrderedCollections

/// Runs documents against one API variant over a fresh fixture database.
struct APIHarness {
    let api: GraphQLAPI
    let database: any Database

    /// The answer to one request.
    struct Answer {
        let status: Int
        let json: JSONValue
        let statements: Int
        var data: JSONValue? { json["data"] }
        var errors: [JSONValue] { json["errors"]?.array ?? [] }
        /// `extensions.code` of the first error.
        var firstCode: String? { errors.first?["extensions"]?["code"]?.string }
    }

    static func make(_ variant: APIVariant = .full, introspection: Bool = true) async throws -> APIHarness {
        APIHarness(
            api: try GraphQLAPI(variant: variant, introspection: introspection),
            database: try await Fixtures.makeDatabase())
    }

    func run(
        _ query: String, variables: [String: Map] = [:], operationName: String? = nil,
        as user: CurrentUser? = Fixtures.lesvosCoordinator
    ) async -> Answer {
        let context = ResolverContext(user: user, database: database)
        let response = await api.handle(
            GraphQLRequest(query: query, variables: variables, operationName: operationName), context: context)
        return Answer(
            status: response.status, json: JSONValue.parse(response.body) ?? .null, statements: context.statementCount)
    }
}
