// Port of business_logic/warehouse/box/{crud,mutations}.py: single-box mutations.

/// Creating and changing one box.
public enum BoxService {
    /// `createBox`: checks in the reference's order, then the box, its new tags and history.
    public static func create(_ input: BoxCreation, in scope: MutationScope) async throws -> Box {
        let user = scope.user
        let data = scope.data.warehouse
        let writes = scope.writes.warehouseWrites
        let location = try await data.locations([input.locationId])[input.locationId].orNotFound()
        try user.authorize("stock:write", baseId: location.baseId)
        try user.authorize("location:read", baseId: location.baseId)
        try input.checkTextLengths()
        let product = try await data.products([input.productId])[input.productId].orNotFound()
        try user.authorize("product:read", baseId: product.baseId)
        try user.authorize("tag_relation:assign")
        let tags = try await data.tags(input.tagIds ?? []).values.sorted { $0.id < $1.id }
        for tag in tags { try user.authorize("tag:read", baseId: tag.baseId) }
        try requireNonNegative(items: input.numberOfItems, weight: input.weight, monetaryValue: input.monetaryValue)
        guard product.baseId == location.baseId else { throw DomainError.productLocationBaseMismatch }
        try requireUsable(location)
        try requireBoxTags(tags, baseId: location.baseId)

        var displayUnitId: Int?
        var measureValue: Double?
        switch (input.sizeId, input.displayUnitId, input.measureValue) {
        case (.some, nil, nil): break
        case (nil, .some(let unitId), .some(let value)):
            guard value >= 0 else { throw DomainError.negativeValue("measureValue") }
            let unit = try await data.units([unitId])[unitId].orNotFound()
            guard unit.dimensionId == product.sizeRangeId else { throw DomainError.displayUnitProductMismatch }
            displayUnitId = unitId
            measureValue = value / unit.conversionFactor
        default: throw DomainError.sizeOrMeasureRequired
        }
        var qrId: Int?
        if let code = input.qrCode {
            let qrCode = try await data.qrCode(code: code).orNotFound()
            guard try await data.boxes(ofQrCodes: [qrCode.id]).isEmpty else {
                throw DomainError.qrCodeAlreadyAssigned
            }
            qrId = qrCode.id
        }

        let newTags = try await writes.createBoxTags(named: input.newTagNames ?? [], baseId: location.baseId)
        let box = try await writes.insertBox(
            NewBox(
                productId: product.id, sizeId: input.sizeId, numberOfItems: input.numberOfItems,
                locationId: location.id,
                state: location.defaultBoxState ?? .inStock, qrId: qrId, comment: input.comment ?? "",
                displayUnitId: displayUnitId, measureValue: measureValue, weight: input.weight,
                monetaryValue: input.monetaryValue, sourceBoxId: nil, stampModified: true))
        let tagIds = orderedUnique(tags.map(\.id) + newTags.map(\.id))
        try await writes.assignTags(tagIds.map { TagAssignment(tagId: $0, objectId: box.id.rawValue) }, type: .box)
        try await scope.writes.historyWrites.record([.created], table: "stock", recordId: box.id.rawValue)
        return box
    }

