import BoxtributeDomain

/// Resolvers for the fields of one object type whose values are `Parent`.
public struct ObjectResolvers<Parent: Sendable> {
    let typeName: String
    var fields: [String: FieldResolution] = [:]

    /// Registers a per-object resolver of an object or list value that ignores arguments and
    /// context (scalars and enums use ``value(_:_:)``, which does not box them).
    public mutating func field(_ name: String, _ resolve: @escaping @Sendable (Parent) -> (any Sendable)?) {
        fields[name] = .perObject { parents, index, _, _ in
            resolve(unsafeDowncast(parents, to: TypedBatch<Parent>.self).values[index])
        }
    }

    /// Registers per-object fields of object or list values read from the parent, by field
    /// name: each as ``field(_:_:)`` registers it.
    public mutating func fields(_ reads: KeyValuePairs<String, @Sendable (Parent) -> (any Sendable)?>) {
        for (name, read) in reads { field(name, read) }
    }

    /// Registers a scalar or enum field read from the parent: its value is never boxed.
    public mutating func value<Value: LeafRepresentable>(
        _ name: String, _ resolve: @escaping @Sendable (Parent) -> Value
    ) {
        fields[name] = .leaf(LeafField.leaf(resolve).resolve)
    }

    /// Registers scalar and enum fields read from the parent, by field name (a type's plain
    /// columns): each as ``value(_:_:)`` registers it.
    public mutating func values(_ leaves: KeyValuePairs<String, LeafField<Parent>>) {
        for (name, leaf) in leaves { fields[name] = .leaf(leaf.resolve) }
    }

    /// Registers a list-of-objects field read from the parent itself (a page's elements).
    public mutating func objectList<Child: Sendable>(
        _ name: String, _ resolve: @escaping @Sendable (Parent) -> [Child]?
    ) {
        children(name, of: Child.self, isList: true, NoArguments.self) { parents, _, _ in
            Self.flatten(parents.map(resolve))
        }
    }

    /// Registers an object or list-of-objects field whose children of type `Child` `load`
    /// gathers for a whole batch, with the field's arguments decoded into `Args`.
    private mutating func children<Child: Sendable, Args: Decodable & Sendable>(
        _ name: String, of child: Child.Type, isList: Bool, _ args: Args.Type,
        _ load: @escaping @Sendable ([Parent], Args, ResolverContext) async throws -> TypedChildren
    ) {
        let decode = Arguments.decoder(for: Args.self)
        fields[name] = .children(
            ChildrenResolution(childType: ObjectIdentifier(Child.self), isList: isList) { parents, arguments, context in
                try await load(
                    unsafeDowncast(parents, to: TypedBatch<Parent>.self).values, try decode(arguments), context)
            })
    }

    static func flatten<Child: Sendable>(_ lists: [[Child]?]) -> TypedChildren {
        var children: [Child] = []
        var ranges: [Range<Int>?] = []
        ranges.reserveCapacity(lists.count)
        for list in lists {
            guard let list else {
                ranges.append(nil)
                continue
            }
            ranges.append(children.count..<children.count + list.count)
            children.append(contentsOf: list)
        }
        return TypedChildren(children, ranges: ranges)
    }

}

/// A scalar or enum field read from a parent of type `Parent`, for
/// ``ObjectResolvers/values(_:)``.
public struct LeafField<Parent: Sendable>: Sendable {
    let resolve: LeafResolver

    /// The field whose value `read` takes from the parent. The reader is wrapped here, once,
    /// where its value type is known: reading a batch costs one call of `read` per parent, as
    /// ``ObjectResolvers/value(_:_:)`` does.
    public static func leaf<Value: LeafRepresentable>(_ read: @escaping @Sendable (Parent) -> Value) -> Self {
        LeafField { parents in unsafeDowncast(parents, to: TypedBatch<Parent>.self).values.map { read($0).leafValue } }
    }
}

// MARK: - Fields loaded for a whole batch of parents

// Each verb has one implementation, with arguments; its form without arguments registers with
// `NoArguments`, which decodes nothing.
extension ObjectResolvers {
    /// A field whose values are loaded for every parent of a batch at once: one value, or `nil`
    /// for null, per parent, in order. Objects of the field's type stay typed on their way to
    /// their own batch; other values are completed by their runtime type.
    public mutating func batch<Child: Sendable>(
        _ name: String, _ load: @escaping @Sendable ([Parent], ResolverContext) async throws -> [Child?]
    ) {
        batch(name, NoArguments.self) { parents, _, context in try await load(parents, context) }
    }

