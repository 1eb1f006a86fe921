import BoxtributeCore
import BoxtributeStorage
import Foundation
import GraphQL
import Logging
import Synchronization

/// A GraphQL request body.
public struct GraphQLRequest: Sendable, Decodable {
    public var query: String?
    public var variables: [String: Map]?
    public var operationName: String?

    public init(query: String?, variables: [String: Map]? = nil, operationName: String? = nil) {
        self.query = query
        self.variables = variables
        self.operationName = operationName
    }

    enum CodingKeys: String, CodingKey { case query, variables, operationName }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        query = try? container.decodeIfPresent(String.self, forKey: .query)
        variables = try? container.decodeIfPresent([String: Map].self, forKey: .variables)
        operationName = try? container.decodeIfPresent(String.self, forKey: .operationName)
    }
}

/// An HTTP answer to a GraphQL request: status and JSON body.
public struct GraphQLHTTPResponse: Sendable {
    public var status: Int
    public var body: [UInt8]
}

/// One API variant: its schema, resolvers, document cache and executor.
public final class GraphQLAPI: Sendable {
    public let variant: APIVariant
    public let schema: GraphQLSchema
    let executor: Executor
    private let introspection: Bool
    private let cache = DocumentCache()

    /// Builds the variant's schema from its SDL and wires the resolvers.
    ///
    /// - Parameter introspection: whether `__schema`/`__type` are answered (the full API
    ///   answers them only in development, as the reference does).
    /// - Throws: ``SchemaWiringError`` when a field has no resolver.
    public init(variant: APIVariant, introspection: Bool = true) throws {
        self.variant = variant
        self.introspection = introspection
        schema = try buildSchema(source: try variant.sdlSource())
        Scalars.install(on: schema)
        executor = Executor(compiled: try CompiledSchema(schema: schema, registry: Self.registry(for: variant)))
    }

    static func registry(for variant: APIVariant) -> ResolverRegistry {
        var registry = ResolverRegistry()
        switch variant {
        case .full, .query:
            WarehouseResolvers.register(in: &registry)
            TransferResolvers.register(in: &registry)
            DistributionResolvers.register(in: &registry)
            BeneficiaryResolvers.register(in: &registry)
            if variant == .full {
                WarehouseMutations.register(in: &registry)
                TransferMutations.register(in: &registry)
            }
        case .public:
            PublicResolvers.register(in: &registry)
        }
        return registry
    }

    /// The schema as SDL.
    public var sdl: String { printSchema(schema: schema) }

    /// Answers one request, as spec 01 §2 orders the steps (authentication happens before).
    public func handle(_ request: GraphQLRequest, context: ResolverContext) async -> GraphQLHTTPResponse {
        let user = context.user
        guard let query = request.query else { return Self.requestError("The query must be a string.") }
        let prepared: PreparedDocument
        do {
            prepared = try cache.document(for: query) {
                let document = try parse(source: Source(body: query, name: "GraphQL request"))
                return PreparedDocument(
                    document: document, validationErrors: validate(schema: schema, ast: document), text: query)
            }
        } catch let error as GraphQLError {
            return Self.requestErrors([ExecutionError(message: error.message, locations: error.locations)])
        } catch {
            return Self.requestError(String(describing: error))
        }
        let document = prepared.document
        let operations = document.definitions.compactMap { $0 as? OperationDefinition }

        if variant == .full, let user, !user.isGod,
            let mutation = operations.first(where: { $0.operation == .mutation })
        {
            let fields = mutation.selectionSet.selections.compactMap { ($0 as? Field)?.name.value }
            if !BetaLevel.permits(user, mutationFields: fields) { return Self.requestError("Insufficient beta-level") }
        }
        if !introspection, let name = Self.introspectionField(in: document) {
            return Self.requestErrors([
                ExecutionError(message: "Cannot query '\(name)': introspection is disabled.")
            ])
        }
        guard prepared.validationErrors.isEmpty else {
            return Self.requestErrors(
                prepared.validationErrors.map { ExecutionError(message: $0.message, locations: $0.locations) })
        }

        let operation: OperationDefinition
        if let name = request.operationName {
            guard let named = operations.first(where: { $0.name?.value == name }) else {
                return Self.executionErrors([ExecutionError(message: "Unknown operation named '\(name)'.")])
            }
            operation = named
        } else {
            guard operations.count == 1, let only = operations.first else {
                return Self.executionErrors([
                    ExecutionError(message: "Must provide operation name if query contains multiple operations.")
                ])
            }
            operation = only
        }
        var fragments: [String: FragmentDefinition] = [:]
        for case let fragment as FragmentDefinition in document.definitions {
            fragments[fragment.name.value] = fragment
        }

        if Self.selectsIntrospection(operation.selectionSet, fragments: fragments) {
            return await introspect(document: document, request: request)
        }
        if operation.operation == .query { context.readFromOneSnapshot() }
        let outcome = await executor.execute(
            operation: operation, fragments: fragments, variables: request.variables ?? [:], context: context,
            plans: prepared.fieldPlans)
        context.finishReading()
        let body = Self.encode(outcome, capacity: prepared.lastResponseSize.load(ordering: .relaxed))
        prepared.lastResponseSize.store(body.count, ordering: .relaxed)
        return GraphQLHTTPResponse(status: 200, body: body)
    }

