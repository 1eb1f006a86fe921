import BoxtributeDatabase
import BoxtributeDomain

/// The rows of one slice of boxes, ready to run in one transaction.
struct DemoBoxChunk: Sendable {
    let statements: [DemoStatement]
    let lastBoxId: Int
}

/// Streams boxes 1...N with their QR codes, history, tag relations and shipment details.
///
/// A value type: the seeder hands it to a background task to build the next chunk while the
/// previous one is written. The random stream runs over boxes in id order, so the output
/// depends only on N (not on the chunk size).
struct DemoBoxGenerator: Sendable {
    static let seed: UInt64 = 0x0B0C_5EED_2026_0002

    let layout: DemoLayout
    private var rng = SplitMix64(seed: seed)
    private(set) var nextBoxId = 1
    private(set) var nextQrId = 1
    private(set) var nextHistoryId: Int
    private(set) var nextRelationId: Int
    private(set) var nextDetailId = 1
    private var qr = DemoInsertBuffer("qr", ["id", "code", "created", "legacy"])
    private var stock = DemoInsertBuffer(
        "stock",
        [
            "id", "box_id", "product_id", "size_id", "items", "location_id", "box_state_id", "qr_id", "comments",
            "display_unit_id", "measure_value", "weight", "weight_display_unit_id", "monetary_value", "created",
            "created_by", "modified", "modified_by", "deleted",
        ],
        maxRowsPerStatement: 500)
    private var details = DemoInsertBuffer(
        "shipment_detail",
        [
            "id", "shipment_id", "box_id", "source_product_id", "target_product_id", "source_quantity",
            "target_quantity", "source_size_id", "target_size_id", "source_location_id", "target_location_id",
            "created_on", "created_by_id", "lost_on", "lost_by_id", "received_on", "received_by_id", "removed_on",
            "removed_by_id",
        ])
    private var history = DemoInsertBuffer("history", DemoSetup.historyColumns)
    private var relations = DemoInsertBuffer("tags_relations", DemoSetup.relationColumns)

    private let zeroDate = SQLValue.text("0000-00-00 00:00:00")
    private let boxStart = DemoClock.daysBeforeBase(360)
    private let boxSpan = 355 * DemoClock.day

    init(layout: DemoLayout, firstHistoryId: Int, firstRelationId: Int) {
        self.layout = layout
        nextHistoryId = firstHistoryId
        nextRelationId = firstRelationId
    }

    var isFinished: Bool { nextBoxId > layout.boxes }

    /// Rows written so far per scaled table.
    var qrRows: Int { qr.totalRows }
    var stockRows: Int { stock.totalRows }
    var detailRows: Int { details.totalRows }

    /// The next `count` boxes (fewer at the end).
    mutating func nextChunk(count: Int) -> DemoBoxChunk {
        let last = min(layout.boxes, nextBoxId + count - 1)
        while nextBoxId <= last {
            let id = nextBoxId
            if let role = layout.shipmentBoxes[id] {
                shipmentBox(id, role)
            } else {
                box(id)
            }
            nextBoxId += 1
        }
        // Foreign-key order: qr before stock before shipment_detail.
        let statements = qr.drain() + stock.drain() + details.drain() + history.drain() + relations.drain()
        return DemoBoxChunk(statements: statements, lastBoxId: last)
    }

    // MARK: Helpers

    private mutating func createdTime(_ id: Int) -> Int {
        let spacing = boxSpan / layout.boxes
        return boxStart + (id - 1) * boxSpan / layout.boxes + rng.int(max(1, spacing))
    }

    /// A moment after `time` (1 hour to 60 days later), always before the base date.
    private mutating func later(_ time: Int) -> Int {
        let window = min(60 * DemoClock.day, DemoClock.baseDate - 2 * DemoClock.hour - time)
        return time + DemoClock.hour + rng.int(max(1, window))
    }

    private mutating func record(
        _ box: Int, _ change: String, _ user: Int, _ time: Int, from: Int? = nil, to: Int? = nil
    ) {
        history.add([
            .int(nextHistoryId), .text("stock"), .int(box), .text(change), .int(user), .time(time), .opt(from),
            .opt(to),
        ])
        nextHistoryId += 1
    }

    private mutating func addQr(created: Int) -> Int {
        let id = nextQrId
        nextQrId += 1
        qr.add([.int(id), .text(QrCode.code(forId: id)), .time(created), .int(0)])
        return id
    }

    private mutating func relation(
        _ box: Int, tag: Int, created: Int, by user: Int, removed: Int? = nil, removedBy: Int? = nil
    ) {
        relations.add([
            .int(nextRelationId), .int(box), .text("Stock"), .int(tag), .time(created), .int(user), .time(removed),
            .opt(removedBy),
        ])
        nextRelationId += 1
    }

