import BoxtributeCore
import GraphQL

/// The outcome of resolving one field for one parent object.
public typealias FieldOutcome = Result<(any Sendable)?, any Error>

/// The parents of one batch, cast to their Swift type once for all fields of the batch.
public class TypedParents: @unchecked Sendable {
    /// How many parents the batch holds.
    var count: Int { 0 }
}

/// The parents of a batch of one object type whose values are `Parent`.
final class TypedBatch<Parent>: TypedParents, @unchecked Sendable {
    // @unchecked Sendable: created and read by one request's execution, never mutated.
    let values: [Parent]
    init(_ values: [Parent]) { self.values = values }
    override var count: Int { values.count }
}

/// Resolves a field one parent at a time, synchronously (column reads, cheap computations):
/// the parent is `parents[index]`.
public typealias FieldResolver =
    @Sendable (_ parents: TypedParents, _ index: Int, _ arguments: Arguments, _ context: ResolverContext)
    throws -> (any Sendable)?

/// Resolves a field for every parent of a batch at once (database look-ups).
/// Returns one outcome per parent, in order.
public typealias BatchFieldResolver =
    @Sendable (_ parents: TypedParents, _ arguments: Arguments, _ context: ResolverContext) async throws
    -> [FieldOutcome]

/// How one schema field is resolved.
public enum FieldResolution: Sendable {
    case perObject(FieldResolver)
    case batch(BatchFieldResolver)
}

/// Thrown when a resolver receives a parent of an unexpected Swift type: a wiring bug.
struct ParentTypeMismatch: Error, CustomStringConvertible {
    let typeName: String
    var description: String { "Internal error: unexpected parent value for \(typeName)" }
}

/// Resolvers for the fields of one object type whose values are `Parent`.
public struct ObjectResolvers<Parent: Sendable> {
    let typeName: String
    var fields: [String: FieldResolution] = [:]

    /// Registers a per-object resolver.
    public mutating func field(
        _ name: String, _ resolve: @escaping @Sendable (Parent, Arguments, ResolverContext) throws -> (any Sendable)?
    ) {
        fields[name] = .perObject { parents, index, arguments, context in
            // The executor hands each type's fields the batch its caster built for that type.
            try resolve(unsafeDowncast(parents, to: TypedBatch<Parent>.self).values[index], arguments, context)
        }
    }

    /// Registers a per-object resolver that ignores arguments and context.
    public mutating func value(_ name: String, _ resolve: @escaping @Sendable (Parent) -> (any Sendable)?) {
        fields[name] = .perObject { parents, index, _, _ in
            resolve(unsafeDowncast(parents, to: TypedBatch<Parent>.self).values[index])
        }
    }

    /// Registers a resolver called once with every parent of a batch.
    public mutating func batch(
        _ name: String,
        _ resolve: @escaping @Sendable ([Parent], Arguments, ResolverContext) async throws -> [FieldOutcome]
    ) {
        fields[name] = .batch { parents, arguments, context in
            try await resolve(unsafeDowncast(parents, to: TypedBatch<Parent>.self).values, arguments, context)
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
            return Array(repeating: .success(value), count: parents.count)
        }
    }
}

/// Every resolver of one API, by type and field, plus how abstract types pick their member.
public struct ResolverRegistry: Sendable {
    var objects: [String: [String: FieldResolution]] = [:]
    var typeResolvers: [String: @Sendable (any Sendable) -> String?] = [:]
    /// Per object type: casts a batch's parents to the type's Swift type (`nil` on a mismatch).
    var casters: [String: @Sendable ([any Sendable]) -> TypedParents?] = [:]
    /// Per object type: the Swift type its resolvers expect.
    var parentTypes: [String: ObjectIdentifier] = [:]
    /// Object types registered with two different Swift types (a wiring error).
    var conflicts: [String] = []

    public init() {}

    /// Registers the resolvers of object type `typeName`, whose values are `Parent`.
    public mutating func object<Parent: Sendable>(
        _ typeName: String, _ parent: Parent.Type, _ build: (inout ObjectResolvers<Parent>) -> Void
    ) {
        var resolvers = ObjectResolvers<Parent>(typeName: typeName)
        resolvers.fields = objects[typeName] ?? [:]
        build(&resolvers)
        objects[typeName] = resolvers.fields
        let identifier = ObjectIdentifier(Parent.self)
        if let existing = parentTypes[typeName], existing != identifier {
            conflicts.append("\(typeName) (resolvers registered for two Swift types)")
        }
        parentTypes[typeName] = identifier
        casters[typeName] = { values in
            var typed: [Parent] = []
            typed.reserveCapacity(values.count)
            for value in values {
                guard let parent = value as? Parent else { return nil }
                typed.append(parent)
            }
            return TypedBatch(typed)
        }
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
