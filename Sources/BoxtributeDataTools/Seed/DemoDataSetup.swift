import BoxtributeDatabase
import BoxtributeDomain

/// Ids and facts the box generator needs, computed while the small tables are built.
struct DemoLayout: Sendable {
    struct Product: Sendable {
        let id: Int
        /// Sizes of the product's size range; empty for measure products.
        let sizeIds: [Int]
        /// 28 (mass) or 29 (volume) for measure products.
        let dimension: Int?
    }

    struct Base: Sendable {
        let id: Int
        let coordinator: Int
        let volunteer: Int
        let inStockLocations: [Int]
        let donatedLocation: Int
        let lostLocation: Int
        let scrapLocation: Int
        /// Products boxes may hold (not deleted).
        let products: [Product]
        /// Product id of each entry of `DemoCatalog.customProducts`.
        let customProductIds: [Int]
        let boxTags: [Int]
        let deletedTag: Int
    }

    struct Shipment: Sendable {
        let id: Int
        let kind: ShipmentState
        let source: Int
        let target: Int
        let agreement: Int?
        let started: Int
        let sent: Int?
        let receivingStarted: Int?
        let completed: Int?
        let canceled: Int?
        let boxCount: Int
    }

    struct ShipmentBox: Sendable {
        let shipment: Int
        let position: Int
    }

    let boxes: Int
    /// Indexed by base id - 1.
    let bases: [Base]
    let boxBaseIndices: [Int]
    let boxBaseWeights: [Int]
    let shipments: [Shipment]
    /// Box id → its place in a shipment (these boxes are generated to match).
    let shipmentBoxes: [Int: ShipmentBox]
    /// Indices into `DemoCatalog.customProducts` that shipments carry (sized, not deleted).
    let shipmentProductIndices: [Int]
    /// Sizes of each custom product's size range, by custom index.
    let customProductSizes: [[Int]]
    /// When each base's "Old season" tag was deleted.
    let tagDeletedAt: Int

    func base(_ id: Int) -> Base { bases[id - 1] }
}

/// Builds the small tables in foreign-key order, and the layout for the box generator.
struct DemoSetup {
    static let seed: UInt64 = 0x0B0C_5EED_2026_0001

    private var rng = SplitMix64(seed: seed)
    private(set) var statements: [DemoStatement] = []
    private(set) var counts: [DemoDataSummary.TableCount] = []
    private(set) var history: DemoInsertBuffer
    private(set) var relations: DemoInsertBuffer
    private(set) var nextHistoryId = 1
    private(set) var nextRelationId = 1

    static let historyColumns = [
        "id", "tablename", "record_id", "changes", "user_id", "changedate", "from_int", "to_int",
    ]
    static let relationColumns = [
        "id", "object_id", "object_type", "tag_id", "created_on", "created_by_id", "deleted_on", "deleted_by_id",
    ]

    private let zeroDate = SQLValue.text("0000-00-00 00:00:00")

    init() {
        history = DemoInsertBuffer("history", Self.historyColumns)
        relations = DemoInsertBuffer("tags_relations", Self.relationColumns)
    }

    static let spotCoordinates: [Int: (Double, Double)] = [
        1: (39.1044, 26.5550), 2: (38.3680, 26.1358), 3: (40.9396, 24.4019), 4: (39.6650, 20.8537),
        5: (50.9513, 1.8587),
    ]

    private mutating func flush(_ buffer: inout DemoInsertBuffer) {
        statements += buffer.drain()
        counts.append(.init(table: buffer.table, rows: buffer.totalRows))
    }

    private mutating func record(_ table: String, _ id: Int, _ change: String, _ user: Int?, _ time: Int) {
        history.add([.int(nextHistoryId), .text(table), .int(id), .text(change), .opt(user), .time(time), .null, .null])
        nextHistoryId += 1
    }

