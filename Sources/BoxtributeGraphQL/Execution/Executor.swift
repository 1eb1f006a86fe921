import BoxtributeDomain
import GraphQL
import Logging
import OrderedCollections
import Synchronization

/// Executes validated documents directly against registered resolvers.
///
/// Unlike GraphQLSwift's executor (one task per field), this one walks the selection
/// breadth-first: each field is resolved for every parent object of a batch at once, so a
/// page of 50 boxes resolves `product` with one resolver call, which loads all products in
/// one statement. Null propagation is applied to the finished tree.
final class Executor: Sendable {
    let compiled: CompiledSchema

    init(compiled: CompiledSchema) {
        self.compiled = compiled
    }

    /// The outcome of one execution.
    struct Outcome {
        /// `nil` when execution did not start (variable coercion failed) or the root was nulled.
        var data: ResultNode?
        var errors: [ExecutionError]
    }

    /// - Parameter plans: field plans kept with the document across requests; `nil` when the
    ///   document's selections depend on variables (`@skip`, `@include`).
    ///   The context's limits apply: the cost limit before anything runs; the deadline, the
    ///   client and the number of listed errors while it runs.
    func execute(
        operation: OperationDefinition, fragments: [String: FragmentDefinition], variables rawVariables: [String: Map],
        context: ResolverContext, plans: FieldPlans? = nil
    ) async -> Outcome {
        let limits = context.limits
        let coercion = InputCoercion(schema: compiled.schema)
        let variables: [String: Map]
        do {
            variables = try coercion.coerceVariables(operation.variableDefinitions, inputs: rawVariables)
        } catch {
            let location = GraphQLError(message: "", nodes: [operation]).locations
            return Outcome(
                data: nil, errors: [ExecutionError(message: error.message, locations: location)])
        }
        let rootType = operation.operation == .mutation ? compiled.schema.mutationType : compiled.schema.queryType
        guard let rootType else {
            return Outcome(
                data: nil,
                errors: [
                    ExecutionError(
                        message: "Schema is not configured to execute \(operation.operation.rawValue) operation.")
                ],
            )
        }
        let estimate = CostEstimate(compiled: compiled, fragments: fragments, variables: variables, limits: limits)
        if estimate.cost(of: operation.selectionSet, rootType: rootType.name) > limits.maxCost {
            return Outcome(data: nil, errors: [ExecutionError(.cost(limits.maxCost))])
        }
        let run = Run(
            compiled: compiled, fragments: fragments, variables: variables, context: context, plans: plans,
            stopsEarly: operation.operation != .mutation)
        await run.executeObjects(
            PendingBatch(batch: run.root, values: [RootValue()]), typeName: rootType.name,
            selectionSets: [operation.selectionSet])
        switch run.budget.stop {
        case .limit(let violation):
            return Outcome(data: nil, errors: [ExecutionError(violation)])
        case .clientGone:
            return Outcome(data: nil, errors: [ExecutionError(message: "The client closed the connection.")])
        case nil:
            break
        }
        let tree = ResultNode.object(run.root, index: 0)
        // Every null in a non-null position records an error, so without errors there is
        // nothing to propagate.
        let data = run.errors.isEmpty ? tree : tree.propagatingNulls()
        var errors = run.errors
        if run.unlistedErrors > 0 {
            errors.append(
                ExecutionError(
                    message: "\(run.unlistedErrors) more errors are not listed (at most \(limits.maxErrors) are)."))
        }
        return Outcome(data: data.isNull ? nil : data, errors: errors)
    }
}

extension Executor {
    /// The wire value of a resolver's leaf value, or `nil` when it is null or does not fit the type.
    static func serialize(_ value: LeafValue, kind: LeafKind) -> ResultNode? {
        switch (kind, value) {
        case (.id, .int(let int)), (.string, .int(let int)): .string(String(int))
        case (.id, .string(let text)), (.string, .string(let text)): .string(text)
        case (.int, .int(let int)): .int(int)
        case (.float, .double(let double)): .double(double)
        case (.float, .int(let int)): .double(Double(int))
        case (.boolean, .bool(let flag)): .bool(flag)
        case (.datetime, .timestamp(let timestamp)): .string(timestamp.iso8601)
        case (.date, .timestamp(let timestamp)): .string(timestamp.datePart)
        case (.datetime, .string(let text)), (.date, .string(let text)): .string(text)
        case (.enumeration, .enumName(let name)), (.enumeration, .string(let name)): .string(name)
        case (.custom, .string(let text)): .string(text)
        case (.custom, .int(let int)): .int(int)
        case (.custom, .double(let double)): .double(double)
        case (.custom, .bool(let flag)): .bool(flag)
        default: nil
        }
    }

