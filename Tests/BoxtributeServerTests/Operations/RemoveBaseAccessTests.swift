import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeOperations
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import Synchronization
import Testing

/// `remove-base-access` against a fake Auth0 tenant on loopback, over ``Fixtures/BaseAccess``.
@Suite struct RemoveBaseAccessTests {
    static let firstRun = Timestamp(trustedText: "2025-06-01 12:00:00")

    /// The tenant of the fixtures: the Lesvos coordinator (user 2) has base 1 only, the head of
    /// organisation A (user 5) bases 1 and 2, the Samos volunteer base 2 only. Roles by name;
    /// the name filter matches as Auth0's does (`_` matches any character), so `base_1_` also
    /// returns `base_10_coordinator`. Deleting `rol_b1_wh` answers 404.
    static func tenant() -> FakeAuth0 {
        FakeAuth0(
            users: [
                .init(id: "auth0|2", name: "Coordinator Lesvos", baseIds: ["1"]),
                .init(id: "auth0|5", name: "Head Org A", baseIds: ["1", "2"]),
                .init(id: "auth0|3", name: "Volunteer Samos", baseIds: ["2"]),
            ],
            roles: [
                ("rol_b1_coord", "base_1_coordinator"), ("rol_b1_wh", "base_1_warehouse_volunteer"),
                ("rol_b10_coord", "base_10_coordinator"), ("rol_b2_wh", "base_2_warehouse_volunteer"),
                ("rol_admin", "administrator"),
            ],
            missingRoles: ["rol_b1_wh"])
    }

    /// Runs the command against `tenant`; returns the report or the failure, and the calls.
    static func run(
        _ database: any Database, baseId: Int = 1, force: Bool, answer: String? = "YES", tenant: FakeAuth0,
        server: FakeHTTPServer, baseURL: String, now: Timestamp = firstRun
    ) async -> (Result<RemoveBaseAccess.Report, any Error>, prompts: [String]) {
        let prompts = Mutex<[String]>([])
        var command = RemoveBaseAccess(database: database, logger: .quiet())
        command.now = { now }
        let credentials = Auth0ManagementAPI.Credentials(domain: baseURL, clientId: "cli", clientSecret: "s3cret")
        do {
            let report = try await command.run(
                baseId: baseId, force: force,
                confirm: { prompt in
                    prompts.withLock { $0.append(prompt) }
                    return answer
                },
                connect: {
                    try await Auth0ManagementAPI.connect(credentials, http: OutgoingHTTP(timeout: .seconds(60)))
                })
            return (.success(report), prompts.withLock { $0 })
        } catch {
            return (.failure(error), prompts.withLock { $0 })
        }
    }

    /// Every table the command may change, as text, for "nothing changed" checks.
    static func snapshot(_ db: any Database) async throws -> [[String]] {
        var rows: [[String]] = []
        for sql in [
            "SELECT id, deleted FROM camps ORDER BY id", "SELECT id, deleted FROM organisations ORDER BY id",
            "SELECT camp_id, cms_usergroups_id FROM cms_usergroups_camps ORDER BY camp_id, cms_usergroups_id",
            "SELECT cms_functions_id, camps_id FROM cms_functions_camps ORDER BY cms_functions_id, camps_id",
            "SELECT cms_usergroups_id, auth0_role_id FROM cms_usergroups_roles ORDER BY cms_usergroups_id, auth0_role_id",
            "SELECT cms_functions_id, cms_usergroups_id FROM cms_usergroups_functions ORDER BY cms_functions_id, cms_usergroups_id",
            "SELECT id, deleted FROM cms_usergroups ORDER BY id",
            "SELECT id, naam, email, deleted, cms_usergroups_id, lastlogin FROM cms_users ORDER BY id",
        ] {
            rows += try await db.textRows(sql)
        }
        return rows
    }

    static func writes(_ server: FakeHTTPServer) -> [FakeHTTPServer.Call] {
        server.calls.filter { $0.method == "PATCH" || $0.method == "DELETE" }
    }

