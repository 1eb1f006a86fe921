/// Reads of locations, boxes and QR codes. Look-ups by id take a batch of ids and return the
/// rows found, keyed by id.
public protocol BoxRepository: Sendable {
    func boxes(_ ids: [Box.ID]) async throws -> [Box.ID: Box]
    func locations(_ ids: [Location.ID]) async throws -> [Location.ID: Location]
    /// The box with this label, if any.
    func box(labelIdentifier: String) async throws -> Box?
    /// The boxes carrying these QR codes, keyed by QR code id.
    func boxes(ofQrCodes qrCodeIds: [Int]) async throws -> [Int: Box]
    /// A page of the non-deleted boxes of a base, newest modification first.
    func boxPage(ofBase baseId: Base.ID, filter: BoxFilter, request: PageRequest) async throws -> Page<Box>
    /// A page of all boxes of a location, deleted ones included, id order.
    func boxPage(ofLocation locationId: Location.ID, filter: BoxFilter, request: PageRequest) async throws -> Page<Box>
    /// The number of in-stock boxes and their items per base, over the given bases.
    func inStockTotals(ofBases baseIds: [Base.ID]) async throws -> [Base.ID: (boxes: Int, items: Int)]
    /// The source and target bases of the active shipment of each box, keyed by box id.
    func activeShipmentBases(ofBoxes boxIds: [Box.ID]) async throws -> [Box.ID: [Base.ID]]
    /// The non-deleted classic locations of the bases, id order.
    func classicLocations(ofBases baseIds: [Base.ID]) async throws -> [Location]
    /// The classic locations visible in `scope`, deleted ones included, id order.
    func classicLocations(in scope: BaseScope) async throws -> [Location]
    func qrCodes(_ ids: [Int]) async throws -> [Int: QrCode]
    /// The QR code with this code, if any.
    func qrCode(code: String) async throws -> QrCode?
    /// The non-deleted tags of bases in `scope` actively assigned to each box, by tag id,
    /// keyed by box id.
    func activeTags(ofBoxes boxIds: [Box.ID], in scope: BaseScope) async throws -> [Box.ID: [Tag]]
}

/// Writes of locations, boxes and QR codes, inside a transaction. Rows are stamped with the
/// transaction's user and time; history rows are the caller's, through the history repository.
public protocol BoxWriteRepository: BoxRepository {
    /// Stamps the boxes as modified now by the transaction's user.
    func touchBoxes(_ ids: [Box.ID]) async throws

    /// Boxes by id, locked, keyed by id.
    func boxesForUpdate(_ ids: [Box.ID]) async throws -> [Box.ID: Box]
    /// Puts the boxes into `state`, stamped as modified now by the transaction's user. Writes
    /// no history: the caller records it.
    func setState(ofBoxes ids: [Box.ID], to state: BoxState) async throws
    /// The box with this label, locked for the rest of the transaction where the engine needs it.
    func lockedBox(labelIdentifier: String) async throws -> Box?
    /// The boxes with these labels, locked like ``lockedBox(labelIdentifier:)``, id order.
    func lockedBoxes(labelIdentifiers: [String]) async throws -> [Box]
    /// Inserts a box under a new label; returns it as stored.
    /// - Throws: ``DomainError/boxCreationFailed`` when no free label was found.
    func insertBox(_ box: NewBox) async throws -> Box
    /// Writes the changeable columns of `box` (all but its label, creation and deletion stamps).
    func saveBox(_ box: Box) async throws
    /// Marks the boxes as deleted now.
    func markBoxesDeleted(_ ids: [Box.ID]) async throws
    /// Puts the boxes into `locationId`, and into `state` when given, stamped as modified.
    func moveBoxes(_ ids: [Box.ID], to locationId: Location.ID, state: BoxState?) async throws
    /// Sets the number of items of a box, stamped as modified.
    func setNumberOfItems(_ numberOfItems: Int, ofBox id: Box.ID) async throws
    /// Inserts a QR code with its code; returns its id.
    func insertQrCode() async throws -> Int
    /// Puts the QR code on the box.
    func assignQrCode(_ qrCodeId: Int, toBox boxId: Box.ID) async throws
}

/// The columns of a box to insert.
public struct NewBox: Sendable {
    public var productId: Product.ID
    public var sizeId: Int?
    public var numberOfItems: Int?
    public var locationId: Location.ID
    /// `nil` keeps the column default (InStock), as bulk creation does.
    public var state: BoxState?
    public var qrId: Int?
    public var comment: String
    public var displayUnitId: Int?
    public var measureValue: Double?
    public var weight: Double?
    public var monetaryValue: Double?
    public var sourceBoxId: Box.ID?
    /// Whether `modified`/`modified_by` are stamped too.
    public var stampModified: Bool
    // Built by the domain only (its memberwise initializer); storage reads it.
}
