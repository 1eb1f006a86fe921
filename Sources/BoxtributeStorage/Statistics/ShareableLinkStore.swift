import BoxtributeDatabase
import BoxtributeDomain

// PLACEHOLDER: share links' SQL is being written.

/// SQL of share links (`shareable_link`).
enum ShareableLinkStore {
    static func link(code: String, in db: any SQLQuerying) async throws -> ResolvedShareableLink? { nil }

    static func insert(_ link: NewShareableLink, in context: SQLWriteContext) async throws -> Int {
        throw DomainError.internalError("share links are not available yet")
    }
}