    /// Display unit and stored value (in the dimension's base unit, kg or l) of a measure box.
    private mutating func measure(dimension: Int) -> (unit: Int, value: Double) {
        if dimension == DemoCatalog.massRange {
            switch rng.weighted([5, 3, 2]) {
            case 0: return (1, Double(rng.int(in: 1...50)))  // kg
            case 1: return (4, Double(100 * rng.int(in: 1...50)) / 1000)  // g, shown in steps of 100 g
            default: return (7, Double(rng.int(in: 1...100)) / 2.2046)  // lb
            }
        }
        return rng.weighted([7, 3]) == 0
            ? (2, Double(rng.int(in: 1...100)))  // l
            : (3, Double(250 * rng.int(in: 1...20)) / 1000)  // ml, in steps of 250 ml
    }

    // MARK: Ordinary boxes

    private mutating func box(_ id: Int) {
        let created = createdTime(id)
        let base = layout.bases[layout.boxBaseIndices[rng.weighted(layout.boxBaseWeights)]]
        let creator = rng.chance(perMille: 600) ? base.volunteer : base.coordinator
        let product = rng.pick(base.products)
        var sizeId: Int?
        var unit: Int?
        var measureValue: Double?
        var items: Int
        if let dimension = product.dimension {
            items = rng.int(in: 1...40)
            let measured = measure(dimension: dimension)
            unit = measured.unit
            measureValue = measured.value
        } else {
            sizeId = rng.pick(product.sizeIds)
            items = rng.int(in: 1...60) + (rng.chance(perMille: 200) ? rng.int(200) : 0)
        }
        let weight: Double? = rng.chance(perMille: 200) ? Double(rng.int(in: 10...300)) / 10 : nil
        let monetaryValue: Double? = rng.chance(perMille: 100) ? Double(rng.int(in: 5...500)) : nil
        let comment: String? = rng.chance(perMille: 150) ? rng.pick(DemoCatalog.boxComments) : nil
        // Now and then a printed QR label that was never used.
        if rng.chance(perMille: 10) { _ = addQr(created: created - DemoClock.hour) }
        let qrId: Int? = rng.chance(perMille: 920) ? addQr(created: created) : nil

        record(id, "Record created", creator, created)
        var modified = created
        var modifiedBy = creator
        var location = rng.pick(base.inStockLocations)
        var state = BoxStateId.inStock
        let draw = rng.int(1000)
        let deleteLater = draw < 8
        switch draw {
        case 8..<35: state = BoxStateId.lost
        case 35..<50: state = BoxStateId.scrap
        case 50..<130: state = BoxStateId.donated
        default: break
        }
        if state != BoxStateId.inStock {
            // Moved out of stock: the move writes location and state changes together.
            let target =
                switch state {
                case BoxStateId.lost: base.lostLocation
                case BoxStateId.scrap: base.scrapLocation
                default: base.donatedLocation
                }
            let time = later(modified)
            let user = rng.chance(perMille: 500) ? base.coordinator : base.volunteer
            record(id, "location_id", user, time, from: location, to: target)
            record(id, "box_state_id", user, time, from: BoxStateId.inStock, to: state)
            location = target
            modified = time
            modifiedBy = user
        } else if rng.chance(perMille: 250) {
            let time = later(modified)
            let delta = rng.int(in: 1...10)
            let before = rng.chance(perMille: 500) ? items + delta : max(0, items - delta)
            let user = rng.chance(perMille: 500) ? base.coordinator : base.volunteer
            record(id, "items", user, time, from: before, to: items)
            modified = time
            modifiedBy = user
            if rng.chance(perMille: 400) {
                let others = base.inStockLocations.filter { $0 != location }
                let from = rng.pick(others)
                let moved = later(modified)
                record(id, "location_id", user, moved, from: from, to: location)
                modified = moved
            }
        }

        if rng.chance(perMille: 300) {
            let first = rng.int(base.boxTags.count)
            var chosen = [base.boxTags[first]]
            if rng.chance(perMille: 300) {
                chosen.append(base.boxTags[(first + 1 + rng.int(base.boxTags.count - 1)) % base.boxTags.count])
            }
            for tag in chosen {
                let user = rng.chance(perMille: 500) ? base.coordinator : base.volunteer
                let assigned = rng.chance(perMille: 700) ? created : later(created)
                var removed: Int?
                if rng.chance(perMille: 100) { removed = later(assigned) }
                relation(
                    id, tag: tag, created: assigned, by: user, removed: removed, removedBy: removed.map { _ in user })
                for time in [assigned, removed ?? assigned] where time > modified {
                    modified = time
                    modifiedBy = user
                }
            }
        }
        if created < layout.tagDeletedAt, rng.chance(perMille: 30) {
            // Tagged "Old season" before that tag was deleted (which removed the relation).
            relation(
                id, tag: base.deletedTag, created: created, by: creator, removed: layout.tagDeletedAt,
                removedBy: base.coordinator)
        }

        var deleted = zeroDate
        if deleteLater {
            let time = later(modified)
            record(id, "Record deleted", base.coordinator, time)
            deleted = .time(time)
            modified = time
            modifiedBy = base.coordinator
        }

        stock.add([
            .int(id), .text(DemoLabel.label(forBox: id)), .int(product.id), .opt(sizeId), .int(items), .int(location),
            .int(state), .opt(qrId), .opt(comment), .opt(unit), .opt(measureValue), .opt(weight), .int(1),
            .opt(monetaryValue), .time(created), .int(creator), .time(modified), .int(modifiedBy), deleted,
        ])
    }

