import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import Testing

@Suite("Shipment invariants under random sequences of operations")
struct ShipmentInvariantTests {
    /// Everyone who acts: both coordinators of organisation 1's bases, Thessaloniki's, god and a reader.
    static let actors = [
        Transfer.lesvos, Transfer.samosCoordinator, Transfer.thessaloniki, Fixtures.god, Fixtures.lesvosReader,
    ]

    /// The world a run plays in: the fixtures plus boxes in each active base.
    struct World {
        let api: APIHarness
        var labels: [String]
        var boxIds: [Box.ID]
        var shipments: [Int] = [1, 2, 3]
    }

    static func makeWorld() async throws -> World {
        let api = try await APIHarness.make()
        var labels = [
            Fixtures.BoxLabel.jeans, Fixtures.BoxLabel.rice, Fixtures.BoxLabel.lost, Fixtures.BoxLabel.deleted,
            Fixtures.BoxLabel.thessaloniki, Fixtures.BoxLabel.inTransit, Fixtures.BoxLabel.samos,
        ]
        labels += try await Transfer.insertBoxes(
            api, count: 10, firstId: 100, locationId: Fixtures.LocationID.lesvosWarehouse, labelPrefix: "61000")
        labels += try await Transfer.insertBoxes(
            api, count: 5, firstId: 200, locationId: Fixtures.LocationID.samosWarehouse, labelPrefix: "62000")
        labels += try await Transfer.insertBoxes(
            api, count: 5, firstId: 300, locationId: Fixtures.LocationID.thessalonikiWarehouse,
            productId: Fixtures.ProductID.blanket, labelPrefix: "63000")
        // The fixtures' box 3 has a lost detail in the completed shipment 2: make it not delivered, as
        // the workflow would have left it.
        try await api.execute(
            "UPDATE stock SET box_state_id = 8 WHERE id = \(Fixtures.BoxID.lost)")
        return World(
            api: api, labels: labels,
            boxIds: (Array(1...7) + Array(100..<110) + Array(200..<205) + Array(300..<305)).map(Box.ID.init(rawValue:)))
    }

