import BoxtributeDatabase
import BoxtributeGraphQL
import BoxtributeOperations
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
    /// Timeouts and limits of the HTTP server and its shutdown.
    public var http: HTTPLimits
    /// What one GraphQL request may ask for.
    public var graphQL: GraphQLLimits
    /// The cron jobs' and the Auth0 log-stream bridge's settings (webhooks, tokens, Auth0 Management API).
    public var operations = OperationsConfiguration()

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
        databaseURL: String? = nil, maxRequestBytes: Int = 1 << 20, http: HTTPLimits = HTTPLimits(),
        graphQL: GraphQLLimits = .standard
    ) {
        self.environment = environment
        self.auth0Domain = auth0Domain
        self.auth0Audience = auth0Audience
        self.auth0PublicKey = auth0PublicKey
        self.auth0DomainIsExplicit = auth0DomainIsExplicit
        self.databaseURL = databaseURL
        self.maxRequestBytes = maxRequestBytes
        self.http = http
        self.graphQL = graphQL
    }

    /// Reads the configuration from environment variables.
    /// - Throws: ``ConfigurationError`` when production lacks its Auth0 settings or a limit is not
    ///   a positive number.
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
            maxRequestBytes: try positiveInteger("MAX_REQUEST_BYTES", value) ?? 1 << 20,
            http: try HTTPLimits.fromEnvironment(value), graphQL: try GraphQLLimits.fromEnvironment(value)
        ).with(operations: OperationsConfiguration.fromEnvironment(value))
    }

    /// The variable's value as a positive integer; `nil` when unset.
    static func positiveInteger(
        _ name: String, _ value: (String) -> String?
    ) throws(ConfigurationError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), number > 0 else {
            throw ConfigurationError(message: "\(name) must be a positive whole number, not '\(text)'")
        }
        return number
    }

    /// The variable's value as a positive number of seconds; `nil` when unset.
    static func positiveSeconds(
        _ name: String, _ value: (String) -> String?
    ) throws(ConfigurationError) -> Duration? {
        guard let text = value(name) else { return nil }
        guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 86_400 else {
            throw ConfigurationError(message: "\(name) must be a number of seconds above 0, not '\(text)'")
        }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
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
        for (variable, option) in [
            ("MYSQL_CONNECT_TIMEOUT", "connect_timeout"), ("MYSQL_READ_TIMEOUT", "read_timeout"),
            ("MYSQL_WRITE_TIMEOUT", "write_timeout"), ("MYSQL_POOL_TIMEOUT", "pool_timeout"),
        ] {
            if let seconds = value(variable) { options.append(option + "=" + percentEncoded(seconds)) }
        }
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

extension ServerConfiguration {
    /// How long the HTTP server waits for clients, how many it serves at once, and how long a
    /// shutdown may take. Slow or idle clients are closed, so they cannot hold the server.
    public struct HTTPLimits: Sendable, Equatable {
        /// `HTTP_HEADER_TIMEOUT_SECONDS`: from a request's first byte to the end of its headers.
        public var headerTimeout: Duration
        /// `HTTP_BODY_TIMEOUT_SECONDS`: from the end of the headers to the end of the body.
        public var bodyTimeout: Duration
        /// `HTTP_IDLE_TIMEOUT_SECONDS`: how long a connection may wait for its next request.
        public var idleTimeout: Duration
        /// `HTTP_MAX_CONNECTIONS`: connections open at once; more are answered 503 and closed.
        public var maxConnections: Int
        /// `SHUTDOWN_DRAIN_SECONDS`: after SIGTERM/SIGINT, how long accepted requests may take to
        /// finish (answers included) before their connections are closed.
        public var drainTimeout: Duration

        public init(
            headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
            idleTimeout: Duration = .seconds(60), maxConnections: Int = 1024, drainTimeout: Duration = .seconds(25)
        ) {
            self.headerTimeout = headerTimeout
            self.bodyTimeout = bodyTimeout
            self.idleTimeout = idleTimeout
            self.maxConnections = maxConnections
            self.drainTimeout = drainTimeout
        }

        static func fromEnvironment(_ value: (String) -> String?) throws(ConfigurationError) -> HTTPLimits {
            let defaults = HTTPLimits()
            return HTTPLimits(
                headerTimeout: try positiveSeconds("HTTP_HEADER_TIMEOUT_SECONDS", value) ?? defaults.headerTimeout,
                bodyTimeout: try positiveSeconds("HTTP_BODY_TIMEOUT_SECONDS", value) ?? defaults.bodyTimeout,
                idleTimeout: try positiveSeconds("HTTP_IDLE_TIMEOUT_SECONDS", value) ?? defaults.idleTimeout,
                maxConnections: try positiveInteger("HTTP_MAX_CONNECTIONS", value) ?? defaults.maxConnections,
                drainTimeout: try positiveSeconds("SHUTDOWN_DRAIN_SECONDS", value) ?? defaults.drainTimeout)
        }
    }
}

/// The environment does not describe a runnable server.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
