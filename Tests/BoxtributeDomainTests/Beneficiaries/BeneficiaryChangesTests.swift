import Testing

@testable import BoxtributeDomain

@Suite("Beneficiary history and import checks")
struct BeneficiaryChangesTests {
    static let person = Beneficiary(
        id: 7, firstName: "Aisha", lastName: "Rahman", dateOfBirth: "1985-03-15", comment: nil, baseId: 1,
        groupIdentifier: "A1", gender: .female, familyHeadId: nil, deletedOn: nil, isVolunteer: false, signed: false,
        registered: true, phoneNumber: nil, signature: nil,
        dateOfSignature: Timestamp(trustedText: "2021-09-09 13:45:00"),
        audit: AuditStamps(createdOn: nil, createdBy: nil, lastModifiedOn: nil, lastModifiedBy: nil))

    @Test("an unchanged person writes no history")
    func unchanged() {
        #expect(Self.person.changes(to: Self.person).isEmpty)
    }

    @Test("every tracked column, in the reference's order: flags and ids as numbers, the rest as texts")
    func everyColumn() {
        var new = Self.person
        new.phoneNumber = "+30 1"
        new.familyHeadId = 3
        new.signed = true
        new.gender = .diverse
        new.dateOfBirth = nil
        new.dateOfSignature = Timestamp(trustedText: "2022-07-16 00:00:00")
        new.groupIdentifier = "B2"
        new.comment = "Moved"
        new.isVolunteer = true
        new.registered = false
        new.lastName = "Body"
        new.firstName = "Aysha"
        #expect(
            Self.person.changes(to: new) == [
                HistoryChange(changes: #"firstname changed from "Aisha" to "Aysha";"#),
                HistoryChange(changes: #"lastname changed from "Rahman" to "Body";"#),
                HistoryChange(changes: "notregistered", fromInt: 0, toInt: 1),
                HistoryChange(changes: "volunteer", fromInt: 0, toInt: 1),
                HistoryChange(changes: #"comments changed from "None" to "Moved";"#),
                HistoryChange(changes: #"container changed from "A1" to "B2";"#),
                // The stored value keeps its time of day; the new one is a date.
                HistoryChange(changes: #"date_of_signature changed from "2021-09-09 13:45:00" to "2022-07-16";"#),
                HistoryChange(changes: #"date_of_birth changed from "1985-03-15" to "None";"#),
                HistoryChange(changes: #"gender changed from "F" to "D";"#),
                HistoryChange(changes: "approvalsigned", fromInt: 0, toInt: 1),
                HistoryChange(changes: "parent_id", fromInt: nil, toInt: 3),
                HistoryChange(changes: #"phone changed from "None" to "+30 1";"#),
            ])
    }

    @Test("an imported row read back as given has no mismatch; altered fields are listed with both values")
    func importMismatches() {
        let input = NewBeneficiary(
            firstName: "Aisha", lastName: "Rahman", baseId: 1, groupIdentifier: "A1", dateOfBirth: "1985-03-15",
            comment: "", gender: .female, familyHeadId: nil, isVolunteer: false, registered: true, stampModified: false)
        var stored = Self.person
        stored.comment = ""
        #expect(stored.importMismatches(with: input).isEmpty)
        stored.firstName = "Ais?a"
        stored.registered = false
        stored.familyHeadId = 2
        #expect(
            stored.importMismatches(with: input) == [
                ImportMismatch.Field(name: "first_name", input: .text("Aisha"), stored: .text("Ais?a")),
                ImportMismatch.Field(name: "not_registered", input: .boolean(false), stored: .boolean(true)),
                ImportMismatch.Field(name: "family_head", input: .null, stored: .integer(2)),
            ])
    }
}