    // MARK: Boxes in shipments

    /// A box of a shipment, in the state the shipment's history implies, with its detail row.
    private mutating func shipmentBox(_ id: Int, _ role: DemoLayout.ShipmentBox) {
        let created = createdTime(id)
        let shipment = layout.shipments[role.shipment]
        let source = layout.base(shipment.source)
        let target = layout.base(shipment.target)
        let productIndex = rng.pick(layout.shipmentProductIndices)
        let sourceProduct = source.customProductIds[productIndex]
        let targetProduct = target.customProductIds[productIndex]
        let sizeId = rng.pick(layout.customProductSizes[productIndex])
        let items = rng.int(in: 5...60)
        let sourceLocation = rng.pick(source.inStockLocations)
        let targetLocation = rng.pick(target.inStockLocations)
        let qrId = addQr(created: created)
        record(id, "Record created", source.coordinator, created)

        let added = shipment.started + 600 * (role.position + 1)
        var events: [(change: String, user: Int, time: Int, from: Int, to: Int)] = [
            ("box_state_id", source.coordinator, added, BoxStateId.inStock, BoxStateId.markedForShipment)
        ]
        var state = BoxStateId.markedForShipment
        var location = sourceLocation
        var product = sourceProduct
        var received: Int?
        var removed: Int?
        var lost: Int?

        func change(_ time: Int, _ user: Int, to newState: Int) {
            events.append(("box_state_id", user, time, state, newState))
            state = newState
        }
        func send() {
            if let sent = shipment.sent { change(sent, source.coordinator, to: BoxStateId.inTransit) }
        }
        func startReceiving() {
            if let start = shipment.receivingStarted { change(start, target.coordinator, to: BoxStateId.receiving) }
        }
        func receive(at time: Int) {
            // Reconciliation order of the reference: product, location, then state.
            events.append(("product_id", target.coordinator, time, sourceProduct, targetProduct))
            events.append(("location_id", target.coordinator, time, sourceLocation, targetLocation))
            change(time, target.coordinator, to: BoxStateId.inStock)
            product = targetProduct
            location = targetLocation
            received = time
        }

        switch shipment.kind {
        case .preparing:
            break
        case .sent:
            send()
        case .receiving:
            send()
            startReceiving()
            if role.position < shipment.boxCount / 2, let start = shipment.receivingStarted {
                receive(at: start + DemoClock.hour * (role.position + 1))
            }
        case .lost:
            send()
            if let completed = shipment.completed {
                change(completed, target.coordinator, to: BoxStateId.notDelivered)
                lost = completed
            }
        case .completed:
            if role.position == 0 {
                // Taken out again while the shipment was being prepared.
                let time = added + DemoClock.hour
                change(time, source.coordinator, to: BoxStateId.inStock)
                removed = time
            } else if let start = shipment.receivingStarted {
                send()
                startReceiving()
                receive(at: start + DemoClock.hour * role.position)
            }
        case .canceled:
            if let canceled = shipment.canceled {
                change(canceled, source.coordinator, to: BoxStateId.inStock)
                removed = canceled
            }
        }
        for event in events {
            record(id, event.change, event.user, event.time, from: event.from, to: event.to)
        }
        let last = events[events.count - 1]
        let modified = last.time
        let modifiedBy = last.user

        stock.add([
            .int(id), .text(DemoLabel.label(forBox: id)), .int(product), .int(sizeId), .int(items), .int(location),
            .int(state), .int(qrId), .null, .null, .null, .null, .int(1), .null, .time(created),
            .int(source.coordinator),
            .time(modified), .int(modifiedBy), zeroDate,
        ])
        details.add([
            .int(nextDetailId), .int(shipment.id), .int(id), .int(sourceProduct),
            .opt(received.map { _ in targetProduct }),
            .int(items), .opt(received.map { _ in items }), .int(sizeId), .opt(received.map { _ in sizeId }),
            .int(sourceLocation), .opt(received.map { _ in targetLocation }), .time(added), .int(source.coordinator),
            .time(lost), .opt(lost.map { _ in target.coordinator }), .time(received),
            .opt(received.map { _ in target.coordinator }), .time(removed),
            .opt(removed.map { _ in source.coordinator }),
        ])
        nextDetailId += 1
    }
}

/// `box_state` ids (fixed: `InStock` is 1, the API maps each state to its id).
enum BoxStateId {
    static let inStock = 1
    static let lost = 2
    static let markedForShipment = 3
    static let receiving = 4
    static let donated = 5
    static let scrap = 6
    static let inTransit = 7
    static let notDelivered = 8
}