    @Test("A dry run logs what would change, changes nothing and makes no write call", arguments: Engine.available)
    func dryRun(engine: Engine) async throws {
        let db = try await engine.baseAccessDatabase()
        let before = try await Self.snapshot(db)
        let tenant = Self.tenant()
        try await FakeHTTPServer.with(tenant.handler()) { server, url in
            let (result, prompts) = await Self.run(db, force: false, tenant: tenant, server: server, baseURL: url)
            let report = try result.get()
            #expect(prompts.isEmpty)
            #expect(!report.applied)
            #expect(report.split.singleBase.map(\.userId) == ["auth0|2"])
            #expect(report.split.multiBase.map(\.userId) == ["auth0|5"])
            #expect(report.roleIds == ["rol_b1_coord", "rol_b1_wh"])
            #expect(
                report.preview
                    == BaseAccessStore.Preview(
                        organisationDeleted: false, singleBaseUsergroupIds: [10], usergroupBaseRows: 2,
                        functionBaseRows: 2, usergroupRoleRows: 3, usergroupFunctionRows: 2,
                        userNames: ["Coordinator Lesvos"]))
            #expect(Self.writes(server).isEmpty)
            // Token, one page of users, one page of roles.
            #expect(server.calls.map(\.path) == ["/oauth/token", "/api/v2/users", "/api/v2/roles"])
            let search = try #require(server.calls.first { $0.path == "/api/v2/users" })
            #expect(search.query["q"] == "app_metadata.base_ids:\"1\"")
            #expect(search.query["per_page"] == "100")
            #expect(search.query["page"] == "0")
            #expect(server.calls.first { $0.path == "/api/v2/roles" }?.query["name_filter"] == "base_1_")
            let token = try #require(server.calls.first).json
            #expect(token["grant_type"] as? String == "client_credentials")
            #expect(token["client_id"] as? String == "cli")
            #expect(token["client_secret"] as? String == "s3cret")
        }
        #expect(try await Self.snapshot(db) == before)
        await db.close()
    }

    @Test("--force with YES changes the listed rows in one go and makes the Auth0 calls", arguments: Engine.available)
    func forced(engine: Engine) async throws {
        let db = try await engine.baseAccessDatabase()
        let tenant = Self.tenant()
        try await FakeHTTPServer.with(tenant.handler()) { server, url in
            let (result, prompts) = await Self.run(db, force: true, tenant: tenant, server: server, baseURL: url)
            let report = try result.get()
            #expect(report.applied)
            #expect(
                prompts == [
                    "Type YES to confirm removing access to base 'Lesvos' (ID: 1) for all affected users: "
                ])
            let writes = Self.writes(server)
            #expect(
                writes.map { "\($0.method) \($0.path)" } == [
                    "PATCH /api/v2/users/auth0|5", "PATCH /api/v2/users/auth0|2", "DELETE /api/v2/roles/rol_b1_coord",
                    "DELETE /api/v2/roles/rol_b1_wh",
                ])
            #expect((writes[0].json["app_metadata"] as? [String: Any])?["base_ids"] as? [String] == ["2"])
            #expect(writes[1].json["blocked"] as? Bool == true)
            #expect(writes.allSatisfy { $0.authorization == "Bearer \(FakeAuth0.token)" })
        }
        let now = Self.firstRun.databaseText
        #expect(
            try await db.textRows("SELECT id, deleted FROM camps WHERE id IN (1, 2) ORDER BY id") == [
                ["1", now], ["2", "NULL"],
            ])
        // Samos is still active: the organisation stays.
        #expect(try await db.textRows("SELECT deleted FROM organisations WHERE id = 1") == [["NULL"]])
        #expect(
            try await db.textRows(
                "SELECT camp_id, cms_usergroups_id FROM cms_usergroups_camps ORDER BY camp_id, cms_usergroups_id")
                == [["2", "11"], ["2", "12"], ["3", "13"]])
        #expect(
            try await db.textRows(
                "SELECT cms_functions_id, camps_id FROM cms_functions_camps ORDER BY cms_functions_id, camps_id")
                == [["1", "2"], ["1", "3"]])
        // Base 1's roles and all of usergroup 10's rows (administrator too) go; base 10's stays.
        #expect(
            try await db.textRows(
                "SELECT cms_usergroups_id, auth0_role_id FROM cms_usergroups_roles ORDER BY cms_usergroups_id, auth0_role_id"
            )
                == [["11", "rol_b2_wh"], ["12", "rol_b2_wh"], ["13", "rol_b10_coord"]])
        #expect(
            try await db.textRows(
                "SELECT cms_functions_id, cms_usergroups_id FROM cms_usergroups_functions ORDER BY cms_functions_id, cms_usergroups_id"
            )
                == [["1", "11"], ["1", "12"]])
        #expect(
            try await db.textRows("SELECT id, deleted FROM cms_usergroups ORDER BY id") == [
                ["10", now], ["11", "NULL"], ["12", "NULL"], ["13", "NULL"],
            ])
        let user = try await db.textRows(
            """
            SELECT naam, email, is_admin, pass, cms_usergroups_id, deleted, lastlogin, lastaction, language,
              valid_firstday, created, modified FROM cms_users WHERE id = 2
            """)
        #expect(
            user == [
                [
                    "Deleted user", "NULL", "0", "Deleted password", "NULL", now, "1970-01-01 00:00:00",
                    "1970-01-01 00:00:00",
                    "NULL", "NULL", "NULL", "NULL",
                ]
            ])
        // The multi-base user keeps everything.
        #expect(
            try await db.textRows("SELECT naam, email, cms_usergroups_id FROM cms_users WHERE id = 5") == [
                ["Head Org A", "head@aida.test", "11"]
            ])
        await db.close()
    }

    @Test("Any answer but YES cancels with the reference's message, before any Auth0 call", arguments: Engine.available)
    func notConfirmed(engine: Engine) async throws {
        let db = try await engine.baseAccessDatabase()
        let before = try await Self.snapshot(db)
        let tenant = Self.tenant()
        try await FakeHTTPServer.with(tenant.handler()) { server, url in
            for answer in ["yes", "", "YES ", nil] {
                let (result, prompts) = await Self.run(
                    db, force: true, answer: answer, tenant: tenant, server: server, baseURL: url)
                #expect(prompts.count == 1)
                #expect(throws: RemoveBaseAccess.Failure.notConfirmed) { try result.get() }
            }
            #expect(server.calls.isEmpty)
        }
        #expect("\(RemoveBaseAccess.Failure.notConfirmed)" == "Operation was not confirmed, cancelling.")
        #expect(try await Self.snapshot(db) == before)
        await db.close()
    }

    @Test("An unknown base fails with 'Base <id> does not exist.'", arguments: Engine.available)
    func unknownBase(engine: Engine) async throws {
        let db = try await engine.baseAccessDatabase()
        let tenant = Self.tenant()
        try await FakeHTTPServer.with(tenant.handler()) { server, url in
            let (result, prompts) = await Self.run(
                db, baseId: Fixtures.unknownID, force: true, tenant: tenant, server: server, baseURL: url)
            #expect(throws: RemoveBaseAccess.Failure.unknownBase(Fixtures.unknownID)) { try result.get() }
            #expect(prompts.isEmpty)
            #expect(server.calls.isEmpty)
        }
        #expect("\(RemoveBaseAccess.Failure.unknownBase(99))" == "Base 99 does not exist.")
        await db.close()
    }

    @Test("Base 1's roles are those named base_1_…, never base_10_…", arguments: Engine.available)
    func rolePrefix(engine: Engine) async throws {
        let db = try await engine.baseAccessDatabase()
        let tenant = Self.tenant()
        try await FakeHTTPServer.with(tenant.handler()) { server, url in
            let (result, _) = await Self.run(db, force: true, tenant: tenant, server: server, baseURL: url)
            _ = try result.get()
            // The tenant's filter returned base 10's role too.
            let listed = try #require(server.calls.first { $0.path == "/api/v2/roles" })
            #expect(listed.query["name_filter"] == "base_1_")
            #expect(!Self.writes(server).contains { $0.path.hasSuffix("rol_b10_coord") })
        }
        #expect(
            try await db.integer("SELECT COUNT(*) FROM cms_usergroups_roles WHERE auth0_role_id = 'rol_b10_coord'") == 1
        )
        await db.close()
    }

    @Test("The last active base takes its organisation along", arguments: Engine.available)
    func lastBase(engine: Engine) async throws {
        let db = try await engine.baseAccessDatabase()
        let tenant = FakeAuth0(
            users: [.init(id: "auth0|4", name: "Coordinator Thessaloniki", baseIds: ["3"])],
            roles: [("rol_b3_coord", "base_3_coordinator")])
        try await FakeHTTPServer.with(tenant.handler()) { server, url in
            let (result, prompts) = await Self.run(
                db, baseId: 3, force: true, tenant: tenant, server: server, baseURL: url)
            let report = try result.get()
            #expect(report.preview.organisationDeleted)
            #expect(
                prompts.first?.hasSuffix("for all affected users (the organisation 'Aid Org B' will be soft-deleted): ")
                    == true)
        }
        #expect(
            try await db.textRows("SELECT deleted FROM organisations WHERE id IN (1, 2) ORDER BY id") == [
                ["NULL"], [Self.firstRun.databaseText],
            ])
        await db.close()
    }

    @Test("The user search reads every page, 100 users each", arguments: Engine.available)
    func paging(engine: Engine) async throws {
        let db = try await engine.baseAccessDatabase()
        var tenant = Self.tenant()
        // 149 more users of bases 1 and 2: 151 users of base 1, two pages.
        tenant.users += (1000..<1149).map { .init(id: "auth0|\($0)", name: "Helper \($0)", baseIds: ["1", "2"]) }
        try await FakeHTTPServer.with(tenant.handler()) { server, url in
            let (result, _) = await Self.run(db, force: false, tenant: tenant, server: server, baseURL: url)
            let report = try result.get()
            #expect(report.split.multiBase.count == 150)
            #expect(report.split.singleBase.count == 1)
            #expect(server.calls.filter { $0.path == "/api/v2/users" }.map { $0.query["page"] } == ["0", "1"])
        }
        await db.close()
    }

    @Test("An Auth0 failure mid-way is reported; a re-run completes it", arguments: Engine.available)
    func auth0FailureThenRerun(engine: Engine) async throws {
        let db = try await engine.baseAccessDatabase()
        let tenant = Self.tenant()
        let state = TenantState(tenant)
        try await FakeHTTPServer.with(state.handler(failingUsers: ["auth0|5"])) { server, url in
            let (first, _) = await Self.run(db, force: true, tenant: tenant, server: server, baseURL: url)
            guard case .failure(let error) = first,
                case .auth0Incomplete(let errors)? = error as? RemoveBaseAccess.Failure
            else {
                Issue.record("expected an incomplete Auth0 step, got \(first)")
                return
            }
            #expect(errors.count == 1)
            #expect(errors.first?.hasPrefix("updating auth0|5: Auth0 Management API error 500") == true)
            #expect("\(error)".hasSuffix("Run the command again with --force to complete them."))
            // The database step is committed; the other Auth0 calls were made.
            #expect(try await db.text("SELECT deleted FROM camps WHERE id = 1") == Self.firstRun.databaseText)
            #expect(state.blocked == ["auth0|2"])
            #expect(state.deletedRoles == ["rol_b1_coord"])

            let writesBefore = Self.writes(server).count
            server.answer(with: state.handler(failingUsers: []))
            let later = Timestamp(trustedText: "2025-06-02 08:00:00")
            let (second, _) = await Self.run(db, force: true, tenant: tenant, server: server, baseURL: url, now: later)
            _ = try second.get()
            #expect(state.baseIds["auth0|5"] == ["2"])
            // The second run only made the missing call: the blocked user and the deleted roles are not touched again.
            let secondWrites = Self.writes(server).dropFirst(writesBefore)
            #expect(secondWrites.map { "\($0.method) \($0.path)" } == ["PATCH /api/v2/users/auth0|5"])
        }
        // The deletion times of the first run stay.
        #expect(try await db.text("SELECT deleted FROM camps WHERE id = 1") == Self.firstRun.databaseText)
        #expect(try await db.text("SELECT deleted FROM cms_usergroups WHERE id = 10") == Self.firstRun.databaseText)
        #expect(try await db.text("SELECT deleted FROM cms_users WHERE id = 2") == Self.firstRun.databaseText)
        await db.close()
    }
}

