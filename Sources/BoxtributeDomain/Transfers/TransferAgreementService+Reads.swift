/// Reading transfer agreements.
extension TransferAgreementService {
    /// `transferAgreement(id)`: for users with `transfer_agreement:read` for any base of either
    /// side, deleted ones included. Existence is checked before the permission.
    public static func transferAgreement(id: Int, in scope: ReadScope) async throws -> TransferAgreement {
        let agreement = try await scope.data.transfers.transferAgreements([id])[id].orNotFound()
        let bases = try await bases(ofAgreements: [id], in: scope)
        try scope.user.authorize("transfer_agreement:read", anyOf: bases.map(\.base.id))
        return agreement
    }

    /// `transferAgreements(states)`: the agreements touching a base where the user holds
    /// `transfer_agreement_detail:read`, in the given states as of `now` (none: all).
    public static func transferAgreements(
        states: [TransferAgreementState]?, now: Timestamp, in scope: some ServiceScope
    ) async throws -> [TransferAgreement] {
        let visible = try scope.user.listScope(for: "transfer_agreement_detail:read")
        return try await scope.data.transfers.transferAgreements(in: visible, states: states, now: now)
    }

    /// Agreements by id (`Shipment.transferAgreement`): whoever may see the shipment may see
    /// its agreement, so no permission is checked.
    public static func transferAgreements(
        _ ids: [Int], in scope: some ServiceScope
    ) async throws -> [Int: TransferAgreement] {
        try await scope.data.transfers.transferAgreements(ids)
    }

    /// `sourceBases`/`targetBases`: the bases of one side of each agreement, deleted ones only
    /// when asked. `base:read` for any base of any agreement of the batch, as the reference's
    /// loader checks it once for all of them.
    public static func bases(
        of agreements: [TransferAgreement], side: AgreementSide, includeDeleted: Bool, in scope: ReadScope
    ) async throws -> [PerItem<[Base]>] {
        let all = try await bases(ofAgreements: agreements.map(\.id), in: scope)
        do throws(Forbidden) {
            try scope.user.authorize("base:read", anyOf: all.map(\.base.id))
        } catch {
            return agreements.map { _ in .failure(error) }
        }
        return agreements.map { agreement in
            .success(
                all.filter {
                    $0.agreementId == agreement.id && $0.side == side && (includeDeleted || $0.base.deletedOn == nil)
                }
                .map(\.base))
        }
    }

    /// The bases of these agreements, loaded once per request for the same set (hence a
    /// ``ReadScope``: its session keeps them; `transferAgreement` and the two sides of an
    /// agreement share one statement).
    private static func bases(ofAgreements ids: [Int], in scope: ReadScope) async throws -> [AgreementBase] {
        let unique = Array(Set(ids)).sorted()
        return try await scope.session.memoized("agreementBases:" + unique.map(String.init).joined(separator: ",")) {
            try await scope.data.transfers.agreementBases(ofAgreements: unique)
        }
    }
}
