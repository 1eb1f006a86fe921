import BoxtributeDomain

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
            type.batchOutcomes("locations") { bases, context in
                outcomes(try await LocationService.locations(ofBases: bases, in: context.readScope))
            }
            type.batch("instockBoxesCount") { bases, context in
                let totals = try await LocationService.inStockTotals(ofBases: bases, in: context.readScope)
                return bases.map { base -> Int? in totals[base.id]?.boxes ?? 0 }
            }
            type.batch("instockItemsCount") { bases, context in
                let totals = try await LocationService.inStockTotals(ofBases: bases, in: context.readScope)
                return bases.map { base -> Int? in totals[base.id]?.items ?? 0 }
            }
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
            type.batchOutcomes("boxes", BoxPageArguments.self) { locations, arguments, context in
                let request = try arguments.pageRequest(in: context)
                return outcomes(
                    try await BoxService.boxes(
                        ofLocations: locations, filter: arguments.filter, request: request, in: context.readScope))
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
            type.batch("location") { boxes, context in
                try await BoxService.locations(ofBoxes: boxes, in: context.readScope)
            }
            type.batch("product") { boxes, context in
                try await BoxService.products(ofBoxes: boxes, in: context.readScope)
            }
            type.related("size", id: \.sizeId) { ids, context in
                try await ReferenceDataService.sizes(ids, in: context.readScope)
            }
            type.related("weightDisplayUnit", id: \.weightDisplayUnitId) { ids, context in
                try await ReferenceDataService.units(ids, in: context.readScope)
            }
            type.related("displayUnit", id: \.displayUnitId) { ids, context in
                try await ReferenceDataService.units(ids, in: context.readScope)
            }
            type.batch("measureValue") { boxes, context in
                try await BoxService.measureValues(ofBoxes: boxes, in: context.readScope)
            }
            type.related("qrCode", id: \.qrId) { ids, context in
                try await BoxService.qrCodes(ids, in: context.readScope)
            }
            type.related("sourceBox", id: \.sourceBoxId) { ids, context in
                try await BoxService.sourceBoxes(ids, in: context.readScope)
            }
            type.batchLists("tags") { boxes, context in
                try await BoxService.tags(ofBoxes: boxes, in: context.readScope).map(Optional.some)
            }
            type.batchLists("history") { boxes, context in
                try await BoxService.history(ofBoxes: boxes, in: context.readScope).map(Optional.some)
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
            type.batchOutcomes("box") { codes, context in
                var outcomes: [FieldOutcome] = []
                for answer in try await BoxService.boxes(ofQrCodes: codes, in: context.readScope) {
                    switch answer {
                    case .box(let box): outcomes.append(.success(box))
                    case .unauthorized(let forbidden):
                        // Outside shipments, the union carries the authorization failure.
                        do { outcomes.append(.success(try await context.unionError(for: forbidden))) } catch {
                            outcomes.append(.failure(error))
                        }
                    case .failure(let error): outcomes.append(.failure(error))
                    }
                }
                return outcomes
            }
        }
    }
}
