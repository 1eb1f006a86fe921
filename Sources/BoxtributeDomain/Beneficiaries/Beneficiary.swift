import Foundation

/// Gender of a beneficiary; `people.gender` stores `M`, `F` or `''` (diverse).
public enum HumanGender: String, Sendable, CaseIterable {
    case male = "Male", female = "Female", diverse = "Diverse"

    /// Reads the column; anything but `M`/`F` (the legacy `''` default, NULL) is diverse.
    public init(databaseValue: String?) {
        switch databaseValue {
        case "M": self = .male
        case "F": self = .female
        default: self = .diverse
        }
    }

    /// What writes store in `people.gender`.
    public var databaseValue: String {
        switch self {
        case .male: "M"
        case .female: "F"
        case .diverse: ""
        }
    }

    /// The letter used in history texts and statistics (`D` for diverse).
    public var letter: String { self == .diverse ? "D" : databaseValue }
}

/// Languages a beneficiary speaks; the raw value is `languages.id`.
public enum Language: Int, Sendable, CaseIterable {
    case nl = 1, en, fr, de, ar, ckb

    /// The GraphQL enum value name (the language code).
    public var code: String {
        switch self {
        case .nl: "nl"
        case .en: "en"
        case .fr: "fr"
        case .de: "de"
        case .ar: "ar"
        case .ckb: "ckb"
        }
    }

    public init?(code: String) {
        guard let language = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = language
    }
}

/// A person registered in a base (`people`).
public struct Beneficiary: Sendable, Hashable {
    public var id: Int
    public var firstName: String
    public var lastName: String
    /// `YYYY-MM-DD`; `nil` for NULL and the zero date.
    public var dateOfBirth: String?
    public var comment: String?
    public var baseId: Base.ID
    /// `container`: the household identifier.
    public var groupIdentifier: String
    public var gender: HumanGender
    /// `parent_id`; `nil` for family heads.
    public var familyHeadId: Int?
    /// `deleted`; `nil` (NULL or zero date) while active.
    public var deletedOn: Timestamp?
    public var isVolunteer: Bool
    public var signed: Bool
    /// Inverse of `notregistered`.
    public var registered: Bool
    public var phoneNumber: String?
    public var signature: String?
    /// `date_of_signature` (a DATETIME column); `nil` for the zero date.
    public var dateOfSignature: Timestamp?
    public var audit: AuditStamps

    public init(
        id: Int, firstName: String, lastName: String, dateOfBirth: String?, comment: String?, baseId: Base.ID,
        groupIdentifier: String, gender: HumanGender, familyHeadId: Int?, deletedOn: Timestamp?, isVolunteer: Bool,
        signed: Bool, registered: Bool, phoneNumber: String?, signature: String?, dateOfSignature: Timestamp?,
        audit: AuditStamps
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.dateOfBirth = dateOfBirth
        self.comment = comment
        self.baseId = baseId
        self.groupIdentifier = groupIdentifier
        self.gender = gender
        self.familyHeadId = familyHeadId
        self.deletedOn = deletedOn
        self.isVolunteer = isVolunteer
        self.signed = signed
        self.registered = registered
        self.phoneNumber = phoneNumber
        self.signature = signature
        self.dateOfSignature = dateOfSignature
        self.audit = audit
    }

    /// Whether the beneficiary has not been deactivated.
    public var isActive: Bool { deletedOn == nil }

    /// Full years between the date of birth and `today` (`YYYY-MM-DD`); `nil` without a date of birth.
    public func age(today: String) -> Int? {
        dateOfBirth.flatMap { Self.fullYears(bornOn: $0, on: today) }
    }

    /// Full years from `birthDate` to `date` (both `YYYY-MM-DD`): an age. `nil` when either
    /// is not a date.
    public static func fullYears(bornOn birthDate: String, on date: String) -> Int? {
        guard let born = parts(birthDate), let now = parts(date) else { return nil }
        let hadBirthday = (now.month, now.day) >= (born.month, born.day)
        return now.year - born.year - (hadBirthday ? 0 : 1)
    }

    /// Full years as of today's UTC date; `nil` without a date of birth.
    public var ageToday: Int? {
        let seconds = Int(Date().timeIntervalSince1970.rounded(.down))
        return age(today: String(CivilCalendar.databaseText(epochSeconds: seconds).prefix(10)))
    }

    private static func parts(_ date: String) -> (year: Int, month: Int, day: Int)? {
        let fields = date.prefix(10).split(separator: "-")
        guard fields.count == 3, let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]) else {
            return nil
        }
        return (year, month, day)
    }
}

/// A token credit or a shop checkout of a beneficiary (`transactions`).
public struct Transaction: Sendable, Hashable {
    public var id: Int
    /// `people_id`.
    public var beneficiaryId: Int?
    public var productId: Product.ID?
    /// Number of items handed out.
    public var count: Int
    /// `drops`: positive for credits, negative for purchases.
    public var tokens: Int
    public var description: String
    /// `user_id` (the legacy `created_by` column is unused).
    public var createdBy: Int?
    /// `transaction_date`.
    public var createdOn: Timestamp?

    public init(
        id: Int, beneficiaryId: Int?, productId: Product.ID?, count: Int, tokens: Int, description: String,
        createdBy: Int?,
        createdOn: Timestamp?
    ) {
        self.id = id
        self.beneficiaryId = beneficiaryId
        self.productId = productId
        self.count = count
        self.tokens = tokens
        self.description = description
        self.createdBy = createdBy
        self.createdOn = createdOn
    }
}

/// The `FilterBeneficiaryInput` of the beneficiary lists: every given condition must hold.
public struct BeneficiaryFilter: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var createdFrom: String?
    /// `YYYY-MM-DD`, compared against midnight at the start of that day.
    public var createdUntil: String?
    public var active: Bool?
    public var isVolunteer: Bool?
    public var registered: Bool?
    public var pattern: String?

    public init(
        createdFrom: String? = nil, createdUntil: String? = nil, active: Bool? = nil, isVolunteer: Bool? = nil,
        registered: Bool? = nil, pattern: String? = nil
    ) {
        self.createdFrom = createdFrom
        self.createdUntil = createdUntil
        self.active = active
        self.isVolunteer = isVolunteer
        self.registered = registered
        self.pattern = pattern
    }
}
