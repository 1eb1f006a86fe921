import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeTestSupport
import GraphQL
import Testing

/// Seeded random sequences of the distribution mutations, with the item accounting and the
/// event states checked after every step.
///
/// **Items.** For every (product, size), with the sizes of boxes without size counted as one
/// key of their own:
///
///     B + C + O − K + R
///
/// never changes, where B is the items of all boxes (`stock.items`, NULL as 0, deleted boxes
/// included), C the items of all unboxed items collections, O the items of all `Out` tracking
/// log entries (gone out on distribution), K the items of all `BackToBox` entries (returned
/// and put back into a box), and R the items that the successful
/// `removeItemsFromUnboxedItemsCollection` calls of the run took out of collections (handed
/// out at the spot; the schema keeps no record of them, so the test counts them). `In`
/// entries (items counted as returned) move nothing, but per (tracking group, product, size)
/// K ≤ In ≤ O: no more items go back into boxes than were returned, and no more are returned
/// than went out.
///
/// **History.** Replaying the `items` history rows the run wrote for a box, from its count at
/// the start, gives its current count: the history explains every change.
///
/// **States.** No event's state goes back (Planning < Packing < OnDistro <
/// ReturnedFromDistribution < ReturnTrackingInProgress < Completed) except through
/// `changeDistributionEventState`.
///
/// **Refusals.** A refused call changes nothing and answers BAD_USER_INPUT or FORBIDDEN.
@Suite("Distribution invariants under random sequences of operations")
struct DistributionInvariantTests {
    static let stateRank: [String: Int] = [
        "Planning": 0, "Packing": 1, "OnDistro": 2, "ReturnedFromDistribution": 3, "ReturnTrackingInProgress": 4,
        "Completed": 5,
    ]
    static let actors = [Distro.lesvos, Fixtures.god, Distro.reader, Distro.thessaloniki]

    /// The fixtures, the mutation tests' rows and nine more jeans boxes in WH Lesvos (S, M, L).
    static func makeWorld() async throws -> APIHarness {
        let api = try await Distro.make()
        let rows = (0..<9).map { index in
            "(\(100 + index), '6100000\(index)', 1, \(index % 3 + 1), \(5 + index), 1, 1, 1, '0000-00-00 00:00:00')"
        }
        try await api.execute(
            """
            INSERT INTO stock (id, box_id, product_id, size_id, items, location_id, box_state_id, weight_display_unit_id, deleted) VALUES
            \(rows.joined(separator: ",\n"))
            """)
        return api
    }