    /// Builds every small table; returns the layout for `boxes` boxes.
    mutating func build(boxes: Int) -> DemoLayout {
        let setupTime = DemoClock.daysBeforeBase(365)
        let god = 1

        // Users first: almost every table refers to them.
        var users = DemoInsertBuffer(
            "cms_users",
            [
                "id", "pass", "naam", "email", "is_admin", "lastlogin", "lastaction", "created", "created_by",
                "modified", "modified_by", "language", "deleted",
            ])
        for user in DemoCatalog.users {
            let lastSeen = DemoClock.daysBeforeBase(1) - user.id * DemoClock.hour
            users.add([
                .int(user.id), .text(""), .text(user.name), .text(user.email), .int(user.role == .god ? 1 : 0),
                .time(lastSeen), .time(lastSeen + 600), .time(setupTime), .opt(user.id == god ? nil : god), .null,
                .null,
                .int(2), zeroDate,
            ])
        }
        flush(&users)

        var organisations = DemoInsertBuffer(
            "organisations", ["id", "label", "created", "created_by", "deleted", "modified", "modified_by"])
        for organisation in DemoCatalog.organisations {
            organisations.add([
                .int(organisation.id), .text(organisation.name), .time(setupTime), .int(god), .null, .null, .null,
            ])
        }
        flush(&organisations)

        let baseDeletedAt = DemoClock.daysBeforeBase(30)
        var camps = DemoInsertBuffer(
            "camps",
            [
                "id", "name", "organisation_id", "seq", "currencyname", "monetary_currency_code", "created",
                "created_by", "modified", "modified_by", "deleted",
            ])
        for base in DemoCatalog.bases {
            camps.add([
                .int(base.id), .text(base.name), .int(base.organisationId), .int(base.id), .text(base.currencyName),
                .text("EUR"), .time(setupTime + base.id * 600), .int(god), .time(base.isDeleted ? baseDeletedAt : nil),
                .opt(base.isDeleted ? god : nil), .time(base.isDeleted ? baseDeletedAt : nil),
            ])
        }
        flush(&camps)

        // Size ranges and sizes (a size label appears once in `sizes`, shared by ranges).
        var sizegroups = DemoInsertBuffer("sizegroup", ["id", "label", "seq"])
        var sizes = DemoInsertBuffer("sizes", ["id", "label"])
        var sizeLinks = DemoInsertBuffer("sizes_sizegroup", ["size_id", "sizegroup_id", "seq"])
        var sizeIds: [String: Int] = [:]
        var sizesOfRange: [Int: [Int]] = [:]
        for range in DemoCatalog.sizeRanges {
            sizegroups.add([.int(range.id), .text(range.label), .int(range.id * 10)])
            for (index, label) in range.sizes.enumerated() {
                let id: Int
                if let existing = sizeIds[label] {
                    id = existing
                } else {
                    id = sizeIds.count + 1
                    sizeIds[label] = id
                    sizes.add([.int(id), .text(label)])
                }
                sizeLinks.add([.int(id), .int(range.id), .int(index + 1)])
                sizesOfRange[range.id, default: []].append(id)
            }
        }
        flush(&sizegroups)
        flush(&sizes)
        flush(&sizeLinks)

        // Standard products: version 1, then version 2 re-issuing it; then link successors.
        var standard = DemoInsertBuffer(
            "standard_product",
            [
                "id", "name", "category_id", "gender_id", "size_range_id", "version", "added_on", "added_by",
                "deprecated_on", "deprecated_by", "preceded_by_product_id", "superceded_by_product_id",
            ])
        let v1Added = DemoClock.daysBeforeBase(500)
        let v2Added = DemoClock.daysBeforeBase(200)
        for (index, product) in DemoCatalog.standardV1.enumerated() {
            standard.add([
                .int(index + 1), .text(product.name), .int(product.category), .int(product.gender),
                .int(product.sizeRange), .int(1), .time(v1Added), .int(god), .time(v2Added), .int(god), .null, .null,
            ])
        }
        var successors: [(v1: Int, v2: Int)] = []
        for (index, entry) in DemoCatalog.standardV2.enumerated() {
            let id = DemoCatalog.standardV2Id(index)
            let preceded = entry.replaces.map { $0 + 1 }
            if let preceded { successors.append((preceded, id)) }
            standard.add([
                .int(id), .text(entry.product.name), .int(entry.product.category), .int(entry.product.gender),
                .int(entry.product.sizeRange), .int(2), .time(v2Added), .int(god), .null, .null, .opt(preceded), .null,
            ])
        }
        flush(&standard)
        for link in successors {
            statements.append(
                DemoStatement(
                    sql: "UPDATE standard_product SET superceded_by_product_id = ? WHERE id = ?",
                    binds: [.int(link.v2), .int(link.v1)]))
        }

        // Locations.
        var locations = DemoInsertBuffer(
            "locations",
            [
                "id", "label", "camp_id", "seq", "created", "created_by", "modified", "modified_by", "visible",
                "container_stock", "is_market", "is_donated", "is_lost", "is_scrap", "type", "latitude", "longitude",
                "description", "deleted", "box_state_id",
            ])
        let locationDeletedAt = DemoClock.daysBeforeBase(200)
        for base in DemoCatalog.bases {
            let coordinator = DemoCatalog.coordinatorId(ofBase: base.id)
            for (index, location) in DemoCatalog.locations.enumerated() {
                let id = DemoCatalog.locationId(base: base.id, index: index)
                let created = DemoClock.daysBeforeBase(364) + base.id * DemoClock.hour + index * 600
                let visible = location.boxState == 1 && !location.isDeleted
                let coordinates = location.isDistributionSpot ? Self.spotCoordinates[base.id] : nil
                locations.add([
                    .int(id), .text(location.label), .int(base.id), .int(index + 1), .time(created), .int(coordinator),
                    .time(location.isDeleted ? locationDeletedAt : nil), .opt(location.isDeleted ? coordinator : nil),
                    .int(visible ? 1 : 0), .int(location.isStockroom ? 1 : 0), .int(location.isShop ? 1 : 0),
                    .int(location.boxState == 5 ? 1 : 0), .int(location.boxState == 2 ? 1 : 0),
                    .int(location.boxState == 6 ? 1 : 0),
                    .text(location.isDistributionSpot ? "MapDistroSpot" : "Warehouse"),
                    .opt(coordinates?.0), .opt(coordinates?.1), .opt(location.description),
                    .time(location.isDeleted ? locationDeletedAt : nil), .int(location.boxState),
                ])
            }
        }
        flush(&locations)

        // Products: the custom catalogue, enabled standard products, outdated ones (base 1).
        var products = DemoInsertBuffer(
            "products",
            [
                "id", "name", "category_id", "gender_id", "sizegroup_id", "camp_id", "value", "created", "created_by",
                "modified", "modified_by", "stockincontainer", "comments", "deleted", "standard_product_id",
            ])
        var nextProductId = 1
        var productLayouts: [Int: (products: [DemoLayout.Product], customIds: [Int])] = [:]
        let productDeletedAt = DemoClock.daysBeforeBase(150)
        for base in DemoCatalog.bases {
            let coordinator = DemoCatalog.coordinatorId(ofBase: base.id)
            let volunteer = DemoCatalog.volunteerId(ofBase: base.id)
            var usable: [DemoLayout.Product] = []
            var customIds: [Int] = []
            func add(
                _ name: String, category: Int, gender: Int, sizeRange: Int, price: Int, inShop: Bool, comment: String?,
                deleted: Bool, standardId: Int?
            ) {
                let id = nextProductId
                nextProductId += 1
                let created = DemoClock.daysBeforeBase(363) + base.id * DemoClock.hour + products.totalRows * 60
                let edited = !deleted && id % 4 == 0 ? DemoClock.daysBeforeBase(300) + id * 600 : nil
                products.add([
                    .int(id), .text(name), .int(category), .int(gender), .int(sizeRange), .int(base.id), .int(price),
                    .time(created), .int(coordinator), .time(deleted ? productDeletedAt : edited),
                    .opt(deleted ? coordinator : edited.map { _ in volunteer }), .int(inShop ? 1 : 0), .opt(comment),
                    .time(deleted ? productDeletedAt : nil), .opt(standardId),
                ])
                record("products", id, "Record created", coordinator, created)
                if deleted { record("products", id, "Record deleted", coordinator, productDeletedAt) }
                if !deleted {
                    let measure = sizeRange == DemoCatalog.massRange || sizeRange == DemoCatalog.volumeRange
                    usable.append(
                        .init(
                            id: id, sizeIds: measure ? [] : sizesOfRange[sizeRange] ?? [],
                            dimension: measure ? sizeRange : nil))
                }
            }
            for product in DemoCatalog.customProducts {
                customIds.append(nextProductId)
                add(
                    product.name, category: product.category, gender: product.gender, sizeRange: product.sizeRange,
                    price: product.price, inShop: product.inShop, comment: product.comment, deleted: product.isDeleted,
                    standardId: nil)
            }
            let enabled = DemoCatalog.enabledStandardProducts(base: base.id)
            for (position, index) in enabled.enumerated() {
                let entry = DemoCatalog.standardV2[index].product
                add(
                    entry.name, category: entry.category, gender: entry.gender, sizeRange: entry.sizeRange,
                    price: (index * 7) % 12, inShop: index % 3 == 0, comment: "",
                    deleted: position == enabled.count - 1,
                    standardId: DemoCatalog.standardV2Id(index))
            }
            for index in DemoCatalog.outdatedStandardProducts(base: base.id) {
                let entry = DemoCatalog.standardV1[index]
                add(
                    entry.name, category: entry.category, gender: entry.gender, sizeRange: entry.sizeRange, price: 2,
                    inShop: false, comment: "", deleted: false, standardId: index + 1)
            }
            productLayouts[base.id] = (usable, customIds)
        }
        flush(&products)

        // Tags.
        var tags = DemoInsertBuffer(
            "tags",
            [
                "id", "label", "color", "camp_id", "deleted", "created", "created_by", "modified", "modified_by",
                "description", "type", "seq",
            ])
        let tagDeletedAt = DemoClock.daysBeforeBase(100)
        for base in DemoCatalog.bases {
            let coordinator = DemoCatalog.coordinatorId(ofBase: base.id)
            for (index, tag) in DemoCatalog.tags.enumerated() {
                let id = DemoCatalog.tagId(base: base.id, index: index)
                let created = DemoClock.daysBeforeBase(362) + base.id * DemoClock.hour + index * 600
                tags.add([
                    .int(id), .text(tag.label), .text(tag.color), .int(base.id),
                    .time(tag.isDeleted ? tagDeletedAt : nil),
                    .time(created), .int(coordinator), .time(tag.isDeleted ? tagDeletedAt : nil),
                    .opt(tag.isDeleted ? coordinator : nil), .text(tag.description), .text(tag.type), .int(index + 1),
                ])
                record("tags", id, "Record created", coordinator, created)
                if tag.isDeleted { record("tags", id, "Record deleted", coordinator, tagDeletedAt) }
            }
        }
        flush(&tags)

        buildPeople()
        buildShareableLinks()

        // Transfer agreements: 1 accepted (org 1 ↔ org 2, used by the shipments), 2 under
        // review (org 3 → org 1), 3 canceled (org 2 ↔ org 3).
        var agreements = DemoInsertBuffer(
            "transfer_agreement",
            [
                "id", "source_organisation_id", "target_organisation_id", "state", "type", "requested_on",
                "requested_by", "accepted_on", "accepted_by", "terminated_on", "terminated_by", "valid_from",
                "valid_until", "comment",
            ])
        let coordinator = DemoCatalog.coordinatorId(ofBase:)
        agreements.add([
            .int(1), .int(1), .int(2), .text("Accepted"), .text("Bidirectional"), .time(DemoClock.daysBeforeBase(200)),
            .int(coordinator(1)), .time(DemoClock.daysBeforeBase(195)), .int(coordinator(3)), .null, .null,
            .time(DemoClock.daysBeforeBase(200)), .null, .text("Winter clothing between the islands and the mainland"),
        ])
        agreements.add([
            .int(2), .int(3), .int(1), .text("UnderReview"), .text("SendingTo"), .time(DemoClock.daysBeforeBase(20)),
            .int(coordinator(5)), .null, .null, .null, .null, .time(DemoClock.daysBeforeBase(20)),
            .time(DemoClock.daysBeforeBase(-180)), .text("Surplus sleeping bags"),
        ])
        agreements.add([
            .int(3), .int(2), .int(3), .text("Canceled"), .text("Bidirectional"), .time(DemoClock.daysBeforeBase(300)),
            .int(coordinator(3)), .time(DemoClock.daysBeforeBase(290)), .int(coordinator(5)),
            .time(DemoClock.daysBeforeBase(250)), .int(coordinator(3)), .time(DemoClock.daysBeforeBase(300)), .null,
            .null,
        ])
        flush(&agreements)
        var agreementDetails = DemoInsertBuffer(
            "transfer_agreement_detail", ["id", "transfer_agreement_id", "source_base_id", "target_base_id"])
        for (id, detail) in [(1, 1, 3), (1, 2, 3), (2, 5, 1), (3, 3, 5)].enumerated() {
            agreementDetails.add([.int(id + 1), .int(detail.0), .int(detail.1), .int(detail.2)])
        }
        flush(&agreementDetails)

        // Shipments (org 1 → org 2 under agreement 1); their boxes are generated with the boxes.
        let perShipment = max(2, min(10, boxes / 150))
        func day(_ days: Int, at hour: Int) -> Int { DemoClock.daysBeforeBase(days) + hour * DemoClock.hour }
        let shipments: [DemoLayout.Shipment] = [
            .init(
                id: 1, kind: .preparing, source: 1, target: 3, agreement: 1, started: day(3, at: 9), sent: nil,
                receivingStarted: nil, completed: nil, canceled: nil, boxCount: perShipment),
            .init(
                id: 2, kind: .sent, source: 1, target: 3, agreement: 1, started: day(12, at: 9), sent: day(10, at: 14),
                receivingStarted: nil, completed: nil, canceled: nil, boxCount: perShipment),
            .init(
                id: 3, kind: .receiving, source: 2, target: 3, agreement: 1, started: day(20, at: 9),
                sent: day(18, at: 14),
                receivingStarted: day(15, at: 10), completed: nil, canceled: nil, boxCount: perShipment),
            .init(
                id: 4, kind: .lost, source: 1, target: 3, agreement: 1, started: day(40, at: 9), sent: day(38, at: 14),
                receivingStarted: nil, completed: day(30, at: 16), canceled: nil, boxCount: perShipment),
            .init(
                id: 5, kind: .completed, source: 2, target: 3, agreement: 1, started: day(60, at: 9),
                sent: day(58, at: 14),
                receivingStarted: day(55, at: 10), completed: day(54, at: 16), canceled: nil, boxCount: perShipment),
            .init(
                id: 6, kind: .canceled, source: 1, target: 3, agreement: 1, started: day(50, at: 9), sent: nil,
                receivingStarted: nil, completed: nil, canceled: day(48, at: 11), boxCount: perShipment),
        ]
        var shipmentRows = DemoInsertBuffer(
            "shipment",
            [
                "id", "source_base_id", "target_base_id", "transfer_agreement_id", "state", "started_on",
                "started_by_id", "canceled_on", "canceled_by_id", "sent_on", "sent_by_id", "receiving_started_on",
                "receiving_started_by_id", "completed_on", "completed_by_id",
            ])
        for shipment in shipments {
            let source = coordinator(shipment.source)
            let target = coordinator(shipment.target)
            shipmentRows.add([
                .int(shipment.id), .int(shipment.source), .int(shipment.target), .opt(shipment.agreement),
                .text(shipment.kind.rawValue), .time(shipment.started), .int(source), .time(shipment.canceled),
                .opt(shipment.canceled.map { _ in source }), .time(shipment.sent),
                .opt(shipment.sent.map { _ in source }),
                .time(shipment.receivingStarted), .opt(shipment.receivingStarted.map { _ in target }),
                .time(shipment.completed), .opt(shipment.completed.map { _ in target }),
            ])
        }
        flush(&shipmentRows)

        // Shipment boxes: evenly spread over the older 5 %...80 % of box ids, so they were
        // created well before their shipment started.
        var shipmentBoxes: [Int: DemoLayout.ShipmentBox] = [:]
        let reserved = shipments.reduce(0) { $0 + $1.boxCount }
        let low = boxes / 20 + 1
        let high = boxes * 4 / 5
        var slot = 0
        for (shipmentIndex, shipment) in shipments.enumerated() {
            for position in 0..<shipment.boxCount {
                let id = low + (high - low) * slot / reserved
                shipmentBoxes[id] = .init(shipment: shipmentIndex, position: position)
                slot += 1
            }
        }

        let customProductSizes = DemoCatalog.customProducts.map { sizesOfRange[$0.sizeRange] ?? [] }
        let shipmentProductIndices = DemoCatalog.customProducts.indices.filter { index in
            let product = DemoCatalog.customProducts[index]
            return !product.isDeleted && product.sizeRange != DemoCatalog.massRange
                && product.sizeRange != DemoCatalog.volumeRange
        }

        let baseLayouts = DemoCatalog.bases.map { base in
            let products = productLayouts[base.id] ?? ([], [])
            return DemoLayout.Base(
                id: base.id, coordinator: DemoCatalog.coordinatorId(ofBase: base.id),
                volunteer: DemoCatalog.volunteerId(ofBase: base.id),
                inStockLocations: DemoCatalog.inStockLocationIndices.map {
                    DemoCatalog.locationId(base: base.id, index: $0)
                },
                donatedLocation: DemoCatalog.locationId(base: base.id, index: DemoCatalog.donatedLocationIndex),
                lostLocation: DemoCatalog.locationId(base: base.id, index: DemoCatalog.lostLocationIndex),
                scrapLocation: DemoCatalog.locationId(base: base.id, index: DemoCatalog.scrapLocationIndex),
                products: products.products, customProductIds: products.customIds,
                boxTags: DemoCatalog.boxTagIndices.map { DemoCatalog.tagId(base: base.id, index: $0) },
                deletedTag: DemoCatalog.tagId(base: base.id, index: DemoCatalog.deletedTagIndex))
        }
        let boxBases = DemoCatalog.bases.indices.filter { (DemoCatalog.boxWeights[DemoCatalog.bases[$0].id] ?? 0) > 0 }
        return DemoLayout(
            boxes: boxes, bases: baseLayouts, boxBaseIndices: boxBases,
            boxBaseWeights: boxBases.map { DemoCatalog.boxWeights[DemoCatalog.bases[$0].id] ?? 0 },
            shipments: shipments, shipmentBoxes: shipmentBoxes, shipmentProductIndices: shipmentProductIndices,
            customProductSizes: customProductSizes, tagDeletedAt: tagDeletedAt)
    }

