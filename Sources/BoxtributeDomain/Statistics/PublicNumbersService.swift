/// The public API's numbers over a time span, across all organisations (the reference's
/// `public_api` queries over `metrics/crud.py`). No user is needed. In production the test
/// organisation is left out; rows without an organisation (people who are gone) always count.
public enum PublicNumbersService {
    /// People registered in the span: a `Record created` history row or a creation date in it.
    public static func newlyRegisteredBeneficiaries(
        _ span: TimeSpanRequest, now: Timestamp, settings: StatisticsSettings, in session: any DataSession
    ) async throws -> Int {
        let (start, end) = try span.span(now: now)
        return try await session.repositories.statistics.registeredBeneficiaryCount(
            from: start, to: end, excludingOrganisation: settings.excludedOrganisationId)
    }

    /// Boxes created in the span.
    public static func newlyCreatedBoxes(
        _ span: TimeSpanRequest, now: Timestamp, settings: StatisticsSettings, in session: any DataSession
    ) async throws -> Int {
        let (start, end) = try span.span(now: now)
        return try await session.repositories.statistics.createdBoxCount(
            from: start, to: end, excludingOrganisation: settings.excludedOrganisationId)
    }

    /// People reached in the span: edited, created, checked out (with their family), served
    /// or tagged.
    public static func reachedBeneficiaries(
        _ span: TimeSpanRequest, now: Timestamp, settings: StatisticsSettings, in session: any DataSession
    ) async throws -> Int {
        let (start, end) = try span.span(now: now)
        return try await session.repositories.statistics.reachedBeneficiaryCount(
            from: start, to: end, excludingOrganisation: settings.excludedOrganisationId)
    }
}