    /// ``batch(_:_:)`` for a field with arguments, decoded into `Args`.
    public mutating func batch<Child: Sendable, Args: Decodable & Sendable>(
        _ name: String, _ args: Args.Type,
        _ load: @escaping @Sendable ([Parent], Args, ResolverContext) async throws -> [Child?]
    ) {
        children(name, of: Child.self, isList: false, args) { parents, arguments, context in
            Self.singles(try await load(parents, arguments, context))
        }
    }

    /// A list field whose lists are loaded for every parent of a batch at once: one list, or
    /// `nil` for null, per parent, in order.
    public mutating func batchLists<Child: Sendable>(
        _ name: String, _ load: @escaping @Sendable ([Parent], ResolverContext) async throws -> [[Child]?]
    ) {
        batchLists(name, NoArguments.self) { parents, _, context in try await load(parents, context) }
    }

    /// ``batchLists(_:_:)`` for a field with arguments, decoded into `Args`.
    public mutating func batchLists<Child: Sendable, Args: Decodable & Sendable>(
        _ name: String, _ args: Args.Type,
        _ load: @escaping @Sendable ([Parent], Args, ResolverContext) async throws -> [[Child]?]
    ) {
        children(name, of: Child.self, isList: true, args) { parents, arguments, context in
            Self.flatten(try await load(parents, arguments, context))
        }
    }

    /// A field loaded for every parent of a batch at once whose parents may fail one by one
    /// (a permission missing for some parents' base): one outcome per parent, in order.
    public mutating func batchOutcomes(
        _ name: String, _ load: @escaping @Sendable ([Parent], ResolverContext) async throws -> [FieldOutcome]
    ) {
        batchOutcomes(name, NoArguments.self) { parents, _, context in try await load(parents, context) }
    }

    /// ``batchOutcomes(_:_:)`` for a field with arguments, decoded into `Args`.
    public mutating func batchOutcomes<Args: Decodable & Sendable>(
        _ name: String, _ args: Args.Type,
        _ load: @escaping @Sendable ([Parent], Args, ResolverContext) async throws -> [FieldOutcome]
    ) {
        let decode = Arguments.decoder(for: Args.self)
        fields[name] = .batch { parents, arguments, context in
            try await load(unsafeDowncast(parents, to: TypedBatch<Parent>.self).values, try decode(arguments), context)
        }
    }

    /// A field holding the id of another row: `load` gets the ids of the whole batch and returns the rows found by id. It is called even when every parent's id is null,
    /// so the permission its service checks applies whatever the ids.
    public mutating func related<Target: Sendable, ID: Hashable>(
        _ name: String, id: @escaping @Sendable (Parent) -> ID?,
        _ load: @escaping @Sendable ([ID], ResolverContext) async throws -> [ID: Target]
    ) {
        batch(name) { parents, context in
            let parentIds = parents.map(id)
            let rows = try await load(parentIds.compactMap { $0 }, context)
            return parentIds.map { $0.flatMap { rows[$0] } }
        }
    }

    static func singles<Child: Sendable>(_ values: [Child?]) -> TypedChildren {
        var children: [Child] = []
        var ranges: [Range<Int>?] = []
        children.reserveCapacity(values.count)
        ranges.reserveCapacity(values.count)
        for value in values {
            guard let value else {
                ranges.append(nil)
                continue
            }
            ranges.append(children.count..<children.count + 1)
            children.append(value)
        }
        return TypedChildren(children, ranges: ranges)
    }
}

// MARK: - Root fields

extension ObjectResolvers where Parent == RootValue {
    /// A root `Query` field.
    public mutating func query(
        _ name: String, _ resolve: @escaping @Sendable (ResolverContext) async throws -> (any Sendable)?
    ) {
        query(name, NoArguments.self) { _, context in try await resolve(context) }
    }

    /// A root `Query` field with arguments, decoded into `Args`.
    public mutating func query<Args: Decodable & Sendable>(
        _ name: String, _ args: Args.Type,
        _ resolve: @escaping @Sendable (Args, ResolverContext) async throws -> (any Sendable)?
    ) {
        let decode = Arguments.decoder(for: Args.self)
        fields[name] = .batch { parents, arguments, context in
            let value = try await resolve(try decode(arguments), context)
            return Array(repeating: .success(value), count: parents.count)
        }
    }

    /// A root `Mutation` field: run as a query field is (its service opens the transaction).
    public mutating func mutation(
        _ name: String, _ resolve: @escaping @Sendable (ResolverContext) async throws -> (any Sendable)?
    ) {
        query(name, resolve)
    }

    /// A root `Mutation` field with arguments, decoded into `Args`.
    public mutating func mutation<Args: Decodable & Sendable>(
        _ name: String, _ args: Args.Type,
        _ resolve: @escaping @Sendable (Args, ResolverContext) async throws -> (any Sendable)?
    ) {
        query(name, args, resolve)
    }
}
