import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import GraphQL

/// The root `Query` fields of the box-transfer domain (spec 04 §7).
enum TransferQueries {
    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.legacyRoot("transferAgreement") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let agreement = try await TransferAgreementStore.byIds([id], in: context)[id].orNotFound()
                // Any base of either side counts, deleted ones included.
                let bases = try await TransferResolvers.basesOfAgreements([id], context: context)
                try context.currentUser.authorize("transfer_agreement:read", anyOf: bases.map(\.base.id))
                return agreement
            }
            query.legacyRoot("transferAgreements") { arguments, context in
                let scope = try TransferResolvers.readScope("transfer_agreement_detail:read", context: context)
                let states = (arguments.stringList("states") ?? []).compactMap(TransferAgreementState.init(rawValue:))
                return try await TransferAgreementStore.list(
                    scope: scope, states: states, now: context.environment.now(), in: context)
            }
            query.legacyRoot("shipment") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let shipment = try await ShipmentStore.byIds([id], in: context)[id].orNotFound()
                try context.currentUser.authorize("shipment:read", anyOf: shipment.baseIds)
                return shipment
            }
            query.legacyRoot("shipments") { arguments, context in
                let scope = try TransferResolvers.readScope("shipment:read", context: context)
                let states = (arguments.stringList("states") ?? []).compactMap(ShipmentState.init(rawValue:))
                return try await ShipmentStore.list(scope: scope, states: states, in: context)
            }
        }
    }

}
