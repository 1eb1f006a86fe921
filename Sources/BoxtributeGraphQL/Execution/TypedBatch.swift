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
