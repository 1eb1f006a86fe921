import BoxtributeDomain

/// The root `Query` fields of the boxes side of the warehouse: boxes, QR codes, locations.
enum BoxQueries {
    struct BoxArguments: Decodable { var labelIdentifier: String }

    struct BoxesArguments: Decodable {
        var baseId: Base.ID
        var paginationInput: PaginationInputArgument?
        var filterInput: BoxFilterInputArgument?
    }

    struct QrCodeArguments: Decodable { var code: String }

    struct QrExistsArguments: Decodable { var code: String? }

    struct LocationArguments: Decodable { var id: Location.ID }

    static func register(in registry: inout ResolverRegistry) {
        registry.object("Query", RootValue.self) { query in
            query.query("box", BoxArguments.self) { arguments, context in
                try await BoxService.box(labelIdentifier: arguments.labelIdentifier, in: context.readScope)
            }
            query.query("boxes", BoxesArguments.self) { arguments, context in
                try await BoxService.boxes(
                    ofBase: arguments.baseId, filter: arguments.filterInput?.filter ?? BoxFilter(),
                    pagination: arguments.paginationInput?.input, maximumPageSize: context.limits.maxPageSize,
                    in: context.readScope)
            }
            query.query("qrCode", QrCodeArguments.self) { arguments, context in
                do {
                    return try await QrCodeService.qrCode(code: arguments.code, in: context.readScope)
                } catch {
                    return try await context.unionMember(for: error)
                }
            }
            query.query("qrExists", QrExistsArguments.self) { arguments, context in
                try await QrCodeService.qrExists(code: arguments.code, in: context.readScope)
            }
            query.query("location", LocationArguments.self) { arguments, context in
                try await LocationService.location(id: arguments.id, in: context.readScope)
            }
            query.readQuery("locations", LocationService.locations(in:))
        }
    }
}