    /// The wire value of a boxed leaf (scalar or enum), or `nil` when it does not fit the type:
    /// the same rules as ``serialize(_:kind:)``, which typed resolvers reach without the cast.
    static func serializeLeaf(_ value: any Sendable, kind: LeafKind) -> ResultNode? {
        guard let leaf = value as? any LeafRepresentable else { return nil }
        return serialize(leaf.leafValue, kind: kind)
    }
}

/// Object values of one type waiting for their selection to be resolved, and the batch
/// their parents already point at.
struct PendingBatch {
    let batch: ObjectBatch
    var values: [any Sendable]
}

/// The state of one execution. Used by a single task; resolvers run one after another.
private final class Run {
    let compiled: CompiledSchema
    let fragments: [String: FragmentDefinition]
    let variables: [String: Map]
    let coercion: InputCoercion
    let context: ResolverContext
    /// The batch of the one root value, whose results are the answer's `data`.
    let root = ObjectBatch()
    let plans: FieldPlans?
    let budget: ExecutionBudget
    var errors: [ExecutionError] = []
    /// Errors beyond the listing limit: counted, not listed (finding an error's paths walks
    /// the result tree, so listing every one could cost as much as the tree squared).
    var unlistedErrors = 0
    private var loggedCauses: Set<String> = []
    /// Room to reserve for the objects of a child batch: the size of the batch whose field is
    /// being completed (one child per parent is the common case).
    private var childCapacity = 1
    /// List indices from the field being completed down to the current item (error paths).
    private var indices: [Int] = []

    /// - Parameter stopsEarly: whether the deadline and a gone client stop the execution
    ///   (queries); a mutation runs to its end once it has started.
    init(
        compiled: CompiledSchema, fragments: [String: FragmentDefinition], variables: [String: Map],
        context: ResolverContext, plans: FieldPlans?, stopsEarly: Bool
    ) {
        (self.compiled, self.fragments, self.variables, self.context, self.plans) =
            (compiled, fragments, variables, context, plans)
        coercion = InputCoercion(schema: compiled.schema)
        budget = ExecutionBudget(limits: context.limits, stops: stopsEarly, clientIsGone: context.clientIsGone)
    }

    func executeObjects(_ pending: PendingBatch, typeName: String, selectionSets: [SelectionSet]) async {
        // Cast once for every field of the batch, not once per field and parent.
        let cast = compiled.casters[typeName]?(pending.values)
        await executeObjects(
            pending.batch, cast: cast, uncastCount: pending.values.count, typeName: typeName,
            selectionSets: selectionSets)
    }

