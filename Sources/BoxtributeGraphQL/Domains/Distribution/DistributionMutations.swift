import BoxtributeDomain

/// The root `Mutation` fields of mobile distribution: decode the arguments, call the service
/// in one transaction. Errors are coded errors, not union members.
enum DistributionMutations {
    struct CreateSpotArguments: Decodable {
        struct CreationInput: Decodable {
            var baseId: Base.ID
            var name: String?
            var comment: String
            var latitude: Double?
            var longitude: Double?
        }
        var creationInput: CreationInput?
    }

    struct CreateEventArguments: Decodable {
        struct CreationInput: Decodable {
            var distributionSpotId: Location.ID
            var name: String?
            /// Database text: the `Datetime` scalar has parsed and normalised it.
            var plannedStartDateTime: String
            var plannedEndDateTime: String?
        }
        var creationInput: CreationInput?
    }

    struct PackingListEntryArguments: Decodable {
        struct CreationInput: Decodable {
            var distributionEventId: IDArgument
            var productId: Product.ID
            var sizeId: Int
            var numberOfItems: Int
        }
        var creationInput: CreationInput
    }

    struct EntryIdArguments: Decodable { var packingListEntryId: IDArgument }

    struct EventProductArguments: Decodable {
        var distributionEventId: IDArgument
        var productId: Product.ID
    }

    struct UpdateEntryArguments: Decodable {
        var packingListEntryId: IDArgument
        var numberOfItems: Int
    }

    struct SelectedProductsArguments: Decodable {
        var distributionEventId: IDArgument
        var productIdsToAdd: [Product.ID]
        var productIdsToRemove: [Product.ID]
    }

    struct ChangeStateArguments: Decodable {
        var distributionEventId: IDArgument
        var newState: EnumArgument<DistributionEventState>
    }

    struct BoxEventArguments: Decodable {
        var boxLabelIdentifier: String
        var distributionEventId: IDArgument
    }

    struct MoveItemsArguments: Decodable {
        var boxLabelIdentifier: String
        var distributionEventId: IDArgument
        var numberOfItems: Int
    }

    struct RemoveItemsArguments: Decodable {
        var id: IDArgument
        var numberOfItems: Int
    }

    struct StartTrackingArguments: Decodable {
        var distributionEventIds: [IDArgument]
        var baseId: Base.ID
    }

    struct TrackedItemsArguments: Decodable {
        var distributionEventsTrackingGroupId: IDArgument
        var productId: Product.ID
        var sizeId: IDArgument
        var numberOfItems: Int
        var targetBoxLabelIdentifier: String?
    }

