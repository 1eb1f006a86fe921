/// An organisation (`organisations`).
public struct Organisation: Sendable, Hashable {
    public var id: Int
    public var name: String
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// A base, i.e. a warehouse site of an organisation (`camps`).
public struct Base: Sendable, Hashable {
    public var id: Int
    public var name: String?
    public var organisationId: Int
    public var deletedOn: Timestamp?
    public var freeshopCurrencyName: String?
    public var monetaryCurrencyCode: String
    public init(
        id: Int, name: String?, organisationId: Int, deletedOn: Timestamp?, freeshopCurrencyName: String?,
        monetaryCurrencyCode: String
    ) {
        self.id = id
        self.name = name
        self.organisationId = organisationId
        self.deletedOn = deletedOn
        self.freeshopCurrencyName = freeshopCurrencyName
        self.monetaryCurrencyCode = monetaryCurrencyCode
    }
}

/// A user account (`cms_users`).
public struct User: Sendable, Hashable {
    public var id: Int
    public var name: String?
    public var email: String?
    public var validFirstDay: Timestamp?
    public var validLastDay: Timestamp?
    public var lastLogin: Timestamp?
    public var lastAction: Timestamp?
    public init(
        id: Int, name: String?, email: String?, validFirstDay: Timestamp?, validLastDay: Timestamp?,
        lastLogin: Timestamp?, lastAction: Timestamp?
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.validFirstDay = validFirstDay
        self.validLastDay = validLastDay
        self.lastLogin = lastLogin
        self.lastAction = lastAction
    }
}

/// Creation and modification stamps shared by many tables.
public struct AuditStamps: Sendable, Hashable {
    public var createdOn: Timestamp?
    public var createdBy: Int?
    public var lastModifiedOn: Timestamp?
    public var lastModifiedBy: Int?
    public init(createdOn: Timestamp?, createdBy: Int?, lastModifiedOn: Timestamp?, lastModifiedBy: Int?) {
        self.createdOn = createdOn
        self.createdBy = createdBy
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
    }
}

/// A location of a base (`locations`): a classic warehouse location or a distribution spot.
public struct Location: Sendable, Hashable {
    public var id: Int
    public var name: String?
    public var baseId: Int
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
        id: Int, name: String?, baseId: Int, type: String, seq: Int?, defaultBoxState: BoxState?, isShop: Bool,
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

/// A box of donated goods (`stock`).
public struct Box: Sendable, Hashable {
    public var id: Int
    public var labelIdentifier: String
    public var productId: Int
    public var sizeId: Int?
    public var numberOfItems: Int?
    public var locationId: Int
    public var state: BoxState
    public var qrId: Int?
    public var comment: String?
    public var displayUnitId: Int?
    /// In the dimension's base unit (kg or l).
    public var measureValue: Double?
    public var weight: Double?
    public var weightDisplayUnitId: Int?
    public var monetaryValue: Double?
    public var distributionEventId: Int?
    public var sourceBoxId: Int?
    public var deletedOn: Timestamp?
    public var audit: AuditStamps
    public init(
        id: Int, labelIdentifier: String, productId: Int, sizeId: Int?, numberOfItems: Int?, locationId: Int,
        state: BoxState, qrId: Int?, comment: String?, displayUnitId: Int?, measureValue: Double?,
        weight: Double?, weightDisplayUnitId: Int?, monetaryValue: Double?, distributionEventId: Int?,
        sourceBoxId: Int?, deletedOn: Timestamp?, audit: AuditStamps
    ) {
        self.id = id
        self.labelIdentifier = labelIdentifier
        self.productId = productId
        self.sizeId = sizeId
        self.numberOfItems = numberOfItems
        self.locationId = locationId
        self.state = state
        self.qrId = qrId
        self.comment = comment
        self.displayUnitId = displayUnitId
        self.measureValue = measureValue
        self.weight = weight
        self.weightDisplayUnitId = weightDisplayUnitId
        self.monetaryValue = monetaryValue
        self.distributionEventId = distributionEventId
        self.sourceBoxId = sourceBoxId
        self.deletedOn = deletedOn
        self.audit = audit
    }
}

/// A QR code label (`qr`).
public struct QrCode: Sendable, Hashable {
    public var id: Int
    public var code: String
    public var createdOn: Timestamp?
    public init(id: Int, code: String, createdOn: Timestamp?) {
        self.id = id
        self.code = code
        self.createdOn = createdOn
    }
}

/// A product of a base (`products`), custom or instantiating a standard product.
public struct Product: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var categoryId: Int
    public var gender: ProductGender?
    public var sizeRangeId: Int
    public var baseId: Int
    public var price: Double
    public var inShop: Bool
    public var comment: String?
    public var deletedOn: Timestamp?
    public var standardProductId: Int?
    public var audit: AuditStamps
    public var type: ProductType { standardProductId == nil ? .custom : .standardInstantiation }
    public init(
        id: Int, name: String, categoryId: Int, gender: ProductGender?, sizeRangeId: Int, baseId: Int,
        price: Double, inShop: Bool, comment: String?, deletedOn: Timestamp?, standardProductId: Int?,
        audit: AuditStamps
    ) {
        self.id = id
        self.name = name
        self.categoryId = categoryId
        self.gender = gender
        self.sizeRangeId = sizeRangeId
        self.baseId = baseId
        self.price = price
        self.inShop = inShop
        self.comment = comment
        self.deletedOn = deletedOn
        self.standardProductId = standardProductId
        self.audit = audit
    }
}

/// An entry of the ASSORT standard product catalogue (`standard_product`).
public struct StandardProduct: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var categoryId: Int
    public var gender: ProductGender?
    public var sizeRangeId: Int
    public var version: Int
    public var addedOn: Timestamp?
    public var addedBy: Int?
    public var deprecatedOn: Timestamp?
    public var deprecatedBy: Int?
    public var precededByProductId: Int?
    public var supercededByProductId: Int?
    /// The base's product instantiating this one; only set inside `standardProducts(baseId:)`.
    public var instantiation: Product?
    public init(
        id: Int, name: String, categoryId: Int, gender: ProductGender?, sizeRangeId: Int, version: Int,
        addedOn: Timestamp?, addedBy: Int?, deprecatedOn: Timestamp?, deprecatedBy: Int?,
        precededByProductId: Int?, supercededByProductId: Int?, instantiation: Product? = nil
    ) {
        self.id = id
        self.name = name
        self.categoryId = categoryId
        self.gender = gender
        self.sizeRangeId = sizeRangeId
        self.version = version
        self.addedOn = addedOn
        self.addedBy = addedBy
        self.deprecatedOn = deprecatedOn
        self.deprecatedBy = deprecatedBy
        self.precededByProductId = precededByProductId
        self.supercededByProductId = supercededByProductId
        self.instantiation = instantiation
    }
}