    /// `updateBox`: validates in the reference's order, applies the changes, writes history.
    public static func update(_ input: BoxUpdate, in scope: MutationScope) async throws -> Box {
        let user = scope.user
        let data = scope.data.warehouse
        let writes = scope.writes.warehouseWrites
        let old = try await writes.lockedBox(labelIdentifier: input.labelIdentifier).orNotFound()
        let oldLocation = try await data.locations([old.locationId])[old.locationId].orNotFound()
        try user.authorize("stock:write", baseId: oldLocation.baseId)
        try input.checkTextLengths()
        var location = oldLocation
        if let locationId = input.locationId {
            location = try await data.locations([locationId])[locationId].orNotFound()
            try user.authorize("location:read", baseId: location.baseId)
        }
        let products = try await data.products([old.productId] + [input.productId].compactMap { $0 })
        let oldProduct = try products[old.productId].orNotFound()
        var product = oldProduct
        if let productId = input.productId {
            product = try products[productId].orNotFound()
            try user.authorize("product:read", baseId: product.baseId)
        }
        try user.authorize("tag_relation:assign")
        var tags: [Tag] = []
        if let tagIds = input.tagIds {
            tags = try await data.tags(tagIds).values.sorted { $0.id < $1.id }
            for tag in tags { try user.authorize("tag:read", baseId: tag.baseId) }
        }
        guard old.deletedOn == nil else { throw DomainError.boxDeleted(old.labelIdentifier) }
        guard WarehouseRules.warehouseStates.contains(old.state) else {
            throw DomainError.boxNotInWarehouse(old.labelIdentifier, state: old.state)
        }
        guard location.baseId == oldLocation.baseId else { throw DomainError.locationBaseMismatch }
        guard product.baseId == location.baseId else { throw DomainError.productLocationBaseMismatch }
        if location.id != oldLocation.id { try requireUsable(location) }
        if let state = input.state { try requireSettable(state) }

        let isMeasure = WarehouseRules.isMeasureProduct(sizeRangeId: product.sizeRangeId)
        if isMeasure {
            if input.sizeId != nil { throw DomainError.fieldMustBeNone("sizeId") }
        } else {
            if input.displayUnitId != nil { throw DomainError.fieldMustBeNone("displayUnitId") }
            if input.measureValue != nil { throw DomainError.fieldMustBeNone("measureValue") }
        }
        var new = old
        if !isMeasure, old.sizeId == nil {
            guard input.sizeId != nil else { throw DomainError.missingField("sizeId") }
            new.displayUnitId = nil
            new.measureValue = nil
        }
        if isMeasure, old.displayUnitId == nil || old.measureValue == nil {
            guard input.measureValue != nil else { throw DomainError.missingField("measureValue") }
            guard input.displayUnitId != nil else { throw DomainError.missingField("displayUnitId") }
            new.sizeId = nil
        }
        var displayUnit: MeasureUnit?
        if isMeasure, let unitId = input.displayUnitId ?? new.displayUnitId {
            displayUnit = try await data.units([unitId])[unitId].orNotFound()
            guard displayUnit?.dimensionId == product.sizeRangeId else { throw DomainError.displayUnitProductMismatch }
        }

        if let comment = input.comment { new.comment = comment }
        try requireNonNegative(items: input.numberOfItems, weight: input.weight, monetaryValue: input.monetaryValue)
        if let items = input.numberOfItems { new.numberOfItems = items }
        if let weight = input.weight { new.weight = weight }
        if let value = input.monetaryValue { new.monetaryValue = value }
        if input.locationId != nil {
            new.locationId = location.id
            if let state = location.defaultBoxState { new.state = state }
        }
        new.productId = product.id
        if let sizeId = input.sizeId { new.sizeId = sizeId }
        if let unitId = input.displayUnitId { new.displayUnitId = unitId }
        if let value = input.measureValue {
            guard value >= 0 else { throw DomainError.negativeValue("measureValue") }
            new.measureValue = value / (displayUnit?.conversionFactor ?? 1)
        }
        if let state = input.state { new.state = state }

        var tagsChanged = false
        if let tagIds = input.tagIds {
            let wanted = Set(tags.map(\.id))
            let active = Set(try await writes.activeTagAssignments(of: [old.id.rawValue], type: .box).map(\.tagId))
            let removed = active.subtracting(wanted).sorted()
            let added = wanted.subtracting(active).sorted()
            // Tags the box already carries stay, whatever became of them since.
            if !tagIds.isEmpty {
                try requireBoxTags(tags, baseId: location.baseId, checkingUsability: Set(added))
            }
            try await writes.unassignTags(removed, from: [old.id.rawValue], type: .box)
            try await writes.assignTags(added.map { TagAssignment(tagId: $0, objectId: old.id.rawValue) }, type: .box)
            tagsChanged = !removed.isEmpty || !added.isEmpty
        }
        let newTags = try await writes.createBoxTags(named: input.newTagNames ?? [], baseId: location.baseId)
        try await writes.assignTags(newTags.map { TagAssignment(tagId: $0.id, objectId: old.id.rawValue) }, type: .box)

        let units = try await unitsById([old.displayUnitId, new.displayUnitId, old.weightDisplayUnitId, 1], in: scope)
        let saved = try await save(old, as: new, fields: BoxField.updatable, units: units, in: scope)
        if (tagsChanged || !newTags.isEmpty) && saved.audit == old.audit {
            try await writes.touchBoxes([old.id])
        }
        return try await data.boxes([old.id])[old.id].orNotFound()
    }

