/// Reads of organisations, bases and users. Look-ups by id take a batch of ids and return the
/// rows found, keyed by id, so a page of objects costs one statement per related type.
public protocol CoreRepository: Sendable {
    func bases(_ ids: [Base.ID]) async throws -> [Base.ID: Base]
    /// Bases visible in `scope`, id order; deleted ones only when asked.
    func bases(in scope: BaseScope, includeDeleted: Bool) async throws -> [Base]
    /// Bases of the organisations, id order.
    func bases(ofOrganisations organisationIds: [Int], includeDeleted: Bool) async throws -> [Base]
    func organisations(_ ids: [Int]) async throws -> [Int: Organisation]
    /// Organisations not deleted, id order.
    func allOrganisations() async throws -> [Organisation]
    func users(_ ids: [Int]) async throws -> [Int: User]
    /// Every user, id order.
    func allUsers() async throws -> [User]
}
