import BoxtributeDomain
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

/// Resolves a scalar or enum field for every parent of a batch, without boxing: one value per
/// parent, in order. Reading the whole batch in one call lets each parent be read in place
/// instead of copied out of the batch for every field.
public typealias LeafResolver = @Sendable (_ parents: TypedParents) -> [LeafValue]

/// How one schema field is resolved.
public enum FieldResolution: Sendable {
    case perObject(FieldResolver)
    case leaf(LeafResolver)
    case batch(BatchFieldResolver)
    case children(ChildrenResolution)
}

/// An object or list-of-objects field whose values stay in their Swift type from the resolver
/// to the child batch: no boxing into `any Sendable` per object and no cast back.
public struct ChildrenResolution: Sendable {
    /// The Swift type of the children; checked at startup against the field's object type.
    let childType: ObjectIdentifier
    /// Whether each parent has a list of children (a list field) or at most one child.
    let isList: Bool
    let resolve:
        @Sendable (_ parents: TypedParents, _ arguments: Arguments, _ context: ResolverContext) async throws
            -> TypedChildren
}

extension ChildrenResolution {
    /// The same values, boxed one per parent (for fields whose values are completed by their
    /// runtime type).
    var boxed: BatchFieldResolver {
        { [resolve, isList] parents, arguments, context in
            let children = try await resolve(parents, arguments, context)
            return (0..<parents.count).map { .success(children.boxedValue(ofParent: $0, isList: isList)) }
        }
    }
}

/// The children of a batch's parents, in their Swift type, in one batch.
public final class TypedChildren: @unchecked Sendable {
    // @unchecked Sendable: created and read by one request's execution, never mutated.
    /// Every child, parent after parent.
    let children: TypedParents
    /// Per parent, its children's positions in `children`; `nil` for a null value.
    let ranges: [Range<Int>?]
    /// Child `index` as a boxed value.
    private let boxedChild: (Int) -> any Sendable

    init<Child: Sendable>(_ children: [Child], ranges: [Range<Int>?]) {
        self.children = TypedBatch(children)
        self.ranges = ranges
        boxedChild = { children[$0] }
    }

    /// The value of parent `parent` as the general path takes it: its child, or the array of
    /// its children for a list field; `nil` for null.
    func boxedValue(ofParent parent: Int, isList: Bool) -> (any Sendable)? {
        guard let range = ranges[parent] else { return nil }
        return isList ? range.map(boxedChild) : boxedChild(range.lowerBound)
    }
}

/// A scalar or enum value as a resolver returns it, before it is serialised for the field's type.
public enum LeafValue: Sendable {
    case null
    case int(Int)
    case string(String)
    case double(Double)
    case bool(Bool)
    case timestamp(Timestamp)
    case enumName(String)

    /// The value as the general completion path takes it (`nil` for null).
    var boxed: (any Sendable)? {
        switch self {
        case .null: nil
        case .int(let value): value
        case .string(let value): value
        case .double(let value): value
        case .bool(let value): value
        case .timestamp(let value): value
        case .enumName(let value): value
        }
    }
}

/// A Swift value that a scalar or enum field returns as it is.
public protocol LeafRepresentable: Sendable {
    var leafValue: LeafValue { get }
}

extension Int: LeafRepresentable { public var leafValue: LeafValue { .int(self) } }
extension String: LeafRepresentable { public var leafValue: LeafValue { .string(self) } }
extension Double: LeafRepresentable { public var leafValue: LeafValue { .double(self) } }
extension Bool: LeafRepresentable { public var leafValue: LeafValue { .bool(self) } }
extension Timestamp: LeafRepresentable { public var leafValue: LeafValue { .timestamp(self) } }
extension Tagged: LeafRepresentable where RawValue: LeafRepresentable {
    public var leafValue: LeafValue { rawValue.leafValue }
}
extension Optional: LeafRepresentable where Wrapped: LeafRepresentable {
    public var leafValue: LeafValue { self?.leafValue ?? .null }
}

/// The parents of a batch cast to their Swift type. For a type shared by identity, each
/// distinct object is kept once and `positions` maps every original parent to its value.
struct CastParents {
    let parents: TypedParents
    /// Per original parent, the index of its value in `parents`; `nil` when nothing was merged.
    let positions: [Int]?
}

/// Thrown when a resolver receives a parent of an unexpected Swift type: a wiring bug.
struct ParentTypeMismatch: Error, CustomStringConvertible {
    let typeName: String
    var description: String { "Internal error: unexpected parent value for \(typeName)" }
}

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

/// A value that knows its GraphQL object type (union members such as error types).
public protocol GraphQLObjectValue: Sendable {
    var graphQLTypeName: String { get }
}

/// A Swift value exposed as a GraphQL enum value.
public protocol GraphQLEnumValue: LeafRepresentable {
    var graphQLName: String { get }
}

extension GraphQLEnumValue {
    public var leafValue: LeafValue { .enumName(graphQLName) }
}

/// The value of the root `Query`/`Mutation` object.
public struct RootValue: Sendable {
    public init() {}
}
