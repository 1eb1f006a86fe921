import Testing

@testable import BoxtributeDomain

@Suite("Current user from JWT claims")
struct CurrentUserTests {
    @Test("base-prefixed permissions are scoped to their bases")
    func prefixedPermission() {
        let map = CurrentUser.permissionMap(["base_1/product:read"], baseIds: [9])
        #expect(map == ["product:read": [1]])
    }

    @Test("write-like methods imply read on the same resource")
    func writeImpliesRead() {
        let map = CurrentUser.permissionMap(["base_2-3/stock:write"], baseIds: [])
        #expect(map == ["stock:write": [2, 3], "stock:read": [2, 3]])
    }

    @Test("unprefixed permissions use the base_ids claim")
    func unprefixedUsesBaseIds() {
        let map = CurrentUser.permissionMap(["beneficiary:edit"], baseIds: [4])
        #expect(map == ["beneficiary:edit": [4], "beneficiary:read": [4]])
    }

    @Test("several entries for one permission merge their bases")
    func entriesMerge() {
        let map = CurrentUser.permissionMap(["base_1/stock:write", "stock:write"], baseIds: [2])
        #expect(map["stock:write"] == [1, 2])
        #expect(map["stock:read"] == [1, 2])
    }

    @Test("a malformed prefix makes the whole entry the permission")
    func malformedPrefix() {
        let map = CurrentUser.permissionMap(["base_x/tag:read", "a/b/c"], baseIds: [5])
        #expect(map["base_x/tag:read"] == [5])
        #expect(map["a/b/c"] == [5])
    }

    @Test("god users carry no organisation and no permission map")
    func godUser() throws {
        let user = try CurrentUser(
            subject: "auth0|8", roles: ["boxtribute_god"], rawPermissions: ["base_1/stock:read"], baseIds: [1],
            organisationId: 3, betaLevel: nil, timezone: nil)
        #expect(user.id == 8)
        #expect(user.isGod)
        #expect(user.organisationId == nil)
        #expect(user.permissions.isEmpty)
        #expect(user.maxBetaLevel == 0)
    }

    @Test("a subject without a numeric id is rejected")
    func invalidSubject() {
        #expect(throws: InvalidSubject.self) {
            try CurrentUser(
                subject: "auth0|abc", roles: [], rawPermissions: [], baseIds: [], organisationId: 1, betaLevel: nil,
                timezone: nil)
        }
    }
}

@Suite("Authorization checks")
struct AuthorizationTests {
    let coordinator = CurrentUser(
        id: 2, organisationId: 1,
        permissions: ["stock:read": [1, 2], "size:read": [1], "qr:read": [], "base:read": [1]])

    @Test("a base-scoped permission passes for a listed base")
    func baseScopedPasses() throws {
        try coordinator.authorize("stock:read", baseId: 2)
    }

    @Test("a missing permission names the permission")
    func missingPermission() {
        #expect(throws: Forbidden(.permission("tag:read"))) { try coordinator.authorize("tag:read", baseId: 1) }
        #expect(Forbidden(.permission("tag:read")).description == "You don't have access to 'tag:read'")
    }

    @Test("a permission held for other bases names the base")
    func otherBase() {
        #expect(throws: Forbidden(.resource("base", "3"))) { try coordinator.authorize("stock:read", baseId: 3) }
        #expect(Forbidden(.resource("base", "3")).description == "You don't have access to 'base=3'")
    }

    @Test("a base-agnostic permission with an empty base list is refused for the user")
    func emptyBaseList() {
        #expect(throws: Forbidden(.resource("user", nil))) { try coordinator.authorize("qr:read") }
        #expect(Forbidden(.resource("user", nil)).description == "You don't have access to 'user=None'")
    }

    @Test("any-of checks pass when one base matches and list the bases otherwise")
    func anyOf() throws {
        try coordinator.authorize("stock:read", anyOf: [5, 2])
        #expect(throws: Forbidden(.resource("bases", "[5, 6]"))) {
            try coordinator.authorize("stock:read", anyOf: [5, 6])
        }
    }

    @Test("list scopes restrict non-god users and not gods")
    func scopes() throws {
        #expect(try coordinator.baseScope(for: "stock:read") == .only([1, 2]))
        #expect(throws: Forbidden.self) { try coordinator.baseScope(for: "tag:read") }
        let god = CurrentUser(id: 1, isGod: true, organisationId: nil)
        #expect(try god.baseScope(for: "tag:read") == .all)
        try god.authorize("anything:read", baseId: 99)
    }

    @Test("user and organisation checks compare identities")
    func identities() throws {
        try coordinator.authorize(userId: 2)
        #expect(throws: Forbidden(.resource("user", "3"))) { try coordinator.authorize(userId: 3) }
        try coordinator.authorize(organisationId: 1)
        #expect(throws: Forbidden.self) { try coordinator.authorize(organisationId: 2) }
    }
}

@Suite("Beta levels")
struct BetaLevelTests {
    @Test("levels are cumulative")
    func cumulative() {
        #expect(BetaLevel.allowedMutations(level: 0) == ["updateBox"])
        #expect(BetaLevel.allowedMutations(level: 1).isSuperset(of: ["updateBox", "createBox", "createQrCode"]))
        #expect(!BetaLevel.allowedMutations(level: 3).contains("createTag"))
        #expect(BetaLevel.allowedMutations(level: 99).count == 56)
    }

    @Test("undefined levels fall back to level 5")
    func undefinedLevel() {
        #expect(BetaLevel.allowedMutations(level: 42) == BetaLevel.allowedMutations(level: 5))
    }

    @Test("god users are never restricted")
    func god() {
        let god = CurrentUser(id: 1, isGod: true, organisationId: nil)
        #expect(BetaLevel.permits(god, mutationFields: ["createDistributionSpot"]))
        let user = CurrentUser(id: 2, organisationId: 1, maxBetaLevel: 1)
        #expect(BetaLevel.permits(user, mutationFields: ["createBox", "updateBox"]))
        #expect(!BetaLevel.permits(user, mutationFields: ["createBox", "deleteBoxes"]))
    }
}
