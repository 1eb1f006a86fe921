/// Stage of a distribution event; `distro_events.state` stores the name.
public enum DistributionEventState: String, Sendable, CaseIterable {
    case planning = "Planning", packing = "Packing", onDistro = "OnDistro"
    case returnedFromDistribution = "ReturnedFromDistribution"
    case returnTrackingInProgress = "ReturnTrackingInProgress", completed = "Completed"
}

/// Packing progress of a packing list entry; the column stores the name.
public enum PackingListEntryState: String, Sendable, CaseIterable {
    case notStarted = "NotStarted", packingInProgress = "PackingInProgress", packed = "Packed"
}

/// State of a return-tracking group; the column stores the name.
public enum DistributionEventsTrackingGroupState: String, Sendable, CaseIterable {
    case inProgress = "InProgress", completed = "Completed"

    /// Reads the column; the table's default `In Progress` (with a space) means in progress.
    public init?(databaseValue: String?) {
        switch databaseValue {
        case "InProgress", "In Progress": self = .inProgress
        case "Completed": self = .completed
        default: return nil
        }
    }
}

/// Direction of a tracked item movement; the column stores the name.
public enum DistributionEventTrackingFlowDirection: String, Sendable, CaseIterable {
    case `in` = "In", out = "Out", backToBox = "BackToBox"
}

/// A planned distribution at a spot (`distro_events`).
public struct DistributionEvent: Sendable, Hashable {
    public var id: Int
    public var name: String?
    public var state: DistributionEventState?
    public var plannedStartDateTime: Timestamp?
    public var plannedEndDateTime: Timestamp?
    /// `location_id`: the spot.
    public var spotId: Location.ID
    /// Base of the spot: every permission check of an event is made against it.
    public var baseId: Base.ID
    public var trackingGroupId: Int?
    public init(
        id: Int, name: String?, state: DistributionEventState?, plannedStartDateTime: Timestamp?,
        plannedEndDateTime: Timestamp?, spotId: Location.ID, baseId: Base.ID, trackingGroupId: Int?
    ) {
        self.id = id
        self.name = name
        self.state = state
        self.plannedStartDateTime = plannedStartDateTime
        self.plannedEndDateTime = plannedEndDateTime
        self.spotId = spotId
        self.baseId = baseId
        self.trackingGroupId = trackingGroupId
    }
}

/// Planned items of one product and size for an event (`distro_events_packing_list_entries`).
public struct PackingListEntry: Sendable, Hashable {
    public var id: Int
    public var productId: Product.ID
    public var sizeId: Int
    public var numberOfItems: Int
    public var eventId: Int
    public var state: PackingListEntryState?
    public init(
        id: Int, productId: Product.ID, sizeId: Int, numberOfItems: Int, eventId: Int, state: PackingListEntryState?
    ) {
        self.id = id
        self.productId = productId
        self.sizeId = sizeId
        self.numberOfItems = numberOfItems
        self.eventId = eventId
        self.state = state
    }
}

/// Loose items taken out of boxes for an event (`distro_events_unboxed_item_collections`).
public struct UnboxedItemsCollection: Sendable, Hashable {
    public var id: Int
    public var productId: Product.ID
    public var sizeId: Int
    public var numberOfItems: Int
    public var eventId: Int
    public var locationId: Location.ID
    public init(id: Int, productId: Product.ID, sizeId: Int, numberOfItems: Int, eventId: Int, locationId: Location.ID)
    {
        self.id = id
        self.productId = productId
        self.sizeId = sizeId
        self.numberOfItems = numberOfItems
        self.eventId = eventId
        self.locationId = locationId
    }
}

/// Returned events whose items are tracked together (`distro_events_tracking_groups`).
public struct DistributionEventsTrackingGroup: Sendable, Hashable {
    public var id: Int
    public var baseId: Base.ID
    public var state: DistributionEventsTrackingGroupState?
    public var createdOn: Timestamp?
    public init(id: Int, baseId: Base.ID, state: DistributionEventsTrackingGroupState?, createdOn: Timestamp?) {
        self.id = id
        self.baseId = baseId
        self.state = state
        self.createdOn = createdOn
    }
}

/// One logged item movement of a tracking group (`distro_events_tracking_logs`).
public struct DistributionEventsTrackingEntry: Sendable, Hashable {
    public var id: Int
    public var productId: Product.ID
    public var sizeId: Int
    public var numberOfItems: Int
    public var flowDirection: DistributionEventTrackingFlowDirection?
    public var groupId: Int?
    public var date: Timestamp?
    public init(
        id: Int, productId: Product.ID, sizeId: Int, numberOfItems: Int,
        flowDirection: DistributionEventTrackingFlowDirection?, groupId: Int?, date: Timestamp?
    ) {
        self.id = id
        self.productId = productId
        self.sizeId = sizeId
        self.numberOfItems = numberOfItems
        self.flowDirection = flowDirection
        self.groupId = groupId
        self.date = date
    }
}

/// Items handed out and returned for one (tracking group, product, size).
public struct DistributionEventsStatistics: Sendable, Hashable {
    public var productName: String
    public var genderLabel: String
    public var categoryLabel: String
    public var sizeLabel: String
    public var inflow: Int
    public var outflow: Int
    /// Database text `YYYY-MM-DD HH:MM:SS`.
    public var earliestPossibleDistroDate: String
    public var latestPossibleDistroDate: String
    public var potentiallyInvolvedDistributionSpots: String
    public var involvedDistributionEventIds: String
    public var trackingGroupId: Int
    public var productId: Product.ID
    public var sizeId: Int
    public init(
        productName: String, genderLabel: String, categoryLabel: String, sizeLabel: String, inflow: Int, outflow: Int,
        earliestPossibleDistroDate: String, latestPossibleDistroDate: String,
        potentiallyInvolvedDistributionSpots: String, involvedDistributionEventIds: String, trackingGroupId: Int,
        productId: Product.ID, sizeId: Int
    ) {
        self.productName = productName
        self.genderLabel = genderLabel
        self.categoryLabel = categoryLabel
        self.sizeLabel = sizeLabel
        self.inflow = inflow
        self.outflow = outflow
        self.earliestPossibleDistroDate = earliestPossibleDistroDate
        self.latestPossibleDistroDate = latestPossibleDistroDate
        self.potentiallyInvolvedDistributionSpots = potentiallyInvolvedDistributionSpots
        self.involvedDistributionEventIds = involvedDistributionEventIds
        self.trackingGroupId = trackingGroupId
        self.productId = productId
        self.sizeId = sizeId
    }
}
