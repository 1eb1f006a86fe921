import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeTestSupport
import GraphQL
import Testing

@Suite("createBeneficiary, updateBeneficiary")
struct BeneficiaryCreateUpdateTests {
    typealias IDs = Fixtures.BeneficiaryMutations
    static let fields = BeneficiaryMutationSupport.fields
    static let now = BeneficiaryMutationSupport.now
    /// The id the next person gets (the fixture rows end at 302).
    static let newId = 303

    /// A `createBeneficiary` document with the required fields and `extra` ones.
    static func create(base: Base.ID = Fixtures.BaseID.lesvos, _ extra: String = "") -> String {
        """
        mutation { createBeneficiary(creationInput: {firstName: "Ayla", lastName: "Demir", baseId: \(base), \
        groupIdentifier: "A9", dateOfBirth: "1999-12-24", gender: Female, isVolunteer: true, registered: false\
        \(extra.isEmpty ? "" : ", " + extra)}) { \(fields) } }
        """
    }

    static func update(_ id: Int, _ fields: String, select: String = Self.fields) -> String {
        #"mutation { updateBeneficiary(updateInput: {id: "\#(id)", \#(fields)}) { \#(select) } }"#
    }

    // MARK: - createBeneficiary

    @Test("createBeneficiary stores a family member with languages, tags and a creation record")
    func createFull() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.create(
                """
                comment: "New", languages: [ar, en, ar], familyHeadId: \(Fixtures.BeneficiaryID.aisha), \
                signature: "A. D.", dateOfSignature: "2022-07-16", \
                tagIds: [\(Fixtures.TagID.urgent), \(Fixtures.TagID.family), \(Fixtures.TagID.urgent)]
                """))
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["createBeneficiary"]
                == [
                    "id": "303", "firstName": "Ayla", "lastName": "Demir", "dateOfBirth": "1999-12-24",
                    "comment": "New", "groupIdentifier": "A9", "gender": "Female", "languages": ["en", "ar"],
                    "familyHead": ["id": "1"], "active": true, "isVolunteer": true, "signed": true,
                    "registered": false, "phoneNumber": nil, "signature": "A. D.",
                    // As stored and read by queries (the reference echoes its input, "2022-07-16").
                    "dateOfSignature": "2022-07-16T00:00:00", "tags": [["id": "3"], ["id": "2"]],
                    "base": ["id": "1"], "createdBy": ["id": "2"], "createdOn": .string(Self.now),
                    "lastModifiedBy": ["id": "2"], "lastModifiedOn": .string(Self.now),
                ])
        #expect(try await api.historyChanges("people", recordId: Self.newId) == ["Record created"])
        // The legacy columns: a member's sequence number, no family id, empty ban comments.
        #expect(
            try await api.rows(
                "SELECT seq, family_id, bicyclebancomment, workshopbancomment, notregistered FROM people WHERE id = ?",
                [.integer(Self.newId)]) == [["2", "0", "", "", "1"]])
        #expect(
            try await api.rows(
                "SELECT tag_id, created_by_id, created_on FROM tags_relations WHERE object_type = 'People' AND object_id = ? ORDER BY tag_id",
                [.integer(Self.newId)])
                == [["2", "2", MutationEnvironment.fixtureNow], ["3", "2", MutationEnvironment.fixtureNow]])
        let read = await api.run(#"{ beneficiary(id: "303") { familyHead { firstName } tags { name } } }"#)
        #expect(
            read.data?["beneficiary"] == [
                "familyHead": ["firstName": "Aisha"], "tags": [["name": "Urgent"], ["name": "Family"]],
            ])
    }

    @Test("createBeneficiary without the optional fields: a family head with no comment, languages, tags or signature")
    func createMinimal() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.create())
        #expect(answer.errors.isEmpty)
        #expect(answer.data?["createBeneficiary"]?["comment"] == "")
        #expect(answer.data?["createBeneficiary"]?["languages"] == [])
        #expect(answer.data?["createBeneficiary"]?["tags"] == [])
        #expect(answer.data?["createBeneficiary"]?["familyHead"] == .null)
        #expect(answer.data?["createBeneficiary"]?["signed"] == false)
        #expect(answer.data?["createBeneficiary"]?["signature"] == .null)
        #expect(answer.data?["createBeneficiary"]?["dateOfSignature"] == .null)
        #expect(
            try await api.rows(
                """
                SELECT seq, approvalsigned FROM people WHERE id = ? AND date_of_signature = '0000-00-00 00:00:00' \
                AND deleted = '0000-00-00 00:00:00'
                """, [.integer(Self.newId)]) == [["1", "0"]])
        #expect(try await api.historyChanges("people", recordId: Self.newId) == ["Record created"])
    }

    @Test("Reference quirk fixed: the signature text is stored on creation")
    func createStoresSignature() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        _ = await api.run(Self.create(#"signature: "Ayla D.""#))
        let read = await api.run(#"{ beneficiary(id: "303") { signed signature } }"#)
        #expect(read.data?["beneficiary"] == ["signed": true, "signature": "Ayla D."])
        #expect(try await api.scalar("SELECT signaturefield FROM people WHERE id = 303") == "Ayla D.")
    }

    @Test(
        "createBeneficiary needs beneficiary:create and tag:read for the base, beneficiary_language:assign and tag_relation:assign",
        arguments: [
            (BeneficiaryMutationSupport.lesvosUser(without: "beneficiary:create"), "beneficiary:create"),
            (BeneficiaryMutationSupport.lesvosUser(without: "tag:read"), "tag:read"),
            (
                BeneficiaryMutationSupport.lesvosUser(without: "beneficiary_language:assign"),
                "beneficiary_language:assign"
            ),
            (BeneficiaryMutationSupport.lesvosUser(without: "tag_relation:assign"), "tag_relation:assign"),
            (Fixtures.lesvosReader, "beneficiary:create"),
        ])
    func createForbidden(user: CurrentUser, permission: String) async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.create(), as: user)
        #expect(answer.firstCode == "FORBIDDEN")
        #expect(
            answer.errors.first?["extensions"]?["description"] == .string("You don't have access to '\(permission)'"))
        #expect(answer.data?["createBeneficiary"] == .null)
        #expect(try await api.count("people") == 8)
    }

    @Test("createBeneficiary in another base is forbidden; nothing is written")
    func createOtherBase() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.create(base: Fixtures.BaseID.thessaloniki))
        #expect(answer.firstCode == "FORBIDDEN")
        #expect(answer.errors.first?["extensions"]?["description"] == "You don't have access to 'base=3'")
        #expect(try await api.count("people") == 8)
        #expect(try await api.count("history WHERE tablename = 'people'") == 0)
    }

    @Test("createBeneficiary needs beta level 98")
    func createBetaLevel() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.create(), as: BeneficiaryMutationSupport.lesvosUser(betaLevel: 7))
        #expect(answer.kind == .refused)
        #expect(answer.errors.first?["message"] == "Insufficient beta-level")
    }

    @Test(
        "Reference quirk fixed: tags given on creation must belong to the base, not be deleted and apply to people",
        arguments: [
            (
                Fixtures.TagID.winter,
                "The tag with ID 1 and type 'Box' cannot be applied to the resource of type 'Beneficiary'"
            ),
            (IDs.TagID.former, "The tag with ID 300 is deleted and cannot be applied to beneficiaries"),
            (Fixtures.TagID.thessaloniki, "Invalid input: bases of 'tag' and the tagged resource not matching"),
            (Fixtures.TagID.deleted, "The tag with ID 4 is deleted and cannot be applied to beneficiaries"),
        ])
    func createRefusesTags(tagId: BoxtributeDomain.Tag.ID, description: String) async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.create("tagIds: [\(Fixtures.TagID.family), \(tagId)]"))
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.errors.first?["extensions"]?["description"] == .string(description))
        #expect(try await api.count("people") == 8)
        #expect(try await api.count("tags_relations WHERE object_type = 'People'") == 4)
    }

    @Test("createBeneficiary refuses texts longer than their columns")
    func createTooLong() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            #"mutation { createBeneficiary(creationInput: {firstName: "\#(String(repeating: "a", count: 256))", lastName: "D", baseId: 1, groupIdentifier: "A9", dateOfBirth: "1999-12-24", gender: Female, isVolunteer: true, registered: false}) { id } }"#
        )
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "Invalid input: 'firstName' is longer than 255 characters.")
        #expect(try await api.count("people") == 8)
    }

    @Test(
        "createBeneficiary with an unknown tag or family head names no row",
        arguments: ["tagIds: [\(Fixtures.unknownID)]", "familyHeadId: \(Fixtures.unknownID)"])
    func createMissing(extra: String) async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.create(extra))
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "The requested resource does not exist in the database.")
        #expect(try await api.count("people") == 8)
    }

    @Test("createBeneficiary in a base that does not exist names no row (a god user passes the permission checks)")
    func createUnknownBase() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.create(base: .unknown), as: Fixtures.god)
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "The requested resource does not exist in the database.")
        #expect(try await api.count("people") == 8)
    }

    @Test("Reference quirk fixed: a family head of another base is refused")
    func createFamilyHeadOfOtherBase() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let created = await api.run(Self.create("familyHeadId: \(Fixtures.BeneficiaryID.nour)"))
        #expect(created.firstCode == "BAD_USER_INPUT")
        let updated = await api.run(
            Self.update(Fixtures.BeneficiaryID.omar, "familyHeadId: \(Fixtures.BeneficiaryID.samir)", select: "id"))
        #expect(updated.firstCode == "BAD_USER_INPUT")
        #expect(try await api.count("people") == 8)
        #expect(try await api.scalar("SELECT parent_id FROM people WHERE id = 2") == "1")
    }

    // MARK: - updateBeneficiary

    @Test("updateBeneficiary writes the given fields and one history row per changed column, in the reference's order")
    func updateFields() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.update(
                Fixtures.BeneficiaryID.omar,
                """
                firstName: "Omar", lastName: "Haddad", registered: true, isVolunteer: true, comment: "Moved", \
                groupIdentifier: "A2", dateOfSignature: "2024-06-01", dateOfBirth: "2015-07-02", gender: Diverse, \
                signature: "O. H.", familyHeadId: \(IDs.BeneficiaryID.yara), languages: [de, en]
                """))
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["updateBeneficiary"]
                == [
                    "id": "2", "firstName": "Omar", "lastName": "Haddad", "dateOfBirth": "2015-07-02",
                    "comment": "Moved", "groupIdentifier": "A2", "gender": "Diverse", "languages": ["en", "de"],
                    "familyHead": ["id": "300"], "active": true, "isVolunteer": true, "signed": true,
                    "registered": true, "phoneNumber": nil, "signature": "O. H.",
                    "dateOfSignature": "2024-06-01T00:00:00", "tags": [["id": "3"]], "base": ["id": "1"],
                    "createdBy": ["id": "2"], "createdOn": "2024-01-10T12:00:00+00:00",
                    "lastModifiedBy": ["id": "2"], "lastModifiedOn": .string(Self.now),
                ])
        #expect(
            try await api.peopleHistory(Fixtures.BeneficiaryID.omar) == [
                [#"lastname changed from "Rahman" to "Haddad";"#, nil, nil],
                ["notregistered", "1", "0"],
                ["volunteer", "0", "1"],
                [#"comments changed from "None" to "Moved";"#, nil, nil],
                [#"container changed from "A1" to "A2";"#, nil, nil],
                [#"date_of_signature changed from "None" to "2024-06-01";"#, nil, nil],
                [#"date_of_birth changed from "2015-07-01" to "2015-07-02";"#, nil, nil],
                [#"gender changed from "M" to "D";"#, nil, nil],
                ["approvalsigned", "0", "1"],
                ["parent_id", "1", "300"],
            ])
        #expect(
            try await api.rows("SELECT gender, seq, date_of_signature, modified_by FROM people WHERE id = 2")
                == [["", "2", "2024-06-01 00:00:00", "2"]])
    }

    @Test("updateBeneficiary renders a stored date of signature with its time, as the reference")
    func updateSignatureDate() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.update(
                Fixtures.BeneficiaryID.aisha, #"lastName: "Body", registered: false, dateOfSignature: "2022-07-16""#,
                select: "lastName registered dateOfSignature"))
        #expect(
            answer.data?["updateBeneficiary"]
                == ["lastName": "Body", "registered": false, "dateOfSignature": "2022-07-16T00:00:00"])
        #expect(
            try await api.peopleHistory(Fixtures.BeneficiaryID.aisha) == [
                [#"lastname changed from "Rahman" to "Body";"#, nil, nil],
                ["notregistered", "0", "1"],
                [#"date_of_signature changed from "2021-09-09 00:00:00" to "2022-07-16";"#, nil, nil],
            ])
    }

    @Test("Reference quirk fixed: an unchanged date of signature records no history")
    func updateWithoutChanges() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.update(
                Fixtures.BeneficiaryID.aisha,
                #"lastName: "Rahman", dateOfSignature: "2021-09-09", gender: Female, languages: []"#,
                select: "languages lastModifiedOn"))
        #expect(
            answer.data?["updateBeneficiary"] == [
                "languages": ["en", "ar"], "lastModifiedOn": "2024-01-11T09:00:00+00:00",
            ])
        #expect(try await api.peopleHistory(Fixtures.BeneficiaryID.aisha) == [])
    }

    @Test(
        "updateBeneficiary: a new signature of a signed person is stored without history; languages replace without history"
    )
    func updateUntrackedFields() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.update(
                Fixtures.BeneficiaryID.aisha, #"signature: "Aisha Rahman", languages: [fr]"#,
                select: "signature signed languages lastModifiedOn"))
        #expect(
            answer.data?["updateBeneficiary"]
                == [
                    "signature": "Aisha Rahman", "signed": true, "languages": ["fr"],
                    "lastModifiedOn": "2024-01-11T09:00:00+00:00",
                ])
        #expect(try await api.peopleHistory(Fixtures.BeneficiaryID.aisha) == [])
    }

    @Test("concurrent updates of one person are serialised: every history row starts from the previous value")
    func concurrentUpdates() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 1...12 {
                group.addTask {
                    let answer = await api.run(
                        Self.update(Fixtures.BeneficiaryID.omar, #"lastName: "Name \#(index)""#, select: "id"))
                    #expect(answer.errors.isEmpty)
                }
            }
            try await group.waitForAll()
        }
        let changes = try await api.historyChanges("people", recordId: Fixtures.BeneficiaryID.omar)
        #expect(changes.count == 12)
        var current = "Rahman"
        for change in changes {
            #expect(change.hasPrefix(#"lastname changed from "\#(current)" to ""#))
            current = String(change.dropFirst(#"lastname changed from "\#(current)" to ""#.count).dropLast(2))
        }
        #expect(try await api.scalar("SELECT lastname FROM people WHERE id = 2") == current)
    }

    @Test(
        "updateBeneficiary needs beneficiary:edit and tag:read for the person's base, beneficiary_language:assign and tag_relation:assign",
        arguments: [
            (BeneficiaryMutationSupport.lesvosUser(without: "beneficiary:edit"), "beneficiary:edit"),
            (BeneficiaryMutationSupport.lesvosUser(without: "tag:read"), "tag:read"),
            (
                BeneficiaryMutationSupport.lesvosUser(without: "beneficiary_language:assign"),
                "beneficiary_language:assign"
            ),
            (BeneficiaryMutationSupport.lesvosUser(without: "tag_relation:assign"), "tag_relation:assign"),
            (Fixtures.lesvosReader, "beneficiary:edit"),
        ])
    func updateForbidden(user: CurrentUser, permission: String) async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.update(Fixtures.BeneficiaryID.omar, #"lastName: "X""#), as: user)
        #expect(answer.firstCode == "FORBIDDEN")
        #expect(
            answer.errors.first?["extensions"]?["description"] == .string("You don't have access to '\(permission)'"))
        #expect(try await api.scalar("SELECT lastname FROM people WHERE id = 2") == "Rahman")
    }

    @Test("updateBeneficiary of another base's person is forbidden")
    func updateOtherBase() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.update(Fixtures.BeneficiaryID.nour, #"lastName: "X""#))
        #expect(answer.errors.first?["extensions"]?["description"] == "You don't have access to 'base=3'")
        #expect(try await api.scalar("SELECT lastname FROM people WHERE id = 5") == "Khalil")
        #expect(try await api.count("history WHERE tablename = 'people'") == 0)
    }

    @Test("Reference quirk fixed: a beneficiary cannot become their own family head")
    func updateOwnFamilyHead() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.update(Fixtures.BeneficiaryID.aisha, "familyHeadId: \(Fixtures.BeneficiaryID.aisha)", select: "id"))
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "Invalid input: a beneficiary cannot be their own 'familyHeadId'")
        #expect(try await api.scalar("SELECT parent_id FROM people WHERE id = 1") == nil)
    }

    @Test("a drawn signature may fill its column (no history repeats it); a longer one is refused")
    func signatureLength() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let document =
            #"mutation($signature: String) { updateBeneficiary(updateInput: {id: "2", signature: $signature}) { signed } }"#
        let long = String(repeating: "s", count: 65_535)
        let stored = await api.run(document, variables: ["signature": .string(long)])
        #expect(stored.data?["updateBeneficiary"] == ["signed": true])
        #expect(try await api.scalar("SELECT LENGTH(signaturefield) FROM people WHERE id = 2") == "65535")
        let tooLong = await api.run(document, variables: ["signature": .string(long + "s")])
        #expect(tooLong.firstCode == "BAD_USER_INPUT")
        #expect(
            tooLong.errors.first?["extensions"]?["description"]
                == "Invalid input: 'signature' is longer than 65535 bytes.")
        #expect(try await api.scalar("SELECT LENGTH(signaturefield) FROM people WHERE id = 2") == "65535")
    }

    @Test("updateBeneficiary refuses texts longer than their columns; nothing changes")
    func updateTooLong() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.update(
                Fixtures.BeneficiaryID.omar,
                #"firstName: "Omar2", groupIdentifier: "\#(String(repeating: "g", count: 256))""#, select: "id"))
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "Invalid input: 'groupIdentifier' is longer than 255 characters.")
        #expect(try await api.scalar("SELECT firstname FROM people WHERE id = 2") == "Omar")
    }

    @Test(
        "updateBeneficiary of an unknown person or with an unknown family head names no row",
        arguments: [
            #"mutation { updateBeneficiary(updateInput: {id: "99", lastName: "X"}) { id } }"#,
            #"mutation { updateBeneficiary(updateInput: {id: "abc", lastName: "X"}) { id } }"#,
            #"mutation { updateBeneficiary(updateInput: {id: "2", lastName: "X", familyHeadId: 99}) { id } }"#,
        ])
    func updateMissing(document: String) async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(document)
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "The requested resource does not exist in the database.")
        #expect(answer.data?["updateBeneficiary"] == .null)
        #expect(try await api.scalar("SELECT lastname FROM people WHERE id = 2") == "Rahman")
    }
}
