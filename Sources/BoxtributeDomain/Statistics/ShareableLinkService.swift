/// Share links: creating them, and what their code leads to on the public API.
public enum ShareableLinkService {
    /// How long a link stays valid when the input gives no date (the reference's
    /// `shareable_link/crud.py`).
    static let defaultValidityDays = 7
    /// The size of `shareable_link.url_parameters`.
    static let maxURLParametersCharacters = 2000
    /// The size of `shareable_link.code`: a longer code cannot be stored, so it is unknown.
    static let maxCodeLength = 255

    /// Creates a link to a base's statistics for `shareable_link:create` holders of the base.
    /// Without a date it is valid for a week; a date in the past is ``UserError/invalidDate(_:)``.
    /// A god user's unknown base is ``DomainError/notFound``, as the reference's foreign key
    /// makes it (looked up first: an id outside the column's range fails otherwise on MySQL).
    public static func create(_ input: ShareableLinkInput, in scope: MutationScope) async throws -> ShareableLink {
        try scope.user.authorize("shareable_link:create", baseId: input.baseId)
        try TextLimits.check(
            input.urlParameters, field: "urlParameters", maxCharacters: maxURLParametersCharacters)
        // Stored as `YYYY-MM-DD HH:MM:SS`, a date alone as its midnight.
        let validUntil = (input.validUntil ?? scope.now.adding(days: defaultValidityDays)).adding(seconds: 0)
        if validUntil < scope.now { throw UserError.invalidDate(validUntil) }
        _ = try await scope.data.core.bases([input.baseId])[input.baseId].orNotFound()
        let new = NewShareableLink(
            code: scope.environment.newLinkCode(), baseId: input.baseId, view: input.view, validUntil: validUntil,
            urlParameters: input.urlParameters, createdOn: scope.now, createdBy: scope.user.id)
        let id = try await scope.writes.shareableLinkWrites.insertShareableLink(new)
        return ShareableLink(
            id: id, code: new.code, baseId: new.baseId, urlParameters: new.urlParameters, view: new.view,
            validUntil: new.validUntil, createdOn: new.createdOn, createdBy: new.createdBy)
    }

    /// The link of `code`, compared in lower case (codes are lower-case hex; MySQL's `=`
    /// ignores case and SQLite's does not, so both engines answer alike). A link without an
    /// expiry date never expires. No user is needed.
    public static func resolve(code: String, now: Timestamp, in session: any DataSession) async throws -> LinkResolution
    {
        guard code.utf8.count <= maxCodeLength,
            let resolved = try await session.repositories.statistics.shareableLink(code: code.lowercased())
        else { return .unknown(code: code) }
        if let validUntil = resolved.link.validUntil, validUntil < now { return .expired(validUntil: validUntil) }
        return .resolved(resolved)
    }

    /// The cubes of a link's view, in the view's order, without permission checks: the
    /// dashboard's four cubes, or the stock overview filtered by the link's `tags` and
    /// `notags` parameters. A link whose base is gone has none: ``DomainError/notFound``.
    public static func data(
        of link: ResolvedShareableLink, now: Timestamp, settings: StatisticsSettings, in session: any DataSession
    ) async throws -> [DataCube] {
        guard let baseId = link.link.baseId else { throw DomainError.notFound }
        let data = session.repositories
        switch link.link.view {
        case .statvizDashboard:
            // The dashboard's stock overview ignores the link's parameters (`statistics/crud.py`).
            return [
                .beneficiaryDemographics(
                    try await BeneficiaryStatisticsService.demographicsCube(ofBase: baseId, now: now, data: data)),
                .createdBoxes(try await StockStatisticsService.createdBoxesCube(ofBase: baseId, data: data)),
                .movedBoxes(
                    try await StockStatisticsService.movedBoxesCube(ofBase: baseId, settings: settings, data: data)),
                .stockOverview(
                    try await StockStatisticsService.stockOverviewCube(
                        ofBase: baseId, filter: StockTagFilter(), data: data)),
            ]
        case .stockOverview:
            let filter = StockTagFilter(urlParameters: link.link.urlParameters)
            return [
                .stockOverview(
                    try await StockStatisticsService.stockOverviewCube(ofBase: baseId, filter: filter, data: data))
            ]
        }
    }

    /// The bases of links, without a permission check (the reference follows this key so).
    public static func bases(_ ids: [Base.ID], in scope: some ServiceScope) async throws -> [Base.ID: Base] {
        try await scope.data.core.bases(ids)
    }

    /// The creators of links, without a permission check (the reference follows this key so).
    public static func creators(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: User] {
        try await scope.data.core.users(ids)
    }
}
