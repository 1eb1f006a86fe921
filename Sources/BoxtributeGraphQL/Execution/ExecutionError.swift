import BoxtributeCore
import BoxtributeStorage
import GraphQL

/// An entry of the response's `errors` array.
public struct ExecutionError: Sendable, Equatable {
    public var message: String
    public var locations: [SourceLocation]
    public var path: [PathComponent]
    /// `extensions.code` and `extensions.description`, for coded errors.
    public var code: String?
    public var description: String?

    public init(
        message: String, locations: [SourceLocation] = [], path: [PathComponent] = [], code: String? = nil,
        description: String? = nil
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.code = code
        self.description = description
    }

    /// The message GraphQL gives coded errors whose own message is empty.
    public static let codedMessage = "An unknown error occurred."

    /// Maps an error thrown by a resolver to what the client sees, as the reference does.
    init(error: any Error, locations: [SourceLocation], path: [PathComponent]) {
        switch error {
        case let forbidden as Forbidden:
            self.init(
                message: Self.codedMessage, locations: locations, path: path, code: "FORBIDDEN",
                description: forbidden.description)
        case let domain as DomainError:
            self.init(
                message: Self.codedMessage, locations: locations, path: path, code: domain.code,
                description: domain.description)
        case let database as DatabaseError:
            // Never leak SQL to clients; integrity violations read as a missing resource.
            let mapped: DomainError = database.kind == .constraintViolation ? .notFound : .databaseFailure
            self.init(
                message: Self.codedMessage, locations: locations, path: path, code: mapped.code,
                description: mapped.description)
        case let located as ExecutionError:
            self = located
            if self.locations.isEmpty { self.locations = locations }
            if self.path.isEmpty { self.path = path }
        default:
            self.init(message: String(describing: error), locations: locations, path: path)
        }
    }
}

extension ExecutionError: Error {}

/// Source positions of AST nodes, as `line`/`column`.
enum SourcePositions {
    static func locations(of fields: [Field]) -> [SourceLocation] {
        guard let first = fields.first else { return [] }
        return GraphQLError(message: "", nodes: [first]).locations
    }
}
