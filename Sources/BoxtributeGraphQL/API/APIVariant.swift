import Foundation

/// The three deployments of the API.
public enum APIVariant: String, Sendable, CaseIterable {
    /// `/graphql`: queries and mutations for Boxtribute's front-end.
    case full
    /// `/`: the query-only API for partners.
    case query
    /// `/public`: share-link API without authentication.
    case `public`

    /// The SDL files composing this variant's schema, in order.
    var schemaFiles: [String] {
        switch self {
        case .full: APIVariant.query.schemaFiles + ["warehouse-mutations", "transfer-mutations"]
        case .query: ["base", "warehouse", "transfers", "distribution", "beneficiaries"]
        case .public: ["base", "public"]
        }
    }

    /// The SDL text of this variant.
    public func sdlSource() throws -> String {
        try schemaFiles.map { name in
            guard let url = Bundle.module.url(forResource: name, withExtension: "graphql", subdirectory: "Schema")
            else {
                throw MissingSchemaFile(name: name)
            }
            return try String(contentsOf: url, encoding: .utf8)
        }.joined(separator: "\n")
    }
}

/// An SDL file is missing from the resource bundle.
public struct MissingSchemaFile: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "schema file \(name).graphql not found in the resource bundle" }
}
