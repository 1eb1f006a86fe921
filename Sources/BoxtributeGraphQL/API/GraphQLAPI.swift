import BoxtributeDomain
import Foundation
import GraphQL
import Logging
import OrderedCollections
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

/// The answer to one GraphQL request: its JSON body and whether the operation ran. The server
/// picks the HTTP status from ``kind``.
public struct GraphQLAnswer: Sendable {
    public enum Kind: Sendable, Equatable {
        /// The operation ran, or failed once execution had begun: the body has `data`.
        case executed
        /// The request was refused before running (syntax, validation, limits): only `errors`.
        case refused
    }

    public var kind: Kind
    public var body: [UInt8]
    /// The name of the operation that ran (bounded), for the request log.
    public var operationName: String?

    init(_ kind: Kind, body: [UInt8], operationName: String? = nil) {
        self.kind = kind
        self.body = body
        self.operationName = operationName
    }
}

/// One API variant: its schema, resolvers, document cache and executor.
public final class GraphQLAPI: Sendable {
    public let variant: APIVariant
    public let schema: GraphQLSchema
    let executor: Executor
    private let introspection: Bool
    /// What one request may ask for.
    public let limits: GraphQLLimits
    private let cache = DocumentCache()

    /// Builds the variant's schema from its SDL and wires the resolvers.
    ///
    /// - Parameters:
    ///   - introspection: whether `__schema`/`__type` are answered (the full API answers them
    ///     only in development, as the reference does).
    ///   - limits: what one request may ask for.
    /// - Throws: ``SchemaWiringError`` when a field has no resolver.
    public init(variant: APIVariant, introspection: Bool = true, limits: GraphQLLimits = .standard) throws {
        self.variant = variant
        self.introspection = introspection
        self.limits = limits
        let compiled = try Self.compiledSchema(of: variant)
        schema = compiled.schema
        executor = Executor(compiled: compiled)
    }

    /// Each variant's schema and resolvers, built once per process: they depend on nothing but
    /// the variant, and building them is most of the cost of making an API (GraphQLSwift's type
    /// caches also serialise every schema built at the same time).
    private static let compiledSchemas = Mutex<[APIVariant: CompiledSchema]>([:])

    private static func compiledSchema(of variant: APIVariant) throws -> CompiledSchema {
        if let built = compiledSchemas.withLock({ $0[variant] }) { return built }
        let schema = try buildSchema(source: try variant.sdlSource())
        Scalars.install(on: schema)
        let compiled = try CompiledSchema(schema: schema, registry: variant.registry())
        return compiledSchemas.withLock { built in
            if let first = built[variant] { return first }
            built[variant] = compiled
            return compiled
        }
    }

    /// The schema as SDL.
    public var sdl: String { printSchema(schema: schema) }

    /// Answers one request: authentication has happened before; the document is checked
    /// against the limits before it is parsed and validated, and its variables before it runs.
    public func handle(_ request: GraphQLRequest, context: ResolverContext) async -> GraphQLAnswer {
        let user = context.user
        guard let query = request.query else { return Self.requestError("The query must be a string.") }
        let prepared: PreparedDocument
        do {
            prepared = try cache.document(for: query) { () throws(DocumentGuard.Refusal) in
                try DocumentGuard.checkText(query, limits: limits)
                let document: Document
                do {
                    document = try parse(source: Source(body: query, name: "GraphQL request"))
                } catch let error as GraphQLError {
                    throw .syntax(Self.syntaxMessage(error.message))
                } catch {
                    throw .syntax("Syntax Error: the document could not be parsed.")
                }
                try DocumentGuard.checkDocument(document, limits: limits)
                return PreparedDocument(
                    document: document, validationErrors: validate(schema: schema, ast: document), text: query)
            }
        } catch {
            switch error {
            case .limit(let violation): return Self.requestErrors([ExecutionError(violation)])
            case .syntax(let message): return Self.requestError(message)
            }
        }
        if let variables = request.variables, let violation = Self.check(variables, limits: limits) {
            return Self.requestErrors([ExecutionError(violation)])
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
                prepared.validationErrors.prefix(limits.maxErrors).map {
                    ExecutionError(message: ExecutionError.bounded($0.message), locations: $0.locations)
                })
        }

