import BoxtributeDatabase
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import Logging
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `boxtribute serve` process of the crash test: started on a database, killed with SIGKILL,
/// started again on the same database.
final class CrashTestServer {
    let databaseURL: String
    /// Holds the development key (beside a SQLite file, the working directory for MySQL) and logs.
    let directory: URL
    private(set) var process: Process?
    private(set) var port = 0
    private var starts = 0

    init(databaseURL: String, directory: URL) {
        self.databaseURL = databaseURL
        self.directory = directory
    }

    /// Starts the server on a new port and waits (bounded) until `/health` answers; a port
    /// found taken (by another program) is replaced by another, a few times.
    func start(timeout: Duration = .seconds(120)) async throws {
        for attempt in 1...5 {
            do {
                try await startOnce(timeout: timeout)
                return
            } catch let failure as CrashTestFailure where failure.portInUse && attempt < 5 {
                continue
            }
        }
    }

    private func startOnce(timeout: Duration) async throws {
        starts += 1
        // A new port each start: no client connection of a killed server is ever reused. Below
        // Linux's ephemeral range (32768 and up), where outgoing connections take their ports.
        port = Int.random(in: 20_000..<32_000)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["serve", "--database", databaseURL, "--port", String(port)]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "warning"]) { $1 }
        let log = directory.appendingPathComponent("serve-\(starts).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = process
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else { break }
            if try await isHealthy() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw CrashTestFailure(
            "the server did not become healthy (start \(starts)): \(output.suffix(2_000))",
            portInUse: output.contains("already in use"))
    }

    private func isHealthy() async throws -> Bool {
        guard let url = URL(string: "http://127.0.0.1:\(port)/health") else { return false }
        var request = URLRequest(url: url)
        request.timeoutInterval = 2
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
        return (response as? HTTPURLResponse)?.statusCode == 200
    }

    /// SIGKILL: no shutdown, no flush, whatever was in flight is cut off.
    func kill() {
        guard let process, process.isRunning else { return }
        #if canImport(Glibc)
            _ = Glibc.kill(process.processIdentifier, SIGKILL)
        #else
            _ = Darwin.kill(process.processIdentifier, SIGKILL)
        #endif
        process.waitUntilExit()
        self.process = nil
    }

    /// SIGTERM, then SIGKILL if it does not stop within a few seconds.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        kill()
    }

    /// A development token minted by `boxtribute token` with the server's key.
    func token(user: Int, base: Int) throws -> String {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["token", "--database", databaseURL, "--user", String(user), "--base", String(base)]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "warning"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CrashTestFailure("boxtribute token failed") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A client of the running server.
    func client(token: String) -> CrashTestClient { CrashTestClient(port: port, token: token) }
}

/// Sends bulk moves to one server process over HTTP.
struct CrashTestClient: Sendable {
    let port: Int
    let token: String

    /// What a move request came to.
    enum MoveOutcome: Equatable, Sendable {
        /// HTTP 200 with the moved boxes: the client was told the move happened.
        case acknowledged
        /// The server answered, but not with the moved boxes (an error or a partial move).
        case refused(String)
        /// No answer: the connection failed (the server was killed).
        case noAnswer
    }

    /// Sends `moveBoxesToLocation` of `labels` to `location`; acknowledged when every box moved
    /// (or, with `all: false`, when the boxes not yet there did).
    func move(_ labels: [String], to location: Int, all: Bool = true) async -> MoveOutcome {
        guard let url = URL(string: "http://127.0.0.1:\(port)/graphql") else { return .noAnswer }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = 15
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let list = labels.map { "\\\"\($0)\\\"" }.joined(separator: ", ")
        let query =
            "mutation { moveBoxesToLocation(updateInput: {labelIdentifiers: [\(list)], locationId: \(location)}) "
            + "{ __typename ... on BoxesResult { updatedBoxes { labelIdentifier location { id } } invalidBoxLabelIdentifiers } } }"
        request.httpBody = Data(#"{"query": "\#(query)"}"#.utf8)
        guard let (body, response) = try? await URLSession.shared.data(for: request) else { return .noAnswer }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = JSONValue.parse(Array(body))
        let updated = json?["data"]?["moveBoxesToLocation"]?["updatedBoxes"]?.array ?? []
        let allMoved =
            (updated.count == labels.count || !all)
            && updated.allSatisfy { $0["location"]?["id"]?.string == String(location) }
        guard status == 200, json?["errors"] == nil, allMoved else {
            return .refused("HTTP \(status): \(String(decoding: body.prefix(500), as: UTF8.self))")
        }
        return .acknowledged
    }
}

/// A failure of the crash test's own machinery (the server would not start, ...).
struct CrashTestFailure: Error, CustomStringConvertible {
    let description: String
    /// The server could not listen on the port it was given.
    var portInUse = false
    init(_ description: String, portInUse: Bool = false) {
        self.description = description
        self.portInUse = portInUse
    }
}

/// The boxes the crash test moves, and what the database says about them.
struct CrashTestBoxes {
    let ids: [Int]
    let labels: [String]

    /// 50 in-stock boxes of base 1 and two in-stock locations of base 1 to move them between.
    static func pick(in database: any Database) async throws -> (boxes: CrashTestBoxes, locations: (Int, Int)) {
        let locations = try await database.query(
            "SELECT id FROM locations WHERE camp_id = 1 AND type = 'Warehouse' AND box_state_id = 1 AND "
                + SQL.notDeleted("deleted") + " ORDER BY id", [])
        let rows = try await database.query(
            "SELECT s.id, s.box_id FROM stock s JOIN locations l ON l.id = s.location_id WHERE l.camp_id = 1 AND "
                + "s.box_state_id = 1 AND " + SQL.notDeleted("s.deleted") + " ORDER BY s.id LIMIT 50", [])
        guard locations.count >= 2, rows.count == 50 else {
            throw CrashTestFailure("the demo data lacks 50 in-stock boxes or two locations in base 1")
        }
        return (
            CrashTestBoxes(ids: rows.compactMap { $0.int(0) }, labels: rows.compactMap { $0.string(1) }),
            (locations[0].int(0) ?? 0, locations[1].int(0) ?? 0)
        )
    }

    /// The boxes' current locations, by box id.
    func locations(in database: any Database) async throws -> [Int: Int] {
        let rows = try await database.query(
            "SELECT id, location_id FROM stock WHERE id IN (\(SQL.placeholders(ids.count)))", ids.map(SQLValue.init))
        var byId: [Int: Int] = [:]
        for row in rows { if let id = row.int(0), let location = row.int(1) { byId[id] = location } }
        return byId
    }

    /// The boxes' location changes recorded after history row `after`, per box, oldest first.
    func locationHistory(after: Int, in database: any Database) async throws -> [Int: [(from: Int, to: Int)]] {
        let rows = try await database.query(
            "SELECT record_id, from_int, to_int FROM history WHERE tablename = 'stock' AND changes = 'location_id' "
                + "AND id > ? AND record_id IN (\(SQL.placeholders(ids.count))) ORDER BY id",
            [.integer(after)] + ids.map(SQLValue.init))
        var byBox: [Int: [(from: Int, to: Int)]] = [:]
        for row in rows {
            guard let box = row.int(0) else { continue }
            byBox[box, default: []].append((row.int(1) ?? -1, row.int(2) ?? -1))
        }
        return byBox
    }

    /// The last history row's id.
    static func lastHistoryId(in database: any Database) async throws -> Int {
        try await database.query("SELECT MAX(id) FROM history", []).first?.int(0) ?? 0
    }
}
