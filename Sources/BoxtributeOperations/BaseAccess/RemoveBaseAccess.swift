import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import Foundation
import Logging

/// `boxtribute remove-base-access` (the reference's `bwiz remove-base-access`): closes a base
/// and removes every user's access to it, in the database and in Auth0.
///
/// Order: the database changes first, in one transaction, then the Auth0 changes. A failed
/// Auth0 call leaves the database closed and is reported; running the command again finds the
/// users and roles Auth0 still has (the database step repeats without changing anything twice)
/// and completes them.
public struct RemoveBaseAccess: Sendable {
    /// Why the command stopped.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unknownBase(Int)
        case notConfirmed
        /// The database is changed, some Auth0 calls failed.
        case auth0Incomplete([String])

        public var description: String {
            switch self {
            case .unknownBase(let id): "Base \(id) does not exist."
            case .notConfirmed: "Operation was not confirmed, cancelling."
            case .auth0Incomplete(let errors):
                "The database changes are committed, but \(errors.count) Auth0 change(s) failed: "
                    + errors.joined(separator: "; ") + ". Run the command again with --force to complete them."
            }
        }
    }

    /// What was found and done.
    public struct Report: Sendable, Equatable {
        public var base: BaseAccessStore.BaseSummary
        public var split: BaseAccessRemoval.UserSplit
        public var roleIds: [String]
        public var preview: BaseAccessStore.Preview
        /// Whether anything was changed (`--force`).
        public var applied: Bool
    }

    public let database: any Database
    public let logger: Logger
    /// The current time of the soft deletions.
    public var now: @Sendable () -> Timestamp = { Timestamp(trustedText: UTCClock.now()) }

    public init(database: any Database, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Runs the command for `baseId`. Without `force` it only logs what would change. With
    /// `force`, `confirm` is asked with the prompt and must answer `YES`. `connect` opens the
    /// Management API (after the confirmation, as the secret may be prompted for).
    public func run(
        baseId: Int, force: Bool, confirm: @Sendable (String) async -> String?,
        connect: @Sendable () async throws -> Auth0ManagementAPI
    ) async throws -> Report {
        guard let base = try await BaseAccessStore.base(baseId, in: database) else {
            throw Failure.unknownBase(baseId)
        }
        logger.info("Selected base: '\(base.baseName)' from organisation '\(base.organisationName)'")
        logger.info("The organisation has \(base.activeBasesInOrganisation) active bases in total")
        if force {
            let extra =
                base.activeBasesInOrganisation == 1
                ? " (the organisation '\(base.organisationName)' will be soft-deleted)" : ""
            let prompt =
                "Type YES to confirm removing access to base '\(base.baseName)' (ID: \(baseId)) for all affected users\(extra): "
            guard await confirm(prompt) == "YES" else { throw Failure.notConfirmed }
        }
        let api = try await connect()
        let users = try await api.users(
            query: BaseAccessRemoval.userQuery(baseId: baseId), fields: ["app_metadata", "user_id", "name", "blocked"])
        let split = BaseAccessRemoval.split(
            users.compactMap { user in
                user.userId.map {
                    BaseAccessRemoval.Auth0User(
                        userId: $0, name: user.name, baseIds: user.appMetadata?.baseIds ?? [],
                        blocked: user.blocked ?? false)
                }
            }, baseId: baseId)
        for user in split.inconsistent {
            logger.warning(
                "Base ID \(baseId) not present in metadata base IDs of \(user.userId): \(user.baseIds.joined(separator: ", "))"
            )
        }
        let roles = try await api.roles(nameFilter: BaseAccessRemoval.rolePrefix(baseId: baseId))
        let roleIds = BaseAccessRemoval.roleIds(of: roles, baseId: baseId)
        logger.info(
            "Extracted \(roleIds.count) from total of \(roles.count) roles matching the base prefix '\(BaseAccessRemoval.rolePrefix(baseId: baseId))'."
        )
        let singleBaseUserIds = split.singleBase.compactMap { user -> Int? in
            if user.databaseId == nil { logger.warning("\(user.userId) is not a database user; only blocked in Auth0") }
            return user.databaseId
        }
        let change = BaseAccessStore.Change(baseId: baseId, roleIds: roleIds, singleBaseUserIds: singleBaseUserIds)
        let preview = try await BaseAccessStore.preview(change, in: database)
        log(preview, split: split, roleIds: roleIds)
        var report = Report(base: base, split: split, roleIds: roleIds, preview: preview, applied: false)
        guard force else {
            logger.warning(
                "The command did not make any effective changes. Use the --force option to update database and Auth0.")
            return report
        }
        try await BaseAccessStore.apply(change, now: now(), in: database)
        report.applied = true
        logger.info("Database updated: base \(baseId) closed.")
        let errors = await updateAuth0(api, split: split, roleIds: roleIds, baseId: baseId)
        guard errors.isEmpty else { throw Failure.auth0Incomplete(errors) }
        return report
    }

    /// The Auth0 changes: multi-base users lose the base id, single-base users are blocked
    /// (those already blocked are left alone), the base's roles are deleted (404: already
    /// gone). Every call is tried; the failures are returned.
    func updateAuth0(
        _ api: Auth0ManagementAPI, split: BaseAccessRemoval.UserSplit, roleIds: [String], baseId: Int
    ) async -> [String] {
        struct Metadata: Encodable { var base_ids: [String] }
        struct MetadataUpdate: Encodable { var app_metadata: Metadata }
        struct Block: Encodable { var blocked = true }
        var errors: [String] = []
        for user in split.multiBase {
            do {
                try await api.updateUser(
                    id: user.userId,
                    MetadataUpdate(app_metadata: .init(base_ids: BaseAccessRemoval.baseIds(of: user, without: baseId))))
            } catch {
                errors.append("updating \(user.userId): \(error)")
            }
        }
        logger.info("Updated \(split.multiBase.count) multi-base users in Auth0.")
        var blocked = 0
        for user in split.singleBase where !user.blocked {
            do {
                try await api.updateUser(id: user.userId, Block())
                blocked += 1
            } catch {
                errors.append("blocking \(user.userId): \(error)")
            }
        }
        logger.info("Blocked \(blocked) users in Auth0.")
        for role in roleIds {
            do {
                try await api.deleteRole(id: role)
            } catch {
                errors.append("deleting role \(role): \(error)")
            }
        }
        logger.info("Removed \(roleIds.count) roles in Auth0.")
        for error in errors { logger.error("\(error)") }
        return errors
    }

    private func log(_ preview: BaseAccessStore.Preview, split: BaseAccessRemoval.UserSplit, roleIds: [String]) {
        if preview.organisationDeleted { logger.info("The governing organisation will be soft-deleted.") }
        logger.info(
            "Nr of single base usergroups: \(preview.singleBaseUsergroupIds.count) \(preview.singleBaseUsergroupIds)")
        logger.info("Nr of rows to be deleted from cms_usergroups_camps: \(preview.usergroupBaseRows)")
        logger.info("Nr of rows to be deleted from cms_functions_camps: \(preview.functionBaseRows)")
        logger.info("Nr of rows to be deleted from cms_usergroups_roles: \(preview.usergroupRoleRows)")
        logger.info("Nr of rows to be deleted from cms_usergroups_functions: \(preview.usergroupFunctionRows)")
        logger.info(
            "Nr of rows to be soft-deleted in cms_users: \(preview.userNames.count) (\(preview.userNames.joined(separator: ", ")))"
        )
        logger.info("Nr of Auth0 roles to be deleted: \(roleIds.count)")
        logger.info("Nr of Auth0 multi-base users to be updated: \(split.multiBase.count)")
        logger.info("Nr of Auth0 single-base users to be blocked: \(split.singleBase.count)")
    }
}