    /// `updateMarkedForShipmentBox`: weight and value of a box waiting for its shipment.
    public static func updateMarkedForShipment(
        labelIdentifier: String, weight: Double?, monetaryValue: Double?, in scope: MutationScope
    ) async throws -> Box {
        let old = try await scope.writes.warehouseWrites.lockedBox(labelIdentifier: labelIdentifier).orNotFound()
        let location = try await scope.data.warehouse.locations([old.locationId])[old.locationId].orNotFound()
        try scope.user.authorize("stock:write", baseId: location.baseId)
        guard old.deletedOn == nil else { throw DomainError.boxDeleted(old.labelIdentifier) }
        guard old.state == .markedForShipment else {
            throw DomainError.boxNotInWarehouse(old.labelIdentifier, state: old.state)
        }
        try requireNonNegative(items: nil, weight: weight, monetaryValue: monetaryValue)
        var new = old
        if let weight { new.weight = weight }
        if let monetaryValue { new.monetaryValue = monetaryValue }
        let units = try await unitsById([old.weightDisplayUnitId, 1], in: scope)
        return try await save(old, as: new, fields: BoxField.markedForShipment, units: units, in: scope)
    }

    /// `createBoxFromBox`: moves `numberOfItems` of a box into a new box in another location.
    ///
    /// Unlike the reference, the bases are compared before anything is written, the whole
    /// operation is one transaction, and a measure value is copied as it is stored.
    public static func createFromBox(
        sourceLabel: String, numberOfItems: Int, locationId: Location.ID, in scope: MutationScope
    ) async throws -> Box {
        let data = scope.data.warehouse
        let writes = scope.writes.warehouseWrites
        let target = try await data.locations([locationId])[locationId]
            .orThrow(UserError.missing("Location", id: locationId))
        try scope.user.authorize("stock:write", baseId: target.baseId)
        let source = try await writes.lockedBox(labelIdentifier: sourceLabel)
            .orThrow(UserError.resourceDoesNotExist(id: sourceLabel, name: "Box"))
        try await BoxAccess.authorize(source, action: "write", in: scope)
        guard numberOfItems >= 0, numberOfItems <= source.numberOfItems ?? 0 else {
            throw UserError.invalidNumberOfItems(numberOfItems)
        }
        guard source.deletedOn == nil else { throw UserError.deletedBox(labelIdentifier: source.labelIdentifier) }
        guard target.deletedOn == nil else { throw UserError.deletedLocation(name: target.name ?? "") }
        guard WarehouseRules.warehouseStates.contains(source.state) else {
            throw UserError.invalidBoxState(source.state)
        }
        let sourceLocation = try await data.locations([source.locationId])[source.locationId].orNotFound()
        guard sourceLocation.baseId == target.baseId else { throw DomainError.locationBaseMismatch }

        // Created empty where the source is, then moved: statistics see a move, as in the reference.
        let created = try await writes.insertBox(
            NewBox(
                productId: source.productId, sizeId: source.sizeId, numberOfItems: 0, locationId: source.locationId,
                state: sourceLocation.defaultBoxState ?? .inStock, qrId: nil, comment: "",
                displayUnitId: source.displayUnitId, measureValue: source.measureValue, weight: nil,
                monetaryValue: nil, sourceBoxId: source.id, stampModified: true))
        try await scope.writes.historyWrites.record([.created], table: "stock", recordId: created.id.rawValue)
        var reduced = source
        reduced.numberOfItems = (source.numberOfItems ?? 0) - numberOfItems
        try await save(source, as: reduced, fields: [.numberOfItems], units: [:], in: scope)
        var moved = created
        moved.numberOfItems = numberOfItems
        moved.locationId = target.id
        if let state = target.defaultBoxState { moved.state = state }
        return try await save(created, as: moved, fields: [.numberOfItems, .location, .state], units: [:], in: scope)
    }

