/// A tag of a base (`tags`).
public struct Tag: Sendable, Hashable {
    public var id: ID
    public var name: String
    public var description: String?
    public var color: String?
    public var type: TagType
    public var baseId: Base.ID
    public var deletedOn: Timestamp?
    public var audit: AuditStamps
    public init(
        id: ID, name: String, description: String?, color: String?, type: TagType, baseId: Base.ID,
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

/// Tag types; the database stores `Stock`, `People` or `All`.
public enum TagType: String, Sendable, CaseIterable {
    case box = "Box", beneficiary = "Beneficiary", all = "All"

    public init?(databaseValue: String?) {
        switch databaseValue {
        case "Stock": self = .box
        case "People", nil: self = .beneficiary
        case "All": self = .all
        default: return nil
        }
    }

    public var databaseValue: String {
        switch self {
        case .box: "Stock"
        case .beneficiary: "People"
        case .all: "All"
        }
    }
}

/// Kinds of resources tags are applied to; stored in `tags_relations.object_type`.
public enum TaggableResourceType: String, Sendable, CaseIterable {
    case box = "Box", beneficiary = "Beneficiary"

    public var databaseValue: String { self == .box ? "Stock" : "People" }
}

/// A tag applied to a box or beneficiary (`tags_relations`).
public struct TagAssignment: Hashable, Sendable {
    public var tagId: Tag.ID
    /// The box's or beneficiary's id.
    public var objectId: Int
    public init(tagId: Tag.ID, objectId: Int) {
        self.tagId = tagId
        self.objectId = objectId
    }
}

/// A resource a tag is assigned to (`Tag.taggedResources`, `assignTag`).
public enum TaggedResource: Sendable {
    case box(Box)
    case beneficiary(Beneficiary)

    /// The resource's row id (the sort key of the list).
    public var id: Int {
        switch self {
        case .box(let box): box.id.rawValue
        case .beneficiary(let beneficiary): beneficiary.id
        }
    }
}
