// Port of business_logic/warehouse/box/crud.py (create_boxes): the spreadsheet bulk import.

/// `createBoxes`: new boxes, or items added to existing boxes, in one transaction.
public enum BoxImportService {
    public static func createBoxes(_ rows: [BoxBulkCreation], in scope: MutationScope) async throws -> BoxesOutcome {
        guard !rows.isEmpty else { return BoxesOutcome(updatedBoxes: [], invalidBoxLabelIdentifiers: []) }
        for row in rows { try row.checkTextLengths() }
        let data = scope.data.warehouse
        let writes = scope.writes.warehouseWrites
        let locations = try await data.locations(rows.map(\.locationId))
        let locationBases = Set(locations.values.map(\.baseId)).sorted()
        guard locationBases.count == 1, let baseId = locationBases.first else {
            throw UserError.invalidBase(ids: locationBases)
        }
        try scope.user.authorize("stock:write", baseId: baseId)
        try scope.user.authorize("tag_relation:assign")
        let base = try await scope.data.core.bases([baseId])[baseId].orNotFound()
        if base.deletedOn != nil { throw UserError.deletedBase(name: base.name ?? "") }
        let products = try await data.products(rows.map(\.productId))
        let productBases = Set(products.values.map(\.baseId)).sorted()
        guard productBases.count == 1, let productBase = productBases.first else {
            throw UserError.invalidBase(ids: productBases)
        }
        guard productBase == baseId else { throw UserError.productLocationBaseMismatch }

        // Merge rows: validated first, applied after the new boxes exist.
        let mergeLabels = rows.compactMap(\.boxLabelIdentifierForMerge)
        let mergeBoxes = Dictionary(
            try await writes.lockedBoxes(labelIdentifiers: mergeLabels).map { ($0.labelIdentifier, $0) },
            uniquingKeysWith: { a, _ in a })
        let mergeLocations = try await data.locations(mergeBoxes.values.map(\.locationId))
        var invalidLabels: [String] = []
        var deltas: [Box.ID: Int] = [:]
        var rowBoxes: [Box.ID?] = Array(repeating: nil, count: rows.count)  // box id per row
        for (index, row) in rows.enumerated() {
            guard let label = row.boxLabelIdentifierForMerge else { continue }
            let items = row.numberOfItems ?? 0
            guard let box = mergeBoxes[label], BulkBoxService.isEditable(box),
                mergeLocations[box.locationId]?.baseId == baseId, items >= 0
            else {
                invalidLabels.append(label)
                continue
            }
            deltas[box.id, default: 0] += items
            rowBoxes[index] = box.id
        }

        let createRows = rows.indices.filter { rows[$0].boxLabelIdentifierForMerge == nil }
        let knownTags = try await data.tags(createRows.flatMap { rows[$0].tagIds ?? [] })
        if createRows.contains(where: { (rows[$0].tagIds ?? []).contains { knownTags[$0] == nil } }) {
            throw DomainError.notFound
        }
        let newTags = try await writes.createBoxTags(
            named: createRows.flatMap { rows[$0].newTagNames ?? [] }, baseId: baseId)
        let newTagIds = Dictionary(newTags.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        let sizes = try await data.sizes(ofRanges: products.values.map(\.sizeRangeId))
        var units: [String: MeasureUnit] = [:]
        for unit in try await data.allUnits() where units[unit.symbol.lowercased()] == nil {
            units[unit.symbol.lowercased()] = unit
        }
        var assignments: [TagAssignment] = []
        var created: [Box.ID] = []
        for index in createRows {
            let row = rows[index]
            guard let product = products[row.productId] else { throw DomainError.notFound }
            var box = NewBox(
                productId: product.id, sizeId: nil, numberOfItems: row.numberOfItems ?? 0, locationId: row.locationId,
                state: nil, qrId: nil, comment: row.comment ?? "", displayUnitId: nil, measureValue: nil, weight: nil,
                monetaryValue: nil, sourceBoxId: nil, stampModified: false)
            let sizeName = row.sizeName.lowercased()
            var recognised = false
            if WarehouseRules.isMeasureProduct(sizeRangeId: product.sizeRangeId) {
                if let measure = WarehouseRules.parseMeasure(sizeName), let unit = units[measure.symbol] {
                    box.displayUnitId = unit.id
                    box.measureValue = measure.value / unit.conversionFactor
                    recognised = true
                }
            } else {
                let range = sizes[product.sizeRangeId] ?? []
                if let size = range.first(where: { $0.name.lowercased() == sizeName }) {
                    box.sizeId = size.id
                    recognised = true
                } else {
                    box.sizeId = range.first(where: { $0.name.lowercased() == "mixed" })?.id
                }
            }
            if !recognised {
                let note = "original size: '\(sizeName)'"
                box.comment = box.comment.isEmpty ? note : "\(box.comment); \(note)"
            }
            let inserted = try await writes.insertBox(box)
            created.append(inserted.id)
            rowBoxes[index] = inserted.id
            let tagIds = orderedUnique((row.tagIds ?? []) + (row.newTagNames ?? []).compactMap { newTagIds[$0] })
            assignments += tagIds.map { TagAssignment(tagId: $0, objectId: inserted.id.rawValue) }
        }
        try await scope.writes.historyWrites.record(
            created.map { ($0.rawValue, HistoryChange.created) }, table: "stock")
        try await writes.assignTags(assignments, type: .box)

        var mergeHistory: [(recordId: Int, change: HistoryChange)] = []
        let mergeBoxesById = Dictionary(mergeBoxes.values.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (boxId, delta) in deltas.sorted(by: { $0.key < $1.key }) where delta != 0 {
            guard let box = mergeBoxesById[boxId] else { continue }
            let old = box.numberOfItems ?? 0
            try await writes.setNumberOfItems(old + delta, ofBox: boxId)
            mergeHistory.append(
                (boxId.rawValue, HistoryChange(changes: "items", fromInt: box.numberOfItems, toInt: old + delta)))
        }
        try await scope.writes.historyWrites.record(mergeHistory, table: "stock")

        let boxes = try await data.boxes(rowBoxes.compactMap { $0 })
        return BoxesOutcome(
            updatedBoxes: rowBoxes.compactMap { $0.flatMap { boxes[$0] } }, invalidBoxLabelIdentifiers: invalidLabels)
    }
}
