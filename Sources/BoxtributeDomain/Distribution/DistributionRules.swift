// Error texts of business_logic/mobile_distribution/exceptions.py, and the checks our
// distribution mutations add to the reference's.

/// An operation on a distribution event that its completion forbids (the reference's
/// `desired_operation` names).
public enum CompletedEventOperation: String, Sendable {
    case addItems = "add_items"
    case assignBox = "assign_box_to_distribution_event"
    case setProducts = "set_products_for_packing_list"
    case addPackingListEntry = "add_packing_list_entry"
    case removeItems = "remove_items"
}

extension DomainError {
    /// `ModifyCompletedDistributionEvent` (the text ends with a space, as the reference's).
    public static func completedDistributionEvent(_ id: Int, operation: CompletedEventOperation) -> DomainError {
        .badUserInput(
            "Cannot operate '\(operation.rawValue)' on the distribution event (id=\(id)). It has already been completed. "
        )
    }

    /// `NotEnoughItemsInBox` (with the reference's stray parenthesis and trailing space).
    public static func notEnoughItemsInBox(_ label: String, actual: Int, requested: Int) -> DomainError {
        .badUserInput(
            "There are not enough items (actual: \(actual); requested: \(requested)) in the box \(label).) ")
    }

    /// `InvalidDistributionEventState`.
    public static func invalidDistributionEventState(
        _ actual: DistributionEventState?, expected: [DistributionEventState]
    ) -> DomainError {
        .badUserInput(
            "The state of the distribution_event (\(actual?.rawValue ?? "None")) does not allow the requested action. "
                + "Expecting state: " + expected.map(\.rawValue).joined(separator: " or "))
    }

    /// `DistributionEventAlreadyInTrackingGroup`.
    public static let distributionEventAlreadyInTrackingGroup = DomainError.badUserInput(
        "The distribution event is already part of a tracking group.")

    /// More items to take out of an unboxed items collection than it holds (a generic error
    /// in the reference).
    public static let notEnoughItemsInCollection = DomainError.badUserInput(
        "Cannot remove more items than are in the collection")

    /// Beyond the reference: a box without size (of a measure product) has no place in the
    /// distribution tables, whose rows all name a size.
    public static func boxWithoutSize(_ label: String) -> DomainError {
        .badUserInput(
            "The box \(label) holds a product measured by weight or volume, without size; its items cannot be distributed."
        )
    }

    /// Beyond the reference: a product of another base than the distribution event's or the
    /// tracking group's.
    public static let productDistributionBaseMismatch = invalidInput(
        "bases of 'product' and 'distribution event' not matching")

    /// Beyond the reference: events of a tracking group belong to the group's base.
    public static let eventTrackingGroupBaseMismatch = invalidInput(
        "bases of 'distribution event' and 'tracking group' not matching")

    /// Beyond the reference: items go back into a box of the same product and size only.
    public static func returnedItemsBoxMismatch(_ label: String) -> DomainError {
        invalidInput("the box \(label) does not hold the returned items' product and size")
    }

    /// Beyond the reference: more returned items than went out on distribution.
    public static func returnedMoreThanOut(out: Int, requested: Int) -> DomainError {
        invalidInput("\(requested) items returned, but only \(out) went out on distribution")
    }

    /// Beyond the reference: fewer returned items than were already put back into boxes.
    public static func returnedFewerThanBackInBoxes(backInBoxes: Int, requested: Int) -> DomainError {
        invalidInput("\(requested) items returned, but \(backInBoxes) are already back in boxes")
    }

    /// Beyond the reference: more items back into a box than were returned and not yet put back.
    public static func notEnoughReturnedItems(available: Int, requested: Int) -> DomainError {
        invalidInput("\(requested) items to put back into a box, but only \(available) returned items are left")
    }
}
