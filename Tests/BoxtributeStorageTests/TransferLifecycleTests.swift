import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@testable import BoxtributeDomain

/// The locked read, checks and stamping every transfer-agreement and shipment state change goes
/// through (`TransferLifecycle`), driven through a mutation scope over the fixtures.
@Suite("Transfer lifecycle: lockForChange, stamp, transition")
struct TransferLifecycleTests {
    struct Refused: Error, Equatable {}

    /// Runs `body` in one mutation of `user` over `database`, at the fixture time.
    static func mutate<T: Sendable>(
        _ database: any Database, as user: CurrentUser = Fixtures.god,
        _ body: @Sendable (MutationScope) async throws -> T
    ) async throws -> T {
        let session = SQLDataSource(database: database).openSession()
        return try await MutationScope.run(as: user, in: session, environment: .fixed(), body)
    }

    /// The columns of one row of `table`, as text.
    static func row(_ columns: String, of table: String, id: Int, in database: any Database) async throws -> [String?] {
        try await database.query("SELECT \(columns) FROM \(table) WHERE id = ?", [.integer(id)]).first?.values.map(
            \.stringValue) ?? []
    }

    /// Expects the row saved in `state`, stamped with the fixture time and `user` (`columns`:
    /// the state, time and user columns).
    static func expectSaved(
        _ table: String, id: Int, _ columns: String, state: String, by user: CurrentUser, in database: any Database
    ) async throws {
        #expect(
            try await row(columns, of: table, id: id, in: database)
                == [state, MutationEnvironment.fixtureNow, String(user.id)])
    }

    @Test("an unknown id is notFound, before the permission check runs")
    func unknownIdBeforeAuthorize() async throws {
        let database = try await Fixtures.makeDatabase()
        await #expect(throws: DomainError.notFound) {
            try await Self.mutate(database) { scope in
                try await scope.lockForChange(
                    Shipment.self, id: Fixtures.unknownID, authorize: { _ in throw Refused() }, allowed: [.sent])
            }
        }
        await #expect(throws: DomainError.notFound) {
            try await Self.mutate(database) { scope in
                try await scope.lockForChange(
                    TransferAgreement.self, id: Fixtures.unknownID, authorize: { _ in throw Refused() },
                    allowed: [.accepted])
            }
        }
        await database.close()
    }

    @Test("a failing permission check is thrown before the state check")
    func authorizeBeforeState() async throws {
        let database = try await Fixtures.makeDatabase()
        // The sent shipment is not in `preparing`: only the permission check may answer.
        await #expect(throws: Refused()) {
            try await Self.mutate(database) { scope in
                try await scope.lockForChange(
                    Shipment.self, id: Fixtures.TransferID.sentShipment, authorize: { _ in throw Refused() },
                    allowed: [.preparing])
            }
        }
        await #expect(throws: Refused()) {
            try await Self.mutate(database) { scope in
                try await scope.transition(
                    TransferAgreement.self, id: Fixtures.TransferID.canceledAgreement,
                    authorize: { _ in throw Refused() }, allowed: [.underReview], to: .accepted, on: \.acceptedOn,
                    by: \.acceptedBy)
            }
        }
        await database.close()
    }

    @Test("the authorised record is the one read by id")
    func authorizeSeesTheRecord() async throws {
        let database = try await Fixtures.makeDatabase()
        let shipment = try await Self.mutate(database) { scope in
            try await scope.lockForChange(
                Shipment.self, id: Fixtures.TransferID.sentShipment,
                authorize: { shipment in
                    #expect(shipment.id == Fixtures.TransferID.sentShipment)
                    #expect(shipment.baseIds == [Fixtures.BaseID.lesvos, Fixtures.BaseID.thessaloniki])
                }, allowed: [.sent, .receiving])
        }
        #expect(shipment.state == .sent)
        await database.close()
    }

    @Test("a state outside the allowed ones is the record type's invalid-state error")
    func stateOutsideAllowed() async throws {
        let database = try await Fixtures.makeDatabase()
        await #expect(throws: DomainError.invalidShipmentState(.sent, expected: [.preparing, .receiving])) {
            try await Self.mutate(database) { scope in
                try await scope.lockForChange(
                    Shipment.self, id: Fixtures.TransferID.sentShipment, authorize: { _ in },
                    allowed: [.preparing, .receiving])
            }
        }
        await #expect(throws: DomainError.invalidAgreementState(.canceled, expected: [.underReview])) {
            try await Self.mutate(database) { scope in
                try await scope.lockForChange(
                    TransferAgreement.self, id: Fixtures.TransferID.canceledAgreement, authorize: { _ in },
                    allowed: [.underReview])
            }
        }
        // An agreement under review whose validity ended before the mutation's time is expired.
        await #expect(throws: DomainError.invalidAgreementState(.expired, expected: [.underReview])) {
            try await Self.mutate(database) { scope in
                try await scope.lockForChange(
                    TransferAgreement.self, id: Fixtures.TransferID.agreementUnderReview, authorize: { _ in },
                    allowed: [.underReview])
            }
        }
        #expect(
            try await Self.row("state", of: "shipment", id: Fixtures.TransferID.sentShipment, in: database) == ["Sent"])
        await database.close()
    }

    @Test("transition runs the effects, stamps the new state with the mutation's time and user, and saves it")
    func transitionStampsAndSaves() async throws {
        let database = try await Fixtures.makeDatabase()
        let user = Fixtures.thessalonikiCoordinator
        let (shipment, now) = try await Self.mutate(database, as: user) { scope in
            let shipment = try await scope.transition(
                Shipment.self, id: Fixtures.TransferID.sentShipment, authorize: { _ in }, allowed: [.sent],
                to: .receiving, on: \.receivingStartedOn, by: \.receivingStartedBy,
                effects: { shipment in
                    // The effects see the record as read, before the stamp.
                    #expect(shipment.state == .sent)
                    #expect(shipment.receivingStartedBy == nil)
                })
            return (shipment, scope.now)
        }
        #expect(shipment.state == .receiving)
        #expect(shipment.receivingStartedOn == now)
        #expect(shipment.receivingStartedBy == user.id)
        try await Self.expectSaved(
            "shipment", id: Fixtures.TransferID.sentShipment, "state, receiving_started_on, receiving_started_by_id",
            state: "Receiving", by: user, in: database)
        await database.close()
    }

    @Test("stamp sets the state, time and user of a transfer agreement and saves it")
    func stampAgreement() async throws {
        let database = try await Fixtures.makeDatabase()
        let user = Fixtures.lesvosCoordinator
        try await Self.mutate(database, as: user) { scope in
            var agreement = try await scope.lockForChange(
                TransferAgreement.self, id: Fixtures.TransferID.acceptedAgreement, authorize: { _ in },
                allowed: [.accepted])
            try await scope.stamp(&agreement, .canceled, on: \.terminatedOn, by: \.terminatedBy)
            #expect(agreement.state == .canceled)
            #expect(agreement.terminatedOn == scope.now)
            #expect(agreement.terminatedBy == user.id)
        }
        try await Self.expectSaved(
            "transfer_agreement", id: Fixtures.TransferID.acceptedAgreement, "state, terminated_on, terminated_by",
            state: "Canceled", by: user, in: database)
        await database.close()
    }
}