    /// Resolves the selection for the objects of `batch`, given as `cast` (`nil` when they are
    /// not of the type's Swift type: every field then fails).
    private func executeObjects(
        _ batch: ObjectBatch, cast: CastParents?, uncastCount: Int, typeName: String, selectionSets: [SelectionSet]
    ) async {
        // Objects shared by identity: later occurrences show the row of the first one.
        batch.rows = cast?.positions
        let parents = cast?.parents
        let count = parents?.count ?? uncastCount
        let plan = fieldPlan(typeName: typeName, selectionSets: selectionSets)
        let groups = plan.groups
        batch.layout = plan.layout
        batch.columns.reserveCapacity(groups.count)
        let fieldMap = compiled.objects[typeName] ?? [:]
        for (responseKey, fieldNodes) in groups {
            guard !budget.isExhausted else { return }
            let fieldName = fieldNodes[0].name.value
            if fieldName == "__typename" {
                batch.columns.append(Array(repeating: .string(typeName), count: count))
                continue
            }
            guard let field = fieldMap[fieldName] else {
                // Validation rules this out; guard anyway instead of crashing.
                batch.columns.append(Array(repeating: .null, count: count))
                for row in 0..<count {
                    record(
                        ExecutionError(message: "Cannot query field '\(fieldName)' on type '\(typeName)'."),
                        fields: fieldNodes, at: batch, row: row, key: responseKey)
                }
                continue
            }
            if case .children(let resolution) = field.resolution, let parents {
                await executeChildren(
                    resolution, of: field, fieldNodes: fieldNodes, key: responseKey, parents: parents, batch: batch,
                    typeName: typeName)
                continue
            }
            let leafKind = field.shape.leafKind
            var column: [ResultNode] = []
            column.reserveCapacity(count)
            var children: OrderedDictionary<String, PendingBatch> = [:]
            childCapacity = count
            if case .leaf(let resolver) = field.resolution, let leafKind, let parents, field.arguments.isEmpty {
                // Scalars read from the parent: no boxing, no dynamic casts.
                for (row, value) in resolver(parents).enumerated() {
                    if let leaf = Executor.serialize(value, kind: leafKind) {
                        column.append(leaf)
                    } else {
                        column.append(
                            complete(
                                field.shape, value.boxed, at: batch, row: row, key: responseKey, fields: fieldNodes,
                                parentType: typeName, fieldName: fieldName, pending: &children))
                    }
                }
                batch.columns.append(column)
                continue
            }
            let outcomes = await resolve(
                field, count: count, parents: parents, typeName: typeName, fieldNode: fieldNodes[0])
            for (row, outcome) in outcomes.enumerated() {
                // Fast path for the common case, a scalar that serialises: no path, no checks.
                if let leafKind, case .success(let value?) = outcome,
                    let leaf = Executor.serializeLeaf(value, kind: leafKind)
                {
                    column.append(leaf)
                    continue
                }
                switch outcome {
                case .success(let value):
                    column.append(
                        complete(
                            field.shape, value, at: batch, row: row, key: responseKey, fields: fieldNodes,
                            parentType: typeName, fieldName: fieldName, pending: &children))
                case .failure(let error):
                    record(error, fields: fieldNodes, at: batch, row: row, key: responseKey)
                    column.append(.null)
                }
            }
            batch.columns.append(column)
            guard !children.isEmpty else { continue }
            let subSelections = fieldNodes.compactMap(\.selectionSet)
            for (childType, childBatch) in children {
                await executeObjects(childBatch, typeName: childType, selectionSets: subSelections)
            }
        }
    }

    /// Fills the column of a field whose children stay typed, then resolves their batch.
    private func executeChildren(
        _ resolution: ChildrenResolution, of field: CompiledField, fieldNodes: [Field], key: String,
        parents: TypedParents, batch: ObjectBatch, typeName: String
    ) async {
        let count = parents.count
        let outcome: TypedChildren
        do {
            outcome = try await resolution.resolve(parents, try arguments(of: field, node: fieldNodes[0]), context)
            guard outcome.ranges.count == count else { throw Self.wrongResultCount }
        } catch {
            batch.columns.append(Array(repeating: .null, count: count))
            for row in 0..<count { record(error, fields: fieldNodes, at: batch, row: row, key: key) }
            return
        }
        // Checked at startup: the field's (item) type is an object type of this Swift type.
        let childType = (resolution.isList ? field.shape.listItemObjectName : field.shape.objectName) ?? ""
        let children = ObjectBatch()
        let itemsNonNull = field.shape.listItemsNonNull
        var column: [ResultNode] = []
        column.reserveCapacity(count)
        for row in 0..<count {
            guard let range = outcome.ranges[row] else {
                if field.shape.isNonNull {
                    record(
                        Self.nullInNonNullField(typeName, field.name), fields: fieldNodes, at: batch, row: row, key: key
                    )
                }
                column.append(.null)
                continue
            }
            if resolution.isList {
                column.append(.list(range.map { .object(children, index: $0) }, itemsNonNull: itemsNonNull))
            } else {
                column.append(.object(children, index: range.lowerBound))
            }
        }
        batch.columns.append(column)
        let childCount = outcome.children.count
        guard childCount > 0 else { return }
        let cast =
            compiled.deduplicators[childType]?(outcome.children)
            ?? CastParents(parents: outcome.children, positions: nil)
        await executeObjects(
            children, cast: cast, uncastCount: childCount, typeName: childType,
            selectionSets: fieldNodes.compactMap(\.selectionSet))
    }