    @Test("random distribution operations never make up or lose an item", arguments: [1, 2, 3] as [UInt64])
    func randomOperations(seed: UInt64) async throws {
        let api = try await Self.makeWorld()
        var random = SplitMix64(seed: seed)
        var removed: [String: Int] = [:]
        let initialTotals = try await Self.totals(api, removed: removed)
        let initialItems = try await Self.boxItems(api)
        let steps = 300
        var succeeded = 0
        var kinds: Set<String> = []
        for step in 0..<steps {
            let before = try await Distro.snapshot(api)
            let statesBefore = try await Self.eventStates(api)
            let operation = await Self.randomOperation(api, using: &random)
            let answer = operation.answer
            let context = "seed \(seed) step \(step): \(operation.description)"
            if answer.errors.isEmpty {
                succeeded += 1
                kinds.insert(operation.kind)
                if let key = operation.removedKey { removed[key, default: 0] += operation.removedItems }
                if operation.kind != "changeState" {
                    let statesAfter = try await Self.eventStates(api)
                    for (event, state) in statesAfter {
                        let old = Self.stateRank[statesBefore[event] ?? ""] ?? -1
                        #expect(
                            (Self.stateRank[state] ?? -1) >= old, "\(context): event \(event) went back to \(state)")
                    }
                }
            } else {
                #expect(try await Distro.snapshot(api) == before, "\(context) failed but wrote")
                #expect(
                    answer.errors.allSatisfy {
                        ["BAD_USER_INPUT", "FORBIDDEN"].contains($0["extensions"]?["code"]?.string ?? "")
                    }, "\(context): \(answer.errors)")
            }
            let totals = try await Self.totals(api, removed: removed)
            #expect(totals == initialTotals, "\(context): items per product/size \(initialTotals) became \(totals)")
            let violations = try await Self.trackingViolations(api)
            #expect(violations.isEmpty, "\(context): \(violations)")
            if totals != initialTotals || !violations.isEmpty { return }
        }
        #expect(try await Self.historyViolations(api, initialItems: initialItems) == [], "seed \(seed)")
        // The walk must actually move items along, not only bounce off errors.
        #expect(succeeded > steps / 4, "seed \(seed): only \(succeeded) operations succeeded")
        #expect(
            kinds.isSuperset(of: ["moveItems", "start", "setReturned", "moveBack", "removeItems"]),
            "seed \(seed): succeeded only \(kinds.sorted())")
    }

    // MARK: - Operations

    struct Operation {
        var kind: String
        var description: String
        var answer: APIHarness.Answer
        /// For a removal from a collection: its (product/size) key and the items asked for.
        var removedKey: String? = nil
        var removedItems = 0
    }

    static func ints(_ api: APIHarness, _ sql: String) async -> [[Int]] {
        ((try? await api.rows(sql)) ?? []).map { row in row.map { $0.flatMap(Double.init).map { Int($0) } ?? 0 } }
    }

    static func randomOperation(_ api: APIHarness, using random: inout SplitMix64) async -> Operation {
        func pick<T>(_ items: [T]) -> T? {
            items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &random)]
        }
        // Mostly Lesvos' coordinator, so that things happen; sometimes someone else.
        let user = Int.random(in: 0..<10, using: &random) < 8 ? Distro.lesvos : pick(actors) ?? Distro.lesvos
        let who = "user \(user.id)"
        let events = await ints(
            api, "SELECT e.id, l.camp_id FROM distro_events e JOIN locations l ON l.id = e.location_id ORDER BY e.id")
        let eventIds = events.map { $0[0] }
        let labels = ((try? await api.rows("SELECT box_id FROM stock ORDER BY id")) ?? []).compactMap {
            $0.first ?? nil
        }
        let groups = await ints(api, "SELECT id FROM distro_events_tracking_groups ORDER BY id").map { $0[0] }
        let event = pick(eventIds) ?? 1
        let label = pick(labels) ?? Fixtures.BoxLabel.jeans
        switch Int.random(in: 0..<20, using: &random) {
        case 0:
            let spot = pick([6, 61, 62]) ?? 6
            return Operation(
                kind: "createEvent", description: "create event at \(spot) by \(who)",
                answer: await api.run(DistributionPlanningMutationTests.createEvent(spot: spot), as: user))
        case 1...3:
            // Mostly the next state, sometimes any.
            let states = ["Planning", "Packing", "OnDistro", "ReturnedFromDistribution", "ReturnTrackingInProgress"]
            let current =
                (try? await api.scalar("SELECT state FROM distro_events WHERE id = ?", [.integer(event)])) ?? nil
            let rank = stateRank[current ?? ""] ?? 0
            let state =
                Int.random(in: 0..<4, using: &random) < 3
                ? states[min(rank + 1, 3)] : pick(states + ["Completed"]) ?? ""
            return Operation(
                kind: "changeState", description: "event \(event) → \(state) by \(who)",
                answer: await api.run(DistributionPlanningMutationTests.changeState(event, to: state), as: user))
        case 4, 5:
            return Operation(
                kind: "assign", description: "assign \(label) to \(event) by \(who)",
                answer: await api.run(DistributionItemsMutationTests.assign(label, to: event), as: user))
        case 6:
            return Operation(
                kind: "unassign", description: "unassign \(label) by \(who)",
                answer: await api.run(DistributionItemsMutationTests.unassign(label), as: user))
        case 7...10:
            let items = Int.random(in: -1...6, using: &random)
            return Operation(
                kind: "moveItems", description: "move \(items) from \(label) to \(event) by \(who)",
                answer: await api.run(DistributionItemsMutationTests.move(label, to: event, items: items), as: user))
        case 11:
            let collections = await ints(
                api, "SELECT id, product_id, size_id FROM distro_events_unboxed_item_collections ORDER BY id")
            let collection = pick(collections) ?? [1, 1, 2]
            let items = Int.random(in: -1...3, using: &random)
            return Operation(
                kind: "removeItems", description: "remove \(items) from collection \(collection[0]) by \(who)",
                answer: await api.run(
                    DistributionItemsMutationTests.removeItems(collection[0], items: items), as: user),
                removedKey: "\(collection[1])/\(collection[2])", removedItems: items)
        case 12, 13:
            let returned = await ints(
                api,
                "SELECT e.id FROM distro_events e WHERE e.state = 'ReturnedFromDistribution' ORDER BY e.id"
            ).map { $0[0] }
            let chosen =
                returned.filter { _ in Bool.random(using: &random) } + (Bool.random(using: &random) ? [event] : [])
            return Operation(
                kind: "start", description: "start group of \(chosen) by \(who)",
                answer: await api.run(ReturnTrackingMutationTests.start(chosen.isEmpty ? [event] : chosen), as: user))
        case 14...16:
            // Usually a product and size that went out in the group.
            let group = pick(groups) ?? 1
            let out = await ints(
                api,
                "SELECT product_id, size_id, number_of_items FROM distro_events_tracking_logs WHERE distro_event_tracking_group_id = \(group) AND flow_direction = 'Out'"
            )
            let line = pick(out) ?? [1, 2, 3]
            let items = Int.random(in: -1...(line[2] + 1), using: &random)
            return Operation(
                kind: "setReturned", description: "group \(group) returned \(items) of \(line[0])/\(line[1]) by \(who)",
                answer: await api.run(
                    ReturnTrackingMutationTests.setReturned(
                        group: group, product: line[0], size: line[1], items: items),
                    as: user))
        case 17, 18:
            let group = pick(groups) ?? 1
            let returned = await ints(
                api,
                "SELECT product_id, size_id, number_of_items FROM distro_events_tracking_logs WHERE distro_event_tracking_group_id = \(group) AND flow_direction = 'In'"
            )
            let line = pick(returned) ?? [1, 2, 1]
            let matching =
                ((try? await api.rows(
                    "SELECT box_id FROM stock WHERE product_id = ? AND size_id = ? ORDER BY id",
                    [.integer(line[0]), .integer(line[1])])) ?? []).compactMap { $0.first ?? nil }
            let box = Int.random(in: 0..<5, using: &random) < 4 ? pick(matching) ?? label : label
            let items = Int.random(in: -1...max(line[2], 1), using: &random)
            return Operation(
                kind: "moveBack", description: "group \(group) \(items) of \(line[0])/\(line[1]) into \(box) by \(who)",
                answer: await api.run(
                    """
                    mutation { moveItemsFromReturnTrackingGroupToBox(distributionEventsTrackingGroupId: "\(group)", productId: "\(line[0])", sizeId: "\(line[1])", numberOfItems: \(items), targetBoxLabelIdentifier: "\(box)") { id } }
                    """, as: user))
        default:
            let group = pick(groups) ?? 1
            return Operation(
                kind: "complete", description: "complete group \(group) by \(who)",
                answer: await api.run(ReturnTrackingMutationTests.complete(String(group)), as: user))
        }
    }

    // MARK: - Invariants

    /// B + C + O − K + R per "product/size" (see the suite's description).
    static func totals(_ api: APIHarness, removed: [String: Int]) async throws -> [String: Int] {
        var totals: [String: Int] = [:]
        func add(_ sql: String, sign: Int) async throws {
            for row in try await api.rows(sql) {
                let key = "\(row[0] ?? "")/\(row[1] ?? "nil")"
                totals[key, default: 0] += sign * (row[2].flatMap(Double.init).map { Int($0) } ?? 0)
            }
        }
        try await add(
            "SELECT product_id, size_id, SUM(COALESCE(items, 0)) FROM stock GROUP BY product_id, size_id", sign: 1)
        try await add(
            "SELECT product_id, size_id, SUM(number_of_items) FROM distro_events_unboxed_item_collections GROUP BY product_id, size_id",
            sign: 1)
        try await add(
            "SELECT product_id, size_id, SUM(number_of_items) FROM distro_events_tracking_logs WHERE flow_direction = 'Out' GROUP BY product_id, size_id",
            sign: 1)
        try await add(
            "SELECT product_id, size_id, SUM(number_of_items) FROM distro_events_tracking_logs WHERE flow_direction = 'BackToBox' GROUP BY product_id, size_id",
            sign: -1)
        for (key, items) in removed { totals[key, default: 0] += items }
        return totals.filter { $0.value != 0 }
    }

    /// Groups, products and sizes where K ≤ In ≤ O does not hold.
    static func trackingViolations(_ api: APIHarness) async throws -> [String] {
        let rows = await ints(
            api,
            """
            SELECT distro_event_tracking_group_id, product_id, size_id, \
            SUM(CASE WHEN flow_direction = 'Out' THEN number_of_items ELSE 0 END), \
            SUM(CASE WHEN flow_direction = 'In' THEN number_of_items ELSE 0 END), \
            SUM(CASE WHEN flow_direction = 'BackToBox' THEN number_of_items ELSE 0 END) \
            FROM distro_events_tracking_logs GROUP BY distro_event_tracking_group_id, product_id, size_id
            """)
        return rows.filter { !($0[5] <= $0[4] && $0[4] <= $0[3]) }.map {
            "group \($0[0]) product \($0[1]) size \($0[2]): out \($0[3]), in \($0[4]), back \($0[5])"
        }
    }

    static func eventStates(_ api: APIHarness) async throws -> [String: String] {
        var states: [String: String] = [:]
        for row in try await api.rows("SELECT id, state FROM distro_events") {
            states[row[0] ?? ""] = row[1] ?? ""
        }
        return states
    }

    static func boxItems(_ api: APIHarness) async throws -> [String: Int?] {
        var items: [String: Int?] = [:]
        for row in try await api.rows("SELECT id, items FROM stock") {
            items[row[0] ?? ""] = row[1].flatMap { Int($0) }
        }
        return items
    }

    /// Boxes whose `items` history of the run does not lead from the first count to the current one.
    static func historyViolations(_ api: APIHarness, initialItems: [String: Int?]) async throws -> [String] {
        var found: [String] = []
        let current = try await boxItems(api)
        for (box, start) in initialItems {
            let changes = try await api.rows(
                "SELECT from_int, to_int FROM history WHERE tablename = 'stock' AND record_id = ? AND changes = 'items' AND changedate = ? ORDER BY id",
                [.integer(Int(box) ?? 0), .text(MutationEnvironment.fixtureNow)])
            var running = start
            for change in changes {
                if change[0].flatMap({ Int($0) }) != running {
                    found.append("box \(box): change \(change) from \(String(describing: running))")
                }
                running = change[1].flatMap { Int($0) }
            }
            if running != current[box] ?? nil {
                found.append(
                    "box \(box): history ends at \(String(describing: running)), box holds \(String(describing: current[box] ?? nil))"
                )
            }
        }
        return found.sorted()
    }
}
