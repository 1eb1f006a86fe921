import BoxtributeCore
import GraphQL

/// The outcome of resolving one field for one parent object.
public typealias FieldOutcome = Result<(any Sendable)?, any Error>

/// Resolves a field one parent at a time, synchronously (column reads, cheap computations).
public typealias FieldResolver =
    @Sendable (_ parent: any Sendable, _ arguments: Arguments, _ context: ResolverContext)
    throws -> (any Sendable)?

/// Resolves a field for every parent of a batch at once (database look-ups).
/// Returns one outcome per parent, in order.
public typealias BatchFieldResolver =
    @Sendable (
        _ parents: [any Sendable], _ arguments: Arguments, _ context: ResolverContext
    ) async throws -> [FieldOutcome]

/// How one schema field is resolved.
public enum FieldResolution: Sendable {
    case perObject(FieldResolver)
    case batch(BatchFieldResolver)
}

/// Thrown when a resolver receives a parent of an unexpected Swift type: a wiring bug.
struct ParentTypeMismatch: Error, CustomStringConvertible {
    let typeName: String
    let fieldName: String
    var description: String { "Internal error: unexpected parent value for \(typeName).\(fieldName)" }
}

/// Resolvers for the fields of one object type whose values are `Parent`.
public struct ObjectResolvers<Parent: Sendable> {
    let typeName: String
    var fields: [String: FieldResolution] = [:]

    /// Registers a per-object resolver.
    public mutating func field(
        _ name: String, _ resolve: @escaping @Sendable (Parent, Arguments, ResolverContext) throws -> (any Sendable)?
    ) {
        let typeName = typeName
        fields[name] = .perObject { parent, arguments, context in
            guard let typed = parent as? Parent else { throw ParentTypeMismatch(typeName: typeName, fieldName: name) }
            return try resolve(typed, arguments, context)
        }
    }

    /// Registers a per-object resolver that ignores arguments and context.
    public mutating func value(_ name: String, _ resolve: @escaping @Sendable (Parent) -> (any Sendable)?) {
        field(name) { parent, _, _ in resolve(parent) }
    }

    /// Registers a resolver called once with every parent of a batch.
    public mutating func batch(
        _ name: String,
        _ resolve: @escaping @Sendable ([Parent], Arguments, ResolverContext) async throws -> [FieldOutcome]
    ) {
        let typeName = typeName
        fields[name] = .batch { parents, arguments, context in
            var typed: [Parent] = []
            typed.reserveCapacity(parents.count)
            for parent in parents {
                guard let value = parent as? Parent else {
                    throw ParentTypeMismatch(typeName: typeName, fieldName: name)
                }
                typed.append(value)
            }
            return try await resolve(typed, arguments, context)
        }
    }

    /// Registers a batch resolver whose results are all successful values.
    public mutating func batchValues(
        _ name: String,
        _ resolve: @escaping @Sendable ([Parent], Arguments, ResolverContext) async throws -> [(any Sendable)?]
    ) {
        batch(name) { parents, arguments, context in
            try await resolve(parents, arguments, context).map { .success($0) }
        }
    }

    /// Registers a resolver for a root field (one parent), run asynchronously.
    public mutating func root(
        _ name: String, _ resolve: @escaping @Sendable (Arguments, ResolverContext) async throws -> (any Sendable)?
    ) {
        fields[name] = .batch { parents, arguments, context in
            let value = try await resolve(arguments, context)
            return parents.map { _ in .success(value) }
        }
    }
}

/// Every resolver of one API, by type and field, plus how abstract types pick their member.
public struct ResolverRegistry: Sendable {
    var objects: [String: [String: FieldResolution]] = [:]
    var typeResolvers: [String: @Sendable (any Sendable) -> String?] = [:]

    public init() {}

    /// Registers the resolvers of object type `typeName`, whose values are `Parent`.
    public mutating func object<Parent: Sendable>(
        _ typeName: String, _ parent: Parent.Type, _ build: (inout ObjectResolvers<Parent>) -> Void
    ) {
        var resolvers = ObjectResolvers<Parent>(typeName: typeName)
        resolvers.fields = objects[typeName] ?? [:]
        build(&resolvers)
        objects[typeName] = resolvers.fields
    }

    /// Registers how values of interface or union `typeName` map to object type names.
    /// Values conforming to ``GraphQLObjectValue`` need no registration.
    public mutating func abstract(_ typeName: String, _ resolve: @escaping @Sendable (any Sendable) -> String?) {
        typeResolvers[typeName] = resolve
    }
}

/// A value that knows its GraphQL object type (union members such as error types).
public protocol GraphQLObjectValue: Sendable {
    var graphQLTypeName: String { get }
}

/// A Swift value exposed as a GraphQL enum value.
public protocol GraphQLEnumValue: Sendable {
    var graphQLName: String { get }
}

/// The value of the root `Query`/`Mutation` object.
public struct RootValue: Sendable {
    public init() {}
}