    private func resolve(
        _ field: CompiledField, count: Int, parents: TypedParents?, typeName: String, fieldNode: Field
    ) async -> [FieldOutcome] {
        let items = 0..<count
        let arguments: Arguments
        do {
            arguments = try self.arguments(of: field, node: fieldNode)
        } catch {
            return items.map { _ in .failure(error) }
        }
        guard let parents else { return items.map { _ in .failure(ParentTypeMismatch(typeName: typeName)) } }
        switch field.resolution {
        case .leaf(let resolver):
            return resolver(parents).map { .success($0.boxed) }
        case .perObject(let resolver):
            var outcomes: [FieldOutcome] = []
            outcomes.reserveCapacity(count)
            for index in items {
                do { outcomes.append(.success(try resolver(parents, index, arguments, context))) } catch {
                    outcomes.append(.failure(error))
                }
            }
            return outcomes
        case .children(let resolution):
            do {
                let outcome = try await resolution.resolve(parents, arguments, context)
                return outcome.ranges.indices.map {
                    .success(outcome.boxedValue(ofParent: $0, isList: resolution.isList))
                }
            } catch {
                return items.map { _ in .failure(error) }
            }
        case .batch(let resolver):
            do {
                let outcomes = try await resolver(parents, arguments, context)
                guard outcomes.count == count else { return items.map { _ in .failure(Self.wrongResultCount) } }
                return outcomes
            } catch {
                return items.map { _ in .failure(error) }
            }
        }
    }

    /// A batch resolver answered for more or fewer parents than it was given.
    static let wrongResultCount = ExecutionError(message: "Internal error: resolver returned a wrong number of results")

    /// A null for a non-null field, as GraphQLSwift words it.
    static func nullInNonNullField(_ parentType: String, _ fieldName: String) -> ExecutionError {
        ExecutionError(message: "Cannot return null for non-nullable field \(parentType).\(fieldName).")
    }

    /// The field's arguments, coerced; a coercion failure as the error the field reports.
    private func arguments(of field: CompiledField, node: Field) throws(ExecutionError) -> Arguments {
        do { return try coerceArguments(field, node: node) } catch { throw ExecutionError(message: error.message) }
    }

    private func coerceArguments(_ field: CompiledField, node: Field) throws(InputCoercion.Failure) -> Arguments {
        if field.arguments.isEmpty { return .none }
        var values: [String: Map] = [:]
        for argument in field.arguments {
            var value: Map = .undefined
            if let given = node.arguments.first(where: { $0.name.value == argument.name }) {
                value = try coercion.literal(given.value, type: argument.type, variables: variables)
            }
            if value.isUndefined, let defaultValue = argument.defaultValue { value = defaultValue }
            if !value.isUndefined { values[argument.name] = value }
        }
        return Arguments(values)
    }

    private func complete(
        _ shape: TypeShape, _ value: (any Sendable)?, at parent: ObjectBatch, row: Int, key: String, fields: [Field],
        parentType: String, fieldName: String, pending: inout OrderedDictionary<String, PendingBatch>
    ) -> ResultNode {
        let value = Self.flatten(value)
        switch shape {
        case .nonNull(let inner):
            guard let value else {
                record(
                    Self.nullInNonNullField(parentType, fieldName), fields: fields, at: parent, row: row, key: key)
                return .null
            }
            return complete(
                inner, value, at: parent, row: row, key: key, fields: fields, parentType: parentType,
                fieldName: fieldName, pending: &pending)
        case .list(let inner):
            guard let value else { return .null }
            guard let items = value as? [(any Sendable)?] else {
                record(
                    ExecutionError(
                        message: "Expected Iterable, but did not find one for field \(parentType).\(fieldName)."),
                    fields: fields, at: parent, row: row, key: key)
                return .null
            }
            var nodes: [ResultNode] = []
            nodes.reserveCapacity(items.count)
            indices.append(0)
            for (index, item) in items.enumerated() {
                indices[indices.count - 1] = index
                nodes.append(
                    complete(
                        inner, item, at: parent, row: row, key: key, fields: fields, parentType: parentType,
                        fieldName: fieldName, pending: &pending))
            }
            indices.removeLast()
            return .list(nodes, itemsNonNull: inner.isNonNull)
        case .leaf(let kind, let name):
            guard let value else { return .null }
            if let leaf = Executor.serializeLeaf(value, kind: kind) { return leaf }
            record(
                ExecutionError(message: "\(name) cannot represent value: \(value)"), fields: fields, at: parent,
                row: row, key: key)
            return .null
        case .object(let typeName):
            guard let value else { return .null }
            return Self.enqueue(value, typeName: typeName, capacity: childCapacity, in: &pending)
        case .abstract(let abstractName):
            guard let value else { return .null }
            guard let typeName = compiled.concreteType(of: value, abstractName: abstractName) else {
                record(
                    ExecutionError(
                        message:
                            "Abstract type '\(abstractName)' must resolve to an Object type at runtime for field '\(parentType).\(fieldName)'."
                    ), fields: fields, at: parent, row: row, key: key)
                return .null
            }
            return Self.enqueue(value, typeName: typeName, capacity: childCapacity, in: &pending)
        }
    }

