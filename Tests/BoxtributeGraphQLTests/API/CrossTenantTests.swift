import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeGraphQL
import BoxtributeStorage
import BoxtributeTestSupport
import GraphQL
import OrderedCollections
import Testing

/// Every query, every nested field leading to a base's data and every mutation of the full
/// API, generated from the schema (``CrossTenantGenerator``), sent with Lesvos' ids by users
/// who may not see or change Lesvos' data: no answered object may belong to a base the user
/// is not entitled to, and no refused mutation may change a row.
@Suite("Cross-tenant access")
struct CrossTenantTests {
    /// Who sends the generated requests.
    enum Stranger: String, CaseIterable, CustomTestStringConvertible {
        /// Coordinator of Lampedusa, a base of an organisation without any link to Lesvos'.
        case otherOrganisation
        /// Coordinator of Leros, another base of Lesvos' organisation.
        case otherBase
        /// A user of Lesvos lacking the permission: queries from one holding only `base:read`
        /// (and the base-agnostic reads), mutations from one holding only read permissions.
        case lackingPermission

        var testDescription: String { rawValue }

        func user(forMutations: Bool) -> CurrentUser {
            switch self {
            case .otherOrganisation: Fixtures.CrossTenant.lampedusaCoordinator
            case .otherBase: Fixtures.CrossTenant.lerosCoordinator
            case .lackingPermission:
                forMutations ? Fixtures.lesvosReader : Fixtures.CrossTenant.lesvosBaseReader
            }
        }

        /// The bases whose objects of `type` the user may be answered.
        func entitledBases(for type: String, forMutations: Bool) -> Set<String> {
            switch self {
            case .otherOrganisation: ["\(Fixtures.CrossTenant.lampedusa)"]
            case .otherBase: ["\(Fixtures.CrossTenant.leros)"]
            case .lackingPermission:
                // `standardProducts(baseId:)` shows the base's instantiations to holders of
                // `standard_product:read` for the base (the reference's
                // `business_logic/warehouse/standard_product/queries.py`).
                forMutations || type == "Base" || type == "StandardProduct.instantiation"
                    ? ["\(Fixtures.BaseID.lesvos)"] : []
            }
        }
    }

    static let api: GraphQLAPI? = try? APIHarness.api()

