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
            type.readOutcomes("locations", LocationService.locations(ofBases:in:))
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
            type.values([
                "id": .leaf { $0.id }, "name": .leaf { $0.name }, "seq": .leaf { $0.seq },
                "isShop": .leaf { $0.isShop }, "isStockroom": .leaf { $0.isStockroom },
                "defaultBoxState": .leaf { $0.defaultBoxState },
            ])
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
            type.values([
                "id": .leaf { $0.id }, "labelIdentifier": .leaf { $0.labelIdentifier },
                "numberOfItems": .leaf { $0.numberOfItems }, "weight": .leaf { $0.weight },
                "monetaryValue": .leaf { $0.monetaryValue }, "state": .leaf { $0.state },
                "comment": .leaf { $0.comment }, "deletedOn": .leaf { $0.deletedOn },
            ])
            type.audit(\.audit)
            // Location is an interface: its values take the general path.
            type.readBatch("location", BoxService.locations(ofBoxes:in:))
            type.readBatch("product", BoxService.products(ofBoxes:in:))
            type.related("size", id: \.sizeId) { ids, context in
                try await ReferenceDataService.sizes(ids, in: context.readScope)
            }
            type.related("weightDisplayUnit", id: \.weightDisplayUnitId) { ids, context in
                try await ReferenceDataService.units(ids, in: context.readScope)
            }
            type.related("displayUnit", id: \.displayUnitId) { ids, context in
                try await ReferenceDataService.units(ids, in: context.readScope)
            }
            type.readBatch("measureValue", BoxService.measureValues(ofBoxes:in:))
            type.related("qrCode", id: \.qrId) { ids, context in
                try await BoxService.qrCodes(ids, in: context.readScope)
            }
            type.related("sourceBox", id: \.sourceBoxId) { ids, context in
                try await BoxService.sourceBoxes(ids, in: context.readScope)
            }
            type.readLists("tags", BoxService.tags(ofBoxes:in:))
            type.readLists("history", BoxService.history(ofBoxes:in:))
        }

        registry.object("HistoryEntry", HistoryEntry.self) { type in
            type.values(["id": .leaf { $0.id }, "changes": .leaf { $0.changes }, "changeDate": .leaf { $0.changeDate }])
            type.user("user") { $0.userId }
        }

        registry.object("QrCode", QrCode.self) { type in
            type.values(["id": .leaf { $0.id }, "code": .leaf { $0.code }, "createdOn": .leaf { $0.createdOn }])
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
