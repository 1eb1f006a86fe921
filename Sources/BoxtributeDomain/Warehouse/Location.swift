/// A location of a base (`locations`): a classic warehouse location or a distribution spot.
public struct Location: Sendable, Hashable {
    public var id: ID
    public var name: String?
    public var baseId: Base.ID
    /// `Warehouse` or `MapDistroSpot`.
    public var type: String
    public var seq: Int?
    public var defaultBoxState: BoxState?
    public var isShop: Bool
    public var isStockroom: Bool
    public var deletedOn: Timestamp?
    public var latitude: Double?
    public var longitude: Double?
    public var audit: AuditStamps
    public var isClassic: Bool { type != "MapDistroSpot" }
    public init(
        id: ID, name: String?, baseId: Base.ID, type: String, seq: Int?, defaultBoxState: BoxState?, isShop: Bool,
        isStockroom: Bool, deletedOn: Timestamp?, latitude: Double?, longitude: Double?, audit: AuditStamps
    ) {
        self.id = id
        self.name = name
        self.baseId = baseId
        self.type = type
        self.seq = seq
        self.defaultBoxState = defaultBoxState
        self.isShop = isShop
        self.isStockroom = isStockroom
        self.deletedOn = deletedOn
        self.latitude = latitude
        self.longitude = longitude
        self.audit = audit
    }
}
