/// A value that knows its GraphQL object type (union members such as error types).
public protocol GraphQLObjectValue: Sendable {
    var graphQLTypeName: String { get }
}

/// The value of the root `Query`/`Mutation` object.
public struct RootValue: Sendable {
    public init() {}
}
