import BoxtributeDatabase
// Port of business_logic/box_transfer/agreement/crud.py.
import BoxtributeDomain
import Foundation

/// The transfer agreement lifecycle (spec 04 §8). Each mutation is one transaction.
public enum TransferAgreementService {
    /// `createTransferAgreement`: checks in the reference's order, then the agreement under
    /// review with one detail per (source base, target base) pair.
    public static func create(
        _ input: TransferAgreementCreation, in scope: SQLWriteContext
    ) async throws
        -> TransferAgreement
    {
        let user = scope.user
        let db = scope.connection
        for baseId in input.initiatingOrganisationBaseIds {
            try user.authorize("transfer_agreement:create", baseId: baseId)
        }
        try TextLimits.checkLong(input.comment, field: "comment")
        // Beyond the reference: an agreement without initiating bases would have an empty side,
        // which every user would pass the "all bases of the side" checks for.
        guard !input.initiatingOrganisationBaseIds.isEmpty else { throw DomainError.noInitiatingBases }
        guard input.initiatingOrganisationId != input.partnerOrganisationId else {
            throw DomainError.invalidAgreementOrganisation
        }
        let (validFrom, validUntil) = try AgreementValidity.window(
            from: input.validFrom, until: input.validUntil, now: scope.now, timezone: user.timezone)

        let initiatingBaseIds = orderedUnique(input.initiatingOrganisationBaseIds)
        var partnerBaseIds: [Int]
        if let explicit = input.partnerOrganisationBaseIds {
            partnerBaseIds = orderedUnique(explicit)
        } else {
            partnerBaseIds = try await BaseStore.ofOrganisations(
                [input.partnerOrganisationId], includeDeleted: false, in: db
            ).map(\.id)
        }
        guard !partnerBaseIds.isEmpty else { throw DomainError.noActivePartnerBases }

        if let duplicate = try await duplicate(
            of: input, bases: Set(initiatingBaseIds + partnerBaseIds), validFrom: validFrom, validUntil: validUntil,
            in: scope)
        {
            throw DomainError.duplicateAgreement(duplicate)
        }

        let initiatingIsSource = input.type != .receivingFrom
        let (sourceOrg, targetOrg) =
            initiatingIsSource
            ? (input.initiatingOrganisationId, input.partnerOrganisationId)
            : (input.partnerOrganisationId, input.initiatingOrganisationId)
        let (sourceBaseIds, targetBaseIds) =
            initiatingIsSource ? (initiatingBaseIds, partnerBaseIds) : (partnerBaseIds, initiatingBaseIds)
        try await requireActiveBases(sourceBaseIds, of: sourceOrg, in: db)
        try await requireActiveBases(targetBaseIds, of: targetOrg, in: db)

        let id = try await TransferAgreementStore.insert(
            sourceOrganisationId: sourceOrg, targetOrganisationId: targetOrg, type: input.type, validFrom: validFrom,
            validUntil: validUntil, comment: input.comment, sourceBaseIds: sourceBaseIds,
            targetBaseIds: targetBaseIds, in: scope)
        return try await TransferAgreementStore.byIdForUpdate(id, in: scope).orThrow(DomainError.databaseFailure)
    }

    /// `acceptTransferAgreement`: the partner side accepts an agreement under review.
    public static func accept(id: Int, in scope: SQLWriteContext) async throws -> TransferAgreement {
        var agreement = try await TransferAgreementStore.byIdForUpdate(id, in: scope).orThrow(DomainError.notFound)
        try await authorizePartnerSide(of: agreement, in: scope)
        try requireState(agreement, [.underReview], now: scope.now)
        agreement.state = .accepted
        agreement.acceptedOn = scope.now
        agreement.acceptedBy = scope.user.id
        try await TransferAgreementStore.save(agreement, in: scope)
        return agreement
    }

