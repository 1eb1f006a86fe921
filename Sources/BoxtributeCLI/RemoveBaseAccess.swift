import ArgumentParser
import BoxtributeDatabase
import BoxtributeOperations
import BoxtributeServer
import Foundation
import Logging

/// `boxtribute remove-base-access` (the reference's `bwiz remove-base-access`): closes a base
/// and removes its users' access in the database and in Auth0. A dry run unless `--force`.
struct RemoveBaseAccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-base-access",
        abstract: "Close a base and remove every user's access to it (database and Auth0); a dry run without --force.")

    @Option(name: [.customShort("b"), .long], help: "The base to close.") var baseId: Int
    @Flag(help: "Change the database and Auth0 (asks for a typed YES); without it, only log what would change.")
    var force = false
    @Option(name: [.customShort("D"), .long], help: "The Auth0 tenant's domain (or an http(s):// base URL).")
    var auth0ManagementApiDomain: String
    @Option(name: [.customShort("i"), .long], help: "The Management API client's id.")
    var auth0ManagementApiClientId: String
    @Option(
        name: [.customShort("S"), .long],
        help: "The Management API client's secret (default: AUTH0_MANAGEMENT_API_CLIENT_SECRET, else prompted).")
    var auth0ManagementApiClientSecret: String?
    @OptionGroup var database: DatabaseOption

    func validate() throws {
        guard baseId > 0 else { throw ValidationError("--base-id must be a positive base id") }
    }

    func run() async throws {
        let logger = CommandLogger.make("boxtribute.remove-base-access")
        let configuration = try ServerConfiguration.fromEnvironment()
        let location = try configuration.databaseLocation(override: database.url)
        let db = try await DatabaseOpener.open(location, logger: logger)
        let domain = auth0ManagementApiDomain
        let clientId = auth0ManagementApiClientId
        let given = auth0ManagementApiClientSecret ?? configuration.operations.auth0ManagementClientSecret
        let http = configuration.operations.http
        let command = RemoveBaseAccess(database: db, logger: logger)
        do {
            _ = try await command.run(
                baseId: baseId, force: force,
                confirm: { prompt in
                    FileHandle.standardOutput.write(Data(prompt.utf8))
                    return readLine(strippingNewline: true)
                },
                connect: {
                    let secret = try given ?? Self.promptSecret()
                    return try await Auth0ManagementAPI.connect(
                        .init(domain: domain, clientId: clientId, clientSecret: secret), http: http)
                })
        } catch {
            await db.close()
            logger.error("\(error)")
            Console.line("Exiting due to above error.")
            throw ExitCode.failure
        }
        await db.close()
    }

    /// Reads the secret from the terminal without echo, or a line of stdin when it is not a terminal.
    static func promptSecret() throws -> String {
        let prompt = "Auth0 Management API secret: "
        if isatty(STDIN_FILENO) != 0, let pointer = getpass(prompt) {
            return String(cString: pointer)
        }
        FileHandle.standardError.write(Data(prompt.utf8))
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("no Auth0 Management API secret given")
        }
        return line
    }
}
