import BoxtributeDatabase
import BoxtributeTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs the `boxtribute` binary the way a newcomer would.
@Suite("boxtribute command", .serialized)
struct CommandLineTests {
    /// The binary, built next to the test bundle.
    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var directory = bundle
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("boxtribute")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return bundle.appendingPathComponent("boxtribute")
    }

    struct Run {
        let status: Int32
        let output: String
        let error: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["LOG_LEVEL"] = "warning"
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "boxtribute-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("seed fills a fresh database and refuses a seeded one")
    func seed() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = "sqlite:\(directory.path)/demo.sqlite3"
        let first = try Self.run(["seed", "--database", database, "--boxes", "120"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("stock"))
        let second = try Self.run(["seed", "--database", database, "--boxes", "120"])
        #expect(second.status != 0)
    }

    @Test("token mints a JWT and is refused in production")
    func token() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = "sqlite:\(directory.path)/demo.sqlite3"
        let minted = try Self.run(["token", "--database", database, "--user", "2", "--base", "1", "--base", "2"])
        #expect(minted.status == 0)
        #expect(minted.output.split(separator: ".").count == 3)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("boxtribute-dev-key.pem").path))
        let refused = try Self.run(
            ["token", "--database", database],
            environment: ["ENVIRONMENT": "production", "AUTH0_DOMAIN": "x.test", "AUTH0_AUDIENCE": "api"])
        #expect(refused.status == 1)
        #expect(refused.error == "Error: development tokens are refused when ENVIRONMENT=production\n")
    }

    @Test("schema prints each API's SDL")
    func schema() throws {
        let full = try Self.run(["schema", "--api", "full"])
        #expect(full.status == 0)
        #expect(full.output.contains("boxes(baseId: ID!"))
        let publicSchema = try Self.run(["schema", "--api", "public"])
        #expect(publicSchema.output.contains("type StandardProductInfo"))
        #expect(!publicSchema.output.contains("type Box "))
    }

    @Test("import-dump loads a dump and reports row counts", .enabled(if: SharedData.isAvailable))
    func importDump() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dump = try #require(SharedData.initDump)
        let run = try Self.run(["import-dump", dump.path, "--database", "sqlite:\(directory.path)/imported.sqlite3"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("Imported 15091 rows"))
    }

    @Test("import-dump of a malformed dump fails with the statement number")
    func importMalformed() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dump = directory.appendingPathComponent("bad.sql")
        try "CREATE TABLE `t` (`id` int);\nINSERT INTO `t` VALUES (1,'x".write(
            to: dump, atomically: true, encoding: .utf8)
        let run = try Self.run(["import-dump", dump.path, "--database", "sqlite:\(directory.path)/x.sqlite3"])
        #expect(run.status == 1)
        #expect(run.error.contains("statement 2"))
        #expect(!run.error.contains("Usage"))
    }

    @Test("import-dump of a missing file or a directory says so in one line, before any database is made")
    func importMissingFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = "sqlite:\(directory.path)/x.sqlite3"
        let missing = try Self.run(["import-dump", "/nonexistent/dump.sql", "--database", database])
        #expect(missing.status == 1)
        #expect(missing.error == "Error: there is no dump file /nonexistent/dump.sql\n")
        let folder = try Self.run(["import-dump", directory.path, "--database", database])
        #expect(folder.status == 1)
        #expect(folder.error == "Error: cannot read the dump file \(directory.path): it is a directory\n")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.sqlite3").path))
    }

    @Test("serve creates the schema and demo data on an empty database and answers with a minted token")
    func serve() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = "sqlite:\(directory.path)/serve.sqlite3"
        // Below Linux's ephemeral range (32768 and up), where outgoing connections take their ports.
        let port = Int.random(in: 20_000..<32_000)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--database", database, "--port", String(port)]
        process.environment = ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "warning"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        var healthy = false
        for _ in 0..<100 where !healthy {
            try await Task.sleep(for: .milliseconds(200))
            if let url = URL(string: "http://127.0.0.1:\(port)/health"),
                let (_, response) = try? await URLSession.shared.data(from: url),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                healthy = true
            }
        }
        #expect(healthy)
        let token = try Self.run(["token", "--database", database, "--user", "2", "--base", "1"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/graphql")))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(
            #"{"query": "{ organisations { name } bases { id } boxes(baseId: \"1\") { totalCount elements { id } } }"}"#
                .utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let json = try #require(JSONValue.parse(Array(body)))
        #expect(json["errors"] == nil)
        #expect((json["data"]?["organisations"]?.array?.count ?? 0) >= 2)
        #expect(json["data"]?["boxes"]?["elements"]?.array?.count == 50)
    }
}
