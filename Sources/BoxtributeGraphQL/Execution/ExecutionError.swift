import BoxtributeDomain
import GraphQL

/// An entry of the response's `errors` array.
public struct ExecutionError: Sendable, Equatable {
    public var message: String
    public var locations: [SourceLocation]
    public var path: [PathComponent]
    /// `extensions.code` and `extensions.description`, for coded errors.
    public var code: String?
    public var description: String?
    /// Further members of `extensions`, as JSON text (`"name":value,...`).
    public var additionalExtensions: String?

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
                message: Self.codedMessage, locations: locations, path: path, code: domain.apolloCode,
                description: domain.description)
        case let failure as any DataStoreFailure:
            // Never leak SQL to clients: the store's description goes to the log only.
            let mapped = failure.reported
            self.init(
                message: Self.codedMessage, locations: locations, path: path, code: mapped.apolloCode,
                description: mapped.description)
        case let mismatch as ImportMismatch:
            self.init(
                message: Self.codedMessage, locations: locations, path: path, code: "INTERNAL_SERVER_ERROR",
                description: ImportMismatch.description)
            additionalExtensions = mismatch.extensionsJSON
        case let located as ExecutionError:
            self = located
            if self.locations.isEmpty { self.locations = locations }
            if self.path.isEmpty { self.path = path }
        default:
            // Never a Swift type name or debug description: the cause goes to the log.
            self.init(
                message: Self.codedMessage, locations: locations, path: path, code: "INTERNAL_SERVER_ERROR",
                description: "The server could not process the request.")
        }
    }

    /// A request refused by a limit: its code, and a message saying which limit.
    init(_ violation: LimitViolation) {
        self.init(message: violation.message, code: violation.code)
    }

    /// Whether `error` is a failure of the server rather than an answer about the request
    /// (a refusal, a bad input, a missing resource): such errors are logged with their cause.
    static func isUnexpected(_ error: any Error) -> Bool {
        switch error {
        case is Forbidden, is ExecutionError: false
        case let domain as DomainError:
            switch domain {
            case .databaseFailure, .databaseUnavailable, .commitOutcomeUnknown, .internalError: true
            case .notFound, .invalidPaginationInput, .badUserInput: false
            }
        case let failure as any DataStoreFailure: failure.reported != .notFound
        default: true
        }
    }

    /// The longest message taken from a client's input (a validation or syntax error naming
    /// a field, a value...): longer ones are cut, so no answer grows with the input.
    static let maxMessageLength = 500

    /// `text`, cut to ``maxMessageLength`` characters.
    static func bounded(_ text: String) -> String {
        guard text.utf8.count > maxMessageLength else { return text }
        return String(text.prefix(maxMessageLength)) + "…"
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

extension DomainError {
    /// The `extensions.code` the API answers this error with (Apollo's codes, as the reference).
    var apolloCode: String {
        switch self {
        case .notFound, .invalidPaginationInput, .badUserInput: "BAD_USER_INPUT"
        case .databaseFailure, .commitOutcomeUnknown, .internalError: "INTERNAL_SERVER_ERROR"
        case .databaseUnavailable: "DATABASE_UNAVAILABLE"
        }
    }
}

extension ImportMismatch {
    /// `"invalid_fields":{"<row index>":[{"<field>":[<input>,<stored>]},...],...}`, as the
    /// reference's `InvalidBeneficiaryImport` reports it.
    var extensionsJSON: String {
        var writer = JSONWriter(capacity: 256)
        writer.raw("\"invalid_fields\":{")
        for (rowIndex, entry) in invalidFields.enumerated() {
            if rowIndex > 0 { writer.raw(",") }
            writer.string(String(entry.row))
            writer.raw(":[")
            for (fieldIndex, field) in entry.fields.enumerated() {
                if fieldIndex > 0 { writer.raw(",") }
                writer.raw("{")
                writer.string(field.name)
                writer.raw(":[")
                writer.imported(field.input)
                writer.raw(",")
                writer.imported(field.stored)
                writer.raw("]}")
            }
            writer.raw("]")
        }
        writer.raw("}")
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

extension JSONWriter {
    fileprivate mutating func imported(_ value: ImportedValue) {
        switch value {
        case .text(let text): string(text)
        case .integer(let number): int(number)
        case .boolean(let flag): flag ? raw("true") : raw("false")
        case .null: raw("null")
        }
    }
}
