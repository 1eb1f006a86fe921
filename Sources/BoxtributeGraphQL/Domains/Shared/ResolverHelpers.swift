import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import GraphQL

extension ObjectResolvers {
    /// A field holding the id of another row, loaded for the whole batch in one statement.
    /// - Parameter permission: a base-agnostic permission checked once per batch.
    mutating func legacyRelated<Target: Sendable>(
        _ name: String, permission: String?, id: @escaping @Sendable (Parent) -> Int?,
        load: @escaping @Sendable ([Int], ResolverContext) async throws -> [Int: Target]
    ) {
        legacyChild(name) { parents, _, context in
            try await Self.loadRelated(parents, permission: permission, id: id, load: load, context: context)
        }
    }

    /// ``legacyRelated(_:permission:id:load:)`` for a field of an interface or union type, whose
    /// values go through the general path that picks each one's object type.
    mutating func legacyRelatedOfAbstractType<Target: Sendable>(
        _ name: String, permission: String?, id: @escaping @Sendable (Parent) -> Int?,
        load: @escaping @Sendable ([Int], ResolverContext) async throws -> [Int: Target]
    ) {
        legacyBatchValues(name) { parents, _, context in
            try await Self.loadRelated(parents, permission: permission, id: id, load: load, context: context)
        }
    }

    private static func loadRelated<Target>(
        _ parents: [Parent], permission: String?, id: (Parent) -> Int?,
        load: ([Int], ResolverContext) async throws -> [Int: Target], context: ResolverContext
    ) async throws -> [Target?] {
        if let permission { try context.currentUser.authorize(permission) }
        let parentIds = parents.map(id)
        let ids = parentIds.compactMap { $0 }
        let rows = ids.isEmpty ? [:] : try await load(ids, context)
        return parentIds.map { $0.flatMap { rows[$0] } }
    }

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
    func unauthorizedForBase(_ baseId: Int) async throws -> UnauthorizedForBaseError {
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
            guard let id = Int(value) else { throw forbidden }
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
    mutating func base(_ name: String = "base", id: @escaping @Sendable (Parent) -> Int) {
        batchOutcomes(name) { parents, context in
            outcomes(try await BaseService.bases(ofItemsIn: parents.map(id), in: context.readScope))
        }
    }
}

/// Runs `body` for one parent of a batch, capturing its error as that parent's outcome.
func outcome(_ body: () throws -> (any Sendable)?) -> FieldOutcome {
    do { return .success(try body()) } catch { return .failure(error) }
}

/// One outcome per parent, each parent guarded by `permission` for its base (FORBIDDEN where
/// it is missing). `resolve` runs once, with the permitted parents only, and returns how each
/// of them gets its value — so a batch costs one load whatever the mix of bases.
func permittedPerBase<Parent>(
    _ parents: [Parent], permission: String, context: ResolverContext, baseId: (Parent) -> Int,
    resolve: ([Parent]) async throws -> (Parent) -> (any Sendable)?
) async throws -> [FieldOutcome] {
    let user = try context.currentUser
    let permitted = parents.filter { user.can(permission, baseId: baseId($0)) }
    let value = permitted.isEmpty ? { _ in nil } : try await resolve(permitted)
    return parents.map { parent in
        outcome {
            try user.authorize(permission, baseId: baseId(parent))
            return value(parent)
        }
    }
}

/// Lists of rows per parent, each parent guarded by `permission` for its base: rows are loaded
/// in one call for the permitted parents' keys and grouped by `rowKey`.
func checkedLists<Parent, Row: Sendable>(
    _ parents: [Parent], permission: String, context: ResolverContext, baseId: (Parent) -> Int,
    key: @escaping (Parent) -> Int, rowKey: (Row) -> Int?, load: ([Int]) async throws -> [Row]
) async throws -> [FieldOutcome] {
    try await permittedPerBase(parents, permission: permission, context: context, baseId: baseId) { permitted in
        var byKey: [Int: [Row]] = [:]
        for row in try await load(permitted.map(key)) {
            if let value = rowKey(row) { byKey[value, default: []].append(row) }
        }
        return { parent in byKey[key(parent)] ?? [] }
    }
}

/// Reads `PaginationInput` from the arguments; pages are at most the API's largest page size.
func pageRequest(_ arguments: Arguments, context: ResolverContext) throws(DomainError) -> PageRequest {
    guard let input = arguments.object("paginationInput") else { return try PageRequest(nil) }
    return try PageRequest(
        PaginationInput(
            after: input.string("after"), first: input.int("first"), before: input.string("before"),
            last: input.int("last")),
        maximumLimit: context.limits.maxPageSize)
}

/// Reads `FilterBoxInput`.
func boxFilter(_ arguments: Arguments) -> BoxFilter {
    var filter = BoxFilter()
    guard let input = arguments.object("filterInput") else { return filter }
    filter.states = input.stringList("states")?.compactMap(BoxState.init(name:))
    filter.lastModifiedFrom = input.string("lastModifiedFrom")
    filter.lastModifiedUntil = input.string("lastModifiedUntil")
    filter.productGender = input.string("productGender").flatMap(ProductGender.init(name:))
    filter.productGenders = input.stringList("productGenders")?.compactMap(ProductGender.init(name:))
    filter.productCategoryId = input.int("productCategoryId")
    filter.productCategoryIds = input.intList("productCategoryIds")
    filter.productId = input.int("productId")
    filter.productIds = input.intList("productIds")
    filter.sizeId = input.int("sizeId")
    filter.tagIds = input.intList("tagIds")
    filter.locationIds = input.intList("locationIds")
    return filter
}

// MARK: Union members and enums

/// The user lacks a permission.
struct InsufficientPermissionError: GraphQLObjectValue {
    let name: String
    var graphQLTypeName: String { "InsufficientPermissionError" }
}

/// The user holds the permission but not for this base.
struct UnauthorizedForBaseError: GraphQLObjectValue {
    let id: Int
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
