import BoxtributeDomain
import GraphQL

extension ObjectResolvers {
    /// A user-valued field (`createdBy`, ...).
    mutating func user(_ name: String, id: @escaping @Sendable (Parent) -> Int?) {
        related(name, id: id) { ids, context in try await UserService.users(ids, in: context.readScope) }
    }

    /// `createdOn`, `createdBy`, `lastModifiedOn`, `lastModifiedBy` from audit stamps.
    mutating func audit(_ stamps: @escaping @Sendable (Parent) -> AuditStamps) {
        value("createdOn") { stamps($0).createdOn }
        value("lastModifiedOn") { stamps($0).lastModifiedOn }
        user("createdBy") { stamps($0).createdBy }
        user("lastModifiedBy") { stamps($0).lastModifiedBy }
    }
}

extension ResolverContext {
    /// Organisation and base names for an `UnauthorizedForBaseError` (empty when the base is unknown).
    func unauthorizedForBase(_ baseId: Base.ID) async throws -> UnauthorizedForBaseError {
        let names = try await BaseService.names(ofBase: baseId, in: session)
        return UnauthorizedForBaseError(
            id: baseId, name: names?.base ?? "", organisationName: names?.organisation ?? "")
    }

    /// Converts an authorization failure into the union member the reference returns,
    /// or rethrows it when the union has no member for it.
    func unionError(for forbidden: Forbidden) async throws -> any Sendable {
        switch forbidden.reason {
        case .permission(let name): return InsufficientPermissionError(name: name)
        case .resource("base", let value?):
            guard let id = Int(value).map(Base.ID.init(rawValue:)) else { throw forbidden }
            return try await unauthorizedForBase(id)
        case .resource: throw forbidden
        }
    }
}

/// The field outcomes of a batch whose items the service guarded one by one.
func outcomes<Value: Sendable>(_ results: [PerItem<Value>]) -> [FieldOutcome] {
    results.map { result in
        switch result {
        case .success(let value): .success(value)
        case .failure(let forbidden): .failure(forbidden)
        }
    }
}

extension ObjectResolvers {
    /// The `base` field of an entity of one base: `Forbidden` for the parents whose base the
    /// user may not read.
    mutating func base(_ name: String = "base", id: @escaping @Sendable (Parent) -> Base.ID) {
        batchOutcomes(name) { parents, context in
            outcomes(try await BaseService.bases(ofItemsIn: parents.map(id), in: context.readScope))
        }
    }
}

/// Runs `body` for one parent of a batch, capturing its error as that parent's outcome.
func outcome(_ body: () throws -> (any Sendable)?) -> FieldOutcome {
    do { return .success(try body()) } catch { return .failure(error) }
}

// MARK: Union members and enums

/// The user lacks a permission.
struct InsufficientPermissionError: GraphQLObjectValue {
    let name: String
    var graphQLTypeName: String { "InsufficientPermissionError" }
}

/// The user holds the permission but not for this base.
struct UnauthorizedForBaseError: GraphQLObjectValue {
    let id: Base.ID
    let name: String
    let organisationName: String
    var graphQLTypeName: String { "UnauthorizedForBaseError" }
}

/// A looked-up resource does not exist.
struct ResourceDoesNotExistError: GraphQLObjectValue {
    /// A numeric id or a box label.
    let id: String?
    let name: String
    var graphQLTypeName: String { "ResourceDoesNotExistError" }
}

extension Box: GraphQLObjectValue { public var graphQLTypeName: String { "Box" } }
extension QrCode: GraphQLObjectValue { public var graphQLTypeName: String { "QrCode" } }
extension StandardProduct: GraphQLObjectValue { public var graphQLTypeName: String { "StandardProduct" } }
extension Page: GraphQLObjectValue where Element == StandardProduct {
    public var graphQLTypeName: String { "StandardProductPage" }
}

extension BoxState: GraphQLEnumValue { public var graphQLName: String { name } }
extension ProductGender: GraphQLEnumValue { public var graphQLName: String { name } }
extension TagType: GraphQLEnumValue { public var graphQLName: String { rawValue } }
extension ProductType: GraphQLEnumValue { public var graphQLName: String { rawValue } }

extension ResolverRegistry {
    /// The error types shared by the result unions.
    mutating func registerErrorTypes() {
        object("InsufficientPermissionError", InsufficientPermissionError.self) { $0.value("name") { $0.name } }
        object("UnauthorizedForBaseError", UnauthorizedForBaseError.self) {
            $0.value("id") { $0.id }
            $0.value("name") { $0.name }
            $0.value("organisationName") { $0.organisationName }
        }
        object("ResourceDoesNotExistError", ResourceDoesNotExistError.self) {
            $0.value("id") { $0.id }
            $0.value("name") { $0.name }
        }
    }

    /// `PageInfo` and a page type whose elements are `Element`.
    mutating func registerPage<Element: Sendable>(_ typeName: String, of element: Element.Type) {
        object(typeName, Page<Element>.self) {
            $0.objectList("elements") { $0.elements }
            $0.field("pageInfo") { $0.pageInfo }
            $0.value("totalCount") { $0.totalCount }
        }
        if objects["PageInfo"] == nil {
            object("PageInfo", PageInfo.self) {
                $0.value("hasPreviousPage") { $0.hasPreviousPage }
                $0.value("hasNextPage") { $0.hasNextPage }
                $0.value("startCursor") { $0.startCursor }
                $0.value("endCursor") { $0.endCursor }
            }
        }
    }
}
