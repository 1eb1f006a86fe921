import Foundation

/// The three deployments of the API.
public enum APIVariant: String, Sendable, CaseIterable {
    /// `/graphql`: queries and mutations for Boxtribute's front-end.
    case full
    /// `/`: the query-only API for partners.
    case query
    /// `/public`: share-link API without authentication.
    case `public`

    /// The domains this variant serves, in the order their SDL is read.
    var domains: [GraphQLDomain] {
        switch self {
        case .full, .query:
            [.shared, .core, .warehouse, .transfers, .distribution, .beneficiaries, .dataCubes, .statistics]
        case .public: [.shared, .dataCubes, .publicSharing]
        }
    }

    /// Whether this variant has a `Mutation` type.
    var hasMutations: Bool { self == .full }

    /// The SDL files composing this variant's schema, in order: every domain's types and
    /// queries, then every domain's mutations.
    var schemaFiles: [String] {
        domains.flatMap(\.schemaFiles) + (hasMutations ? domains.flatMap(\.mutationSchemaFiles) : [])
    }

    /// The SDL text of this variant.
    public func sdlSource() throws -> String {
        try schemaFiles.map { name in
            guard let url = Bundle.module.url(forResource: name, withExtension: "graphql") else {
                throw MissingSchemaFile(name: name)
            }
            return try String(contentsOf: url, encoding: .utf8)
        }.joined(separator: "\n")
    }

    /// Every resolver of this variant.
    func registry() -> ResolverRegistry {
        var registry = ResolverRegistry()
        for domain in domains { domain.register(&registry, hasMutations) }
        return registry
    }
}

/// An SDL file is missing from the resource bundle.
public struct MissingSchemaFile: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "schema file \(name).graphql not found in the resource bundle" }
}
