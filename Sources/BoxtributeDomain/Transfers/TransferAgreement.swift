/// States of a transfer agreement; the database stores the case name.
public enum TransferAgreementState: String, Sendable, CaseIterable {
    case underReview = "UnderReview", accepted = "Accepted", rejected = "Rejected", canceled = "Canceled"
    case expired = "Expired"
}

/// Direction of a transfer agreement; the database stores the case name.
public enum TransferAgreementType: String, Sendable, CaseIterable {
    case sendingTo = "SendingTo", receivingFrom = "ReceivingFrom", bidirectional = "Bidirectional"
}

/// An agreement between two organisations about shipping boxes (`transfer_agreement`).
public struct TransferAgreement: Sendable, Hashable {
    public var id: Int
    public var sourceOrganisationId: Int
    public var targetOrganisationId: Int
    /// `nil` when the stored text is not a known state.
    public var state: TransferAgreementState?
    public var type: TransferAgreementType
    public var requestedOn: Timestamp?
    public var requestedBy: Int?
    public var acceptedOn: Timestamp?
    public var acceptedBy: Int?
    public var terminatedOn: Timestamp?
    public var terminatedBy: Int?
    public var validFrom: Timestamp?
    /// `nil` means unlimited.
    public var validUntil: Timestamp?
    public var comment: String?
    public init(
        id: Int, sourceOrganisationId: Int, targetOrganisationId: Int, state: TransferAgreementState?,
        type: TransferAgreementType, requestedOn: Timestamp?, requestedBy: Int?, acceptedOn: Timestamp?,
        acceptedBy: Int?, terminatedOn: Timestamp?, terminatedBy: Int?, validFrom: Timestamp?, validUntil: Timestamp?,
        comment: String?
    ) {
        self.id = id
        self.sourceOrganisationId = sourceOrganisationId
        self.targetOrganisationId = targetOrganisationId
        self.state = state
        self.type = type
        self.requestedOn = requestedOn
        self.requestedBy = requestedBy
        self.acceptedOn = acceptedOn
        self.acceptedBy = acceptedBy
        self.terminatedOn = terminatedOn
        self.terminatedBy = terminatedBy
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.comment = comment
    }
}

/// Which side of a transfer agreement a base is on.
public enum AgreementSide: Sendable, Hashable {
    case source, target
}

/// A base covered by a transfer agreement, on one of its sides.
public struct AgreementBase: Sendable, Hashable {
    public var agreementId: Int
    public var side: AgreementSide
    public var base: Base
    public init(agreementId: Int, side: AgreementSide, base: Base) {
        self.agreementId = agreementId
        self.side = side
        self.base = base
    }
}