    /// Adds an object value to the pending batch of its type; the node points at its place.
    private static func enqueue(
        _ value: any Sendable, typeName: String, capacity: Int,
        in pending: inout OrderedDictionary<String, PendingBatch>
    ) -> ResultNode {
        if let position = pending.index(forKey: typeName) {
            let index = pending.values[position].values.count
            pending.values[position].values.append(value)
            return .object(pending.values[position].batch, index: index)
        }
        let batch = ObjectBatch()
        var values: [any Sendable] = []
        values.reserveCapacity(capacity)
        values.append(value)
        pending[typeName] = PendingBatch(batch: batch, values: values)
        return .object(batch, index: 0)
    }

    /// Unwraps optionals that arrive boxed inside the existential.
    private static func flatten(_ value: (any Sendable)?) -> (any Sendable)? {
        guard let value else { return nil }
        // A metadata check first: the protocol cast is costly and almost never needed.
        func isOptional<T>(_: T) -> Bool { _isOptional(T.self) }
        guard isOptional(value) else { return value }
        if let optional = value as? any OptionalValue, optional.isNone { return nil }
        return value
    }

    /// Records an error of field `key` of row `row` of `batch`, at the list position being
    /// completed: once for every place the object appears (objects shared by identity appear
    /// more than once).
    private func record(_ error: any Error, fields: [Field], at batch: ObjectBatch, row: Int, key: String) {
        if ExecutionError.isUnexpected(error) { logUnexpected(error) }
        guard errors.count < budget.limits.maxErrors else {
            unlistedErrors += 1
            return
        }
        var prefixes: [[PathComponent]] = []
        ResultNode.object(root, index: 0).collectPaths(to: batch, row: row, prefix: [], into: &prefixes)
        let suffix = [PathComponent.key(key)] + indices.map(PathComponent.index)
        let locations = SourcePositions.locations(of: fields)
        for prefix in prefixes.isEmpty ? [[]] : prefixes {
            errors.append(ExecutionError(error: error, locations: locations, path: prefix + suffix))
        }
    }

    /// Logs an unexpected error's cause once per request (a batch that fails fails for each
    /// of its objects).
    private func logUnexpected(_ error: any Error) {
        let cause = String(describing: error)
        guard !loggedCauses.contains(cause) else { return }
        loggedCauses.insert(cause)
        context.logger.error(
            "request failed", metadata: ["error.type": "\(type(of: error))", "error.cause": "\(cause)"])
    }

    // MARK: Field collection

    /// The fields of `typeName` selected by `selectionSets` and their layout, from the
    /// document's plans when it has them.
    private func fieldPlan(typeName: String, selectionSets: [SelectionSet]) -> FieldPlan {
        let key = FieldPlan.Key(typeName: typeName, selectionSets: selectionSets)
        if let plan = plans?.plan(for: key) { return plan }
        let groups = collectFields(typeName: typeName, selectionSets: selectionSets)
        let fieldMap = compiled.objects[typeName] ?? [:]
        let layout = FieldLayout(
            keys: Array(groups.keys),
            nonNull: groups.values.map { fields in
                fields[0].name.value == "__typename" || fieldMap[fields[0].name.value]?.shape.isNonNull == true
            })
        let plan = FieldPlan(groups: groups, layout: layout)
        plans?.store(plan, for: key)
        return plan
    }

