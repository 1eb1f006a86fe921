import BoxtributeDomain
import Foundation
import Testing

@Suite struct DeletedEmailRepairTests {
    @Test("A repeated .deleted.<id> suffix is cut back to the first")
    func repeated() {
        #expect(DeletedEmailRepair.repaired("a.b@web.de.deleted.1031.deleted.1031") == "a.b@web.de.deleted.1031")
        #expect(DeletedEmailRepair.repaired("c@d.org.deleted.2.deleted.3.deleted.4") == "c@d.org.deleted.2")
    }

    @Test("One suffix, a suffix not at the end, or none: nothing to repair")
    func untouched() {
        #expect(DeletedEmailRepair.repaired("e@f.org.deleted.22") == nil)
        #expect(DeletedEmailRepair.repaired("g.deleted.1.deleted.2@h.org") == nil)
        #expect(DeletedEmailRepair.repaired("x@y.org.deleted.1.deleted.") == nil)
        #expect(DeletedEmailRepair.repaired("plain@example.org") == nil)
    }
}

@Suite struct BaseAccessRemovalTests {
    @Test("Users split into single-base, multi-base and inconsistent ones")
    func split() {
        let users = [
            BaseAccessRemoval.Auth0User(userId: "auth0|2", baseIds: ["1"]),
            BaseAccessRemoval.Auth0User(userId: "auth0|5", baseIds: ["1", "2"]),
            BaseAccessRemoval.Auth0User(userId: "auth0|7", baseIds: ["10"]),
        ]
        let split = BaseAccessRemoval.split(users, baseId: 1)
        #expect(split.singleBase.map(\.userId) == ["auth0|2"])
        #expect(split.multiBase.map(\.userId) == ["auth0|5"])
        #expect(split.inconsistent.map(\.userId) == ["auth0|7"])
        #expect(BaseAccessRemoval.baseIds(of: users[1], without: 1) == ["2"])
        #expect(users[0].databaseId == 2)
        #expect(BaseAccessRemoval.Auth0User(userId: "google-oauth2|12", baseIds: []).databaseId == nil)
    }

    @Test("Base 1's roles start with base_1_; base_10_ and base_11_ roles are not base 1's")
    func rolePrefix() {
        let roles = [
            BaseAccessRemoval.Auth0Role(id: "r3", name: "base_1_warehouse_volunteer"),
            BaseAccessRemoval.Auth0Role(id: "r1", name: "base_10_coordinator"),
            BaseAccessRemoval.Auth0Role(id: "r2", name: "base_1_coordinator"),
            BaseAccessRemoval.Auth0Role(id: "r4", name: "base_11_free_shop_volunteer"),
        ]
        #expect(BaseAccessRemoval.roleIds(of: roles, baseId: 1) == ["r2", "r3"])
        #expect(BaseAccessRemoval.roleIds(of: roles, baseId: 10) == ["r1"])
    }
}

@Suite struct InternalStatisticsTableTests {
    @Test("Trend: the change against the window before in percent, n/a without one")
    func trend() {
        #expect(InternalStatistics.trend(current: 3, previous: 2) == 50)
        #expect(InternalStatistics.trend(current: 0, previous: 4) == -100)
        #expect(InternalStatistics.trend(current: 3, previous: 0) == nil)
    }

    @Test("People without a base are listed as n/a")
    func unknownBase() {
        let counts = [
            InternalStatistics.BaseCount(
                organisationId: nil, organisationName: nil, baseId: nil, baseName: nil, number: 3),
            InternalStatistics.BaseCount(
                organisationId: 1, organisationName: "Aid", baseId: 1, baseName: "Lesvos", number: 12),
        ]
        let text = InternalStatistics.table(columnNames: ["all time"], columns: [.init(counts: counts)])
        #expect(
            text.components(separatedBy: "\n") == [
                "Organisation | Base   |   all time",
                "-------------+--------+-----------",
                "Aid          | Lesvos | 12 ( n/a )",
                "n/a          | n/a    |  3 ( n/a )",
                "-------------+--------+-----------",
                "TOTAL        |        | 15 ( n/a )",
            ])
    }
}