    /// Share links per active base, as the reference's generator makes them
    /// (`cron/data_faking.py`): created by the base's coordinator every 36 012 s from three
    /// weeks before the base date on; a random view; half valid for the default week, half for
    /// 2 to 10 weeks. Codes are 64 hex digits hashed from the link's id. A stream of its own,
    /// so the other tables' random values do not depend on it.
    private mutating func buildShareableLinks() {
        var random = SplitMix64(seed: Self.seed ^ 0x5AFE_11)
        var links = DemoInsertBuffer(
            "shareable_link",
            ["id", "code", "valid_until", "view", "base_id", "url_parameters", "created_on", "created_by_id"])
        var id = 0
        for base in DemoCatalog.bases where !base.isDeleted {
            // 25 links 36 012 s apart take 10.4 days, so every base's end before the base date.
            var created = DemoClock.daysBeforeBase(21)
            for index in 0..<DemoCatalog.shareableLinksPerBase {
                id += 1
                created += 36_012
                let weeks = index % 2 == 0 ? 1 : random.int(in: 2...10)
                let view = random.chance(perMille: 500) ? "StatvizDashboard" : "StockOverview"
                let code = (0..<4).map { part in
                    let word = String(splitMixHash(UInt64(id) << 2 | UInt64(part)), radix: 16)
                    return String(repeating: "0", count: 16 - word.count) + word
                }.joined()
                links.add([
                    .int(id), .text(code), .time(created + weeks * 7 * DemoClock.day), .text(view), .int(base.id),
                    .null, .time(created), .int(DemoCatalog.coordinatorId(ofBase: base.id)),
                ])
            }
        }
        flush(&links)
    }

