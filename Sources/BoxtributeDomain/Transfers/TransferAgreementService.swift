// Port of business_logic/box_transfer/agreement/crud.py.
import Foundation

/// The transfer agreement lifecycle (its reads are in `TransferAgreementService+Reads.swift`).
/// Each mutation is one transaction.
public enum TransferAgreementService {
    /// `createTransferAgreement`: checks in the reference's order, then the agreement under
    /// review with one detail per (source base, target base) pair.
    public static func create(
        _ input: TransferAgreementCreation, in scope: MutationScope
    ) async throws
        -> TransferAgreement
    {
        let user = scope.user
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
        var partnerBaseIds: [Base.ID]
        if let explicit = input.partnerOrganisationBaseIds {
            partnerBaseIds = orderedUnique(explicit)
        } else {
            partnerBaseIds = try await scope.data.core.bases(
                ofOrganisations: [input.partnerOrganisationId], includeDeleted: false
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
        try await requireActiveBases(sourceBaseIds, of: sourceOrg, in: scope)
        try await requireActiveBases(targetBaseIds, of: targetOrg, in: scope)

        let writes = scope.writes.transferWrites
        let id = try await writes.insertTransferAgreement(
            NewTransferAgreement(
                sourceOrganisationId: sourceOrg, targetOrganisationId: targetOrg, type: input.type,
                validFrom: validFrom, validUntil: validUntil, comment: input.comment, sourceBaseIds: sourceBaseIds,
                targetBaseIds: targetBaseIds))
        return try await writes.transferAgreementForUpdate(id).orThrow(DomainError.databaseFailure)
    }

    /// `acceptTransferAgreement`: the partner side accepts an agreement under review.
    public static func accept(id: Int, in scope: MutationScope) async throws -> TransferAgreement {
        try await scope.transition(
            TransferAgreement.self, id: id, authorize: { try await authorizePartnerSide(of: $0, in: scope) },
            allowed: [.underReview], to: .accepted, on: \.acceptedOn, by: \.acceptedBy)
    }

    /// `rejectTransferAgreement`: the partner side rejects an agreement under review.
    public static func reject(id: Int, in scope: MutationScope) async throws -> TransferAgreement {
        try await scope.transition(
            TransferAgreement.self, id: id, authorize: { try await authorizePartnerSide(of: $0, in: scope) },
            allowed: [.underReview], to: .rejected, on: \.terminatedOn, by: \.terminatedBy)
    }

    /// `cancelTransferAgreement`: either side ends an agreement under review or accepted.
    /// Shipments under it stay as they are.
    public static func cancel(id: Int, in scope: MutationScope) async throws -> TransferAgreement {
        try await scope.transition(
            TransferAgreement.self, id: id, authorize: { try await authorizeEitherSide(of: $0, in: scope) },
            allowed: [.underReview, .accepted], to: .canceled, on: \.terminatedOn, by: \.terminatedBy)
    }

    // MARK: - Helpers

    /// The source and target base ids of an agreement (deleted bases included), ascending.
    static func sides(
        of agreementId: Int, in scope: some ServiceScope
    ) async throws -> (source: [Base.ID], target: [Base.ID]) {
        let bases = try await scope.data.transfers.agreementBases(ofAgreements: [agreementId])
        return (bases.filter { $0.side == .source }.map(\.base.id), bases.filter { $0.side == .target }.map(\.base.id))
    }

    /// `transfer_agreement:edit` for every base of the side that answers the request.
    private static func authorizePartnerSide(of agreement: TransferAgreement, in scope: MutationScope) async throws {
        let bases = try await sides(of: agreement.id, in: scope)
        let side = TransferRules.acceptingSide(of: agreement.type)
        try authorizeAll(side == .source ? bases.source : bases.target, user: scope.user)
    }

    /// `transfer_agreement:edit` for every base of the source side, or else of the target side.
    private static func authorizeEitherSide(of agreement: TransferAgreement, in scope: MutationScope) async throws {
        let bases = try await sides(of: agreement.id, in: scope)
        do {
            try authorizeAll(bases.source, user: scope.user)
        } catch {
            try authorizeAll(bases.target, user: scope.user)
        }
    }

    /// `transfer_agreement:edit` for every base of a side; an empty side (data the reference
    /// could create) admits nobody but god users.
    private static func authorizeAll(_ baseIds: [Base.ID], user: CurrentUser) throws(Forbidden) {
        if baseIds.isEmpty && !user.isGod { throw Forbidden(.permission("transfer_agreement:edit")) }
        for baseId in baseIds { try user.authorize("transfer_agreement:edit", baseId: baseId) }
    }

    /// Every base must belong to the organisation and not be deleted.
    private static func requireActiveBases(
        _ baseIds: [Base.ID], of organisationId: Int, in scope: MutationScope
    )
        async throws
    {
        let valid = try await scope.data.core.bases(ofOrganisations: [organisationId], includeDeleted: false).map(\.id)
        if let invalid = baseIds.first(where: { !valid.contains($0) }) {
            throw DomainError.invalidAgreementBase(invalid, expected: valid)
        }
    }

    /// The id of an agreement that already covers the requested one, if any.
    ///
    /// A candidate is an agreement between the same organisations, under review or accepted
    /// and not expired, whose bases include every requested base and whose validity window
    /// contains the requested one. Unlike the reference, an unlimited request is not covered
    /// by a limited agreement (the reference's own comment in
    /// `back/boxtribute_server/business_logic/box_transfer/agreement/crud.py` describes it so).
    private static func duplicate(
        of input: TransferAgreementCreation, bases: Set<Base.ID>, validFrom: Timestamp, validUntil: Timestamp?,
        in scope: MutationScope
    ) async throws -> Int? {
        let transfers = scope.writes.transferWrites
        let candidates = try await transfers.transferAgreements(
            between: [input.initiatingOrganisationId, input.partnerOrganisationId], states: [.underReview, .accepted]
        ).filter { candidate in
            candidate.state(at: scope.now) != .expired && (candidate.validFrom.map { $0 <= validFrom } ?? true)
        }
        guard !candidates.isEmpty else { return nil }
        let candidateBases = try await transfers.agreementBases(ofAgreements: candidates.map(\.id))
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
    /// the reference fails. The local dates are compared, so a one-day agreement is valid in
    /// every zone (the reference compares UTC dates).
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
