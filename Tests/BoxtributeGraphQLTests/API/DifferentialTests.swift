import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import OrderedCollections
import Testing

@testable import BoxtributeGraphQL

/// Runs documents through our executor and through GraphQLSwift's reference executor, over the
/// same schema, resolvers and data, and requires the same `data` and the same error paths.
///
/// GraphQLSwift cannot resolve interface and union members of an SDL-built schema (its
/// `resolveType` cannot be set), so these documents avoid abstract types; those are covered by
/// the expected-output tests.
@Suite("Differential: our executor against GraphQLSwift's")
struct DifferentialTests {
    static let documents: [(query: String, variables: [String: Map])] = [
        ("{ bases { id name organisation { id name } } organisations { name } }", [:]),
        (
            #"{ base(id: "\#(Fixtures.BaseID.lesvos)") { locations { id name defaultBoxState createdBy { name } } products { name gender price } tags { name type } } }"#,
            [:]
        ),
        (
            #"{ a: base(id: "\#(Fixtures.BaseID.lesvos)") { ...F } b: base(id: "\#(Fixtures.BaseID.samos)") { ...F } } fragment F on Base { id name instockBoxesCount instockItemsCount }"#,
            [:]
        ),
        (
            #"{ boxes(baseId: "\#(Fixtures.BaseID.lesvos)") { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } elements { id labelIdentifier state numberOfItems weight monetaryValue measureValue comment deletedOn product { name category { name hasGender } sizeRange { name sizes { label } } } size { label } displayUnit { symbol } weightDisplayUnit { name } qrCode { code createdOn } tags { id name } createdBy { name } lastModifiedOn sourceBox { id } } } }"#,
            [:]
        ),
        (
            #"query($b: ID!, $p: PaginationInput, $f: FilterBoxInput) { boxes(baseId: $b, paginationInput: $p, filterInput: $f) { totalCount elements { id } } }"#,
            [
                "b": .string(String(Fixtures.BaseID.lesvos)), "p": .dictionary(["first": .number(2)]),
                "f": .dictionary(["states": .array([.string("InStock"), .string("Lost")])]),
            ]
        ),
        (
            #"{ box(labelIdentifier: "\#(Fixtures.BoxLabel.jeans)") { history { id changes changeDate user { name } } tags { name lastUsedOn } } }"#,
            [:]
        ),
        (
            #"query($skip: Boolean!) { organisation(id: "\#(Fixtures.Org.aidA)") { name bases { name tags @skip(if: $skip) { id } } } }"#,
            ["skip": .bool(false)]
        ),
        (
            #"{ user(id: "\#(Fixtures.UserID.lesvosCoordinator)") { name email validFirstDay bases { name } organisation { name } } other: user(id: "\#(Fixtures.UserID.samosVolunteer)") { name email } }"#,
            [:]
        ),
        (
            #"{ products(paginationInput: {before: "MDAwMDAwMDM=", last: 1}) { totalCount elements { id type standardProduct { name } } pageInfo { hasPreviousPage hasNextPage } } }"#,
            [:]
        ),
        (
            "{ productCategories { id name hasGender products { totalCount } } sizeRanges { id name label sizes { name } units { name symbol } } }",
            [:]
        ),
        (
            #"{ tag(id: "\#(Fixtures.TagID.winter)") { id name description color type base { id } createdOn createdBy { id } lastModifiedBy { id } } tags { id } }"#,
            [:]
        ),
        (#"{ product(id: "\#(Fixtures.ProductID.blanket)") { name } bases { id } }"#, [:]),
        (#"{ boxes(baseId: "\#(Fixtures.BaseID.samos)") { totalCount } }"#, [:]),
        (
            #"{ location(id: "\#(Fixtures.LocationID.lesvosWarehouse)") { name boxes(paginationInput: {first: 1}) { totalCount elements { labelIdentifier } } } }"#,
            [:]
        ),
    ]

    @Test("identical results for every document", arguments: documents.indices)
    func identical(_ index: Int) async throws {
        let (query, variables) = Self.documents[index]
        let harness = try await APIHarness.make()
        let ours = await harness.run(query, variables: variables)

        let reference = try Self.referenceSchema()
        let document = try parse(source: Source(body: query))
        #expect(validate(schema: reference, ast: document).isEmpty)
        let context = ResolverContext(user: Fixtures.lesvosCoordinator, database: harness.database)
        let result = try await GraphQL.execute(
            schema: reference, documentAST: document, rootValue: RootValue(), context: context,
            variableValues: variables)

        let referenceData = JSONValue.parse(Array(try GraphQLJSONEncoder().encode(result.data ?? .null))) ?? .null
        #expect(
            ours.data == referenceData,
            "document \(index): ours \(ours.errors), reference \(result.errors.map(\.message))")
        let ourPaths = Set(ours.errors.map { $0["path"]?.description ?? "" })
        let referencePaths = Set(
            result.errors.map { error in
                JSONValue.array(
                    error.path.elements.map { element in
                        switch element {
                        case .index(let position): JSONValue.number(Double(position))
                        case .key(let key): JSONValue.string(key)
                        }
                    }
                ).description
            })
        #expect(ourPaths == referencePaths, "document \(index)")
    }

    /// The full API's schema with our resolvers attached to GraphQLSwift's fields.
    static func referenceSchema() throws -> GraphQLSchema {
        let schema = try buildSchema(source: try APIVariant.full.sdlSource())
        Scalars.install(on: schema)
        let registry = APIVariant.full.registry()
        for (name, type) in schema.typeMap {
            guard let object = type as? GraphQLObjectType, let resolvers = registry.objects[name] else { continue }
            let fields = try object.fields()
            for (fieldName, field) in fields {
                guard let resolution = resolvers[fieldName] else { continue }
                let shape = try CompiledSchema.shape(of: field.type, in: schema)
                field.resolve = { source, args, context, _ in
                    guard let context = context as? ResolverContext else { return nil }
                    var values: [String: Map] = [:]
                    if case .dictionary(let given) = args { for (key, value) in given { values[key] = value } }
                    let arguments = Arguments(values)
                    guard let parents = registry.casters[name]?([source])?.parents else {
                        return nil
                    }
                    let value: (any Sendable)?
                    switch resolution {
                    case .perObject(let resolve): value = try resolve(parents, 0, arguments, context)
                    case .leaf(let resolve): value = resolve(parents)[0].boxed
                    case .batch(let resolve): value = try await resolve(parents, arguments, context)[0].get()
                    case .children(let resolution):
                        value = try await resolution.resolve(parents, arguments, context)
                            .boxedValue(ofParent: 0, isList: resolution.isList)
                    }
                    return leafMap(value, shape: shape) ?? value
                }
            }
            object.fields = { fields }
        }
        return schema
    }

    /// Leaf values serialised the way our executor does, so both sides compare the same wire values.
    static func leafMap(_ value: (any Sendable)?, shape: TypeShape) -> Map? {
        guard let value else { return nil }
        switch shape {
        case .nonNull(let inner): return leafMap(value, shape: inner)
        case .leaf(let kind, _):
            if let optional = value as? any OptionalValue, optional.isNone { return nil }
            return Executor.serializeLeaf(value, kind: kind)?.map
        case .list(let inner):
            guard case .leaf = inner.unwrapped, let items = value as? [(any Sendable)?] else { return nil }
            return .array(items.map { leafMap($0, shape: inner) ?? .null })
        default: return nil
        }
    }
}

extension TypeShape {
    var unwrapped: TypeShape {
        if case .nonNull(let inner) = self { return inner.unwrapped }
        return self
    }
}
