// Port of the history fields of update_beneficiary (business_logic/beneficiary/crud.py,
// rendered as models/utils.py create_history_entries does) and of
// validate_imported_beneficiaries.

extension Beneficiary {
    /// History rows for the differences between `self` (before) and `new` (`updateBeneficiary`),
    /// in the reference's column order. Flags and ids record their numbers; texts and dates
    /// a `<column> changed from "<old>" to "<new>";` text (`None` for NULL).
    public func changes(to new: Beneficiary) -> [HistoryChange] {
        [
            HistoryChange.text("firstname", from: firstName, to: new.firstName),
            .text("lastname", from: lastName, to: new.lastName),
            .integer("notregistered", from: registered ? 0 : 1, to: new.registered ? 0 : 1),
            .integer("volunteer", from: isVolunteer ? 1 : 0, to: new.isVolunteer ? 1 : 0),
            .text("comments", from: comment, to: new.comment),
            .text("container", from: groupIdentifier, to: new.groupIdentifier),
            signatureDateChange(to: new.dateOfSignature),
            .text("date_of_birth", from: dateOfBirth, to: new.dateOfBirth),
            .text("gender", from: gender.letter, to: new.gender.letter),
            .integer("approvalsigned", from: signed ? 1 : 0, to: new.signed ? 1 : 0),
            .integer("parent_id", from: familyHeadId, to: new.familyHeadId),
            .text("phone", from: phoneNumber, to: new.phoneNumber),
        ].compactMap { $0 }
    }

    /// The column is a DATETIME set from a `Date` input: the old value shows its time of day,
    /// the new one (always midnight) the date alone, as the reference renders them.
    private func signatureDateChange(to new: Timestamp?) -> HistoryChange? {
        guard dateOfSignature != new else { return nil }
        let old = dateOfSignature?.databaseText ?? "None"
        return HistoryChange(changes: "date_of_signature changed from \"\(old)\" to \"\(new?.datePart ?? "None")\";")
    }

    /// The fields of a bulk-imported row that were not stored as given, in the reference's
    /// order (its field names), then the base and, beyond the reference, the family head.
    public func importMismatches(with input: NewBeneficiary) -> [ImportMismatch.Field] {
        func text(_ value: String?) -> ImportedValue { value.map(ImportedValue.text) ?? .null }
        func integer(_ value: Int?) -> ImportedValue { value.map(ImportedValue.integer) ?? .null }
        let pairs: [(String, ImportedValue, ImportedValue)] = [
            ("first_name", .text(input.firstName), .text(firstName)),
            ("last_name", .text(input.lastName), .text(lastName)),
            ("date_of_birth", text(input.dateOfBirth), text(dateOfBirth)),
            ("gender", .text(input.gender.rawValue), .text(gender.rawValue)),
            ("is_volunteer", .boolean(input.isVolunteer), .boolean(isVolunteer)),
            ("not_registered", .boolean(!input.registered), .boolean(!registered)),
            ("phone_number", text(input.phoneNumber), text(phoneNumber)),
            ("group_identifier", .text(input.groupIdentifier), .text(groupIdentifier)),
            ("comment", .text(input.comment), text(comment)),
            ("base", .integer(input.baseId.rawValue), .integer(baseId.rawValue)),
            ("family_head", integer(input.familyHeadId), integer(familyHeadId)),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { ImportMismatch.Field(name: $0.0, input: $0.1, stored: $0.2) }
    }
}
