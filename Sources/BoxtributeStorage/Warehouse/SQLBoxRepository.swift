import BoxtributeDatabase
import BoxtributeDomain

// ``BoxRepository`` and ``BoxWriteRepository`` in SQL: locations, boxes (`stock`), QR codes.

extension SQLWarehouseReads {
    func boxes(_ ids: [Box.ID]) async throws -> [Box.ID: Box] { try await BoxStore.byIds(ids, in: db) }

    func locations(_ ids: [Location.ID]) async throws -> [Location.ID: Location] {
        try await LocationStore.byIds(ids, in: db)
    }

    func box(labelIdentifier: String) async throws -> Box? { try await BoxStore.byLabel(labelIdentifier, in: db) }

    func boxes(ofQrCodes qrCodeIds: [Int]) async throws -> [Int: Box] {
        try await BoxStore.byQrIds(qrCodeIds, in: db)
    }

    func boxPage(ofBase baseId: Base.ID, filter: BoxFilter, request: PageRequest) async throws -> Page<Box> {
        try await BoxStore.page(baseId: baseId, filter: filter, request: request, in: db)
    }

    func boxPage(ofLocation locationId: Location.ID, filter: BoxFilter, request: PageRequest) async throws -> Page<Box>
    {
        try await BoxStore.page(locationId: locationId, filter: filter, request: request, in: db)
    }

    func inStockTotals(ofBases baseIds: [Base.ID]) async throws -> [Base.ID: (boxes: Int, items: Int)] {
        try await BoxStore.inStockTotals(ofBases: baseIds, in: db)
    }

    func activeShipmentBases(ofBoxes boxIds: [Box.ID]) async throws -> [Box.ID: [Base.ID]] {
        try await BoxStore.activeShipmentBases(ofBoxes: boxIds, in: db)
    }

    func classicLocations(ofBases baseIds: [Base.ID]) async throws -> [Location] {
        try await LocationStore.classic(ofBases: baseIds, in: db)
    }

    func classicLocations(in scope: BaseScope) async throws -> [Location] {
        try await LocationStore.classic(scope: scope, in: db)
    }

    func qrCodes(_ ids: [Int]) async throws -> [Int: QrCode] { try await QrCodeStore.byIds(ids, in: db) }

    func qrCode(code: String) async throws -> QrCode? { try await QrCodeStore.byCode(code, in: db) }

    func activeTags(ofBoxes boxIds: [Box.ID], in scope: BaseScope) async throws -> [Box.ID: [Tag]] {
        try await TagStore.activeTags(ofBoxes: boxIds, scope: scope, in: db)
    }
}

extension SQLWarehouseWriteRepository {
    func touchBoxes(_ ids: [Box.ID]) async throws { try await BoxStore.touch(ids, in: context) }

    func lockedBox(labelIdentifier: String) async throws -> Box? {
        try await BoxStore.byLabelForUpdate(labelIdentifier, in: context)
    }

    func lockedBoxes(labelIdentifiers: [String]) async throws -> [Box] {
        try await BoxStore.byLabelsForUpdate(labelIdentifiers, in: context)
    }

    func insertBox(_ box: NewBox) async throws -> Box { try await BoxStore.insert(box, in: context) }

    func saveBox(_ box: Box) async throws { try await BoxStore.save(box, in: context) }

    func markBoxesDeleted(_ ids: [Box.ID]) async throws { try await BoxStore.markDeleted(ids, in: context) }

    func moveBoxes(_ ids: [Box.ID], to locationId: Location.ID, state: BoxState?) async throws {
        try await BoxStore.move(ids, to: locationId, state: state, in: context)
    }

    func setNumberOfItems(_ numberOfItems: Int, ofBox id: Box.ID) async throws {
        try await BoxStore.setNumberOfItems(numberOfItems, ofBox: id, in: context)
    }

    func insertQrCode() async throws -> Int { try await QrCodeStore.insert(in: context) }

    func assignQrCode(_ qrCodeId: Int, toBox boxId: Box.ID) async throws {
        try await BoxStore.assignQrCode(qrCodeId, toBox: boxId, in: context)
    }
}

// The box writes of shipments (transfers domain).
extension SQLWarehouseWriteRepository {
    func boxesForUpdate(_ ids: [Box.ID]) async throws -> [Box.ID: Box] {
        try await BoxStore.byIdsForUpdate(ids, in: context)
    }

    func setState(ofBoxes ids: [Box.ID], to state: BoxState) async throws {
        try await BoxStore.setState(ofBoxes: ids, to: state, in: context)
    }
}
