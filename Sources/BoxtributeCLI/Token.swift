import ArgumentParser
import BoxtributeDatabase
import BoxtributeServer
import BoxtributeStorage
import Foundation

/// `boxtribute token`: mints a development JWT the local server accepts.
struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mint a development token (refused when ENVIRONMENT=production).")

    @Option(help: "User id (the `sub` claim is auth0|<id>).") var user = 1
    @Flag(help: "Make the user a god user (all bases, all permissions).") var god = false
    @Option(help: "Organisation id.") var organisation = 1
    @Option(name: .customLong("base"), help: "Base id the permissions apply to (repeatable).") var bases: [Int] = []
    @Option(name: .customLong("permission"), help: "Permission like stock:write or base_2/stock:read (repeatable).")
    var permissions: [String] = []
    @Option(help: "Beta level (which mutations are allowed).") var betaLevel = 99
    @Option(help: "Lifetime in seconds.") var expiresIn = 86_400
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let configuration = try ServerConfiguration.fromEnvironment()
        guard !configuration.isProduction else {
            throw CommandFailure("development tokens are refused when ENVIRONMENT=production")
        }
        let location = try configuration.databaseLocation(override: database.url)
        let key = try DevelopmentTokens.loadOrCreateKey(at: DevelopmentTokens.keyPath(for: location))
        var request = DevelopmentTokens.Request()
        request.userId = user
        request.isGod = god
        request.organisationId = organisation
        request.baseIds = bases.isEmpty ? [1] : bases
        if !permissions.isEmpty { request.permissions = permissions }
        request.betaLevel = betaLevel
        request.expiresIn = expiresIn
        Console.line(try await DevelopmentTokens.mint(request, key: key, configuration: configuration))
    }
}
