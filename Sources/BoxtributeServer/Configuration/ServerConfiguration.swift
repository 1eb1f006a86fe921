import BoxtributeStorage
import Foundation

/// Everything the server reads from the environment, read once at start-up, with
/// Boxtribute's variable names.
public struct ServerConfiguration: Sendable {
    /// `ENVIRONMENT`: `development` (default), `staging`, `demo` or `production`.
    public var environment: String
    /// `AUTH0_DOMAIN`; tokens must be issued by `https://<domain>/`.
    public var auth0Domain: String
    /// `AUTH0_AUDIENCE`; tokens must carry it as `aud`.
    public var auth0Audience: String
    /// `AUTH0_PUBLIC_KEY`: PEM of the key that signs tokens (public key or certificate).
    public var auth0PublicKey: String?
    /// Whether `AUTH0_DOMAIN` was set explicitly, so its published keys may be fetched.
    public var auth0DomainIsExplicit: Bool
    /// `DATABASE_URL`, or one built from `MYSQL_*`; `nil` for the default embedded database.
    public var databaseURL: String?
    /// Largest accepted request body.
    public var maxRequestBytes: Int

    /// Domain and audience used when none are configured outside production.
    public static let developmentDomain = "dev.boxtribute.local"
    public static let developmentAudience = "boxtribute-dev-api"

    public var isProduction: Bool { environment == "production" }
    public var isDevelopment: Bool { environment == "development" }
    /// The `iss` claim tokens must carry.
    public var issuer: String { "https://\(auth0Domain)/" }

    public init(
        environment: String = "development", auth0Domain: String = developmentDomain,
        auth0Audience: String = developmentAudience, auth0PublicKey: String? = nil, auth0DomainIsExplicit: Bool = false,
        databaseURL: String? = nil, maxRequestBytes: Int = 1 << 20
    ) {
        self.environment = environment
        self.auth0Domain = auth0Domain
        self.auth0Audience = auth0Audience
        self.auth0PublicKey = auth0PublicKey
        self.auth0DomainIsExplicit = auth0DomainIsExplicit
        self.databaseURL = databaseURL
        self.maxRequestBytes = maxRequestBytes
    }

    /// Reads the configuration from environment variables.
    /// - Throws: ``ConfigurationError`` when production lacks its Auth0 settings.
    public static func fromEnvironment(
        _ variables: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> ServerConfiguration {
        func value(_ name: String) -> String? {
            guard let text = variables[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        let environment = value("ENVIRONMENT") ?? "development"
        let domain = value("AUTH0_DOMAIN")
        let audience = value("AUTH0_AUDIENCE")
        if environment == "production" {
            guard domain != nil else { throw ConfigurationError(message: "AUTH0_DOMAIN must be set in production") }
            guard audience != nil else { throw ConfigurationError(message: "AUTH0_AUDIENCE must be set in production") }
        }
        // PEM keys in environment variables often arrive with escaped newlines.
        let publicKey = value("AUTH0_PUBLIC_KEY")?.replacingOccurrences(of: "\\n", with: "\n")
        return ServerConfiguration(
            environment: environment, auth0Domain: domain ?? developmentDomain,
            auth0Audience: audience ?? developmentAudience, auth0PublicKey: publicKey,
            auth0DomainIsExplicit: domain != nil,
            databaseURL: value("DATABASE_URL") ?? mysqlURL(value),
            maxRequestBytes: value("MAX_REQUEST_BYTES").flatMap(Int.init) ?? 1 << 20)
    }

    /// A `mysql://` URL from the reference's `MYSQL_*` variables, when `MYSQL_DB` is set
    /// (`MYSQL_SOCKET` and `MYSQL_POOL_SIZE` become URL options).
    private static func mysqlURL(_ value: (String) -> String?) -> String? {
        guard let database = value("MYSQL_DB") else { return nil }
        let user = value("MYSQL_USER") ?? "root"
        let password = value("MYSQL_PASSWORD").map { ":" + percentEncoded($0) } ?? ""
        let host = value("MYSQL_HOST") ?? "127.0.0.1"
        let port = value("MYSQL_PORT") ?? "3306"
        var options: [String] = []
        if let socket = value("MYSQL_SOCKET") { options.append("socket=" + percentEncoded(socket)) }
        if let pool = value("MYSQL_POOL_SIZE") { options.append("pool=" + percentEncoded(pool)) }
        let query = options.isEmpty ? "" : "?" + options.joined(separator: "&")
        return "mysql://\(user)\(password)@\(host):\(port)/\(database)\(query)"
    }

    private static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// The database location: `--database`, else `DATABASE_URL`/`MYSQL_*`, else the embedded default.
    public func databaseLocation(override: String?) throws -> DatabaseLocation {
        guard let url = override ?? databaseURL else { return .defaultLocation }
        return try DatabaseLocation(url: url)
    }
}

/// The environment does not describe a runnable server.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
