/// A resource a tag is assigned to (`Tag.taggedResources`, tag assignment).
public enum TaggedResource: Sendable {
    case box(Box)
    case beneficiary(Beneficiary)

    /// The resource's row id (the sort key of the list).
    public var id: Int {
        switch self {
        case .box(let box): box.id
        case .beneficiary(let beneficiary): beneficiary.id
        }
    }
}