    /// `createQrCode`: a new QR code, put on the named box when there is one.
    public static func createQrCode(boxLabelIdentifier: String?, in scope: MutationScope) async throws -> QrCode {
        try scope.user.authorize("qr:create")
        let writes = scope.writes.warehouseWrites
        var box: Box?
        if let label = boxLabelIdentifier {
            let found = try await writes.lockedBox(labelIdentifier: label).orNotFound()
            try await BoxAccess.authorize(found, action: "write", in: scope)
            box = found
        }
        let id = try await writes.insertQrCode()
        if let box {
            try await writes.assignQrCode(id, toBox: box.id)
            try await scope.writes.historyWrites.record([.qrCodeAssigned], table: "stock", recordId: box.id.rawValue)
        }
        return try await scope.data.warehouse.qrCodes([id])[id].orThrow(DomainError.databaseFailure)
    }

    // MARK: - Shared steps

    /// Saves `new` over `old` with history for the changed `fields`; stamps `modified` when
    /// anything changed. Returns the box as saved.
    @discardableResult
    static func save(
        _ old: Box, as new: Box, fields: [BoxField], units: [Int: MeasureUnit], in scope: MutationScope
    ) async throws -> Box {
        var saved = new
        let changes = old.changes(to: new, fields: fields, units: units)
        if !changes.isEmpty {
            saved.audit.lastModifiedOn = scope.now
            saved.audit.lastModifiedBy = scope.user.id
        }
        if saved != old {
            try await scope.writes.warehouseWrites.saveBox(saved)
            try await scope.writes.historyWrites.record(changes, table: "stock", recordId: old.id.rawValue)
        }
        return saved
    }

    static func requireNonNegative(items: Int?, weight: Double?, monetaryValue: Double?) throws(DomainError) {
        if let items, items < 0 { throw .negativeValue("numberOfItems") }
        if let weight, weight < 0 { throw .negativeValue("weight") }
        if let monetaryValue, monetaryValue < 0 { throw .negativeValue("monetaryValue") }
    }

    /// Beyond the reference: boxes don't go into deleted locations.
    static func requireUsable(_ location: Location) throws(DomainError) {
        if location.deletedOn != nil { throw .locationDeleted(location.name ?? "") }
    }

    /// Tags for a box: one base, the box's; beyond the reference, not deleted and not
    /// reserved for beneficiaries.
    /// - Parameter newTagIds: the tags whose usability is checked; `nil` for all of them.
    static func requireBoxTags(
        _ tags: [Tag], baseId: Base.ID, checkingUsability newTagIds: Set<Tag.ID>? = nil
    )
        throws(DomainError)
    {
        guard !tags.isEmpty else { return }
        if Set(tags.map(\.baseId)).count > 1 { throw .tagBaseMismatch }
        if tags[0].baseId != baseId { throw .locationTagBaseMismatch }
        let checked = tags.filter { newTagIds?.contains($0.id) ?? true }
        if let unusable = checked.first(where: { $0.deletedOn != nil || $0.type == .beneficiary }) {
            throw .tagNotApplicableToBoxes(unusable.id)
        }
    }

    /// Beyond the reference: shipment states are set by the transfer workflow only.
    static func requireSettable(_ state: BoxState) throws(DomainError) {
        guard WarehouseRules.warehouseStates.contains(state) else { throw .stateNotSettable(state) }
    }

    /// The units among `ids`, keyed by id (for the history of measures and weights).
    static func unitsById(_ ids: [Int?], in scope: MutationScope) async throws -> [Int: MeasureUnit] {
        try await scope.data.warehouse.units(Array(Set(ids.compactMap { $0 })))
    }
}
