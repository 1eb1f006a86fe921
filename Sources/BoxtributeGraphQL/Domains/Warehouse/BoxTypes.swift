import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// Fields of the boxes side of the warehouse: locations, boxes, their history and QR codes.
enum BoxTypeResolvers {
    static func register(in registry: inout ResolverRegistry) {
        registry.abstract("Location") { value in
            guard let location = value as? Location else { return nil }
            return location.isClassic ? "ClassicLocation" : "DistributionSpot"
        }
        registerBaseFields(in: &registry)
        registerLocation(in: &registry)
        registerBox(in: &registry)
    }

    /// The warehouse's fields of `Base` on the boxes side.
    private static func registerBaseFields(in registry: inout ResolverRegistry) {
        registry.object("Base", Base.self, sharedBy: \.id) { type in
            type.legacyBatch("locations") { bases, _, context in
                try await checkedLists(
                    bases, permission: "location:read", context: context, baseId: \.id, key: \.id, rowKey: \.baseId
                ) { try await LocationStore.classic(ofBases: $0, in: context) }
            }
            type.legacyBatchValues("instockBoxesCount") { bases, _, context in
                let totals = try await inStockTotals(bases, context: context)
                return bases.map { totals[$0.id]?.boxes ?? 0 }
            }
            type.legacyBatchValues("instockItemsCount") { bases, _, context in
                let totals = try await inStockTotals(bases, context: context)
                return bases.map { totals[$0.id]?.items ?? 0 }
            }
        }
    }

    /// In-stock totals per base, for the bases the user may read locations of.
    /// Requires `location:read` at all (spec 03 §1.1).
    private static func inStockTotals(
        _ bases: [Base], context: ResolverContext
    ) async throws
        -> [Int: (boxes: Int, items: Int)]
    {
        let user = try context.currentUser
        let scope = try user.baseScope(for: "location:read")
        let visible = bases.map(\.id).filter(scope.contains)
        return try await context.memoized("instock:" + visible.map(String.init).joined(separator: ",")) {
            try await BoxStore.inStockTotals(ofBases: visible, in: context)
        }
    }

    private static func registerLocation(in registry: inout ResolverRegistry) {
        registry.object("ClassicLocation", Location.self, sharedBy: \.id) { type in
            type.value("id") { $0.id }
            type.value("name") { $0.name }
            type.value("seq") { $0.seq }
            type.value("isShop") { $0.isShop }
            type.value("isStockroom") { $0.isStockroom }
            type.value("defaultBoxState") { $0.defaultBoxState }
            type.audit(\.audit)
            type.base(id: \.baseId)
            type.legacyBatch("boxes") { locations, arguments, context in
                let user = try context.currentUser
                let request = try pageRequest(arguments, context: context)
                let filter = boxFilter(arguments)
                var outcomes: [FieldOutcome] = []
                for location in locations {
                    do {
                        try user.authorize("stock:read", baseId: location.baseId)
                        outcomes.append(
                            .success(
                                try await BoxStore.page(
                                    locationId: location.id, filter: filter, request: request, in: context)))
                    } catch {
                        outcomes.append(.failure(error))
                    }
                }
                return outcomes
            }
        }
    }

    private static func registerBox(in registry: inout ResolverRegistry) {
        registry.object("Box", Box.self) { type in
            type.value("id") { $0.id }
            type.value("labelIdentifier") { $0.labelIdentifier }
            type.value("numberOfItems") { $0.numberOfItems }
            type.value("weight") { $0.weight }
            type.value("monetaryValue") { $0.monetaryValue }
            type.value("state") { $0.state }
            type.value("comment") { $0.comment }
            type.value("deletedOn") { $0.deletedOn }
            type.audit(\.audit)
            // Location is an interface: its values take the general path.
            type.legacyBatchValues("location") { boxes, _, context in
                // Lenient: no error, just null, without location:read for the box's base.
                let user = try context.currentUser
                let locations = try await LocationStore.byIds(boxes.map(\.locationId), in: context)
                return boxes.map { box in
                    locations[box.locationId].flatMap { user.can("location:read", baseId: $0.baseId) ? $0 : nil }
                }
            }
            type.legacyChild("product") { boxes, _, context in
                let user = try context.currentUser
                let products = try await ProductStore.byIds(boxes.map(\.productId), in: context)
                return boxes.map { box in
                    products[box.productId].flatMap { user.can("product:read", baseId: $0.baseId) ? $0 : nil }
                }
            }
            type.legacyRelated("size", permission: "size:read", id: \.sizeId) { ids, context in
                try await ReferenceDataStore.sizes(ids: ids, in: context).byId
            }
            type.legacyRelated("weightDisplayUnit", permission: "unit:read", id: \.weightDisplayUnitId) {
                ids, context in
                try await ReferenceDataStore.units(ids: ids, in: context).byId
            }
            type.legacyRelated("displayUnit", permission: "unit:read", id: \.displayUnitId) { ids, context in
                try await ReferenceDataStore.units(ids: ids, in: context).byId
            }
            type.legacyBatchValues("measureValue") { boxes, _, context in
                let ids = boxes.compactMap(\.displayUnitId)
                let units = ids.isEmpty ? [:] : try await ReferenceDataStore.units(ids: ids, in: context).byId
                return boxes.map { box -> Double? in
                    guard let unitId = box.displayUnitId, let unit = units[unitId], let value = box.measureValue else {
                        return nil
                    }
                    return value * unit.conversionFactor
                }
            }
            type.legacyRelated("qrCode", permission: "qr:read", id: \.qrId) { ids, context in
                try await QrCodeStore.byIds(ids, in: context)
            }
            type.legacyRelated("sourceBox", permission: nil, id: \.sourceBoxId) { ids, context in
                try await BoxStore.byIds(ids, in: context)
            }
            type.legacyChildLists("tags") { boxes, _, context in
                let scope = try context.currentUser.baseScope(for: "tag:read")
                let tags = try await TagStore.activeTags(ofBoxes: boxes.map(\.id), scope: scope, in: context)
                return boxes.map { tags[$0.id] ?? [] }
            }
            type.legacyBatchValues("history") { boxes, _, context in
                try context.currentUser.authorize("history:read")
                let history = try await HistoryStore.entries(ofBoxes: boxes, in: context)
                return boxes.map { history[$0.id] ?? [] }
            }
        }

        registry.object("HistoryEntry", HistoryEntry.self) { type in
            type.value("id") { $0.id }
            type.value("changes") { $0.changes }
            type.value("changeDate") { $0.changeDate }
            type.user("user") { $0.userId }
        }

        registry.object("QrCode", QrCode.self) { type in
            type.value("id") { $0.id }
            type.value("code") { $0.code }
            type.value("createdOn") { $0.createdOn }
            type.legacyBatch("box") { codes, _, context in
                let boxes = try await BoxStore.byQrIds(codes.map(\.id), in: context)
                let access = try await BoxAccess.check(
                    Array(boxes.values), action: "read", user: try context.currentUser, in: context)
                var outcomes: [FieldOutcome] = []
                for code in codes {
                    guard let box = boxes[code.id] else {
                        outcomes.append(.success(nil))
                        continue
                    }
                    switch access[box.id] {
                    case .failure(let error as Forbidden) where !box.state.isInShipment:
                        // Outside shipments, the union carries the authorization failure.
                        do { outcomes.append(.success(try await context.unionError(for: error))) } catch {
                            outcomes.append(.failure(error))
                        }
                    case .failure(let error): outcomes.append(.failure(error))
                    case .success, nil: outcomes.append(.success(box))
                    }
                }
                return outcomes
            }
        }
    }
}
