/// A dimension entry with an id and a name (`DimensionInfo`): a category, size, location or
/// measure dimension.
public struct NamedDimension: Sendable, Hashable {
    public var id: Int
    public var name: String?

    public init(id: Int, name: String?) {
        self.id = id
        self.name = name
    }
}

/// A tag of a cube's facts (`TagDimensionInfo`), deleted tags included.
public struct TagDimension: Sendable, Hashable {
    public var id: Tag.ID
    public var name: String
    public var color: String

    public init(id: Tag.ID, name: String, color: String) {
        self.id = id
        self.name = name
        self.color = color
    }
}

/// A product of a cube's facts (`ProductDimensionInfo`).
public struct ProductDimension: Sendable, Hashable {
    public var id: Product.ID
    public var name: String
    public var gender: ProductGender?

    public init(id: Product.ID, name: String, gender: ProductGender?) {
        self.id = id
        self.name = name
        self.gender = gender
    }
}

/// A location of a cube's facts, with the day it was deleted (`YYYY-MM-DD`), if it was.
public struct LocationDimension: Sendable, Hashable {
    public var id: Location.ID
    public var name: String
    public var deletedOn: String?

    public init(id: Location.ID, name: String, deletedOn: String?) {
        self.id = id
        self.name = name
        self.deletedOn = deletedOn
    }
}

/// Where moved boxes went (`TargetDimensionInfo`).
public struct TargetDimension: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var type: TargetType
    /// `YYYY-MM-DD`.
    public var deletedOn: String?

    public init(id: String, name: String?, type: TargetType, deletedOn: String?) {
        self.id = id
        self.name = name
        self.type = type
        self.deletedOn = deletedOn
    }
}

/// A reached beneficiary (`BeneficiaryDimensionInfo`).
public struct BeneficiaryDimension: Sendable, Hashable {
    public var id: Int
    public var age: Int?
    public var tagIds: [Tag.ID]
    public var gender: HumanGender

    public init(id: Int, age: Int?, tagIds: [Tag.ID], gender: HumanGender) {
        self.id = id
        self.age = age
        self.tagIds = tagIds
        self.gender = gender
    }
}

/// A beneficiary dimension as stored: the service computes the age from `dateOfBirth`.
public struct BeneficiaryDimensionRow: Sendable, Hashable {
    public var id: Int
    /// `YYYY-MM-DD`; nil when unknown.
    public var dateOfBirth: String?
    public var gender: HumanGender
    public var tagIds: [Tag.ID]

    public init(id: Int, dateOfBirth: String?, gender: HumanGender, tagIds: [Tag.ID]) {
        self.id = id
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.tagIds = tagIds
    }
}
