/// The box fields `BoxCreationInput` and `BoxUpdateInput` share.
public protocol BoxFieldsInput {
    var sizeId: Int? { get set }
    var weight: Double? { get set }
    var monetaryValue: Double? { get set }
    var displayUnitId: Int? { get set }
    var measureValue: Double? { get set }
    var numberOfItems: Int? { get set }
    var comment: String? { get set }
    var tagIds: [Tag.ID]? { get set }
    var newTagNames: [String]? { get set }
}

/// `BoxCreationInput`.
public struct BoxCreation: BoxFieldsInput, Sendable {
    public var productId: Product.ID
    public var sizeId: Int?
    public var weight: Double?
    public var monetaryValue: Double?
    public var displayUnitId: Int?
    public var measureValue: Double?
    public var numberOfItems: Int?
    public var locationId: Location.ID
    public var comment: String?
    public var qrCode: String?
    public var tagIds: [Tag.ID]?
    public var newTagNames: [String]?
    public init(productId: Product.ID, locationId: Location.ID) {
        self.productId = productId
        self.locationId = locationId
    }
}

/// `BoxUpdateInput`: `nil` leaves a field unchanged (for `tagIds`, `[]` removes every tag).
public struct BoxUpdate: BoxFieldsInput, Sendable {
    public var labelIdentifier: String
    public var productId: Product.ID?
    public var sizeId: Int?
    public var weight: Double?
    public var monetaryValue: Double?
    public var displayUnitId: Int?
    public var measureValue: Double?
    public var numberOfItems: Int?
    public var locationId: Location.ID?
    public var comment: String?
    public var state: BoxState?
    public var tagIds: [Tag.ID]?
    public var newTagNames: [String]?
    public init(labelIdentifier: String) { self.labelIdentifier = labelIdentifier }
}

/// `BoxBulkCreationInput`: one row of a bulk import.
public struct BoxBulkCreation: Sendable {
    public var productId: Product.ID
    public var sizeName: String
    public var numberOfItems: Int?
    public var locationId: Location.ID
    public var comment: String?
    public var tagIds: [Tag.ID]?
    public var newTagNames: [String]?
    public var boxLabelIdentifierForMerge: String?
    public init(productId: Product.ID, sizeName: String, locationId: Location.ID) {
        self.productId = productId
        self.sizeName = sizeName
        self.locationId = locationId
    }
}

/// `CustomProductCreationInput` and `CustomProductEditInput` (`nil`: unchanged on edit).
public struct CustomProductFields: Sendable {
    public var name: String?
    public var categoryId: Int?
    public var sizeRangeId: Int?
    public var gender: ProductGender?
    public var price: Int?
    public var comment: String?
    public var inShop: Bool?
    public init() {}
}

/// `TagUpdateInput` (`nil`: unchanged).
public struct TagUpdate: Sendable {
    public var id: Tag.ID
    public var name: String?
    public var description: String?
    public var color: String?
    public var type: TagType?
    public init(id: Tag.ID) { self.id = id }
}

/// What a bulk box operation did: the boxes it changed and the requested labels it could not
/// apply to (`BoxesResult`, `BoxesTagsOperationResult`).
public struct BoxesOutcome: Sendable {
    public var updatedBoxes: [Box]
    public var invalidBoxLabelIdentifiers: [String]
    /// Per requested tag id that could not be used: a ``Forbidden`` or a ``UserError``.
    /// `nil` for operations without tags.
    public var tagErrors: [(tagId: Tag.ID, error: any Error)]?
}

extension BoxFieldsInput {
    /// Refuses a comment or a new tag name longer than its column.
    public func checkTextLengths() throws(DomainError) {
        try TextLimits.checkLong(comment, field: "comment")
        try TextLimits.check(newTagNames, field: "newTagNames")
    }
}

extension BoxBulkCreation {
    /// Refuses a comment, size name or new tag name longer than its column.
    public func checkTextLengths() throws(DomainError) {
        try TextLimits.checkLong(comment, field: "comment")
        try TextLimits.check(sizeName, field: "sizeName")
        try TextLimits.check(newTagNames, field: "newTagNames")
    }
}

extension CustomProductFields {
    /// Refuses a name or comment longer than its `varchar(255)` column.
    public func checkTextLengths() throws(DomainError) {
        try TextLimits.check(name, field: "name")
        try TextLimits.check(comment, field: "comment")
    }
}

extension TagUpdate {
    /// Refuses a name, description or colour longer than its column.
    public func checkTextLengths() throws(DomainError) {
        try TextLimits.check(name, field: "name")
        try TextLimits.checkLong(description, field: "description")
        try TextLimits.check(color, field: "color")
    }
}