    /// `rejectTransferAgreement`: the partner side rejects an agreement under review.
    public static func reject(id: Int, in scope: SQLWriteContext) async throws -> TransferAgreement {
        var agreement = try await TransferAgreementStore.byIdForUpdate(id, in: scope).orThrow(DomainError.notFound)
        try await authorizePartnerSide(of: agreement, in: scope)
        try requireState(agreement, [.underReview], now: scope.now)
        agreement.state = .rejected
        agreement.terminatedOn = scope.now
        agreement.terminatedBy = scope.user.id
        try await TransferAgreementStore.save(agreement, in: scope)
        return agreement
    }

    /// `cancelTransferAgreement`: either side ends an agreement under review or accepted.
    /// Shipments under it stay as they are.
    public static func cancel(id: Int, in scope: SQLWriteContext) async throws -> TransferAgreement {
        var agreement = try await TransferAgreementStore.byIdForUpdate(id, in: scope).orThrow(DomainError.notFound)
        let bases = try await sides(of: agreement.id, in: scope)
        do {
            try authorizeAll(bases.source, user: scope.user)
        } catch {
            try authorizeAll(bases.target, user: scope.user)
        }
        try requireState(agreement, [.underReview, .accepted], now: scope.now)
        agreement.state = .canceled
        agreement.terminatedOn = scope.now
        agreement.terminatedBy = scope.user.id
        try await TransferAgreementStore.save(agreement, in: scope)
        return agreement
    }

    // MARK: - Helpers

    /// The source and target base ids of an agreement (deleted bases included), ascending.
    static func sides(of agreementId: Int, in scope: SQLWriteContext) async throws -> (source: [Int], target: [Int]) {
        let bases = try await TransferAgreementStore.bases(ofAgreements: [agreementId], in: scope.connection)
        return (bases.filter { $0.side == .source }.map(\.base.id), bases.filter { $0.side == .target }.map(\.base.id))
    }

    /// `transfer_agreement:edit` for every base of the side that answers the request.
    private static func authorizePartnerSide(of agreement: TransferAgreement, in scope: SQLWriteContext) async throws {
        let bases = try await sides(of: agreement.id, in: scope)
        let side = TransferRules.acceptingSide(of: agreement.type)
        try authorizeAll(side == .source ? bases.source : bases.target, user: scope.user)
    }

    /// `transfer_agreement:edit` for every base of a side; an empty side (data the reference
    /// could create) admits nobody but god users.
    private static func authorizeAll(_ baseIds: [Int], user: CurrentUser) throws(Forbidden) {
        if baseIds.isEmpty && !user.isGod { throw Forbidden(.permission("transfer_agreement:edit")) }
        for baseId in baseIds { try user.authorize("transfer_agreement:edit", baseId: baseId) }
    }

    private static func requireState(
        _ agreement: TransferAgreement, _ expected: [TransferAgreementState], now: Timestamp
    ) throws(DomainError) {
        let state = agreement.state(at: now)
        guard let state, expected.contains(state) else { throw .invalidAgreementState(state, expected: expected) }
    }

    /// Every base must belong to the organisation and not be deleted.
    private static func requireActiveBases(
        _ baseIds: [Int], of organisationId: Int, in db: any SQLQuerying
    )
        async throws
    {
        let valid = try await BaseStore.ofOrganisations([organisationId], includeDeleted: false, in: db).map(\.id)
        if let invalid = baseIds.first(where: { !valid.contains($0) }) {
            throw DomainError.invalidAgreementBase(invalid, expected: valid)
        }
    }