    struct IdArguments: Decodable { var id: IDArgument }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Mutation", RootValue.self) { mutation in
            registerPlanning(&mutation)
            registerItems(&mutation)
            registerTracking(&mutation)
        }
    }

    private static func registerPlanning(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.mutation("createDistributionSpot", CreateSpotArguments.self) { arguments, context in
            // The input is nullable in the schema; without it there is nothing to create.
            let input = try arguments.creationInput.orNotFound()
            return try await context.mutate {
                try await DistributionPlanningService.createSpot(
                    baseId: input.baseId, name: input.name, comment: input.comment, latitude: input.latitude,
                    longitude: input.longitude, in: $0)
            }
        }
        mutation.mutation("createDistributionEvent", CreateEventArguments.self) { arguments, context in
            let input = try arguments.creationInput.orNotFound()
            let start = try timestamp(input.plannedStartDateTime)
            let end = try input.plannedEndDateTime.map(timestamp)
            return try await context.mutate {
                try await DistributionPlanningService.createEvent(
                    spotId: input.distributionSpotId, name: input.name, plannedStart: start, plannedEnd: end, in: $0)
            }
        }
        mutation.mutation("addPackingListEntryToDistributionEvent", PackingListEntryArguments.self) {
            arguments, context in
            let input = arguments.creationInput
            return try await context.mutate {
                try await DistributionPlanningService.addPackingListEntry(
                    eventId: input.distributionEventId.value, productId: input.productId, sizeId: input.sizeId,
                    numberOfItems: input.numberOfItems, in: $0)
            }
        }
        mutation.mutation("removePackingListEntryFromDistributionEvent", EntryIdArguments.self) { arguments, context in
            try await context.mutate {
                try await DistributionPlanningService.removePackingListEntry(
                    id: arguments.packingListEntryId.value, in: $0)
            }
        }
        mutation.mutation("removeAllPackingListEntriesFromDistributionEventForProduct", EventProductArguments.self) {
            arguments, context in
            try await context.mutate {
                try await DistributionPlanningService.removeAllPackingListEntries(
                    eventId: arguments.distributionEventId.value, productId: arguments.productId, in: $0)
            }
        }
        mutation.mutation("updatePackingListEntry", UpdateEntryArguments.self) { arguments, context in
            try await context.mutate {
                try await DistributionPlanningService.updatePackingListEntry(
                    id: arguments.packingListEntryId.value, numberOfItems: arguments.numberOfItems, in: $0)
            }
        }
        mutation.mutation("updateSelectedProductsForDistributionEventPackingList", SelectedProductsArguments.self) {
            arguments, context in
            try await context.mutate {
                try await DistributionPlanningService.updateSelectedProducts(
                    eventId: arguments.distributionEventId.value, productIdsToAdd: arguments.productIdsToAdd,
                    productIdsToRemove: arguments.productIdsToRemove, in: $0)
            }
        }
        mutation.mutation("changeDistributionEventState", ChangeStateArguments.self) { arguments, context in
            try await context.mutate {
                try await DistributionPlanningService.changeState(
                    eventId: arguments.distributionEventId.value, to: arguments.newState.value, in: $0)
            }
        }
    }

    private static func registerItems(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.mutation("assignBoxToDistributionEvent", BoxEventArguments.self) { arguments, context in
            try await context.mutate {
                try await DistributionItemsService.assignBox(
                    label: arguments.boxLabelIdentifier, toEvent: arguments.distributionEventId.value, in: $0)
            }
        }
        mutation.mutation("unassignBoxFromDistributionEvent", BoxEventArguments.self) { arguments, context in
            try await context.mutate {
                try await DistributionItemsService.unassignBox(label: arguments.boxLabelIdentifier, in: $0)
            }
        }
        mutation.mutation("moveItemsFromBoxToDistributionEvent", MoveItemsArguments.self) { arguments, context in
            try await context.mutate {
                try await DistributionItemsService.moveItemsFromBox(
                    label: arguments.boxLabelIdentifier, toEvent: arguments.distributionEventId.value,
                    numberOfItems: arguments.numberOfItems, in: $0)
            }
        }
        mutation.mutation("removeItemsFromUnboxedItemsCollection", RemoveItemsArguments.self) { arguments, context in
            try await context.mutate {
                try await DistributionItemsService.removeItemsFromCollection(
                    id: arguments.id.value, numberOfItems: arguments.numberOfItems, in: $0)
            }
        }
    }

    private static func registerTracking(_ mutation: inout ObjectResolvers<RootValue>) {
        mutation.mutation("startDistributionEventsTrackingGroup", StartTrackingArguments.self) { arguments, context in
            try await context.mutate {
                try await ReturnTrackingService.start(
                    eventIds: arguments.distributionEventIds.map(\.value), baseId: arguments.baseId, in: $0)
            }
        }
        mutation.mutation("setReturnedNumberOfItemsForDistributionEventsTrackingGroup", TrackedItemsArguments.self) {
            arguments, context in
            try await context.mutate {
                try await ReturnTrackingService.setReturned(
                    groupId: arguments.distributionEventsTrackingGroupId.value, productId: arguments.productId,
                    sizeId: arguments.sizeId.value, numberOfItems: arguments.numberOfItems, in: $0)
            }
        }
        mutation.mutation("moveItemsFromReturnTrackingGroupToBox", TrackedItemsArguments.self) { arguments, context in
            // Required in the schema.
            let label = try arguments.targetBoxLabelIdentifier.orNotFound()
            return try await context.mutate {
                try await ReturnTrackingService.moveItemsToBox(
                    groupId: arguments.distributionEventsTrackingGroupId.value, productId: arguments.productId,
                    sizeId: arguments.sizeId.value, numberOfItems: arguments.numberOfItems, boxLabel: label, in: $0)
            }
        }
        mutation.mutation("completeDistributionEventsTrackingGroup", IdArguments.self) { arguments, context in
            try await context.mutate { try await ReturnTrackingService.complete(id: arguments.id.value, in: $0) }
        }
    }

    /// A `Datetime` argument as the scalar stored it (database text).
    private static func timestamp(_ text: String) throws -> Timestamp {
        try Timestamp(databaseText: text).orThrow(DomainError.badUserInput("Invalid isoformat string: '\(text)'"))
    }
}
