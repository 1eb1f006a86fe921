/// Which mutations each beta level may run (full API only; god users skip the check).
public enum BetaLevel {
    private static let additions: [(level: Int, mutations: [String])] = [
        (0, ["updateBox"]),
        (1, ["createBox", "createQrCode"]),
        (
            2,
            [
                "createTransferAgreement", "acceptTransferAgreement", "rejectTransferAgreement",
                "cancelTransferAgreement", "createShipment", "updateShipmentWhenPreparing",
                "updateShipmentWhenReceiving", "cancelShipment", "sendShipment", "startReceivingShipment",
                "markShipmentAsLost", "moveNotDeliveredBoxesInStock",
            ]
        ),
        (
            3,
            ["deleteBoxes", "moveBoxesToLocation", "assignTagsToBoxes", "unassignTagsFromBoxes", "createShareableLink"]
        ),
        (
            4,
            [
                "createCustomProduct", "editCustomProduct", "deleteProduct", "enableStandardProduct",
                "enableStandardProducts", "editStandardProductInstantiation", "disableStandardProduct",
            ]
        ),
        (5, ["createTag", "updateTag", "deleteTag", "deleteTags", "createBoxFromBox"]),
        (6, ["createBeneficiaries", "createBoxes"]),
        (7, ["updateMarkedForShipmentBox"]),
        (98, ["createBeneficiary", "updateBeneficiary", "deactivateBeneficiary", "assignTag", "unassignTag"]),
        (
            99,
            [
                "createDistributionSpot", "createDistributionEvent", "addPackingListEntryToDistributionEvent",
                "removePackingListEntryFromDistributionEvent",
                "removeAllPackingListEntriesFromDistributionEventForProduct", "updatePackingListEntry",
                "updateSelectedProductsForDistributionEventPackingList", "changeDistributionEventState",
                "assignBoxToDistributionEvent", "unassignBoxFromDistributionEvent",
                "moveItemsFromBoxToDistributionEvent", "removeItemsFromUnboxedItemsCollection",
                "startDistributionEventsTrackingGroup", "setReturnedNumberOfItemsForDistributionEventsTrackingGroup",
                "moveItemsFromReturnTrackingGroupToBox", "completeDistributionEventsTrackingGroup",
            ]
        ),
    ]

    /// The level used for values outside the defined ones.
    public static let defaultLevel = 5

    /// The mutations allowed at `level` (cumulative).
    public static func allowedMutations(level: Int) -> Set<String> {
        let defined = additions.contains { $0.level == level }
        let effective = defined ? level : defaultLevel
        var allowed: Set<String> = []
        for entry in additions where entry.level <= effective { allowed.formUnion(entry.mutations) }
        return allowed
    }

    /// Whether `user` may run a mutation whose top-level fields are `fieldNames`.
    public static func permits(_ user: CurrentUser, mutationFields fieldNames: [String]) -> Bool {
        if user.isGod { return true }
        let allowed = allowedMutations(level: user.maxBetaLevel)
        return fieldNames.allSatisfy(allowed.contains)
    }
}
