/// The outcome of resolving one field for one parent object.
public typealias FieldOutcome = Result<(any Sendable)?, any Error>

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
