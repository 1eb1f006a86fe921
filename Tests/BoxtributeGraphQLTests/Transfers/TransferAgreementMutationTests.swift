import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import Testing

@Suite("createTransferAgreement, acceptTransferAgreement, rejectTransferAgreement, cancelTransferAgreement")
struct TransferAgreementMutationTests {
    static let fields = """
        id state type comment requestedOn requestedBy { id } acceptedOn acceptedBy { id } terminatedOn
        terminatedBy { id } validFrom validUntil sourceOrganisation { id } targetOrganisation { id }
        sourceBases { id } targetBases { id }
        """

    static func create(_ input: String) -> String {
        "mutation { createTransferAgreement(creationInput: \(input)) { \(fields) } }"
    }

    static func change(_ mutation: String, _ id: Int) -> String {
        "mutation { \(mutation)(id: \"\(id)\") { \(fields) } }"
    }

    /// The creation input of a `type` agreement that organisation `initiating` (with its
    /// `bases`) proposes to `partner`; `more` adds further fields.
    static func input(
        _ type: String, from initiating: Int = Fixtures.Org.aidA, to partner: Int = Fixtures.Org.aidB, bases: [Base.ID],
        _ more: String = ""
    ) -> String {
        let baseList = bases.map { "\($0)" }.joined(separator: ", ")
        return "{initiatingOrganisationId: \(initiating), partnerOrganisationId: \(partner), type: \(type), "
            + "initiatingOrganisationBaseIds: [\(baseList)]\(more.isEmpty ? "" : ", " + more)}"
    }

    /// `createTransferAgreement` by Thessaloniki's coordinator: organisation 2 (its `bases`)
    /// receives from organisation 1's `partnerBases`.
    static func thessalonikiAsksToReceive(
        _ api: APIHarness, bases: [Base.ID], from partnerBases: [Base.ID]
    ) async -> APIHarness.Answer {
        let partnerList = partnerBases.map { "\($0)" }.joined(separator: ", ")
        return await api.run(
            create(
                input(
                    "ReceivingFrom", from: Fixtures.Org.aidB, to: Fixtures.Org.aidA, bases: bases,
                    "partnerOrganisationBaseIds: [\(partnerList)]")), as: Transfer.thessaloniki)
    }

    /// Samos (organisation 1) sends to every active base of organisation 2.
    static let samosSendsToAidB =
        Self.input("SendingTo", bases: [Fixtures.BaseID.samos], "comment: \"Spring\"")

    // MARK: - Creation

