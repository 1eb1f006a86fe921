// PLACEHOLDER: share links are being written; these bodies answer nothing.

/// Share links: creating them, and what their code leads to on the public API.
public enum ShareableLinkService {
    public static func create(_ input: ShareableLinkInput, in scope: MutationScope) async throws -> ShareableLink {
        throw DomainError.internalError("share links are not available yet")
    }

    public static func resolve(code: String, now: Timestamp, in session: any DataSession) async throws -> LinkResolution
    {
        .unknown(code: code)
    }

    /// The cubes of a link's view, in the view's order, without permission checks.
    public static func data(
        of link: ResolvedShareableLink, now: Timestamp, settings: StatisticsSettings, in session: any DataSession
    ) async throws -> [DataCube] { [] }

    /// The bases of links, without a permission check (the reference follows this key so).
    public static func bases(_ ids: [Base.ID], in scope: some ServiceScope) async throws -> [Base.ID: Base] {
        try await scope.data.core.bases(ids)
    }

    /// The creators of links, without a permission check (the reference follows this key so).
    public static func creators(_ ids: [Int], in scope: some ServiceScope) async throws -> [Int: User] {
        try await scope.data.core.users(ids)
    }
}
