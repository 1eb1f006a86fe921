import BoxtributeDatabase
import BoxtributeTestSupport
import Foundation
import Testing

/// The `remove-base-access` binary against a fake Auth0 tenant, with the answer on stdin.
@Suite struct RemoveBaseAccessCommandTests {
    static func run(_ arguments: [String], input: String, environment: [String: String]) throws -> CommandLineTests.Run
    {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["LOG_LEVEL"] = "info"
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let (stdin, output, error) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = error
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    @Test("Dry run, a refused confirmation and a confirmed run, with the secret from the environment")
    func command() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(at: path) }
        let db = try await SQLiteDatabase.open(path: path, logger: .quiet())
        try await SchemaMigrator.migrate(db, logger: .quiet())
        try await Fixtures.load(into: db)
        try await Fixtures.BaseAccess.load(into: db)
        await db.close()
        let tenant = RemoveBaseAccessTests.tenant()
        try await FakeHTTPServer.with(tenant.handler()) { server, url in
            let arguments = [
                "remove-base-access", "--base-id", "1", "-D", url, "-i", "cli", "--database", "sqlite:\(path)",
            ]
            let environment = ["AUTH0_MANAGEMENT_API_CLIENT_SECRET": "s3cret"]

            let dry = try Self.run(arguments, input: "", environment: environment)
            #expect(dry.status == 0)
            #expect(dry.error.contains("Nr of rows to be deleted from cms_usergroups_camps: 2"))
            #expect(dry.error.contains("The command did not make any effective changes."))
            #expect(RemoveBaseAccessTests.writes(server).isEmpty)

            let refused = try Self.run(arguments + ["--force"], input: "no\n", environment: environment)
            #expect(refused.status != 0)
            #expect(refused.output.contains("Type YES to confirm removing access to base 'Lesvos' (ID: 1)"))
            #expect(refused.output.contains("Exiting due to above error."))
            #expect(refused.error.contains("Operation was not confirmed, cancelling."))
            #expect(RemoveBaseAccessTests.writes(server).isEmpty)

            let confirmed = try Self.run(arguments + ["--force"], input: "YES\n", environment: environment)
            #expect(confirmed.status == 0, "\(confirmed.error)")
            #expect(RemoveBaseAccessTests.writes(server).count == 4)
            let token = try #require(server.calls.first { $0.path == "/oauth/token" })
            #expect(token.json["client_secret"] as? String == "s3cret")
        }
        let reopened = try await SQLiteDatabase.open(path: path, logger: .quiet())
        #expect(try await reopened.text("SELECT naam FROM cms_users WHERE id = 2") == "Deleted user")
        await reopened.close()
    }
}
