import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage

/// The root `Query` fields of the boxes side of the warehouse: boxes, QR codes, locations.
enum BoxQueries {
    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.legacyRoot("box") { arguments, context in
                let label = arguments.string("labelIdentifier") ?? ""
                let box = try await BoxStore.byLabel(label, in: context).orNotFound()
                try await BoxAccess.authorize(box, action: "read", user: try context.currentUser, in: context)
                return box
            }
            query.legacyRoot("boxes") { arguments, context in
                let baseId = try arguments.id("baseId") ?? 0
                try context.currentUser.authorize("stock:read", baseId: baseId)
                return try await BoxStore.page(
                    baseId: baseId, filter: boxFilter(arguments), request: try pageRequest(arguments, context: context),
                    in: context)
            }
            query.legacyRoot("qrCode") { arguments, context in
                do throws(Forbidden) {
                    try context.currentUser.authorize("qr:read")
                } catch {
                    return try await context.unionError(for: error)
                }
                let code = arguments.string("code") ?? ""
                guard let qrCode = try await QrCodeStore.byCode(code, in: context) else {
                    return ResourceDoesNotExistError(id: nil, name: "QrCode")
                }
                return qrCode
            }
            query.legacyRoot("qrExists") { arguments, context in
                try context.currentUser.authorize("qr:read")
                guard let code = arguments.string("code") else { return false }
                return try await QrCodeStore.byCode(code, in: context) != nil
            }
            query.legacyRoot("location") { arguments, context in
                let id = try arguments.id("id") ?? 0
                let location = try await LocationStore.byIds([id], in: context)[id].orNotFound()
                guard location.isClassic else { return nil }
                try context.currentUser.authorize("location:read", baseId: location.baseId)
                return location
            }
            query.legacyRoot("locations") { _, context in
                let scope = try context.currentUser.baseScope(for: "location:read")
                return try await LocationStore.classic(scope: scope, in: context)
            }
        }
    }
}
