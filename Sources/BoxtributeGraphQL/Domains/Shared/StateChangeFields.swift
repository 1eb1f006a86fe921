import BoxtributeDomain

extension ObjectResolvers {
    /// The two fields of one state change of a record, `<change>On` and `<change>By` (a
    /// shipment's `sentOn` and `sentBy`): when it happened and the user who made it.
    mutating func stamp<When: LeafRepresentable>(
        _ change: String, on when: @escaping @Sendable (Parent) -> When,
        by userId: @escaping @Sendable (Parent) -> Int?
    ) {
        value(change + "On", when)
        user(change + "By", id: userId)
    }
}
