/// Business errors that surface in the GraphQL `errors` array with a code.
public enum DomainError: Error, Equatable, Sendable {
    /// A looked-up row does not exist (`BAD_USER_INPUT`).
    case notFound
    /// `paginationInput` without `after`/`first` and without `before`.
    case invalidPaginationInput
    /// Any other database failure (`INTERNAL_SERVER_ERROR`).
    case databaseFailure
    /// The database could not be reached or did not answer in time; nothing was written and
    /// the request may be repeated (`DATABASE_UNAVAILABLE`).
    case databaseUnavailable
    /// The connection was lost while a change was being committed: it may or may not have
    /// been saved (`INTERNAL_SERVER_ERROR`).
    case commitOutcomeUnknown
    /// A bad argument value the reference rejects with a code.
    case badUserInput(String)
    /// A failure the reference reports as `INTERNAL_SERVER_ERROR` with its own text.
    case internalError(String)

    /// The `extensions.code` of this error.
    public var code: String {
        switch self {
        case .notFound, .invalidPaginationInput, .badUserInput: "BAD_USER_INPUT"
        case .databaseFailure, .commitOutcomeUnknown, .internalError: "INTERNAL_SERVER_ERROR"
        case .databaseUnavailable: "DATABASE_UNAVAILABLE"
        }
    }

    /// The `extensions.description` of this error.
    public var description: String {
        switch self {
        case .notFound: "The requested resource does not exist in the database."
        case .invalidPaginationInput: "Invalid pagination input: missing 'before' field."
        case .databaseFailure: "The database failed to perform the requested action."
        case .databaseUnavailable:
            "The database is unavailable at the moment; nothing was changed, and the request may be repeated."
        case .commitOutcomeUnknown:
            "The connection to the database was lost while the change was being saved: it may or may not have been saved. Check before repeating it."
        case .badUserInput(let text), .internalError(let text): text
        }
    }
}