    /// Beneficiaries of the active bases: families (head with `parent_id` NULL, members
    /// pointing to the head), languages, and a few beneficiary tags.
    private mutating func buildPeople() {
        var people = DemoInsertBuffer(
            "people",
            [
                "id", "parent_id", "seq", "firstname", "lastname", "date_of_birth", "gender", "family_id", "visible",
                "created", "created_by", "modified", "modified_by", "container", "email", "pass", "language",
                "comments", "camp_id", "deleted", "notregistered", "bicyclebancomment", "workshopbancomment",
                "volunteer", "approvalsigned", "signaturefield", "date_of_signature", "phone",
            ])
        var languages = DemoInsertBuffer("x_people_languages", ["people_id", "language_id"])
        let activeBases = DemoCatalog.bases.filter { !$0.isDeleted }
        let total = activeBases.count * DemoCatalog.peoplePerBase
        let firstCreated = DemoClock.daysBeforeBase(330)
        let spacing = 320 * DemoClock.day / max(1, total)
        let adultBirths = (DemoClock.daysBeforeBase(365 * 70), DemoClock.daysBeforeBase(365 * 19))
        let childBirths = (DemoClock.daysBeforeBase(365 * 17), DemoClock.daysBeforeBase(60))
        var id = 1
        for base in activeBases {
            let coordinator = DemoCatalog.coordinatorId(ofBase: base.id)
            let volunteer = DemoCatalog.volunteerId(ofBase: base.id)
            var family = 0
            var made = 0
            while made < DemoCatalog.peoplePerBase {
                family += 1
                let size = min(DemoCatalog.peoplePerBase - made, 1 + rng.weighted([25, 20, 20, 20, 15]))
                let group = String(base.id * 1000 + family)
                let lastName = rng.pick(DemoCatalog.lastNames)
                let headFemale = rng.chance(perMille: 600)
                let headId = id
                for member in 0..<size {
                    let isHead = member == 0
                    let isAdult = member < 2 && (isHead || rng.chance(perMille: 600))
                    let female =
                        isHead ? headFemale : (member == 1 && isAdult ? !headFemale : rng.chance(perMille: 500))
                    let gender = isAdult || rng.chance(perMille: 950) ? (female ? "F" : "M") : ""
                    let first = rng.pick(female ? DemoCatalog.firstNamesFemale : DemoCatalog.firstNamesMale)
                    let births = isAdult ? adultBirths : childBirths
                    let birth = births.0 + rng.int(births.1 - births.0)
                    let created = firstCreated + (id - 1) * spacing + member * 60
                    let creator = rng.chance(perMille: 500) ? coordinator : volunteer
                    let deactivated = rng.chance(perMille: 40)
                    let edited = deactivated || rng.chance(perMille: 300)
                    let modified = edited ? created + DemoClock.hour + rng.int(20 * DemoClock.day) : nil
                    let signed = isHead && rng.chance(perMille: 600)
                    let language = rng.pick([5, 5, 5, 6, 2, 3])
                    people.add([
                        .int(id), .opt(isHead ? nil : headId), .int(isHead ? 1 : 2), .text(first), .text(lastName),
                        .text(DemoClock.dateText(birth)), .text(gender), .int(0), .int(1), .time(created),
                        .int(creator),
                        .time(modified), .opt(modified.map { _ in coordinator }), .text(group), .text(""), .text(""),
                        .int(language), .opt(rng.chance(perMille: 150) ? rng.pick(DemoCatalog.peopleComments) : nil),
                        .int(base.id), deactivated ? .time(modified ?? created) : zeroDate,
                        .int(rng.chance(perMille: 50) ? 1 : 0), .text(""), .text(""),
                        .int(isAdult && rng.chance(perMille: 100) ? 1 : 0), .int(signed ? 1 : 0),
                        .opt(signed ? "\(first) \(lastName)" : nil), signed ? .time(created) : zeroDate,
                        .opt(isHead && rng.chance(perMille: 500) ? "+30 69\(10_000_000 + rng.int(89_999_999))" : nil),
                    ])
                    languages.add([.int(id), .int(language)])
                    if rng.chance(perMille: 300) {
                        let second = rng.pick([2, 3, 5, 6].filter { $0 != language })
                        languages.add([.int(id), .int(second)])
                    }
                    record("people", id, "Record created", creator, created)
                    if deactivated { record("people", id, "Record deleted", coordinator, modified ?? created) }
                    if rng.chance(perMille: 300) {
                        let tag = DemoCatalog.tagId(base: base.id, index: rng.pick(DemoCatalog.peopleTagIndices))
                        relations.add([
                            .int(nextRelationId), .int(id), .text("People"), .int(tag), .time(created), .int(creator),
                            .null,
                            .null,
                        ])
                        nextRelationId += 1
                    }
                    id += 1
                }
                made += size
            }
        }
        flush(&people)
        flush(&languages)
    }

    /// The setup's history and beneficiary tag rows (they go last: they refer to everything).
    mutating func finish() {
        statements += history.drain()
        statements += relations.drain()
    }
}
