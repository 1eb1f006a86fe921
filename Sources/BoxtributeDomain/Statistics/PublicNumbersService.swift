// PLACEHOLDER: the public numbers are being written; these bodies answer 0.

/// The public API's numbers over a time span, across all organisations.
public enum PublicNumbersService {
    public static func newlyRegisteredBeneficiaries(
        _ span: TimeSpanRequest, now: Timestamp, settings: StatisticsSettings, in session: any DataSession
    ) async throws -> Int { 0 }

    public static func newlyCreatedBoxes(
        _ span: TimeSpanRequest, now: Timestamp, settings: StatisticsSettings, in session: any DataSession
    ) async throws -> Int { 0 }

    public static func reachedBeneficiaries(
        _ span: TimeSpanRequest, now: Timestamp, settings: StatisticsSettings, in session: any DataSession
    ) async throws -> Int { 0 }
}