/// A product category (`product_categories`).
public struct ProductCategory: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var parentId: Int?
    /// Categories below Clothing (id 12) distinguish genders.
    public var hasGender: Bool { parentId == 12 }
    public init(id: Int, name: String, parentId: Int?) {
        self.id = id
        self.name = name
        self.parentId = parentId
    }
}

/// A size range (`sizegroup`); ids 28 (Mass) and 29 (Volume) mark measure products.
public struct SizeRange: Sendable, Hashable {
    public var id: Int
    public var name: String
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// A size (`sizes`).
public struct Size: Sendable, Hashable {
    public var id: Int
    public var name: String
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// A unit of measure (`units`).
public struct MeasureUnit: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var symbol: String
    /// Units per base unit of the dimension (e.g. g → 1000).
    public var conversionFactor: Double
    public var dimensionId: Int
    public init(id: Int, name: String, symbol: String, conversionFactor: Double, dimensionId: Int) {
        self.id = id
        self.name = name
        self.symbol = symbol
        self.conversionFactor = conversionFactor
        self.dimensionId = dimensionId
    }
}

/// A tag of a base (`tags`).
public struct Tag: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var description: String?
    public var color: String?
    public var type: TagType
    public var baseId: Int
    public var deletedOn: Timestamp?
    public var audit: AuditStamps
    public init(
        id: Int, name: String, description: String?, color: String?, type: TagType, baseId: Int,
        deletedOn: Timestamp?, audit: AuditStamps
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.color = color
        self.type = type
        self.baseId = baseId
        self.deletedOn = deletedOn
        self.audit = audit
    }
}

/// One line of a box's history as shown to users.
public struct HistoryEntry: Sendable, Hashable {
    public var id: String
    public var changes: String
    public var changeDate: Timestamp?
    public var userId: Int?
    public init(id: String, changes: String, changeDate: Timestamp?, userId: Int?) {
        self.id = id
        self.changes = changes
        self.changeDate = changeDate
        self.userId = userId
    }
}
