import BoxtributeDomain
import GraphQL

/// Every resolver of one API, by type and field, plus how abstract types pick their member.
public struct ResolverRegistry: Sendable {
    var objects: [String: [String: FieldResolution]] = [:]
    var typeResolvers: [String: @Sendable (any Sendable) -> String?] = [:]
    /// Per object type: casts a batch's parents to the type's Swift type (`nil` on a mismatch).
    var casters: [String: @Sendable ([any Sendable]) -> CastParents?] = [:]
    /// Per object type shared by identity: keeps each object of a typed batch once.
    var deduplicators: [String: @Sendable (TypedParents) -> CastParents] = [:]
    /// Per object type shared by identity: how to tell its objects apart (a `(Parent) -> Int`).
    private var identities: [String: any Sendable] = [:]
    /// Per object type: the Swift type its resolvers expect.
    var parentTypes: [String: ObjectIdentifier] = [:]
    /// Object types registered with two different Swift types (a wiring error).
    var conflicts: [String] = []

    public init() {}

    /// Registers the resolvers of object type `typeName`, whose values are `Parent`.
    ///
    /// With `sharedBy`, objects of the type with the same identity (a table row's id) are
    /// resolved once per field of a batch: the 50 boxes of a page that share 7 locations
    /// resolve the fields of 7 locations. Only for types whose fields depend on nothing but
    /// the object. Registering the type again keeps its identity.
    public mutating func object<Parent: Sendable, Entity>(
        _ typeName: String, _ parent: Parent.Type,
        sharedBy identity: @escaping @Sendable (Parent) -> Tagged<Entity, Int>,
        _ build: (inout ObjectResolvers<Parent>) -> Void
    ) {
        object(typeName, parent, sharedBy: { identity($0).rawValue }, build)
    }

    /// ``object(_:_:sharedBy:_:)`` for a type whose identity is a plain integer, or that has none.
    public mutating func object<Parent: Sendable>(
        _ typeName: String, _ parent: Parent.Type, sharedBy identity: (@Sendable (Parent) -> Int)? = nil,
        _ build: (inout ObjectResolvers<Parent>) -> Void
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
        if let identity { identities[typeName] = identity }
        let identity = identities[typeName] as? @Sendable (Parent) -> Int
        casters[typeName] = { values in
            var typed: [Parent] = []
            typed.reserveCapacity(values.count)
            for value in values {
                guard let parent = value as? Parent else { return nil }
                typed.append(parent)
            }
            guard let identity else { return CastParents(parents: TypedBatch(typed), positions: nil) }
            return Self.deduplicate(typed, by: identity)
        }
        if let identity {
            deduplicators[typeName] = { parents in
                Self.deduplicate(unsafeDowncast(parents, to: TypedBatch<Parent>.self).values, by: identity)
            }
        } else {
            deduplicators[typeName] = nil
        }
    }

    /// Keeps each object once by `identity`, with every original position mapped to its copy.
    private static func deduplicate<Parent>(_ values: [Parent], by identity: (Parent) -> Int) -> CastParents {
        var typed: [Parent] = []
        var positions: [Int] = []
        var seen: [Int: Int] = Dictionary(minimumCapacity: values.count)
        typed.reserveCapacity(values.count)
        positions.reserveCapacity(values.count)
        for parent in values {
            let key = identity(parent)
            if let position = seen[key] {
                positions.append(position)
            } else {
                seen[key] = typed.count
                positions.append(typed.count)
                typed.append(parent)
            }
        }
        return CastParents(parents: TypedBatch(typed), positions: typed.count == values.count ? nil : positions)
    }

    /// Registers how values of interface or union `typeName` map to object type names.
    /// Values conforming to ``GraphQLObjectValue`` need no registration.
    public mutating func abstract(_ typeName: String, _ resolve: @escaping @Sendable (any Sendable) -> String?) {
        typeResolvers[typeName] = resolve
    }
}