    func collectFields(typeName: String, selectionSets: [SelectionSet]) -> OrderedDictionary<String, [Field]> {
        var groups: OrderedDictionary<String, [Field]> = [:]
        var visitedFragments: Set<String> = []
        for selectionSet in selectionSets {
            collect(selectionSet, typeName: typeName, into: &groups, visited: &visitedFragments)
        }
        return groups
    }

    private func collect(
        _ selectionSet: SelectionSet, typeName: String, into groups: inout OrderedDictionary<String, [Field]>,
        visited: inout Set<String>
    ) {
        for selection in selectionSet.selections {
            switch selection {
            case let field as Field:
                guard shouldInclude(field.directives) else { continue }
                groups[field.alias?.value ?? field.name.value, default: []].append(field)
            case let inline as InlineFragment:
                guard shouldInclude(inline.directives) else { continue }
                if let condition = inline.typeCondition?.name.value,
                    !compiled.satisfies(typeName, condition: condition)
                {
                    continue
                }
                collect(inline.selectionSet, typeName: typeName, into: &groups, visited: &visited)
            case let spread as FragmentSpread:
                let name = spread.name.value
                guard shouldInclude(spread.directives), !visited.contains(name), let fragment = fragments[name] else {
                    continue
                }
                visited.insert(name)
                guard compiled.satisfies(typeName, condition: fragment.typeCondition.name.value) else { continue }
                collect(fragment.selectionSet, typeName: typeName, into: &groups, visited: &visited)
            default:
                continue
            }
        }
    }

    private func shouldInclude(_ directives: [Directive]) -> Bool {
        for directive in directives {
            let name = directive.name.value
            guard name == "skip" || name == "include",
                let argument = directive.arguments.first(where: { $0.name.value == "if" })
            else { continue }
            var condition = false
            if let literal = argument.value as? BooleanValue {
                condition = literal.value
            } else if let variable = argument.value as? Variable,
                case .bool(let value)? = variables[variable.name.value]
            {
                condition = value
            }
            if name == "skip" && condition { return false }
            if name == "include" && !condition { return false }
        }
        return true
    }
}

/// Lets the executor see through `Optional` values boxed in `any Sendable`.
/// Dynamic casts look through a `.some` on their own; only `.none` needs detecting.
protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    var isNone: Bool {
        switch self {
        case .some(let value): (value as? any OptionalValue)?.isNone ?? false
        case .none: true
        }
    }
}

/// The fields one object type selects through a set of selection sets, grouped by response
/// key, and the layout of its result objects.
final class FieldPlan: @unchecked Sendable {
    // @unchecked Sendable: AST nodes of a cached document, never mutated.
    struct Key: Hashable {
        let typeName: String
        let firstSelectionSet: ObjectIdentifier
        /// The other selection sets merged into this selection; empty (no allocation) for the
        /// usual single one.
        let moreSelectionSets: [ObjectIdentifier]

        init(typeName: String, selectionSets: [SelectionSet]) {
            self.typeName = typeName
            firstSelectionSet = ObjectIdentifier(selectionSets[0])
            moreSelectionSets = selectionSets.count > 1 ? selectionSets.dropFirst().map(ObjectIdentifier.init) : []
        }
    }

    let groups: OrderedDictionary<String, [Field]>
    let layout: FieldLayout

    init(groups: OrderedDictionary<String, [Field]>, layout: FieldLayout) {
        self.groups = groups
        self.layout = layout
    }
}

/// Field plans of one cached document, shared by its requests: collecting fields (fragments,
/// type conditions) is then done once per document instead of once per request.
final class FieldPlans: Sendable {
    private let plans = Mutex<[FieldPlan.Key: FieldPlan]>([:])

    func plan(for key: FieldPlan.Key) -> FieldPlan? { plans.withLock { $0[key] } }

    func store(_ plan: FieldPlan, for key: FieldPlan.Key) { plans.withLock { $0[key] = plan } }
}