    static func generator() throws -> CrossTenantGenerator {
        CrossTenantGenerator(schema: try #require(api).schema)
    }

    @Test("the generator fills every query and mutation and reaches every field leading to base data")
    func coverage() throws {
        let generator = try Self.generator()
        let schema = generator.schema
        let queries = try generator.operations(of: try #require(schema.queryType), keyword: "query")
        let mutations = try generator.operations(of: try #require(schema.mutationType), keyword: "mutation")
        #expect(queries.unfillable.isEmpty, "cannot fill: \(queries.unfillable)")
        #expect(mutations.unfillable.isEmpty, "cannot fill: \(mutations.unfillable)")
        #expect(queries.operations.count == (try schema.queryType?.fields().count))
        #expect(mutations.operations.count == (try schema.mutationType?.fields().count))
        let selected = (queries.operations + mutations.operations).reduce(into: Set<String>()) {
            $0.formUnion($1.edges)
        }
        let missing = try generator.baseReachingEdges().subtracting(selected)
        #expect(missing.isEmpty, "nested fields leading to base data that no document selects: \(missing.sorted())")
    }

    @Test("no query answers data of a base the user may not read", arguments: Stranger.allCases)
    func queries(_ stranger: Stranger) async throws {
        let generator = try Self.generator()
        let generation = try generator.operations(of: try #require(generator.schema.queryType), keyword: "query")
        let api = APIHarness(api: try #require(Self.api), database: try await Fixtures.CrossTenant.makeDatabase())
        let owners = try await Self.owners(api)
        var leaks: [String] = []
        for operation in generation.operations {
            let answer = await api.run(operation.document, as: stranger.user(forMutations: false))
            #expect(answer.json["data"] != nil, "\(operation) was not executed: \(answer.json)")
            leaks += Self.foreignObjects(in: answer.json["data"] ?? .null, path: operation.field, owners: owners) {
                stranger.entitledBases(for: $0, forMutations: false)
            }
        }
        #expect(leaks.isEmpty, "foreign data answered to \(stranger.rawValue): \(leaks)")
    }

    @Test("the generated queries do answer Lesvos' data to Lesvos' coordinator")
    func queriesReachDataForTheOwner() async throws {
        let generator = try Self.generator()
        let generation = try generator.operations(of: try #require(generator.schema.queryType), keyword: "query")
        let api = APIHarness(api: try #require(Self.api), database: try await Fixtures.CrossTenant.makeDatabase())
        let owners = try await Self.owners(api)
        var empty: [String] = []
        for operation in generation.operations {
            let answer = await api.run(operation.document, as: Fixtures.lesvosCoordinator)
            let objects = Self.foreignObjects(in: answer.json["data"] ?? .null, path: "", owners: owners) { _ in [] }
            if objects.isEmpty { empty.append(operation.field) }
        }
        #expect(Set(empty) == Self.answeringNoBaseData, "\(empty.sorted())")
    }

    /// Queries whose answer carries no object of a base even for Lesvos' coordinator: answers
    /// without base data (`qrExists`, `sizeRanges`; `users` is for god users), a standard
    /// product's instantiation only answered inside `standardProducts(baseId:)`, and an
    /// organisation's bases, which become null as a whole because the non-null `locations` of
    /// another organisation's base is refused. The statistics queries answer data cubes:
    /// counts keyed by ids, no object of a base (their access is checked by the statistics
    /// suites).
    static let answeringNoBaseData: Set<String> = [
        "organisations", "organisation", "users", "sizeRanges", "standardProduct", "qrExists",
        "beneficiaryDemographics", "beneficiaryFigures", "beneficiaryReach", "createdBoxes", "metrics",
        "movedBoxes", "stockOverview", "topProductsCheckedOut", "topProductsDonated",
    ]

    @Test("no mutation changes a row, nor answers foreign data", arguments: Stranger.allCases)
    func mutations(_ stranger: Stranger) async throws {
        let generator = try Self.generator()
        let generation = try generator.operations(of: try #require(generator.schema.mutationType), keyword: "mutation")
        let api = APIHarness(api: try #require(Self.api), database: try await Fixtures.CrossTenant.makeDatabase())
        let owners = try await Self.owners(api)
        var leaks: [String] = []
        var writes: [String] = []
        var before = try await Self.digest(api)
        for operation in generation.operations {
            let answer = await api.run(operation.document, as: stranger.user(forMutations: true))
            #expect(answer.json["data"] != nil, "\(operation) was not executed: \(answer.json)")
            leaks += Self.foreignObjects(in: answer.json["data"] ?? .null, path: operation.field, owners: owners) {
                stranger.entitledBases(for: $0, forMutations: true)
            }
            let after = try await Self.digest(api)
            let changed = after.keys.filter { before[$0] != after[$0] }.sorted()
            if !changed.isEmpty {
                writes.append("\(operation.field) changed \(changed): \(answer.json)")
                before = after
            }
        }
        #expect(writes.isEmpty, "writes by \(stranger.rawValue): \(writes)")
        #expect(leaks.isEmpty, "foreign data answered to \(stranger.rawValue): \(leaks)")
    }

    @Test("the generated mutations do change Lesvos' rows when Lesvos' coordinator sends them")
    func mutationsTakeEffectForTheOwner() async throws {
        let generator = try Self.generator()
        let generation = try generator.operations(of: try #require(generator.schema.mutationType), keyword: "mutation")
        let api = APIHarness(api: try #require(Self.api), database: try await Fixtures.CrossTenant.makeDatabase())
        var before = try await Self.digest(api)
        var ineffective: [String] = []
        for operation in generation.operations {
            _ = await api.run(operation.document, as: Fixtures.lesvosCoordinator)
            let after = try await Self.digest(api)
            if after == before { ineffective.append(operation.field) }
            before = after
        }
        #expect(Set(ineffective) == Self.ineffectiveForTheOwner, "\(ineffective.sorted())")
    }

    /// Mutations Lesvos' coordinator cannot carry out with the generated values: the receiving
    /// side of the fixtures' only sent shipment is Thessaloniki, and no box of Lesvos is marked
    /// for a shipment when `updateMarkedForShipmentBox` runs (schema order). For these three,
    /// the strangers are refused where the owner would be too.
    static let ineffectiveForTheOwner: Set<String> = [
        "startReceivingShipment", "updateShipmentWhenReceiving", "updateMarkedForShipmentBox",
    ]

    // MARK: Foreign objects

    /// `type → id → bases` of every row of a base-owned type.
    static func owners(_ api: APIHarness) async throws -> [String: [String: Set<String>]] {
        let statements: [(String, String)] = [
            ("Base", "SELECT id, id FROM camps"),
            ("Box", "SELECT s.id, l.camp_id FROM stock s JOIN locations l ON l.id = s.location_id"),
            ("ClassicLocation", "SELECT id, camp_id FROM locations"),
            ("DistributionSpot", "SELECT id, camp_id FROM locations"),
            ("Product", "SELECT id, camp_id FROM products"),
            ("Tag", "SELECT id, camp_id FROM tags"),
            ("Beneficiary", "SELECT id, camp_id FROM people"),
            ("Transaction", "SELECT t.id, p.camp_id FROM transactions t JOIN people p ON p.id = t.people_id"),
            ("Shipment", "SELECT id, source_base_id FROM shipment UNION SELECT id, target_base_id FROM shipment"),
            (
                "ShipmentDetail",
                """
                SELECT d.id, s.source_base_id FROM shipment_detail d JOIN shipment s ON s.id = d.shipment_id
                UNION SELECT d.id, s.target_base_id FROM shipment_detail d JOIN shipment s ON s.id = d.shipment_id
                """
            ),
            (
                "TransferAgreement",
                """
                SELECT transfer_agreement_id, source_base_id FROM transfer_agreement_detail
                UNION SELECT transfer_agreement_id, target_base_id FROM transfer_agreement_detail
                """
            ),
            (
                "DistributionEvent",
                "SELECT e.id, l.camp_id FROM distro_events e JOIN locations l ON l.id = e.location_id"
            ),
            (
                "PackingListEntry",
                """
                SELECT p.id, l.camp_id FROM distro_events_packing_list_entries p
                JOIN distro_events e ON e.id = p.distro_event_id JOIN locations l ON l.id = e.location_id
                """
            ),
            (
                "UnboxedItemsCollection",
                """
                SELECT c.id, l.camp_id FROM distro_events_unboxed_item_collections c
                JOIN locations l ON l.id = c.location_id
                """
            ),
            ("DistributionEventsTrackingGroup", "SELECT id, base_id FROM distro_events_tracking_groups"),
            (
                "DistributionEventsTrackingEntry",
                """
                SELECT t.id, g.base_id FROM distro_events_tracking_logs t
                JOIN distro_events_tracking_groups g ON g.id = t.distro_event_tracking_group_id
                """
            ),
            (
                "HistoryEntry",
                """
                SELECT h.id, l.camp_id FROM history h JOIN stock s ON h.tablename = 'stock' AND s.id = h.record_id
                JOIN locations l ON l.id = s.location_id
                UNION SELECT h.id, p.camp_id FROM history h
                JOIN products p ON h.tablename = 'products' AND p.id = h.record_id
                """
            ),
        ]
        var owners: [String: [String: Set<String>]] = [:]
        for (type, sql) in statements {
            for row in try await api.rows(sql) {
                guard row.count == 2, let id = row[0], let base = row[1] else { continue }
                owners[type, default: [:]][id, default: []].insert(base)
            }
        }
        #expect(Set(owners.keys) == CrossTenantGenerator.baseOwnedTypes)
        return owners
    }

    /// Descriptions of the answered objects owned by bases outside `entitled(type)`. Bases
    /// listed by `Organisation.bases` are readable by everyone (the reference's
    /// `authorize_for_organisation_bases`), but not their stock figures.
    static func foreignObjects(
        in json: JSONValue, path: String, owners: [String: [String: Set<String>]],
        parent: (type: String, field: String)? = nil, entitled: (String) -> Set<String>
    ) -> [String] {
        switch json {
        case .array(let items):
            return items.enumerated().flatMap { index, item in
                foreignObjects(in: item, path: "\(path)[\(index)]", owners: owners, parent: parent, entitled: entitled)
            }
        case .object(let raw):
            let type = raw["__typename"]?.string ?? ""
            // Fields selected in inline fragments are aliased `<Type>__<field>`.
            var fields: [String: JSONValue] = [:]
            for (key, value) in raw {
                fields[key.hasPrefix("\(type)__") ? String(key.dropFirst(type.count + 2)) : key] = value
            }
            var found: [String] = []
            let reachedAs =
                type == "Product" && parent?.type == "StandardProduct" && parent?.field == "instantiation"
                ? "StandardProduct.instantiation" : type
            if let id = fields["id"]?.string, let bases = owners[type]?[id], bases.isDisjoint(with: entitled(reachedAs))
            {
                let listedByOrganisation = type == "Base" && parent?.type == "Organisation" && parent?.field == "bases"
                if !listedByOrganisation {
                    found.append("\(path): \(type) \(id) of base \(bases.sorted())")
                } else {
                    for figure in ["instockBoxesCount", "instockItemsCount"] {
                        if let value = fields[figure], value != .null, value != 0 {
                            found.append("\(path).\(figure) of base \(id): \(value)")
                        }
                    }
                }
            }
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) where key != "__typename" {
                found += foreignObjects(
                    in: value, path: "\(path).\(key)", owners: owners, parent: (type, key), entitled: entitled)
            }
            return found
        default:
            return []
        }
    }

    // MARK: Database digest

    /// Every table's rows, as sorted text lines.
    static func digest(_ api: APIHarness) async throws -> [String: [String]] {
        let tablesSQL =
            switch api.database.dialect {
            case .sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            case .mysql: "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
            }
        var digest: [String: [String]] = [:]
        for table in try await api.rows(tablesSQL).compactMap({ $0.first ?? nil }) {
            digest[table] = try await api.rows("SELECT * FROM `\(table)`").map { row in
                row.map { $0 ?? "NULL" }.joined(separator: "\u{1F}")
            }.sorted()
        }
        return digest
    }
}