    @Test("createTransferAgreement creates an agreement under review with a detail per base pair")
    func create() async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(
            Self.create(Self.samosSendsToAidB), as: Transfer.aidACoordinator)
        #expect(answer.errors.isEmpty)
        #expect(
            answer.data?["createTransferAgreement"]
                == [
                    "id": "4", "state": "UnderReview", "type": "SendingTo", "comment": "Spring",
                    "requestedOn": "2025-06-01T12:00:00+00:00", "requestedBy": ["id": "2"], "acceptedOn": nil,
                    "acceptedBy": nil, "terminatedOn": nil, "terminatedBy": nil,
                    "validFrom": "2025-06-01T12:00:00+00:00", "validUntil": nil, "sourceOrganisation": ["id": "1"],
                    "targetOrganisation": ["id": "2"], "sourceBases": [["id": "2"]], "targetBases": [["id": "3"]],
                ])
        #expect(
            try await api.rows(
                "SELECT source_base_id, target_base_id FROM transfer_agreement_detail WHERE transfer_agreement_id = 4")
                == [["2", "3"]])
        // The partner sees it in its list.
        let listed = await api.run("{ transferAgreements(states: [UnderReview]) { id } }", as: Transfer.thessaloniki)
        #expect(listed.data == ["transferAgreements": [["id": "4"]]])
    }

    @Test("ReceivingFrom makes the partner the source side; every pair of bases gets a detail")
    func createReceivingFrom() async throws {
        let api = try await APIHarness.make()
        let answer = await Self.thessalonikiAsksToReceive(
            api, bases: [Fixtures.BaseID.thessaloniki, Fixtures.BaseID.thessaloniki],
            from: [Fixtures.BaseID.samos, Fixtures.BaseID.lesvos])
        #expect(answer.errors.isEmpty)
        let agreement = answer.data?["createTransferAgreement"]
        #expect(agreement?["sourceOrganisation"] == ["id": "1"])
        #expect(agreement?["targetOrganisation"] == ["id": "2"])
        #expect(agreement?["sourceBases"] == [["id": "1"], ["id": "2"]])
        #expect(agreement?["targetBases"] == [["id": "3"]])
        #expect(try await api.count("transfer_agreement_detail WHERE transfer_agreement_id = 4") == 2)
    }

    @Test("an identical agreement is refused with its id")
    func duplicate() async throws {
        let api = try await APIHarness.make()
        // Agreement 1 (accepted, unlimited) already covers Lesvos ↔ Thessaloniki.
        let answer = await api.run(
            Self.create(
                Self.input("SendingTo", bases: [Fixtures.BaseID.lesvos])
            ))
        #expect(answer.data == ["createTransferAgreement": nil])
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.firstDescription == "An identical agreement already exists: ID 1")
        // Once canceled, it no longer counts.
        _ = await api.run(Self.change("cancelTransferAgreement", Fixtures.TransferID.acceptedAgreement))
        let again = await api.run(
            Self.create(
                Self.input("SendingTo", bases: [Fixtures.BaseID.lesvos])
            ))
        #expect(again.errors.isEmpty)
        #expect(again.data?["createTransferAgreement"]?["id"] == "4")
    }

    @Test("Reference quirk fixed: an unlimited agreement is not a duplicate of a limited one")
    func duplicateValidity() async throws {
        let api = try await APIHarness.make()
        try await api.execute(
            "UPDATE transfer_agreement SET valid_until = '2026-12-31 23:59:59' WHERE id = \(Fixtures.TransferID.acceptedAgreement)"
        )
        let within = await api.run(
            Self.create(Self.input("Bidirectional", bases: [Fixtures.BaseID.lesvos], "validUntil: \"2026-06-30\"")))
        #expect(within.firstDescription == "An identical agreement already exists: ID 1")
        let unlimited = await api.run(Self.create(Self.input("Bidirectional", bases: [Fixtures.BaseID.lesvos])))
        #expect(unlimited.errors.isEmpty)
        #expect(unlimited.data?["createTransferAgreement"]?["validUntil"] == .null)
    }

    @Test(
        "createTransferAgreement rejects invalid input with the reference's message",
        arguments: [
            (
                Self.input("SendingTo", to: Fixtures.Org.aidA, bases: [Fixtures.BaseID.samos]),
                "The user's organisation is not permitted to execute the requested action."
            ),
            (
                Self.input(
                    "SendingTo", bases: [Fixtures.BaseID.samos], "validFrom: \"2025-07-02\", validUntil: \"2025-07-01\""
                ),
                "'Valid until' date must be later than 'valid from' date."
            ),
            (
                Self.input("SendingTo", bases: [Fixtures.BaseID.samos], "validUntil: \"2025-05-31\""),
                "'Valid until' date must be later than 'valid from' date."
            ),
            (
                Self.input("SendingTo", to: Fixtures.unknownID, bases: [Fixtures.BaseID.samos]),
                "None of the requested partner bases is active."
            ),
            (
                Self.input("SendingTo", bases: [Fixtures.BaseID.samos], "partnerOrganisationBaseIds: []"),
                "None of the requested partner bases is active."
            ),
            (
                Self.input(
                    "SendingTo", bases: [Fixtures.BaseID.samos],
                    "partnerOrganisationBaseIds: [\(Fixtures.BaseID.samos)]"),
                "The specified base (ID: 2) is not part of the current transfer agreement (included base IDs: 3)."
            ),
            (
                Self.input(
                    "ReceivingFrom", from: Fixtures.Org.aidB, to: Fixtures.Org.aidA, bases: [Fixtures.BaseID.lesvos]),
                "The specified base (ID: 1) is not part of the current transfer agreement (included base IDs: 3)."
            ),
            (
                Self.input("SendingTo", bases: [Fixtures.BaseID.closed]),
                "The specified base (ID: 4) is not part of the current transfer agreement (included base IDs: 1, 2)."
            ),
            (
                Self.input("ReceivingFrom", bases: []),
                "Invalid input: 'initiatingOrganisationBaseIds' must not be empty"
            ),
        ])
    func createInvalid(input: String, description: String) async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(Self.create(input), as: Fixtures.god)
        #expect(answer.data == ["createTransferAgreement": nil])
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.firstDescription == description)
        #expect(try await api.count("transfer_agreement") == 3)
        #expect(try await api.count("transfer_agreement_detail") == 4)
    }

    @Test("createTransferAgreement needs transfer_agreement:create for every initiating base")
    func createPermission() async throws {
        let api = try await APIHarness.make()
        let input =
            Self.input("SendingTo", bases: [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos])
        let lesvosOnly = await api.run(Self.create(input), as: Transfer.lesvos)
        #expect(lesvosOnly.firstCode == "FORBIDDEN")
        #expect(lesvosOnly.firstDescription == "You don't have access to 'base=2'")
        let reader = await api.run(Self.create(input), as: Fixtures.lesvosReader)
        #expect(reader.firstDescription == "You don't have access to 'transfer_agreement:create'")
        // A member of the partner organisation cannot speak for the initiating one.
        let partner = await api.run(Self.create(input), as: Transfer.thessaloniki)
        #expect(partner.firstCode == "FORBIDDEN")
        #expect(try await api.count("transfer_agreement") == 3)
    }

    @Test("transfer mutations need beta level 2")
    func betaLevel() async throws {
        let api = try await APIHarness.make()
        let user = CurrentUser(
            id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA, maxBetaLevel: 1,
            permissions: CurrentUser.permissionMap(
                PermissionCatalogue.all, baseIds: [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos]))
        let answer = await api.run(Self.create(Self.samosSendsToAidB), as: user)
        #expect(answer.kind == .refused)
        #expect(answer.errors.first?["message"] == "Insufficient beta-level")
    }

    // MARK: - Dates and time zones

    @Test("validity dates are local days of the user's time zone, stored in UTC")
    func timeZone() async throws {
        let api = try await APIHarness.make()
        let athens = CurrentUser(
            id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA, maxBetaLevel: 99,
            timezone: "Europe/Athens",
            permissions: CurrentUser.permissionMap(
                PermissionCatalogue.all, baseIds: [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos]))
        let answer = await api.run(
            Self.create(
                Self.input(
                    "SendingTo", bases: [Fixtures.BaseID.samos], "validFrom: \"2025-07-01\", validUntil: \"2025-07-31\""
                )
            ), as: athens)
        #expect(answer.errors.isEmpty)
        #expect(answer.data?["createTransferAgreement"]?["validFrom"] == "2025-06-30T21:00:00+00:00")
        #expect(answer.data?["createTransferAgreement"]?["validUntil"] == "2025-07-31T20:59:59+00:00")
    }

    @Test("Reference quirk fixed: a missing time zone claim means UTC instead of failing")
    func missingTimeZone() async throws {
        let api = try await APIHarness.make()
        #expect(Transfer.aidACoordinator.timezone == nil)
        let answer = await api.run(
            Self.create(
                Self.input(
                    "SendingTo", bases: [Fixtures.BaseID.samos], "validFrom: \"2025-07-01\", validUntil: \"2025-07-31\""
                )
            ), as: Transfer.aidACoordinator)
        #expect(answer.errors.isEmpty)
        #expect(answer.data?["createTransferAgreement"]?["validFrom"] == "2025-07-01T00:00:00+00:00")
        #expect(answer.data?["createTransferAgreement"]?["validUntil"] == "2025-07-31T23:59:59+00:00")
    }

    @Test("Reference quirk fixed: local dates are compared, so a one-day agreement is valid in every time zone")
    func oneDayAgreement() async throws {
        for zone in ["UTC", "Europe/London", "America/New_York", "Asia/Tokyo"] {
            let api = try await APIHarness.make()
            let user = CurrentUser(
                id: Fixtures.UserID.lesvosCoordinator, organisationId: Fixtures.Org.aidA, maxBetaLevel: 99,
                timezone: zone,
                permissions: CurrentUser.permissionMap(
                    PermissionCatalogue.all, baseIds: [Fixtures.BaseID.lesvos, Fixtures.BaseID.samos]))
            let answer = await api.run(
                Self.create(
                    Self.input(
                        "SendingTo", bases: [Fixtures.BaseID.samos],
                        "validFrom: \"2025-07-01\", validUntil: \"2025-07-01\"")
                ), as: user)
            #expect(answer.errors.isEmpty, "\(zone)")
        }
    }

    // MARK: - Expiry

    @Test("Reference quirk fixed: agreements whose validity has ended read as Expired and are filtered so")
    func expired() async throws {
        let api = try await APIHarness.make()
        // Agreement 2 (under review) ended on 2024-12-31; the clock says 2025-06-01.
        let agreement = await api.run(
            #"{ transferAgreement(id: "\#(Fixtures.TransferID.agreementUnderReview)") { state } }"#)
        #expect(agreement.data == ["transferAgreement": ["state": "Expired"]])
        func ids(_ states: String) async -> JSONValue? {
            await api.run("{ transferAgreements(states: \(states)) { id state } }", as: Fixtures.god)
                .data?["transferAgreements"]
        }
        #expect(await ids("[Expired]") == [["id": "2", "state": "Expired"]])
        #expect(await ids("[UnderReview]") == [])
        #expect(
            await ids("[Accepted, Expired]") == [["id": "1", "state": "Accepted"], ["id": "2", "state": "Expired"]])
        // Nothing is written: the stored state stays.
        #expect(
            try await api.scalar(
                "SELECT state FROM transfer_agreement WHERE id = \(Fixtures.TransferID.agreementUnderReview)")
                == "UnderReview")
        // An expired agreement can be neither accepted nor canceled.
        let accept = await api.run(
            Self.change("acceptTransferAgreement", Fixtures.TransferID.agreementUnderReview), as: Fixtures.god)
        #expect(
            accept.firstDescription
                == "The state of the transfer agreement (Expired) does not allow the requested action. Expecting state: UnderReview"
        )
    }

    @Test("an accepted agreement whose validity has ended allows no new shipments")
    func expiredAgreementRefusesShipments() async throws {
        let api = try await APIHarness.make()
        try await api.execute(
            "UPDATE transfer_agreement SET valid_until = '2025-06-01 11:59:59' WHERE id = \(Fixtures.TransferID.acceptedAgreement)"
        )
        let (id, answer) = await Transfer.createLesvosToThessaloniki(api, as: Transfer.lesvos)
        #expect(id == nil)
        #expect(
            answer.firstDescription
                == "The state of the transfer agreement (Expired) does not allow the requested action. Expecting state: Accepted"
        )
        #expect(try await api.count("shipment") == 3)
    }

    // MARK: - Accept, reject, cancel

    @Test("the partner side accepts or rejects; the initiating side cannot")
    func acceptAndReject() async throws {
        let api = try await APIHarness.make()
        _ = await api.run(
            Self.create(Self.samosSendsToAidB), as: Transfer.aidACoordinator)
        let own = await api.run(Self.change("acceptTransferAgreement", 4), as: Transfer.aidACoordinator)
        #expect(own.firstCode == "FORBIDDEN")
        #expect(own.firstDescription == "You don't have access to 'base=3'")
        let ownReject = await api.run(Self.change("rejectTransferAgreement", 4), as: Transfer.aidACoordinator)
        #expect(ownReject.firstCode == "FORBIDDEN")
        let accepted = await api.run(Self.change("acceptTransferAgreement", 4), as: Transfer.thessaloniki)
        #expect(accepted.errors.isEmpty)
        #expect(accepted.data?["acceptTransferAgreement"]?["state"] == "Accepted")
        #expect(accepted.data?["acceptTransferAgreement"]?["acceptedBy"] == ["id": "4"])
        #expect(accepted.data?["acceptTransferAgreement"]?["acceptedOn"] == "2025-06-01T12:00:00+00:00")
        let twice = await api.run(Self.change("acceptTransferAgreement", 4), as: Transfer.thessaloniki)
        #expect(
            twice.firstDescription
                == "The state of the transfer agreement (Accepted) does not allow the requested action. Expecting state: UnderReview"
        )
        let lateReject = await api.run(Self.change("rejectTransferAgreement", 4), as: Transfer.thessaloniki)
        #expect(lateReject.firstCode == "BAD_USER_INPUT")

        // A second proposal, rejected.
        _ = await api.run(Self.change("cancelTransferAgreement", 4), as: Transfer.thessaloniki)
        _ = await api.run(
            Self.create(Self.samosSendsToAidB), as: Transfer.aidACoordinator)
        let rejected = await api.run(Self.change("rejectTransferAgreement", 5), as: Transfer.thessaloniki)
        #expect(rejected.data?["rejectTransferAgreement"]?["state"] == "Rejected")
        #expect(rejected.data?["rejectTransferAgreement"]?["terminatedBy"] == ["id": "4"])
        let cancelRejected = await api.run(Self.change("cancelTransferAgreement", 5), as: Transfer.aidACoordinator)
        #expect(
            cancelRejected.firstDescription
                == "The state of the transfer agreement (Rejected) does not allow the requested action. Expecting state: UnderReview or Accepted"
        )
    }

    @Test("a ReceivingFrom agreement is accepted by its source side, not by the initiating target side")
    func acceptReceivingFrom() async throws {
        let api = try await APIHarness.make()
        let created = await Self.thessalonikiAsksToReceive(
            api, bases: [Fixtures.BaseID.thessaloniki], from: [Fixtures.BaseID.samos])
        #expect(created.errors.isEmpty)
        let initiator = await api.run(Self.change("acceptTransferAgreement", 4), as: Transfer.thessaloniki)
        #expect(initiator.firstCode == "FORBIDDEN")
        #expect(initiator.firstDescription == "You don't have access to 'base=2'")
        let source = await api.run(Self.change("acceptTransferAgreement", 4), as: Transfer.samosCoordinator)
        #expect(source.data?["acceptTransferAgreement"]?["state"] == "Accepted")
    }

    @Test("either side cancels; a third base cannot; existing shipments stay")
    func cancel() async throws {
        let api = try await APIHarness.make()
        let outsider = await api.run(
            Self.change("cancelTransferAgreement", Fixtures.TransferID.acceptedAgreement), as: Transfer.samosCoordinator
        )
        #expect(outsider.firstCode == "FORBIDDEN")
        #expect(outsider.firstDescription == "You don't have access to 'base=3'")
        let reader = await api.run(
            Self.change("cancelTransferAgreement", Fixtures.TransferID.acceptedAgreement), as: Fixtures.lesvosReader)
        #expect(reader.firstDescription == "You don't have access to 'transfer_agreement:edit'")
        let target = await api.run(
            Self.change("cancelTransferAgreement", Fixtures.TransferID.acceptedAgreement), as: Transfer.thessaloniki)
        #expect(target.errors.isEmpty)
        #expect(target.data?["cancelTransferAgreement"]?["state"] == "Canceled")
        #expect(target.data?["cancelTransferAgreement"]?["terminatedBy"] == ["id": "4"])
        #expect(target.data?["cancelTransferAgreement"]?["terminatedOn"] == "2025-06-01T12:00:00+00:00")
        #expect(
            try await api.scalar("SELECT state FROM shipment WHERE id = \(Fixtures.TransferID.sentShipment)") == "Sent")
        // Canceled agreements carry no new shipments.
        let (id, answer) = await Transfer.createLesvosToThessaloniki(api, as: Transfer.lesvos)
        #expect(id == nil)
        #expect(
            answer.firstDescription
                == "The state of the transfer agreement (Canceled) does not allow the requested action. Expecting state: Accepted"
        )
        // The source side may cancel too (a fresh agreement under review).
        _ = await api.run(
            Self.create(Self.samosSendsToAidB), as: Transfer.aidACoordinator)
        let source = await api.run(Self.change("cancelTransferAgreement", 4), as: Transfer.samosCoordinator)
        #expect(source.data?["cancelTransferAgreement"]?["state"] == "Canceled")
    }

    @Test("an agreement without bases (only legacy data can have one) admits no one but god users")
    func emptySides() async throws {
        let api = try await APIHarness.make()
        try await api.execute(
            """
            INSERT INTO transfer_agreement (id, source_organisation_id, target_organisation_id, state, type, \
            requested_on, requested_by, valid_from) VALUES (9, 1, 2, 'UnderReview', 'SendingTo', \
            '2025-01-01 00:00:00', 2, '2025-01-01 00:00:00')
            """)
        for (mutation, user) in [
            ("acceptTransferAgreement", Transfer.thessaloniki), ("rejectTransferAgreement", Transfer.samosCoordinator),
            ("cancelTransferAgreement", Transfer.lesvos),
        ] {
            let answer = await api.run(Self.change(mutation, 9), as: user)
            #expect(answer.firstCode == "FORBIDDEN", "\(mutation)")
        }
        let god = await api.run(Self.change("cancelTransferAgreement", 9), as: Fixtures.god)
        #expect(god.data?["cancelTransferAgreement"]?["state"] == "Canceled")
    }

    @Test("unknown agreement ids are BAD_USER_INPUT", arguments: ["accept", "reject", "cancel"])
    func missing(action: String) async throws {
        let api = try await APIHarness.make()
        let answer = await api.run(Self.change("\(action)TransferAgreement", 42), as: Fixtures.god)
        #expect(answer.data == ["\(action)TransferAgreement": nil])
        #expect(answer.firstCode == "BAD_USER_INPUT")
        #expect(answer.firstDescription == "The requested resource does not exist in the database.")
    }
}
