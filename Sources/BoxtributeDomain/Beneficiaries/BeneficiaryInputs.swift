/// `BeneficiaryCreationInput`: one new beneficiary.
public struct BeneficiaryCreation: Sendable {
    public var firstName: String
    public var lastName: String
    public var baseId: Base.ID
    public var groupIdentifier: String
    /// `YYYY-MM-DD`.
    public var dateOfBirth: String
    public var comment: String?
    public var gender: HumanGender
    public var languages: [Language]?
    public var familyHeadId: Int?
    public var isVolunteer: Bool
    public var registered: Bool
    public var signature: String?
    /// `YYYY-MM-DD`.
    public var dateOfSignature: String?
    public var tagIds: [Tag.ID]?

    public init(
        firstName: String, lastName: String, baseId: Base.ID, groupIdentifier: String, dateOfBirth: String,
        gender: HumanGender, isVolunteer: Bool, registered: Bool
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.baseId = baseId
        self.groupIdentifier = groupIdentifier
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.isVolunteer = isVolunteer
        self.registered = registered
    }

    func checkTextLengths() throws(DomainError) {
        try TextLimits.check(firstName, field: "firstName")
        try TextLimits.check(lastName, field: "lastName")
        try TextLimits.check(groupIdentifier, field: "groupIdentifier")
        try TextLimits.checkLong(comment, field: "comment")
        try checkSignature(signature)
    }
}

/// Refuses a signature longer than its `text` column (65,535 bytes): no history row repeats it,
/// so it may use the whole column (a drawn signature is stored as an image's text).
func checkSignature(_ signature: String?) throws(DomainError) {
    let maxBytes = 65_535
    guard let signature, signature.utf8.count > maxBytes else { return }
    throw .badUserInput("Invalid input: 'signature' is longer than \(maxBytes) bytes.")
}

/// `BeneficiaryUpdateInput`: `nil` leaves a field unchanged; an empty `languages` list too.
public struct BeneficiaryUpdate: Sendable {
    public var id: Int
    public var firstName: String?
    public var lastName: String?
    public var groupIdentifier: String?
    /// `YYYY-MM-DD`.
    public var dateOfBirth: String?
    public var comment: String?
    public var gender: HumanGender?
    public var languages: [Language]?
    public var familyHeadId: Int?
    public var isVolunteer: Bool?
    public var registered: Bool?
    /// A signature also marks the beneficiary as signed.
    public var signature: String?
    /// `YYYY-MM-DD`.
    public var dateOfSignature: String?

    public init(id: Int) { self.id = id }

    func checkTextLengths() throws(DomainError) {
        try TextLimits.check(firstName, field: "firstName")
        try TextLimits.check(lastName, field: "lastName")
        try TextLimits.check(groupIdentifier, field: "groupIdentifier")
        try TextLimits.checkLong(comment, field: "comment")
        try checkSignature(signature)
    }
}

/// `BeneficiaryBulkCreationInput`: one row of `createBeneficiaries`; absent fields take the
/// reference's defaults (empty last name and comment, diverse, not a volunteer, registered).
public struct BeneficiaryBulkCreation: Sendable {
    public var firstName: String
    public var lastName: String?
    public var groupIdentifier: String
    /// `YYYY-MM-DD`.
    public var dateOfBirth: String?
    public var comment: String?
    public var gender: HumanGender?
    public var languages: [Language]?
    public var familyHeadId: Int?
    public var phoneNumber: String?
    public var isVolunteer: Bool?
    public var registered: Bool?
    public var tagIds: [Tag.ID]?

    public init(firstName: String, groupIdentifier: String) {
        self.firstName = firstName
        self.groupIdentifier = groupIdentifier
    }

    func checkTextLengths() throws(DomainError) {
        try TextLimits.check(firstName, field: "firstName")
        try TextLimits.check(lastName, field: "lastName")
        try TextLimits.check(groupIdentifier, field: "groupIdentifier")
        try TextLimits.check(phoneNumber, field: "phoneNumber")
        try TextLimits.checkLong(comment, field: "comment")
    }
}

/// The columns of a `people` row to insert.
public struct NewBeneficiary: Sendable, Equatable {
    public var firstName: String
    public var lastName: String
    public var baseId: Base.ID
    public var groupIdentifier: String
    /// `YYYY-MM-DD`.
    public var dateOfBirth: String?
    public var comment: String
    public var gender: HumanGender
    public var familyHeadId: Int?
    public var isVolunteer: Bool
    public var registered: Bool
    public var signed: Bool
    public var signature: String?
    /// `YYYY-MM-DD`; the zero date is stored without one.
    public var dateOfSignature: String?
    public var phoneNumber: String?
    /// Whether `modified`/`modified_by` take the creation's stamps (`createBeneficiary`) or
    /// stay NULL (`createBeneficiaries`), as in the reference.
    public var stampModified: Bool

    public init(
        firstName: String, lastName: String, baseId: Base.ID, groupIdentifier: String, dateOfBirth: String?,
        comment: String, gender: HumanGender, familyHeadId: Int?, isVolunteer: Bool, registered: Bool,
        signed: Bool = false, signature: String? = nil, dateOfSignature: String? = nil, phoneNumber: String? = nil,
        stampModified: Bool
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.baseId = baseId
        self.groupIdentifier = groupIdentifier
        self.dateOfBirth = dateOfBirth
        self.comment = comment
        self.gender = gender
        self.familyHeadId = familyHeadId
        self.isVolunteer = isVolunteer
        self.registered = registered
        self.signed = signed
        self.signature = signature
        self.dateOfSignature = dateOfSignature
        self.phoneNumber = phoneNumber
        self.stampModified = stampModified
    }

    /// `seq`, a column only the legacy app reads: 1 for family heads, 2 for members.
    public var sequence: Int { familyHeadId == nil ? 1 : 2 }
}

/// The answer of `createBeneficiaries`: the new beneficiaries in input order.
public struct BeneficiariesResult: Sendable {
    public var results: [Beneficiary]
    public init(results: [Beneficiary]) { self.results = results }
}

/// A value of a bulk-imported field in an ``ImportMismatch``.
public enum ImportedValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case boolean(Bool)
    case null
}

/// `createBeneficiaries` read rows back that differ from the input: nothing was saved. As the
/// reference (`InvalidBeneficiaryImport`), the API reports it as an internal error that lists,
/// per row index, each differing field with its input and stored value.
public struct ImportMismatch: Error, Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var input: ImportedValue
        public var stored: ImportedValue
        public init(name: String, input: ImportedValue, stored: ImportedValue) {
            self.name = name
            self.input = input
            self.stored = stored
        }
    }

    /// Differing fields by row index, in row order.
    public var invalidFields: [(row: Int, fields: [Field])]

    public init(invalidFields: [(row: Int, fields: [Field])]) { self.invalidFields = invalidFields }

    public static let description = "Unexpected error when importing beneficiaries"

    public static func == (lhs: ImportMismatch, rhs: ImportMismatch) -> Bool {
        lhs.invalidFields.map(\.row) == rhs.invalidFields.map(\.row)
            && lhs.invalidFields.map(\.fields) == rhs.invalidFields.map(\.fields)
    }
}
