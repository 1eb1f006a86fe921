import BoxtributeDomain
import Foundation
import NIOHTTP1

/// The Auth0 Management API calls of the operations jobs (the reference's `cli/service.py`):
/// a token by client credentials, the paged user search, the roles by name, updating users
/// and deleting roles.
public struct Auth0ManagementAPI: Sendable {
    /// `AUTH0_MANAGEMENT_API_DOMAIN`, `…_CLIENT_ID`, `…_CLIENT_SECRET`.
    public struct Credentials: Sendable, Equatable {
        /// The tenant's domain (`https://` is prepended), or a full `http(s)://host[:port]` base URL.
        public var domain: String
        public var clientId: String
        public var clientSecret: String

        public init(domain: String, clientId: String, clientSecret: String) {
            self.domain = domain
            self.clientId = clientId
            self.clientSecret = clientSecret
        }

        /// The API's base URL, without a trailing slash.
        public var baseURL: String {
            let trimmed = domain.hasSuffix("/") ? String(domain.dropLast()) : domain
            return trimmed.contains("://") ? trimmed : "https://" + trimmed
        }
    }

    /// A call the Management API refused or could not answer.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var status: Int?
        public var message: String
        public var description: String {
            status.map { "Auth0 Management API error \($0): \(message)" } ?? "Auth0 Management API error: \(message)"
        }
    }

    /// A user as the search returns it (the fields asked for; others absent).
    public struct User: Sendable, Decodable, Equatable {
        public var userId: String?
        public var name: String?
        public var blocked: Bool?
        public var lastLogin: String?
        public var appMetadata: AppMetadata?

        enum CodingKeys: String, CodingKey {
            case userId = "user_id", name, blocked, lastLogin = "last_login", appMetadata = "app_metadata"
        }
    }

    /// The part of `app_metadata` Boxtribute keeps: base ids and organisation, as strings.
    public struct AppMetadata: Sendable, Decodable, Equatable {
        public var baseIds: [String]?
        public var organisationId: String?

        enum CodingKeys: String, CodingKey { case baseIds = "base_ids", organisationId = "organisation_id" }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            baseIds = try container.decodeIfPresent([LooseString].self, forKey: .baseIds)?.map(\.value)
            organisationId = try container.decodeIfPresent(LooseString.self, forKey: .organisationId)?.value
        }
    }

    /// Users per page of the search, Auth0's maximum.
    public static let pageSize = 100
    /// Pages read at most (Auth0's search itself stops at 1 000 results).
    public static let maxPages = 100

    public let baseURL: String
    let http: OutgoingHTTP
    let token: String

    /// Gets a token by client credentials for the tenant's Management API.
    public static func connect(_ credentials: Credentials, http: OutgoingHTTP) async throws -> Auth0ManagementAPI {
        struct TokenRequest: Encodable {
            let grant_type = "client_credentials"
            let client_id: String
            let client_secret: String
            let audience: String
        }
        struct TokenResponse: Decodable { let access_token: String }
        let base = credentials.baseURL
        let body = try OutgoingHTTP.encode(
            TokenRequest(
                client_id: credentials.clientId, client_secret: credentials.clientSecret, audience: base + "/api/v2/"))
        let response = try await http.send(.POST, base + "/oauth/token", json: body)
        guard response.isSuccess else { throw Failure(status: response.status, message: response.text) }
        let token = try decode(TokenResponse.self, response).access_token
        return Auth0ManagementAPI(baseURL: base, http: http, token: token)
    }

    /// Every user matching the Lucene `query`, page by page (100 per page).
    public func users(query: String, fields: [String]) async throws -> [User] {
        struct Page: Decodable {
            let users: [User]
            let total: Int?
        }
        var users: [User] = []
        for page in 0..<Self.maxPages {
            let result = try await get(
                "/api/v2/users",
                [
                    ("q", query), ("search_engine", "v3"), ("fields", fields.joined(separator: ",")),
                    ("include_fields", "true"), ("page", String(page)), ("per_page", String(Self.pageSize)),
                    ("include_totals", "true"),
                ], as: Page.self)
            users += result.users
            let total = result.total ?? users.count
            if result.users.isEmpty || users.count >= total || result.users.count < Self.pageSize { break }
        }
        return users
    }

    /// Every role whose name contains `nameFilter` (Auth0 filters by substring).
    public func roles(nameFilter: String) async throws -> [BaseAccessRemoval.Auth0Role] {
        struct Role: Decodable {
            let id: String
            let name: String
        }
        struct Page: Decodable {
            let roles: [Role]
            let total: Int?
        }
        var roles: [BaseAccessRemoval.Auth0Role] = []
        for page in 0..<Self.maxPages {
            let result = try await get(
                "/api/v2/roles",
                [
                    ("name_filter", nameFilter), ("page", String(page)), ("per_page", String(Self.pageSize)),
                    ("include_totals", "true"),
                ], as: Page.self)
            roles += result.roles.map { .init(id: $0.id, name: $0.name) }
            let total = result.total ?? roles.count
            if result.roles.isEmpty || roles.count >= total || result.roles.count < Self.pageSize { break }
        }
        return roles
    }

    /// `PATCH /api/v2/users/{id}` with `body` (Auth0 merges `app_metadata`).
    public func updateUser(id: String, _ body: some Encodable) async throws {
        let response = try await http.send(
            .PATCH, baseURL + "/api/v2/users/" + Self.pathSegment(id), headers: authorization,
            json: try OutgoingHTTP.encode(body))
        guard response.isSuccess else { throw Failure(status: response.status, message: response.text) }
    }

    /// `DELETE /api/v2/roles/{id}`; returns `false` when the role does not exist (404).
    @discardableResult
    public func deleteRole(id: String) async throws -> Bool {
        let response = try await http.send(
            .DELETE, baseURL + "/api/v2/roles/" + Self.pathSegment(id), headers: authorization)
        if response.status == 404 { return false }
        guard response.isSuccess else { throw Failure(status: response.status, message: response.text) }
        return true
    }

    private var authorization: [(String, String)] { [("Authorization", "Bearer " + token)] }

    private func get<T: Decodable>(_ path: String, _ query: [(String, String)], as type: T.Type) async throws -> T {
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        // `+` is a space to some servers' query parsers; Lucene queries may contain it.
        let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        let response = try await http.send(.GET, baseURL + path + "?" + encoded, headers: authorization)
        guard response.isSuccess else { throw Failure(status: response.status, message: response.text) }
        return try Self.decode(T.self, response)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ response: OutgoingHTTP.Response) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw Failure(status: response.status, message: "unexpected answer: \(error)")
        }
    }

    private static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }
}

/// A JSON string or number, read as a string (Auth0 metadata holds either).
struct LooseString: Decodable {
    let value: String
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else {
            value = String(try container.decode(Int.self))
        }
    }
}
