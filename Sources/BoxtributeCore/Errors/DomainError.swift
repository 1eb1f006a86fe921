/// Business errors that surface in the GraphQL `errors` array with a code.
public enum DomainError: Error, Equatable, Sendable {
    /// A looked-up row does not exist (`BAD_USER_INPUT`).
    case notFound
    /// `paginationInput` without `after`/`first` and without `before`.
    case invalidPaginationInput
    /// Any other database failure (`INTERNAL_SERVER_ERROR`).
    case databaseFailure
    /// A bad argument value the reference rejects with a code.
    case badUserInput(String)
    /// A failure the reference reports as `INTERNAL_SERVER_ERROR` with its own text.
    case internalError(String)

    /// The `extensions.code` of this error.
    public var code: String {
        switch self {
        case .notFound, .invalidPaginationInput, .badUserInput: "BAD_USER_INPUT"
        case .databaseFailure, .internalError: "INTERNAL_SERVER_ERROR"
        }
    }

    /// The `extensions.description` of this error.
    public var description: String {
        switch self {
        case .notFound: "The requested resource does not exist in the database."
        case .invalidPaginationInput: "Invalid pagination input: missing 'before' field."
        case .databaseFailure: "The database failed to perform the requested action."
        case .badUserInput(let text), .internalError(let text): text
        }
    }
}