    /// The id of an agreement that already covers the requested one (spec 04 §8.3), if any.
    ///
    /// A candidate is an agreement between the same organisations, under review or accepted
    /// and not expired, whose bases include every requested base and whose validity window
    /// contains the requested one. Unlike the reference, an unlimited request is not covered
    /// by a limited agreement (the reference's own comment describes it so; spec 04 §13.2).
    private static func duplicate(
        of input: TransferAgreementCreation, bases: Set<Int>, validFrom: Timestamp, validUntil: Timestamp?,
        in scope: SQLWriteContext
    ) async throws -> Int? {
        let candidates = try await TransferAgreementStore.between(
            [input.initiatingOrganisationId, input.partnerOrganisationId], states: [.underReview, .accepted],
            in: scope
        ).filter { candidate in
            candidate.state(at: scope.now) != .expired && (candidate.validFrom.map { $0 <= validFrom } ?? true)
        }
        guard !candidates.isEmpty else { return nil }
        let candidateBases = try await TransferAgreementStore.bases(
            ofAgreements: candidates.map(\.id), in: scope.connection)
        for candidate in candidates {
            let covered = Set(candidateBases.filter { $0.agreementId == candidate.id }.map(\.base.id))
            guard bases.isSubset(of: covered) else { continue }
            switch (candidate.validUntil, validUntil) {
            case (nil, _): return candidate.id
            case (.some(let existingEnd), .some(let newEnd)) where newEnd <= existingEnd: return candidate.id
            default: continue
            }
        }
        return nil
    }
}

/// Validity dates of a new agreement: local calendar dates of the user's time zone, stored as UTC.
enum AgreementValidity {
    /// The UTC start and end of validity for local dates `from` and `until` (`YYYY-MM-DD`).
    ///
    /// `from` omitted means now; `until` omitted means unlimited. The user's time zone claim
    /// decides what the dates mean; without a claim (or with an unknown zone) UTC does, where
    /// the reference fails (spec 04 §13.3). The local dates are compared, so a one-day
    /// agreement is valid in every zone (the reference compares UTC dates).
    /// - Throws: ``DomainError/invalidAgreementDates`` when `until` is before `from`.
    static func window(
        from: String?, until: String?, now: Timestamp, timezone: String?
    ) throws(DomainError) -> (from: Timestamp, until: Timestamp?) {
        let zone = timezone.flatMap { TimeZone(identifier: $0) } ?? TimeZone(secondsFromGMT: 0) ?? .current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let fromDate = from ?? localDate(of: now, calendar: calendar)
        let start = from.map { utc(localDate: $0, hour: 0, minute: 0, second: 0, calendar: calendar) } ?? now
        guard let until else { return (start, nil) }
        guard fromDate <= until else { throw .invalidAgreementDates }
        return (start, utc(localDate: until, hour: 23, minute: 59, second: 59, calendar: calendar))
    }

    /// The UTC timestamp of a local wall-clock time on `localDate` (`YYYY-MM-DD`).
    private static func utc(localDate: String, hour: Int, minute: Int, second: Int, calendar: Calendar) -> Timestamp {
        let parts = localDate.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        components.year = parts.count == 3 ? parts[0] : 1970
        components.month = parts.count == 3 ? parts[1] : 1
        components.day = parts.count == 3 ? parts[2] : 1
        components.hour = hour
        components.minute = minute
        components.second = second
        let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        return Timestamp(trustedText: CivilCalendar.databaseText(epochSeconds: Int(date.timeIntervalSince1970)))
    }

    /// The local calendar date (`YYYY-MM-DD`) of a UTC timestamp.
    private static func localDate(of timestamp: Timestamp, calendar: Calendar) -> String {
        let text = Array(timestamp.databaseText.utf8)
        func number(_ range: Range<Int>) -> Int {
            range.upperBound <= text.count ? Int(String(decoding: text[range], as: UTF8.self)) ?? 0 : 0
        }
        let days = CivilCalendar.dayNumber(year: number(0..<4), month: number(5..<7), day: number(8..<10))
        let seconds = days * 86_400 + number(11..<13) * 3600 + number(14..<16) * 60 + number(17..<19)
        let local = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(seconds)))
        return CivilCalendar.dateText(year: local.year ?? 1970, month: local.month ?? 1, day: local.day ?? 1)
    }
}
