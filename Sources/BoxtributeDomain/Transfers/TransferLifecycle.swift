/// A row of the transfers domain whose state the mutations drive (transfer agreements and
/// shipments): read locked, checked, stamped and saved whole through the transaction's
/// ``TransferWriteRepository``.
protocol TransferLifecycle: Sendable {
    associatedtype State: Hashable & Sendable
    var id: Int { get }
    /// The stored state; `nil` when the stored text is not a known state.
    var state: State? { get set }
    /// The state the rules see at `now`.
    func effectiveState(at now: Timestamp) -> State?
    /// The error for an action that `actual` does not allow.
    static func invalidState(_ actual: State?, expected: [State]) -> DomainError
    /// The row, locked for the rest of the transaction.
    static func forUpdate(_ id: Int, in writes: any TransferWriteRepository) async throws -> Self?
    func save(in writes: any TransferWriteRepository) async throws
}

extension TransferAgreement: TransferLifecycle {
    func effectiveState(at now: Timestamp) -> TransferAgreementState? { state(at: now) }

    static func invalidState(_ actual: TransferAgreementState?, expected: [TransferAgreementState]) -> DomainError {
        .invalidAgreementState(actual, expected: expected)
    }

    static func forUpdate(_ id: Int, in writes: any TransferWriteRepository) async throws -> TransferAgreement? {
        try await writes.transferAgreementForUpdate(id)
    }

    func save(in writes: any TransferWriteRepository) async throws { try await writes.save(self) }
}

extension Shipment: TransferLifecycle {
    func effectiveState(at now: Timestamp) -> ShipmentState? { state }

    static func invalidState(_ actual: ShipmentState?, expected: [ShipmentState]) -> DomainError {
        .invalidShipmentState(actual, expected: expected)
    }

    static func forUpdate(_ id: Int, in writes: any TransferWriteRepository) async throws -> Shipment? {
        try await writes.shipmentForUpdate(id)
    }

    func save(in writes: any TransferWriteRepository) async throws { try await writes.save(self) }
}

extension MutationScope {
    /// The row `id`, locked for the rest of the transaction, after `authorize` passed and its
    /// state was found among `allowed`, in that order (the order decides which error a client
    /// sees). Each mutation reads its row locked first, so two users acting on one row at
    /// once are serialised and the second sees the first one's outcome.
    /// - Throws: ``DomainError/notFound`` for an unknown id; what `authorize` throws; the
    ///   record's invalid state error.
    func lockForChange<Record: TransferLifecycle>(
        _ type: Record.Type, id: Int, authorize: (Record) async throws -> Void, allowed: [Record.State]
    ) async throws -> Record {
        let record = try await Record.forUpdate(id, in: writes.transferWrites).orThrow(DomainError.notFound)
        try await authorize(record)
        let state = record.effectiveState(at: now)
        guard let state, allowed.contains(state) else { throw Record.invalidState(state, expected: allowed) }
        return record
    }

    /// Puts the record into `state`, stamped with this mutation's time (`on`) and user (`by`),
    /// and saves it.
    func stamp<Record: TransferLifecycle>(
        _ record: inout Record, _ state: Record.State, on: WritableKeyPath<Record, Timestamp?>,
        by: WritableKeyPath<Record, Int?>
    ) async throws {
        record.state = state
        record[keyPath: on] = now
        record[keyPath: by] = user.id
        try await record.save(in: writes.transferWrites)
    }

    /// One state transition of a transfer agreement or shipment: the row `id` read locked,
    /// `authorize` passed, its state among `allowed`; then `effects` (what else changes with
    /// it, e.g. its boxes), and the row put into `state` with the mutation's time and user in
    /// `on` and `by`, saved and returned.
    func transition<Record: TransferLifecycle>(
        _ type: Record.Type, id: Int, authorize: (Record) async throws -> Void, allowed: [Record.State],
        to state: Record.State, on: WritableKeyPath<Record, Timestamp?>, by: WritableKeyPath<Record, Int?>,
        effects: (Record) async throws -> Void = { _ in }
    ) async throws -> Record {
        var record = try await lockForChange(type, id: id, authorize: authorize, allowed: allowed)
        try await effects(record)
        try await stamp(&record, state, on: on, by: by)
        return record
    }
}