/// A tenant whose answers follow its changes: a `PATCH` updates the user, a `DELETE` removes
/// the role (the next delete of it answers 404).
final class TenantState: Sendable {
    private let state: Mutex<FakeAuth0>
    private let changes = Mutex<(blocked: [String], deletedRoles: [String])>(([], []))

    init(_ tenant: FakeAuth0) { state = Mutex(tenant) }

    var blocked: [String] { changes.withLock { $0.blocked } }
    var deletedRoles: [String] { changes.withLock { $0.deletedRoles } }
    var baseIds: [String: [String]] {
        state.withLock { Dictionary(uniqueKeysWithValues: $0.users.map { ($0.id, $0.baseIds) }) }
    }

    func handler(failingUsers: Set<String>) -> FakeHTTPServer.Handler {
        { call in
            var tenant = self.state.withLock { $0 }
            tenant.failingUsers = failingUsers
            let reply = tenant.handler()(call)
            guard (200..<300).contains(reply.status) || reply.status == 404 else { return reply }
            if call.method == "PATCH", let id = call.path.split(separator: "/").last.map(String.init) {
                let body = call.json
                self.state.withLock { tenant in
                    guard let index = tenant.users.firstIndex(where: { $0.id == id }) else { return }
                    if body["blocked"] as? Bool == true { tenant.users[index].blocked = true }
                    if let ids = (body["app_metadata"] as? [String: Any])?["base_ids"] as? [String] {
                        tenant.users[index].baseIds = ids
                    }
                }
                if body["blocked"] as? Bool == true { self.changes.withLock { $0.blocked.append(id) } }
            }
            if call.method == "DELETE", let id = call.path.split(separator: "/").last.map(String.init) {
                // Gone either way: deleted now, or before (404).
                self.state.withLock { tenant in
                    tenant.roles.removeAll { $0.id == id }
                    tenant.missingRoles.insert(id)
                }
                if reply.status != 404 { self.changes.withLock { $0.deletedRoles.append(id) } }
            }
            return reply
        }
    }
}
