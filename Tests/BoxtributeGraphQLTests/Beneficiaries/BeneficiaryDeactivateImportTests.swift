import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeGraphQL

@Suite("deactivateBeneficiary, createBeneficiaries, assignTag and unassignTag on beneficiaries")
struct BeneficiaryDeactivateImportTests {
    typealias IDs = Fixtures.BeneficiaryMutations
    static let now = BeneficiaryMutationSupport.now

    static func deactivate(_ id: String) -> String {
        #"mutation { deactivateBeneficiary(id: "\#(id)") { id active lastModifiedOn } }"#
    }

    /// `deleted` of each person, by id; `active` for the zero date (engines read it differently).
    static func deleted(_ api: APIHarness, _ ids: [Int]) async throws -> [String?] {
        var result: [String?] = []
        for id in ids {
            result.append(
                try await api.scalar(
                    "SELECT CASE WHEN deleted = '0000-00-00 00:00:00' THEN 'active' ELSE deleted END FROM people WHERE id = ?",
                    [.integer(id)]))
        }
        return result
    }

    // MARK: - deactivateBeneficiary

    @Test("deactivating a family head deactivates its active members first, one level only")
    func deactivateHead() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.deactivate("\(Fixtures.BeneficiaryID.aisha)"))
        #expect(answer.errors.isEmpty)
        // The person as stored: deactivation leaves the modification stamps alone.
        #expect(
            answer.data?["deactivateBeneficiary"]
                == ["id": "1", "active": false, "lastModifiedOn": "2024-01-11T09:00:00+00:00"])
        let now = MutationEnvironment.fixtureNow
        // Aisha, Omar and Yara now; Sami keeps his date; Nadia (Omar's member) stays active.
        #expect(
            try await Self.deleted(
                api,
                [
                    Fixtures.BeneficiaryID.aisha, Fixtures.BeneficiaryID.omar, IDs.BeneficiaryID.yara,
                    IDs.BeneficiaryID.sami, IDs.BeneficiaryID.nadia,
                ]) == [now, now, now, "2024-05-01 00:00:00", "active"])
        #expect(
            try await api.rows(
                "SELECT record_id, changes, user_id FROM history WHERE tablename = 'people' ORDER BY id")
                == [["2", "Record deleted", "2"], ["300", "Record deleted", "2"], ["1", "Record deleted", "2"]])
        let read = await api.run(#"{ beneficiary(id: "300") { active } }"#)
        #expect(read.data?["beneficiary"] == ["active": false])
    }

    @Test("deactivating a family member deactivates that person only")
    func deactivateMember() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.deactivate("\(Fixtures.BeneficiaryID.omar)"))
        #expect(answer.data?["deactivateBeneficiary"]?["active"] == false)
        #expect(
            try await Self.deleted(api, [Fixtures.BeneficiaryID.omar, IDs.BeneficiaryID.nadia])
                == [MutationEnvironment.fixtureNow, "active"])
        #expect(try await api.historyChanges("people", recordId: Fixtures.BeneficiaryID.omar) == ["Record deleted"])
        #expect(try await api.count("history WHERE tablename = 'people'") == 1)
    }

    @Test("deactivating an inactive person stamps it again, as the reference")
    func deactivateInactive() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.deactivate("\(Fixtures.BeneficiaryID.lena)"))
        #expect(answer.data?["deactivateBeneficiary"]?["active"] == false)
        #expect(try await Self.deleted(api, [Fixtures.BeneficiaryID.lena]) == [MutationEnvironment.fixtureNow])
        #expect(try await api.historyChanges("people", recordId: Fixtures.BeneficiaryID.lena) == ["Record deleted"])
    }

    @Test("deactivateBeneficiary needs beneficiary:delete for the person's base")
    func deactivateForbidden() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let reader = await api.run(Self.deactivate("\(Fixtures.BeneficiaryID.aisha)"), as: Fixtures.lesvosReader)
        #expect(reader.errors.first?["extensions"]?["description"] == "You don't have access to 'beneficiary:delete'")
        let otherBase = await api.run(Self.deactivate("\(Fixtures.BeneficiaryID.nour)"))
        #expect(otherBase.firstCode == "FORBIDDEN")
        #expect(otherBase.errors.first?["extensions"]?["description"] == "You don't have access to 'base=3'")
        let beta = await api.run(
            Self.deactivate("\(Fixtures.BeneficiaryID.aisha)"), as: BeneficiaryMutationSupport.lesvosUser(betaLevel: 7))
        #expect(beta.kind == .refused)
        #expect(try await api.count("people WHERE deleted = '\(MutationEnvironment.fixtureNow)'") == 0)
        #expect(try await api.count("history WHERE tablename = 'people'") == 0)
    }

    @Test("deactivateBeneficiary of an unknown or malformed id names no row", arguments: ["99", "abc"])
    func deactivateMissing(id: String) async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.deactivate(id))
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "The requested resource does not exist in the database.")
        #expect(answer.data?["deactivateBeneficiary"] == .null)
    }

    // MARK: - createBeneficiaries

    static let bulkResult = """
        __typename
        ... on BeneficiariesResult { results { ... on Beneficiary { id firstName lastName dateOfBirth gender comment \
        isVolunteer registered phoneNumber groupIdentifier languages familyHead { id } tags { id } createdOn \
        lastModifiedOn active } } }
        ... on InsufficientPermissionError { name }
        ... on UnauthorizedForBaseError { id name organisationName }
        ... on DeletedBaseError { name }
        ... on ResourceDoesNotExistError { id name }
        """

    static func bulk(base: Base.ID = Fixtures.BaseID.lesvos, _ rows: String) -> String {
        "mutation { createBeneficiaries(creationInput: {baseId: \(base), beneficiaryData: [\(rows)]}) { \(bulkResult) } }"
    }

    static let fullRow = """
        {firstName: "Lina", lastName: "Saleh", groupIdentifier: "C3", dateOfBirth: "2001-02-03", comment: "Imported", \
        gender: Female, phoneNumber: "+30 1", isVolunteer: true, registered: false, \
        tagIds: [\(Fixtures.TagID.family), \(Fixtures.TagID.urgent), \(Fixtures.TagID.family)]}
        """
    static let minimalRow = #"{firstName: "Karam", groupIdentifier: "C3"}"#

    @Test("createBeneficiaries creates the rows in input order with defaults, creation records and tags")
    func bulkCreate() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.bulk(Self.fullRow + ", " + Self.minimalRow))
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["createBeneficiaries"]
                == [
                    "__typename": "BeneficiariesResult",
                    "results": [
                        [
                            "id": "303", "firstName": "Lina", "lastName": "Saleh", "dateOfBirth": "2001-02-03",
                            "gender": "Female", "comment": "Imported", "isVolunteer": true, "registered": false,
                            "phoneNumber": "+30 1", "groupIdentifier": "C3", "languages": [], "familyHead": nil,
                            "tags": [["id": "2"], ["id": "3"]], "createdOn": .string(Self.now), "lastModifiedOn": nil,
                            "active": true,
                        ],
                        [
                            "id": "304", "firstName": "Karam", "lastName": "", "dateOfBirth": nil, "gender": "Diverse",
                            "comment": "", "isVolunteer": false, "registered": true, "phoneNumber": nil,
                            "groupIdentifier": "C3", "languages": [], "familyHead": nil, "tags": [],
                            "createdOn": .string(Self.now), "lastModifiedOn": nil, "active": true,
                        ],
                    ],
                ])
        #expect(try await api.historyChanges("people", recordId: 303) == ["Record created"])
        #expect(try await api.historyChanges("people", recordId: 304) == ["Record created"])
        #expect(
            try await api.rows("SELECT id, seq, family_id, gender, created_by FROM people WHERE id > 302 ORDER BY id")
                == [["303", "1", "0", "F", "2"], ["304", "1", "0", "", "2"]])
    }

    @Test("Reference quirk fixed: bulk creation keeps familyHeadId and accepts languages")
    func bulkFamilyAndLanguages() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.bulk(
                #"{firstName: "Rami", groupIdentifier: "A1", familyHeadId: 1, languages: [ar, nl, ar]}, {firstName: "Dana", groupIdentifier: "D1", languages: []}"#
            ))
        #expect(answer.errors.isEmpty)
        let results = answer.data?["createBeneficiaries"]?["results"]
        #expect(results?[0]?["familyHead"] == ["id": "1"])
        #expect(results?[0]?["languages"] == ["nl", "ar"])
        #expect(results?[1]?["familyHead"] == .null)
        #expect(results?[1]?["languages"] == [])
        #expect(try await api.rows("SELECT parent_id, seq FROM people WHERE id = 303") == [["1", "2"]])
    }

    @Test("createBeneficiaries of an empty list creates nothing")
    func bulkEmpty() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(Self.bulk(""))
        #expect(answer.data?["createBeneficiaries"] == ["__typename": "BeneficiariesResult", "results": []])
        #expect(try await api.count("people") == 8)
    }

    @Test("createBeneficiaries returns missing permissions and other bases as data")
    func bulkForbidden() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let reader = await api.run(Self.bulk(Self.minimalRow), as: Fixtures.lesvosReader)
        #expect(
            reader.data?["createBeneficiaries"]
                == ["__typename": "InsufficientPermissionError", "name": "beneficiary:create"])
        let language = await api.run(
            Self.bulk(Self.minimalRow),
            as: BeneficiaryMutationSupport.lesvosUser(without: "beneficiary_language:assign"))
        #expect(
            language.data?["createBeneficiaries"]
                == ["__typename": "InsufficientPermissionError", "name": "beneficiary_language:assign"])
        let otherBase = await api.run(Self.bulk(base: Fixtures.BaseID.thessaloniki, Self.minimalRow))
        #expect(
            otherBase.data?["createBeneficiaries"]
                == [
                    "__typename": "UnauthorizedForBaseError", "id": "3", "name": "Thessaloniki",
                    "organisationName": "Aid Org B",
                ])
        let unknownBase = await api.run(Self.bulk(base: .unknown, Self.minimalRow))
        #expect(
            unknownBase.data?["createBeneficiaries"]
                == ["__typename": "UnauthorizedForBaseError", "id": "99", "name": "", "organisationName": ""])
        #expect(try await api.count("people") == 8)
    }

    @Test("createBeneficiaries needs beta level 6")
    func bulkBetaLevel() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let refused = await api.run(Self.bulk(Self.minimalRow), as: BeneficiaryMutationSupport.lesvosUser(betaLevel: 5))
        #expect(refused.kind == .refused)
        let allowed = await api.run(Self.bulk(Self.minimalRow), as: BeneficiaryMutationSupport.lesvosUser(betaLevel: 6))
        #expect(allowed.data?["createBeneficiaries"]?["__typename"] == "BeneficiariesResult")
    }

    @Test("createBeneficiaries reports a missing base, a closed base, an unknown tag or family head as data")
    func bulkMissing() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let unknownBase = await api.run(Self.bulk(base: .unknown, Self.minimalRow), as: Fixtures.god)
        #expect(
            unknownBase.data?["createBeneficiaries"]
                == ["__typename": "ResourceDoesNotExistError", "id": "99", "name": "Base"])
        let closed = await api.run(Self.bulk(base: Fixtures.BaseID.closed, Self.minimalRow), as: Fixtures.god)
        #expect(closed.data?["createBeneficiaries"] == ["__typename": "DeletedBaseError", "name": "Closed camp"])
        let tag = await api.run(
            Self.bulk(Self.minimalRow + #", {firstName: "T", groupIdentifier: "T", tagIds: [2, 99]}"#))
        #expect(
            tag.data?["createBeneficiaries"] == ["__typename": "ResourceDoesNotExistError", "id": "99", "name": "Tag"])
        let head = await api.run(
            Self.bulk(Self.minimalRow + #", {firstName: "T", groupIdentifier: "T", familyHeadId: 99}"#))
        #expect(
            head.data?["createBeneficiaries"]
                == ["__typename": "ResourceDoesNotExistError", "id": "99", "name": "Beneficiary"])
        let otherBaseHead = await api.run(
            Self.bulk(#"{firstName: "T", groupIdentifier: "T", familyHeadId: \#(Fixtures.BeneficiaryID.samir)}"#))
        #expect(
            otherBaseHead.data?["createBeneficiaries"]
                == ["__typename": "ResourceDoesNotExistError", "id": "4", "name": "Beneficiary"])
        #expect(try await api.count("people") == 8)
        #expect(try await api.count("history") == 7)
    }

    @Test(
        "Reference quirk fixed: bulk creation refuses tags of other bases, deleted tags and box tags; nothing is written",
        arguments: [
            (Fixtures.TagID.thessaloniki, "Invalid input: bases of 'tag' and the tagged resource not matching"),
            (IDs.TagID.former, "The tag with ID 300 is deleted and cannot be applied to beneficiaries"),
            (
                Fixtures.TagID.winter,
                "The tag with ID 1 and type 'Box' cannot be applied to the resource of type 'Beneficiary'"
            ),
        ])
    func bulkInvalidTags(tagId: BoxtributeDomain.Tag.ID, description: String) async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.bulk(Self.minimalRow + #", {firstName: "T", groupIdentifier: "T", tagIds: [\#(tagId)]}"#))
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.errors.first?["extensions"]?["description"] == .string(description))
        #expect(try await api.count("people") == 8)
        #expect(try await api.count("tags_relations WHERE object_type = 'People'") == 4)
    }

    @Test("createBeneficiaries refuses more rows than it imports at once, before reading anything")
    func bulkTooManyRows() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let rows = Array(
            repeating: BeneficiaryBulkCreation(firstName: "Many", groupIdentifier: "M"),
            count: BeneficiaryService.maxImportRows + 1)
        let session = SQLDataSource(database: api.database).openSession()
        await #expect(
            throws: DomainError.badUserInput("Invalid input: at most 10000 beneficiaries can be created at once.")
        ) {
            try await MutationScope.run(as: Fixtures.lesvosCoordinator, in: session, environment: .fixed()) { scope in
                _ = try await BeneficiaryService.createMany(baseId: Fixtures.BaseID.lesvos, rows: rows, in: scope)
            }
        }
        #expect(try await api.count("people") == 8)
    }

    @Test("createBeneficiaries refuses a text longer than its column; nothing is written")
    func bulkTooLong() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let long = String(repeating: "p", count: 256)
        let answer = await api.run(
            Self.bulk(Self.minimalRow + #", {firstName: "T", groupIdentifier: "T", phoneNumber: "\#(long)"}"#))
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(
            answer.errors.first?["extensions"]?["description"]
                == "Invalid input: 'phoneNumber' is longer than 255 characters.")
        #expect(try await api.count("people") == 8)
    }

    @Test("createBeneficiaries undoes an import whose rows the database stored differently, and lists the fields")
    func bulkReadBackMismatch() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        // A trigger plays a database that alters what it stores (a legacy character set would).
        switch api.database.dialect {
        case .sqlite:
            try await api.execute(
                """
                CREATE TRIGGER mangle_names AFTER INSERT ON people WHEN NEW.firstname = 'Mangle me' \
                BEGIN UPDATE people SET firstname = 'Mangled', volunteer = 0 WHERE id = NEW.id; END
                """)
        case .mysql:
            try await api.execute(
                """
                CREATE TRIGGER mangle_names BEFORE INSERT ON people FOR EACH ROW \
                SET NEW.volunteer = IF(NEW.firstname = 'Mangle me', 0, NEW.volunteer), \
                NEW.firstname = IF(NEW.firstname = 'Mangle me', 'Mangled', NEW.firstname)
                """)
        }
        let answer = await api.run(
            Self.bulk(
                Self.minimalRow + #", {firstName: "Mangle me", groupIdentifier: "M", isVolunteer: true, tagIds: [2]}"#))
        #expect(answer.data?["createBeneficiaries"] == .null)
        #expect(
            answer.errors.first?["extensions"]
                == [
                    "code": "INTERNAL_SERVER_ERROR", "description": "Unexpected error when importing beneficiaries",
                    "invalid_fields": [
                        "1": [["first_name": ["Mangle me", "Mangled"]], ["is_volunteer": [true, false]]]
                    ],
                ])
        #expect(try await api.count("people") == 8)
        #expect(try await api.count("history") == 7)
        #expect(try await api.count("tags_relations WHERE object_type = 'People'") == 4)
    }

    @Test("a bulk import whose rows read back differently is an internal error listing the fields, as the reference")
    func importMismatchError() throws {
        let mismatch = ImportMismatch(invalidFields: [
            (
                1,
                [
                    ImportMismatch.Field(name: "first_name", input: .text("Zoë"), stored: .text("Zo?")),
                    ImportMismatch.Field(name: "is_volunteer", input: .boolean(true), stored: .boolean(false)),
                    ImportMismatch.Field(name: "date_of_birth", input: .text("2001-02-03"), stored: .null),
                ]
            )
        ])
        let error = ExecutionError(error: mismatch, locations: [], path: [.key("createBeneficiaries")])
        var writer = JSONWriter()
        writer.error(error)
        let json = JSONValue.parse(writer.bytes)
        #expect(
            json?["extensions"]
                == [
                    "code": "INTERNAL_SERVER_ERROR", "description": "Unexpected error when importing beneficiaries",
                    "invalid_fields": [
                        "1": [
                            ["first_name": ["Zoë", "Zo?"]], ["is_volunteer": [true, false]],
                            ["date_of_birth": ["2001-02-03", nil]],
                        ]
                    ],
                ])
    }

    // MARK: - assignTag, unassignTag

    static func tagOperation(
        _ field: String, _ argument: String, tag: BoxtributeDomain.Tag.ID, beneficiary: Int
    ) -> String {
        """
        mutation { \(field)(\(argument): {id: \(tag), resourceId: \(beneficiary), resourceType: Beneficiary}) \
        { __typename ... on Beneficiary { id tags { id } lastModifiedOn lastModifiedBy { id } } } }
        """
    }

    @Test("assignTag gives a beneficiary a tag for people and stamps it modified, without history")
    func assignTag() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.tagOperation(
                "assignTag", "assignmentInput", tag: Fixtures.TagID.family, beneficiary: IDs.BeneficiaryID.yara))
        #expect(
            answer.data?["assignTag"]
                == [
                    "__typename": "Beneficiary", "id": "300", "tags": [["id": "2"]],
                    "lastModifiedOn": .string(Self.now),
                    "lastModifiedBy": ["id": "2"],
                ])
        let all = await api.run(
            Self.tagOperation(
                "assignTag", "assignmentInput", tag: Fixtures.TagID.urgent, beneficiary: IDs.BeneficiaryID.yara))
        #expect(all.data?["assignTag"]?["tags"] == [["id": "2"], ["id": "3"]])
        #expect(try await api.count("history") == 7)
    }

    @Test("unassignTag ends a beneficiary's assignment and stamps it modified, even when it had none")
    func unassignTag() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.tagOperation(
                "unassignTag", "unassignmentInput", tag: Fixtures.TagID.family,
                beneficiary: Fixtures.BeneficiaryID.aisha))
        #expect(
            answer.data?["unassignTag"]
                == [
                    "__typename": "Beneficiary", "id": "1", "tags": [], "lastModifiedOn": .string(Self.now),
                    "lastModifiedBy": ["id": "2"],
                ])
        #expect(
            try await api.rows("SELECT deleted_on, deleted_by_id FROM tags_relations WHERE id = 100")
                == [[MutationEnvironment.fixtureNow, "2"]])
        let none = await api.run(
            Self.tagOperation(
                "unassignTag", "unassignmentInput", tag: Fixtures.TagID.family, beneficiary: IDs.BeneficiaryID.yara))
        #expect(none.data?["unassignTag"]?["lastModifiedOn"] == .string(Self.now))
    }

    @Test("assignTag and unassignTag on beneficiaries need tag_relation:assign for the tag's base")
    func tagOperationsForbidden() async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let assign = await api.run(
            Self.tagOperation(
                "assignTag", "assignmentInput", tag: Fixtures.TagID.family, beneficiary: IDs.BeneficiaryID.yara),
            as: BeneficiaryMutationSupport.lesvosUser(without: "tag_relation:assign"))
        #expect(assign.errors.first?["extensions"]?["description"] == "You don't have access to 'tag_relation:assign'")
        let unassign = await api.run(
            Self.tagOperation(
                "unassignTag", "unassignmentInput", tag: Fixtures.TagID.thessaloniki,
                beneficiary: Fixtures.BeneficiaryID.nour))
        #expect(unassign.errors.first?["extensions"]?["description"] == "You don't have access to 'base=3'")
        #expect(try await api.count("tags_relations WHERE object_type = 'People' AND deleted_on IS NULL") == 3)
    }

    @Test(
        "assignTag refuses box tags, unknown beneficiaries and beneficiaries of another base",
        arguments: [
            (
                Fixtures.TagID.winter, IDs.BeneficiaryID.yara,
                "The tag with ID 1 and type 'Box' cannot be applied to the resource of type 'Beneficiary'"
            ),
            (Fixtures.TagID.family, Fixtures.unknownID, "The requested resource does not exist in the database."),
            (
                Fixtures.TagID.family, Fixtures.BeneficiaryID.samir,
                "Invalid input: bases of 'tag' and the tagged resource not matching"
            ),
        ])
    func assignTagInvalid(tag: BoxtributeDomain.Tag.ID, beneficiary: Int, description: String) async throws {
        let api = try await APIHarness.makeBeneficiaries()
        let answer = await api.run(
            Self.tagOperation("assignTag", "assignmentInput", tag: tag, beneficiary: beneficiary), as: Fixtures.god)
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.errors.first?["extensions"]?["description"] == .string(description))
        #expect(try await api.count("tags_relations WHERE object_type = 'People'") == 4)
    }
}
