import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Testing

@Suite("Mutations are all-or-nothing and serialised")
struct MutationIntegrityTests {
    @Test("a mutation that fails after writing leaves nothing behind")
    func failedMutationRollsBack() async throws {
        let api = try await APIHarness.make()
        struct Interrupted: Error {}
        await #expect(throws: Interrupted.self) {
            let session = SQLDataSource(database: api.database).openSession()
            try await MutationScope.run(as: Fixtures.lesvosCoordinator, in: session, environment: .fixed()) { scope in
                _ = try await BoxService.create(
                    BoxCreation(productId: Fixtures.ProductID.jeans, locationId: Fixtures.LocationID.lesvosWarehouse)
                        .withSize(Fixtures.SizeID.small), in: scope)
                _ = try await TagService.create(
                    name: "Half", description: nil, color: "#fff", type: .box, baseId: Fixtures.BaseID.lesvos, in: scope
                )
                throw Interrupted()
            }
        }
        #expect(try await api.count("stock") == 7)
        #expect(try await api.count("tags") == 5)
        #expect(try await api.count("history") == 7)
        #expect(try await api.count("tags_relations WHERE object_type = 'Stock'") == 6)
    }

    @Test("concurrent updates of one box are serialised: every change is recorded against the previous value")
    func concurrentUpdatesLoseNothing() async throws {
        let api = try await APIHarness.make()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 1...20 {
                group.addTask {
                    let answer = await api.run(
                        "mutation { updateBox(updateInput: {labelIdentifier: \"\(Fixtures.BoxLabel.jeans)\", numberOfItems: \(100 + index)}) { id } }"
                    )
                    #expect(answer.errors.isEmpty)
                }
            }
            try await group.waitForAll()
        }
        let changes = try await api.rows(
            "SELECT from_int, to_int FROM history WHERE record_id = \(Fixtures.BoxID.jeans) AND changes = 'items' AND changedate = ? ORDER BY id",
            [.text(MutationEnvironment.fixtureNow)])
        #expect(changes.count == 20)
        // Each change starts where the previous one ended: no update read a stale box.
        var current = "10"
        for change in changes {
            #expect(change[0] == current)
            current = change[1] ?? ""
        }
        #expect(try await api.scalar("SELECT items FROM stock WHERE id = \(Fixtures.BoxID.jeans)") == current)
    }
}

extension BoxCreation {
    fileprivate func withSize(_ sizeId: Int) -> BoxCreation {
        var copy = self
        copy.sizeId = sizeId
        return copy
    }
}
