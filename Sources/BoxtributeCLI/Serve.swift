import ArgumentParser
import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeServer
import BoxtributeStorage
import Foundation
import Hummingbird
import Logging

/// `boxtribute serve`: runs the HTTP server.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the GraphQL server.")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 5005
    @OptionGroup var database: DatabaseOption
    @OptionGroup var observability: ObservabilityOptions

    func run() async throws {
        let logger = CommandLogger.make("boxtribute.serve")
        let configuration = try ServerConfiguration.fromEnvironment()
        let location = try configuration.databaseLocation(override: database.url)
        // Before the database is touched: a busy port fails here, not after seeding.
        try await BoxtributeApp.checkCanListen(host: host, port: port)
        try await observability.checkCanListen(besides: port)
        let db = try await DatabaseOpener.open(location, logger: logger)
        let metrics = observability.metrics(of: db)
        let router: Router<BoxtributeRequestContext>
        do {
            try await prepare(db, location: location, logger: logger)
            let developmentKey =
                configuration.isProduction
                ? nil : try DevelopmentTokens.loadOrCreateKey(at: DevelopmentTokens.keyPath(for: location))
            let verifier = try await TokenVerifier(
                configuration: configuration, developmentKey: developmentKey, logger: logger)
            router = try BoxtributeApp.buildRouter(
                configuration: configuration, database: db, verifier: verifier, metrics: metrics,
                servesMetrics: observability.metricsPort == nil)
        } catch {
            await db.close()
            throw error
        }
        let banner = Self.banner(
            location: location, host: host, port: port, metrics: observability.metricsURL(host: host, port: port))
        // Closes the database when it stops (SIGTERM/SIGINT), after the last answer is written.
        try await BoxtributeApp.serve(
            router: router, configuration: configuration, database: db, host: host, port: port,
            metricsListener: observability.listener(metrics), logger: logger
        ) {
            Console.line(banner)
        }
    }

    /// What `serve` prints once it listens: commands that work as typed where it was started.
    static func banner(location: DatabaseLocation, host: String, port: Int, metrics: String?) -> String {
        let token = "\(CommandPrefix.current) token --god --database \(CommandPrefix.quoted(location.redacted))"
        var lines = [
            "Boxtribute API on \(location.redacted)",
            "  explorer:  http://\(host):\(port)/graphql",
            "  token:     \(token)   (the demo god user; send it as \"Authorization: Bearer <token>\")",
            "  health:    http://\(host):\(port)/health",
        ]
        if let metrics { lines.append("  metrics:   \(metrics)") }
        return lines.joined(separator: "\n")
    }

    /// Creates the schema and demo data on an empty database; upgrades one we created.
    private func prepare(_ db: any Database, location: DatabaseLocation, logger: Logger) async throws {
        switch try await SchemaMigrator.state(of: db) {
        case .empty:
            Console.line("Empty database: creating the schema and loading demo data…")
            try await SchemaMigrator.migrate(db, logger: logger)
            let summary = try await DemoData.seed(into: db, logger: logger)
            Console.line(summary.description)
        case .managed:
            try await SchemaMigrator.migrate(db, logger: logger)
        case .existing:
            logger.info("serving an existing Boxtribute database as it is")
        }
    }
}

/// Console logging for the commands; the level comes from `LOG_LEVEL`, the format from
/// `LOG_FORMAT` (`json`: one JSON object per line).
enum CommandLogger {
    /// Set up once per process, before the first logger is made.
    private static let bootstrapped: Void = LogFormat.fromEnvironment().bootstrap()

    static func make(_ label: String) -> Logger {
        _ = bootstrapped
        var logger = Logger(label: label)
        logger.logLevel =
            ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }
}
