/// Business errors of any domain; the API layer chooses how each is answered.
public enum DomainError: Error, Equatable, Sendable {
    /// A looked-up row does not exist.
    case notFound
    /// `paginationInput` without `after`/`first` and without `before`.
    case invalidPaginationInput
    /// Any other database failure.
    case databaseFailure
    /// The database could not be reached or did not answer in time; nothing was written and
    /// the request may be repeated.
    case databaseUnavailable
    /// The connection was lost while a change was being committed: it may or may not have
    /// been saved.
    case commitOutcomeUnknown
    /// A bad argument value the reference rejects, with its text.
    case badUserInput(String)
    /// A failure the reference reports as an internal error, with its own text.
    case internalError(String)

    /// What went wrong, in the reference's words (the API shows it as `extensions.description`).
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

/// A failure of the data store. The API answers it as ``reported`` and never shows the store's
/// own description, which may hold SQL; that goes to the log.
public protocol DataStoreFailure: Error {
    /// What the client is told.
    var reported: DomainError { get }
}