    /// Runs a document through GraphQLSwift's executor (introspection only: rare and not hot).
    private func introspect(document: Document, request: GraphQLRequest) async -> GraphQLHTTPResponse {
        do {
            let result = try await GraphQL.execute(
                schema: schema, documentAST: document, rootValue: RootValue(), context: RootValue(),
                variableValues: request.variables ?? [:], operationName: request.operationName)
            let encoder = JSONEncoder()
            return GraphQLHTTPResponse(status: 200, body: Array(try encoder.encode(result)))
        } catch {
            return Self.executionErrors([ExecutionError(message: String(describing: error))])
        }
    }

    static func encode(_ outcome: Executor.Outcome, capacity: Int = 0) -> [UInt8] {
        // A little more than last time: responses to one document vary a little in size.
        var writer = JSONWriter(capacity: max(4096, capacity + capacity / 8))
        writer.raw("{\"data\":")
        if let data = outcome.data { writer.node(data) } else { writer.raw("null") }
        if !outcome.errors.isEmpty {
            writer.raw(",\"errors\":[")
            for (index, error) in outcome.errors.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.error(error)
            }
            writer.raw("]")
        }
        writer.raw("}")
        return writer.bytes
    }

    /// 400 with only `errors` (request-level failures).
    static func requestErrors(_ errors: [ExecutionError]) -> GraphQLHTTPResponse {
        var writer = JSONWriter()
        writer.raw("{\"errors\":[")
        for (index, error) in errors.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.error(error)
        }
        writer.raw("]}")
        return GraphQLHTTPResponse(status: 400, body: writer.bytes)
    }

    static func requestError(_ message: String) -> GraphQLHTTPResponse {
        requestErrors([ExecutionError(message: message)])
    }

    /// 200 with `data: null` (failures once execution has begun).
    static func executionErrors(_ errors: [ExecutionError]) -> GraphQLHTTPResponse {
        GraphQLHTTPResponse(status: 200, body: encode(Executor.Outcome(data: nil, errors: errors)))
    }

    private static func introspectionField(in document: Document) -> String? {
        var found: String?
        func scan(_ selectionSet: SelectionSet) {
            for selection in selectionSet.selections where found == nil {
                if let field = selection as? Field {
                    let name = field.name.value
                    if name == "__schema" || name == "__type" { found = name }
                    if let nested = field.selectionSet { scan(nested) }
                } else if let inline = selection as? InlineFragment {
                    scan(inline.selectionSet)
                }
            }
        }
        for definition in document.definitions {
            if let operation = definition as? OperationDefinition { scan(operation.selectionSet) }
            if let fragment = definition as? FragmentDefinition { scan(fragment.selectionSet) }
        }
        return found
    }

    private static func selectsIntrospection(
        _ selectionSet: SelectionSet, fragments: [String: FragmentDefinition]
    )
        -> Bool
    {
        selectionSet.selections.contains { selection in
            switch selection {
            case let field as Field: field.name.value == "__schema" || field.name.value == "__type"
            case let inline as InlineFragment: selectsIntrospection(inline.selectionSet, fragments: fragments)
            case let spread as FragmentSpread:
                fragments[spread.name.value].map { selectsIntrospection($0.selectionSet, fragments: fragments) }
                    ?? false
            default: false
            }
        }
    }
}
