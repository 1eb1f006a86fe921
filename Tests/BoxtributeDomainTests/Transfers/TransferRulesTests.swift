import Testing

@testable import BoxtributeDomain

@Suite("Transfer rules")
struct TransferRulesTests {
    static func agreement(_ state: TransferAgreementState?, validUntil: String?) -> TransferAgreement {
        TransferAgreement(
            id: 1, sourceOrganisationId: 1, targetOrganisationId: 2, state: state, type: .bidirectional,
            requestedOn: nil, requestedBy: nil, acceptedOn: nil, acceptedBy: nil, terminatedOn: nil, terminatedBy: nil,
            validFrom: nil, validUntil: validUntil.map(Timestamp.init(trustedText:)), comment: nil)
    }

    static let now = Timestamp(trustedText: "2025-06-01 12:00:00")

    @Test("agreements under review or accepted expire once their validity has ended")
    func expiry() {
        #expect(Self.agreement(.accepted, validUntil: "2025-05-31 23:59:59").state(at: Self.now) == .expired)
        #expect(Self.agreement(.underReview, validUntil: "2025-05-31 00:00:00").state(at: Self.now) == .expired)
        #expect(Self.agreement(.accepted, validUntil: "2025-06-02 00:00:00").state(at: Self.now) == .accepted)
        #expect(Self.agreement(.accepted, validUntil: nil).state(at: Self.now) == .accepted)
        #expect(Self.agreement(.canceled, validUntil: "2020-01-01 00:00:00").state(at: Self.now) == .canceled)
        #expect(Self.agreement(nil, validUntil: "2020-01-01 00:00:00").state(at: Self.now) == nil)
    }

    @Test("the partner of the initiating side accepts an agreement")
    func acceptingSide() {
        #expect(TransferRules.acceptingSide(of: .receivingFrom) == .source)
        #expect(TransferRules.acceptingSide(of: .sendingTo) == .target)
        #expect(TransferRules.acceptingSide(of: .bidirectional) == .target)
    }

    @Test("state errors name the actual and the expected states as the reference does")
    func stateErrors() {
        #expect(
            DomainError.invalidAgreementState(.canceled, expected: [.underReview]).description
                == "The state of the transfer agreement (Canceled) does not allow the requested action. Expecting state: UnderReview"
        )
        #expect(
            DomainError.invalidShipmentState(nil, expected: [.preparing, .receiving]).description
                == "The state of the shipment (None) does not allow the requested action. Expecting state: Preparing or Receiving"
        )
    }
}
