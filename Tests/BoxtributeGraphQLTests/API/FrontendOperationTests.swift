import BoxtributeDatabase
import BoxtributeGraphQL
import BoxtributeTestSupport
import Foundation
import GraphQL
import OrderedCollections
import Testing

/// The React front-end's documents (`../shared/data/frontend-operations.json`) against our schemas.
@Suite("Front-end operations")
struct FrontendOperationTests {
    struct Operation: Decodable {
        let name: String
        let kind: String
        let api: String
        let document: String
    }

    static func operations() throws -> [Operation] {
        guard let url = SharedData.frontendOperations else { return [] }
        return try JSONDecoder().decode([Operation].self, from: Data(contentsOf: url))
    }

    /// The root fields an operation selects (through fragments too).
    static func rootFields(of document: Document) -> Set<String> {
        var fragments: [String: FragmentDefinition] = [:]
        for case let fragment as FragmentDefinition in document.definitions {
            fragments[fragment.name.value] = fragment
        }
        var names: Set<String> = []
        func collect(_ selectionSet: SelectionSet) {
            for selection in selectionSet.selections {
                switch selection {
                case let field as Field: names.insert(field.name.value)
                case let inline as InlineFragment: collect(inline.selectionSet)
                case let spread as FragmentSpread: fragments[spread.name.value].map { collect($0.selectionSet) }
                default: break
                }
            }
        }
        for case let operation as OperationDefinition in document.definitions { collect(operation.selectionSet) }
        return names
    }

    /// Validates every operation of `kind` whose root fields the schema serves; returns how many.
    static func validateServed(kind: String) throws -> Int {
        let schemas = [
            "full": try GraphQLAPI(variant: .full).schema, "public": try GraphQLAPI(variant: .public).schema,
        ]
        var checked = 0
        for operation in try operations() where operation.kind == kind {
            let schema = try #require(schemas[operation.api])
            let rootType = kind == "mutation" ? schema.mutationType : schema.queryType
            let served = Set(try (rootType?.fields() ?? [:]).keys)
            let document = try parse(source: Source(body: operation.document, name: operation.name))
            guard rootFields(of: document).isSubset(of: served) else { continue }
            checked += 1
            let errors = validate(schema: schema, ast: document)
            #expect(errors.isEmpty, "\(operation.name): \(errors.prefix(3).map(\.message))")
        }
        return checked
    }

    @Test("every query whose root fields we serve validates against our schema", .enabled(if: SharedData.isAvailable))
    func queriesInScopeValidate() throws {
        // 47 front-end queries use only root fields we serve (all but the distribution views'
        // mutations' read-backs), the statistics dashboard's and the shared link's included.
        #expect(try Self.validateServed(kind: "query") >= 47)
    }

    @Test(
        "every mutation whose root fields we serve validates against our schema", .enabled(if: SharedData.isAvailable))
    func mutationsInScopeValidate() throws {
        // 36 front-end mutations use only warehouse, transfer and share-link mutations; 15
        // more the mobile-distribution ones.
        #expect(try Self.validateServed(kind: "mutation") >= 51)
    }
}
