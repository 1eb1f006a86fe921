import BoxtributeDomain

/// A ``UserError`` as a member of a result union.
struct UserErrorValue: GraphQLObjectValue {
    let error: UserError

    var graphQLTypeName: String {
        switch error {
        case .resourceDoesNotExist: "ResourceDoesNotExistError"
        case .invalidPrice: "InvalidPriceError"
        case .emptyName: "EmptyNameError"
        case .boxesStillAssignedToProduct: "BoxesStillAssignedToProductError"
        case .standardProductAlreadyEnabledForBase: "StandardProductAlreadyEnabledForBaseError"
        case .outdatedStandardProductVersion: "OutdatedStandardProductVersionError"
        case .productTypeMismatch: "ProductTypeMismatchError"
        case .tagTypeMismatch: "TagTypeMismatchError"
        case .tagBaseMismatch: "TagBaseMismatchError"
        case .productLocationBaseMismatch: "ProductLocationBaseMismatchError"
        case .deletedLocation: "DeletedLocationError"
        case .deletedTag: "DeletedTagError"
        case .deletedBase: "DeletedBaseError"
        case .deletedBox: "DeletedBoxError"
        case .invalidBoxState: "InvalidBoxStateError"
        case .invalidNumberOfItems: "InvalidNumberOfItemsError"
        case .invalidColor: "InvalidColorError"
        case .invalidBase: "InvalidBaseError"
        case .invalidDate: "InvalidDateError"
        }
    }

    /// The value of the error type's one field.
    var fieldValue: (any Sendable)? {
        switch error {
        case .resourceDoesNotExist, .emptyName, .tagBaseMismatch, .productLocationBaseMismatch: nil
        case .invalidPrice(let value): value
        case .boxesStillAssignedToProduct(let labels): labels
        case .standardProductAlreadyEnabledForBase(let id): id
        case .outdatedStandardProductVersion(let id): id
        case .productTypeMismatch(let type): type
        case .tagTypeMismatch(let type): type
        case .deletedLocation(let name), .deletedTag(let name), .deletedBase(let name): name
        case .deletedBox(let label): label
        case .invalidBoxState(let state): state
        case .invalidNumberOfItems(let number): number
        case .invalidColor(let color): color
        case .invalidBase(let ids): ids
        case .invalidDate(let date): date
        }
    }

    /// The union member for `error`.
    static func member(for error: UserError) -> any Sendable {
        if case .resourceDoesNotExist(let id, let name) = error { return ResourceDoesNotExistError(id: id, name: name) }
        return UserErrorValue(error: error)
    }

    /// Error types and the name of their one field.
    static let fieldNames: [String: String] = [
        "InvalidPriceError": "value", "EmptyNameError": "_", "BoxesStillAssignedToProductError": "labelIdentifiers",
        "StandardProductAlreadyEnabledForBaseError": "existingStandardProductInstantiationId",
        "OutdatedStandardProductVersionError": "mostRecentStandardProductId",
        "ProductTypeMismatchError": "expectedType",
        "TagTypeMismatchError": "expectedType", "TagBaseMismatchError": "_", "ProductLocationBaseMismatchError": "_",
        "DeletedLocationError": "name", "DeletedTagError": "name", "DeletedBaseError": "name",
        "DeletedBoxError": "labelIdentifier", "InvalidBoxStateError": "state",
        "InvalidNumberOfItemsError": "numberOfItems", "InvalidColorError": "color", "InvalidBaseError": "ids",
    ]
}

extension ResolverRegistry {
    /// The error types of ``UserError``, each with its one field.
    mutating func registerUserErrorTypes() {
        for (typeName, field) in UserErrorValue.fieldNames {
            object(typeName, UserErrorValue.self) { $0.field(field) { $0.fieldValue } }
        }
    }
}

extension ResolverContext {
    /// Runs a union-returning mutation: authorization failures and user errors become union
    /// members; other errors go to `errors`.
    func unionMutation(_ body: @Sendable (MutationScope) async throws -> any Sendable) async throws -> any Sendable {
        do {
            return try await mutate(body)
        } catch {
            return try await unionMember(for: error)
        }
    }

    /// The union member for an authorization failure or a user error (a failed mutation, a tag
    /// error of a bulk tag operation); any other error is thrown.
    func unionMember(for error: any Error) async throws -> any Sendable {
        switch error {
        case let forbidden as Forbidden: try await unionError(for: forbidden)
        case let userError as UserError: UserErrorValue.member(for: userError)
        default: throw error
        }
    }
}

extension Tag: GraphQLObjectValue { public var graphQLTypeName: String { "Tag" } }
extension Product: GraphQLObjectValue { public var graphQLTypeName: String { "Product" } }
