/// What the cron jobs, the Auth0 log-stream bridge and `remove-base-access` read from the
/// environment, read once.
public struct OperationsConfiguration: Sendable, Equatable {
    /// `ENVIRONMENT`; production leaves the test organisation (1) out of the internal statistics.
    public var environment: String
    /// `RESEED_DUMP_FILE`: a MySQL dump `reseed-db` loads instead of generating the demo data
    /// (the reference's `init.sql` of staging and demo).
    public var reseedDumpFile: String?
    /// `SLACK_WEBHOOK_URL_FOR_INTERNAL_STATS`.
    public var internalStatsWebhook: String?
    /// `SLACK_WEBHOOK_URL_FOR_AUTH0_STREAM`.
    public var auth0StreamWebhook: String?
    /// `AUTH0_LOG_STREAM_TOKEN`: the bearer token Auth0's log stream sends; unset, every token is refused.
    public var auth0LogStreamToken: String?
    /// `AUTH0_MANAGEMENT_API_DOMAIN`.
    public var auth0ManagementDomain: String?
    /// `AUTH0_MANAGEMENT_API_CLIENT_ID`.
    public var auth0ManagementClientId: String?
    /// `AUTH0_MANAGEMENT_API_CLIENT_SECRET`.
    public var auth0ManagementClientSecret: String?
    /// `OUTGOING_HTTP_TIMEOUT_SECONDS` (default 30): the deadline of each outgoing call.
    public var httpTimeout: Duration

    public init(
        environment: String = "development", reseedDumpFile: String? = nil, internalStatsWebhook: String? = nil,
        auth0StreamWebhook: String? = nil, auth0LogStreamToken: String? = nil,
        auth0Management: Auth0ManagementAPI.Credentials? = nil, httpTimeout: Duration = .seconds(30)
    ) {
        self.auth0ManagementDomain = auth0Management?.domain
        self.auth0ManagementClientId = auth0Management?.clientId
        self.auth0ManagementClientSecret = auth0Management?.clientSecret
        self.environment = environment
        self.reseedDumpFile = reseedDumpFile
        self.internalStatsWebhook = internalStatsWebhook
        self.auth0StreamWebhook = auth0StreamWebhook
        self.auth0LogStreamToken = auth0LogStreamToken
        self.httpTimeout = httpTimeout
    }

    /// Reads the variables through `value` (trimmed, empty as unset).
    public static func fromEnvironment(_ value: (String) -> String?) -> OperationsConfiguration {
        var timeout: Duration?
        if let text = value("OUTGOING_HTTP_TIMEOUT_SECONDS"), let seconds = Double(text), seconds.isFinite,
            seconds > 0, seconds <= 3600
        {
            timeout = .milliseconds(Int64(seconds * 1000))
        }
        var configuration = OperationsConfiguration(
            environment: value("ENVIRONMENT") ?? "development", reseedDumpFile: value("RESEED_DUMP_FILE"),
            internalStatsWebhook: value("SLACK_WEBHOOK_URL_FOR_INTERNAL_STATS"),
            auth0StreamWebhook: value("SLACK_WEBHOOK_URL_FOR_AUTH0_STREAM"),
            auth0LogStreamToken: value("AUTH0_LOG_STREAM_TOKEN"), httpTimeout: timeout ?? .seconds(30))
        configuration.auth0ManagementDomain = value("AUTH0_MANAGEMENT_API_DOMAIN")
        configuration.auth0ManagementClientId = value("AUTH0_MANAGEMENT_API_CLIENT_ID")
        configuration.auth0ManagementClientSecret = value("AUTH0_MANAGEMENT_API_CLIENT_SECRET")
        return configuration
    }

    /// The Management API's credentials, when domain, client id and secret are all set.
    public var auth0Management: Auth0ManagementAPI.Credentials? {
        guard let domain = auth0ManagementDomain, let id = auth0ManagementClientId,
            let secret = auth0ManagementClientSecret
        else { return nil }
        return .init(domain: domain, clientId: id, clientSecret: secret)
    }

    /// The outgoing HTTP client with this configuration's deadline.
    public var http: OutgoingHTTP { OutgoingHTTP(timeout: httpTimeout) }
}
