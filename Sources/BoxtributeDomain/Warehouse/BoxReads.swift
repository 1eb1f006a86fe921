/// A QR code's box as the `QrCode.box` field answers it.
public enum QrCodeBox: Sendable {
    /// The box, or `nil` when the code is on no box.
    case box(Box?)
    /// The user may not read the box, which is in a warehouse: the answer names the failure.
    case unauthorized(Forbidden)
    /// The user may not read the box, which travels in a shipment (or has no active shipment
    /// while in a shipment state): an error.
    case failure(any Error)
}

/// Reading boxes and their related rows.
extension BoxService {
    /// One box by label: `stock:read` for it, after its existence.
    public static func box(labelIdentifier: String, in scope: some ServiceScope) async throws -> Box {
        let box = try await scope.data.warehouse.box(labelIdentifier: labelIdentifier).orNotFound()
        try await BoxAccess.authorize(box, action: "read", in: scope)
        return box
    }

    /// A page of the non-deleted boxes of a base: `stock:read` for it, checked before the
    /// pagination input (pages are at most `maximumPageSize` boxes).
    public static func boxes(
        ofBase baseId: Base.ID, filter: BoxFilter, pagination: PaginationInput?, maximumPageSize: Int,
        in scope: some ServiceScope
    ) async throws -> Page<Box> {
        try scope.user.authorize("stock:read", baseId: baseId)
        let request = try PageRequest(pagination, maximumLimit: maximumPageSize)
        return try await scope.data.warehouse.boxPage(ofBase: baseId, filter: filter, request: request)
    }

    /// A page of the boxes of each location, deleted ones included: `stock:read` for the
    /// location's base, else `Forbidden` for that location.
    public static func boxes(
        ofLocations locations: [Location], filter: BoxFilter, request: PageRequest, in scope: some ServiceScope
    ) async throws -> [PerItem<Page<Box>>] {
        try await scope.perBase(locations, permission: "stock:read", baseId: \.baseId) { permitted in
            var pages: [Location.ID: Page<Box>] = [:]
            for location in permitted {
                pages[location.id] = try await scope.data.warehouse.boxPage(
                    ofLocation: location.id, filter: filter, request: request)
            }
            let found = pages
            return { found[$0.id] }
        }
    }

    /// The location of each box; `nil`, not an error, without `location:read` for its base.
    public static func locations(ofBoxes boxes: [Box], in scope: some ServiceScope) async throws -> [Location?] {
        let locations = try await scope.data.warehouse.locations(boxes.map(\.locationId))
        return boxes.map { box in
            locations[box.locationId].flatMap { scope.user.can("location:read", baseId: $0.baseId) ? $0 : nil }
        }
    }

    /// The product of each box; `nil`, not an error, without `product:read` for its base.
    public static func products(ofBoxes boxes: [Box], in scope: some ServiceScope) async throws -> [Product?] {
        let products = try await scope.data.warehouse.products(boxes.map(\.productId))
        return boxes.map { box in
            products[box.productId].flatMap { scope.user.can("product:read", baseId: $0.baseId) ? $0 : nil }
        }
    }

    /// The measure of each box in its display unit; needs no permission of its own.
    public static func measureValues(ofBoxes boxes: [Box], in scope: some ServiceScope) async throws -> [Double?] {
        let units = try await scope.data.warehouse.units(boxes.compactMap(\.displayUnitId))
        return boxes.map { box in
            guard let unitId = box.displayUnitId, let unit = units[unitId], let value = box.measureValue else {
                return nil
            }
            return value * unit.conversionFactor
        }
    }

    /// QR codes by id (`Box.qrCode`).
    public static func qrCodes(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: QrCode] {
        try scope.user.authorize("qr:read")
        return try await scope.data.warehouse.qrCodes(ids)
    }

    /// Boxes by id, without a permission of their own (`Box.sourceBox`).
    public static func sourceBoxes(_ ids: [Box.ID], in scope: some ServiceScope) async throws -> [Box.ID: Box] {
        try await scope.data.warehouse.boxes(ids)
    }

    /// The tags of each box, of the bases the user may read tags of.
    public static func tags(ofBoxes boxes: [Box], in scope: some ServiceScope) async throws -> [[Tag]] {
        let visible = try scope.user.baseScope(for: "tag:read")
        let tags = try await scope.data.warehouse.activeTags(ofBoxes: boxes.map(\.id), in: visible)
        return boxes.map { tags[$0.id] ?? [] }
    }

    /// The history of each box, newest first: `history:read`.
    public static func history(ofBoxes boxes: [Box], in scope: some ServiceScope) async throws -> [[HistoryEntry]] {
        try scope.user.authorize("history:read")
        let history = try await scope.data.history.entries(ofBoxes: boxes)
        return boxes.map { history[$0.id] ?? [] }
    }

    /// The box of each QR code, checked with `stock:read` like ``box(labelIdentifier:in:)``.
    public static func boxes(ofQrCodes codes: [QrCode], in scope: some ServiceScope) async throws -> [QrCodeBox] {
        let boxes = try await scope.data.warehouse.boxes(ofQrCodes: codes.map(\.id))
        let access = try await BoxAccess.check(Array(boxes.values), action: "read", in: scope)
        return codes.map { code in
            guard let box = boxes[code.id] else { return .box(nil) }
            switch access[box.id] {
            case .failure(let error as Forbidden) where !box.state.isInShipment: return .unauthorized(error)
            case .failure(let error): return .failure(error)
            case .success, nil: return .box(box)
            }
        }
    }
}