        let operation: OperationDefinition
        if let name = request.operationName {
            guard let named = operations.first(where: { $0.name?.value == name }) else {
                return Self.executionErrors([
                    ExecutionError(message: ExecutionError.bounded("Unknown operation named '\(name)'."))
                ])
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
        let operationName = operation.name.map { ExecutionError.bounded($0.value) }
        if let operationName { context.logger[metadataKey: "graphql.operation"] = "\(operationName)" }
        context.limits = limits
        if operation.operation == .query { context.session.readFromOneSnapshot() }
        let outcome = await executor.execute(
            operation: operation, fragments: fragments, variables: request.variables ?? [:], context: context,
            plans: prepared.fieldPlans)
        context.session.finishReading()
        guard
            let body = Self.encode(
                outcome, capacity: prepared.lastResponseSize.load(ordering: .relaxed),
                limit: limits.maxResponseBytes)
        else {
            return Self.executionErrors([ExecutionError(.responseSize(limits.maxResponseBytes))])
        }
        prepared.lastResponseSize.store(min(body.count, 1 << 20), ordering: .relaxed)
        return GraphQLAnswer(.executed, body: body, operationName: operationName)
    }

    /// GraphQLSwift's syntax error without the excerpt of the document it appends (a line of
    /// the document can be a megabyte long), and never longer than a few hundred characters.
    static func syntaxMessage(_ message: String) -> String {
        let firstPart = message.range(of: "\n\n").map { String(message[..<$0.lowerBound]) } ?? message
        return ExecutionError.bounded(firstPart.replacingOccurrences(of: "GraphQL request ", with: ""))
    }

    /// The variables' nesting and size against the limits, without recursion.
    static func check(_ variables: [String: Map], limits: GraphQLLimits) -> LimitViolation? {
        var pending: [(value: Map, depth: Int)] = variables.values.map { ($0, 1) }
        var count = 0
        while let (value, depth) = pending.popLast() {
            count += 1
            if count > limits.maxVariableValues { return .variableValues(limits.maxVariableValues) }
            if depth > limits.maxInputDepth { return .inputDepth(limits.maxInputDepth) }
            switch value {
            case .array(let items):
                if items.count > limits.maxListLength { return .listLength(limits.maxListLength) }
                pending.append(contentsOf: items.lazy.map { ($0, depth + 1) })
            case .dictionary(let members): pending.append(contentsOf: members.values.lazy.map { ($0, depth + 1) })
            default: continue
            }
        }
        return nil
    }

    /// Runs a document through GraphQLSwift's executor (introspection only: rare and not hot).
    private func introspect(document: Document, request: GraphQLRequest) async -> GraphQLAnswer {
        do {
            let result = try await withTaskExecutorPreference(IntrospectionThread.shared) {
                try await GraphQL.execute(
                    schema: schema, documentAST: document, rootValue: RootValue(), context: RootValue(),
                    variableValues: request.variables ?? [:], operationName: request.operationName)
            }
            let encoder = JSONEncoder()
            return GraphQLAnswer(.executed, body: Array(try encoder.encode(result)))
        } catch {
            return Self.executionErrors([ExecutionError(error: error, locations: [], path: [])])
        }
    }

    /// The response body, or `nil` when it would be longer than `limit` bytes.
    static func encode(_ outcome: Executor.Outcome, capacity: Int = 0, limit: Int = .max) -> [UInt8]? {
        // A little more than last time: responses to one document vary a little in size.
        var writer = JSONWriter(capacity: max(4096, capacity + capacity / 8), limit: limit)
        writer.raw("{\"data\":")
        if let data = outcome.data { writer.node(data) } else { writer.raw("null") }
        guard !writer.isOverLimit else { return nil }
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

    /// A refusal: only `errors` (request-level failures).
    static func requestErrors(_ errors: [ExecutionError]) -> GraphQLAnswer {
        var writer = JSONWriter()
        writer.raw("{\"errors\":[")
        for (index, error) in errors.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.error(error)
        }
        writer.raw("]}")
        return GraphQLAnswer(.refused, body: writer.bytes)
    }

    static func requestError(_ message: String) -> GraphQLAnswer {
        requestErrors([ExecutionError(message: message)])
    }

    /// `data: null` and `errors` (failures once execution has begun).
    static func executionErrors(_ errors: [ExecutionError]) -> GraphQLAnswer {
        GraphQLAnswer(.executed, body: encode(Executor.Outcome(data: nil, errors: errors)) ?? [])
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