    @Test("thousands of random shipment operations never break an invariant", arguments: [1, 2, 3, 4] as [UInt64])
    func randomOperations(seed: UInt64) async throws {
        var world = try await Self.makeWorld()
        var random = SplitMix64(seed: seed)
        let steps = 500
        var succeeded = 0
        for step in 0..<steps {
            let before = try await Self.snapshot(world.api)
            let (description, answer) = await Self.randomOperation(&world, using: &random)
            if answer.errors.isEmpty {
                succeeded += 1
            } else {
                // A refused operation changes nothing.
                let after = try await Self.snapshot(world.api)
                #expect(before == after, "seed \(seed) step \(step): \(description) failed but wrote")
                #expect(
                    answer.errors.allSatisfy {
                        ["BAD_USER_INPUT", "FORBIDDEN"].contains($0["extensions"]?["code"]?.string ?? "")
                    }, "seed \(seed) step \(step): \(description): \(answer.errors)")
            }
            let violations = try await Self.violations(world.api)
            #expect(violations.isEmpty, "seed \(seed) step \(step) after \(description): \(violations)")
            if !violations.isEmpty { return }
        }
        // The walk must actually move shipments along, not only bounce off errors.
        #expect(succeeded > steps / 5, "seed \(seed): only \(succeeded) operations succeeded")
        #expect(try await world.api.count("shipment WHERE state = 'Completed'") > 1)
    }

    // MARK: - Operations

    static func randomOperation(
        _ world: inout World, using random: inout SplitMix64
    ) async -> (String, APIHarness.Answer) {
        let api = world.api
        // Mostly shipments still under way and the user of the side that acts, so that shipments
        // travel all the way; sometimes anyone on anything, so that refusals are exercised too.
        let open =
            (try? await api.rows("SELECT id FROM shipment WHERE state IN ('Preparing', 'Sent', 'Receiving')"))?
            .compactMap { $0.first.flatMap { $0 }.flatMap { Int($0) } } ?? []
        let shipment =
            !open.isEmpty && Int.random(in: 0..<10, using: &random) < 8
            ? open[Int.random(in: 0..<open.count, using: &random)]
            : world.shipments[Int.random(in: 0..<world.shipments.count, using: &random)]
        let row =
            (try? await api.rows(
                "SELECT source_base_id, target_base_id, state FROM shipment WHERE id = ?", [.integer(shipment)]))?
            .first ?? []
        let sourceBase = row.first.flatMap { $0 }.flatMap { Int($0) } ?? 1
        let targetBase = row.dropFirst().first.flatMap { $0 }.flatMap { Int($0) } ?? 3
        // Usually the step the shipment's state calls for, otherwise any operation.
        let natural: [String: [Int]] = [
            "Preparing": [1, 1, 1, 2, 4, 4, 3], "Sent": [5, 5, 5, 6], "Receiving": [7, 7, 8, 9],
        ]
        let nextSteps = natural[row.last.flatMap { $0 } ?? ""] ?? [0, 0, 9]
        let operation =
            Int.random(in: 0..<10, using: &random) < 7
            ? nextSteps[Int.random(in: 0..<nextSteps.count, using: &random)] : Int.random(in: 0..<13, using: &random)
        let coordinators: [Base.ID: CurrentUser] = [
            1: Transfer.lesvos, 2: Transfer.samosCoordinator, 3: Transfer.thessaloniki,
        ]
        let actingBase = [5, 6, 7, 8].contains(operation) ? targetBase : sourceBase
        let user =
            Int.random(in: 0..<4, using: &random) < 3
            ? coordinators[Base.ID(rawValue: actingBase)] ?? Fixtures.god
            : actors[Int.random(in: 0..<actors.count, using: &random)]
        let sourceLabels =
            (try? await api.rows(
                "SELECT s.box_id FROM stock s JOIN locations l ON l.id = s.location_id WHERE l.camp_id = ? ORDER BY s.id",
                [.integer(sourceBase)]))?.compactMap { $0.first.flatMap { $0 } } ?? []
        func someLabels(_ maximum: Int) -> [String] {
            (0..<Int.random(in: 0...maximum, using: &random)).map { _ in
                let pool = !sourceLabels.isEmpty && Bool.random(using: &random) ? sourceLabels : world.labels
                return pool[Int.random(in: 0..<pool.count, using: &random)]
            }
        }
        let who = "user \(user.id)"
        switch operation {
        case 0:
            let (lesvos, samos, thessaloniki) = (
                Fixtures.BaseID.lesvos, Fixtures.BaseID.samos, Fixtures.BaseID.thessaloniki
            )
            let (accepted, canceled) = (Fixtures.TransferID.acceptedAgreement, Fixtures.TransferID.canceledAgreement)
            let pairs: [(Base.ID, Base.ID, Int?)] = [
                (lesvos, thessaloniki, accepted), (thessaloniki, lesvos, accepted), (lesvos, samos, nil),
                (samos, lesvos, nil), (samos, thessaloniki, nil), (lesvos, thessaloniki, canceled),
            ]
            let (source, target, agreement) = pairs[Int.random(in: 0..<pairs.count, using: &random)]
            let creator = Bool.random(using: &random) ? coordinators[source] ?? user : user
            let (id, answer) = await Transfer.createShipment(
                api, from: source, to: target, agreement: agreement, as: creator)
            if let id { world.shipments.append(id) }
            return ("createShipment \(source)→\(target) by user \(creator.id)", answer)
        case 1, 2:
            let add = someLabels(5)
            let remove = operation == 2 ? someLabels(3) : []
            return (
                "prepare \(shipment) +\(add) -\(remove) by \(who)",
                await Transfer.prepare(api, shipment: shipment, add: add, remove: remove, as: user)
            )
        case 3...6:
            let (verb, mutation) = [
                ("cancel", "cancelShipment"), ("send", "sendShipment"), ("start receiving", "startReceivingShipment"),
                ("lose", "markShipmentAsLost"),
            ][operation - 3]
            return (
                "\(verb) \(shipment) by \(who)", await Transfer.transition(api, mutation, shipment: shipment, as: user)
            )
        case 7, 8:
            let rows =
                (try? await api.rows(
                    """
                    SELECT d.id, d.removed_on IS NULL AND d.lost_on IS NULL AND d.received_on IS NULL, sh.target_base_id \
                    FROM shipment_detail d JOIN shipment sh ON sh.id = d.shipment_id WHERE sh.id = ? ORDER BY d.id
                    """, [.integer(shipment)])) ?? []
            // Mostly valid receptions of active details, so that shipments complete; sometimes anything.
            let valid: [String: (products: [Product.ID], locations: [BoxtributeDomain.Location.ID])] = [
                "1": ([1], [1, 2]), "2": ([4], [4]), "3": ([5, 61], [5]),
            ]
            var received: [Transfer.Reception] = []
            for row in rows where Bool.random(using: &random) {
                guard let detailId = row[0].flatMap({ Int($0) }) else { continue }
                let sane = Int.random(in: 0..<10, using: &random) < 9
                if row[1] != "1" && sane { continue }
                let choices = valid[row[2] ?? ""] ?? ([1], [1])
                let products = sane ? choices.products : [1, 4, 5, 61, 60]
                let locations = sane ? choices.locations : [1, 4, 5, 3]
                received.append(
                    .init(
                        detailId: detailId, productId: products[Int.random(in: 0..<products.count, using: &random)],
                        locationId: locations[Int.random(in: 0..<locations.count, using: &random)],
                        sizeId: Int.random(in: 1...3, using: &random),
                        quantity: Int.random(in: (sane ? 0 : -1)...20, using: &random)))
            }
            let lost = operation == 8 ? someLabels(2) : []
            return (
                "receive \(shipment) \(received.map(\.detailId)) lost \(lost) by \(who)",
                await Transfer.receive(api, shipment: shipment, received: received, lost: lost, as: user)
            )
        case 9:
            let notDelivered =
                (try? await api.rows("SELECT id FROM stock WHERE box_state_id = 8 ORDER BY id"))?
                .compactMap { $0.first.flatMap { $0 }.flatMap { Int($0) }.map(Box.ID.init(rawValue:)) } ?? []
            let ids = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                let pool = !notDelivered.isEmpty && Bool.random(using: &random) ? notDelivered : world.boxIds
                return pool[Int.random(in: 0..<pool.count, using: &random)]
            }
            return ("move back \(ids) by \(who)", await Transfer.moveNotDelivered(api, boxIds: ids, as: user))
        case 10, 11:
            let label = world.labels[Int.random(in: 0..<world.labels.count, using: &random)]
            let (what, change) =
                operation == 10
                ? ("updateBox", "numberOfItems: 3, state: Donated") : ("updateBox back to stock", "state: InStock")
            return (
                "\(what) \(label) by \(who)",
                await api.run(
                    "mutation { updateBox(updateInput: {labelIdentifier: \"\(label)\", \(change)}) { id } }", as: user)
            )
        default:
            let labels = someLabels(3)
            return (
                "move \(labels) to WH Lesvos by \(who)",
                await api.run(
                    "mutation($labels: [String!]!) { moveBoxesToLocation(updateInput: {labelIdentifiers: $labels, locationId: \(Fixtures.LocationID.lesvosWarehouse)}) { __typename } }",
                    variables: ["labels": .array(labels.map(Map.string))], as: user)
            )
        }
    }

    // MARK: - Invariants

    /// Everything a refused operation must leave alone.
    static func snapshot(_ api: APIHarness) async throws -> [[String?]] {
        try await api.rows("SELECT id, box_state_id, product_id, location_id, size_id, items FROM stock ORDER BY id")
            + api.rows("SELECT id, state, target_base_id FROM shipment ORDER BY id")
            + api.rows(
                "SELECT id, removed_on, lost_on, received_on, target_product_id FROM shipment_detail ORDER BY id")
            + api.rows("SELECT COUNT(*) FROM history")
    }

    /// The invariants of shipments and their boxes, as readable violations.
    static func violations(_ api: APIHarness) async throws -> [String] {
        var found: [String] = []
        // At most one active detail per box.
        for row in try await api.rows(
            """
            SELECT box_id, COUNT(*) FROM shipment_detail WHERE removed_on IS NULL AND lost_on IS NULL \
            AND received_on IS NULL GROUP BY box_id HAVING COUNT(*) > 1
            """)
        {
            found.append("box \(row[0] ?? "") has \(row[1] ?? "") active details")
        }
        // At most one not-removed lost detail per box.
        for row in try await api.rows(
            """
            SELECT box_id, COUNT(*) FROM shipment_detail WHERE removed_on IS NULL AND lost_on IS NOT NULL \
            GROUP BY box_id HAVING COUNT(*) > 1
            """)
        {
            found.append("box \(row[0] ?? "") is lost in \(row[1] ?? "") shipments")
        }
        // Box state ⇔ detail and shipment state; a travelling box keeps its source values in the source base.
        let rows = try await api.rows(
            """
            SELECT s.id, s.box_state_id, sh.state, d.source_product_id, d.source_location_id, d.source_size_id, \
            d.source_quantity, s.product_id, s.location_id, s.size_id, s.items, l.camp_id, sh.source_base_id, \
            (SELECT COUNT(*) FROM shipment_detail x JOIN shipment y ON y.id = x.shipment_id WHERE x.box_id = s.id \
             AND x.removed_on IS NULL AND x.received_on IS NULL AND x.lost_on IS NOT NULL \
             AND y.state IN ('Receiving', 'Lost', 'Completed')), \
            (SELECT COUNT(*) FROM shipment_detail x WHERE x.box_id = s.id AND x.removed_on IS NULL \
             AND x.lost_on IS NOT NULL) \
            FROM stock s JOIN locations l ON l.id = s.location_id \
            LEFT JOIN shipment_detail d ON d.box_id = s.id AND d.removed_on IS NULL AND d.lost_on IS NULL \
            AND d.received_on IS NULL LEFT JOIN shipment sh ON sh.id = d.shipment_id ORDER BY s.id
            """)
        let expectedShipmentState: [String: String] = ["3": "Preparing", "7": "Sent", "4": "Receiving"]
        for row in rows {
            let box = row[0] ?? ""
            let state = row[1] ?? ""
            let shipmentState = row[2]
            let lostIn = Int(row[13] ?? "") ?? 0
            let lostAnywhere = Int(row[14] ?? "") ?? 0
            if let wanted = expectedShipmentState[state] {
                if shipmentState != wanted {
                    found.append("box \(box) in state \(state) has active shipment state \(shipmentState ?? "none")")
                }
                if Array(row[3...6]) != Array(row[7...10]) {
                    found.append("travelling box \(box) changed: source \(Array(row[3...6])) now \(Array(row[7...10]))")
                }
                if row[11] != row[12] {
                    found.append("travelling box \(box) is in base \(row[11] ?? "") not the source \(row[12] ?? "")")
                }
            } else if shipmentState != nil {
                found.append("box \(box) in state \(state) has an active detail in a \(shipmentState ?? "") shipment")
            }
            if state == "8" && lostIn != 1 {
                found.append("not-delivered box \(box) has \(lostIn) lost details")
            }
            if state != "8" && lostAnywhere != 0 {
                found.append("box \(box) in state \(state) is still marked lost")
            }
        }
        // Shipments: settled states have nothing travelling; nothing is received before receiving starts.
        for row in try await api.rows(
            """
            SELECT sh.id, sh.state, d.id FROM shipment sh JOIN shipment_detail d ON d.shipment_id = sh.id \
            WHERE (sh.state IN ('Completed', 'Lost', 'Canceled') AND d.removed_on IS NULL AND d.lost_on IS NULL \
            AND d.received_on IS NULL) \
            OR (sh.state IN ('Preparing', 'Sent') AND (d.received_on IS NOT NULL OR d.lost_on IS NOT NULL)) \
            OR (sh.state = 'Canceled' AND d.removed_on IS NULL)
            """)
        {
            found.append("shipment \(row[0] ?? "") in state \(row[1] ?? "") has detail \(row[2] ?? "") out of place")
        }
        // A received box's detail holds what the receiver entered.
        for row in try await api.rows(
            """
            SELECT d.id FROM shipment_detail d WHERE d.received_on IS NOT NULL AND (d.target_product_id IS NULL \
            OR d.target_location_id IS NULL OR d.target_quantity IS NULL OR d.target_quantity < 0)
            """)
        {
            found.append("received detail \(row[0] ?? "") lacks its target values")
        }
        return found
    }
}
