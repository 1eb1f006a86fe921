import BoxtributeDatabase
import BoxtributeTestSupport
import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The commands leave complete database files; `backup` copies a live one; `serve` as a
/// newcomer meets it (banner, busy port, logs, metrics).
@Suite("backups and clean exits", .serialized)
struct BackupAndExitTests {
    /// Runs the binary without blocking a thread of the task pool while it runs.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) async throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["LOG_LEVEL": "warning"].merging(environment) { $1 }
        ) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let (exited, exitedContinuation) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in exitedContinuation.yield() }
        try process.run()
        async let outputData = Self.readAll(output)
        async let errorData = Self.readAll(error)
        let (out, err) = await (outputData, errorData)
        for await _ in exited { break }
        process.waitUntilExit()
        return CommandLineTests.Run(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            error: String(decoding: err, as: UTF8.self))
    }

    /// Everything `pipe` delivers until it closes, read on a thread of its own: a blocking read
    /// must not hold one of the task pool's few threads.
    static func readAll(_ pipe: Pipe) async -> Data {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: pipe.fileHandleForReading.readDataToEndOfFile()) }
        }
    }

    static func count(_ table: String, in path: String) async throws -> Int {
        let database = try await SQLiteDatabase.open(path: path, logger: .quiet())
        let rows = try? await database.query("SELECT COUNT(*) FROM \(table)", [])
        await database.close()
        return rows?.first?.int(0) ?? -1
    }

    static func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Copies only the `.sqlite3` file (no `-wal`, no `-shm`) to a directory of its own.
    static func copyAlone(_ path: String) throws -> (copy: String, directory: URL) {
        let directory = try CommandLineTests.temporaryDirectory()
        let copy = directory.appendingPathComponent("copy.sqlite3").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        return (copy, directory)
    }

    @Test("after seed the .sqlite3 file alone holds every row: the write-ahead log is checkpointed and emptied")
    func seedLeavesACompleteFile() async throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("demo.sqlite3").path
        let seeded = try await Self.run(["seed", "--database", "sqlite:\(path)", "--boxes", "120"])
        try #require(seeded.status == 0, "\(seeded.error)")
        #expect(Self.size(path + "-wal") == 0)
        let (copy, copyDirectory) = try Self.copyAlone(path)
        defer { try? FileManager.default.removeItem(at: copyDirectory) }
        #expect(try await Self.count("stock", in: copy) == 120)
        #expect(try await Self.count("box_origins", in: copy) == Self.count("box_origins", in: path))
    }

    @Test("after import-dump the .sqlite3 file alone holds every row")
    func importLeavesACompleteFile() async throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dump = directory.appendingPathComponent("rows.sql")
        let values = (1...2000).map { "(\($0),'row \($0)')" }.joined(separator: ",")
        try
            "CREATE TABLE `items` (`id` int NOT NULL, `name` varchar(20), PRIMARY KEY (`id`));\nINSERT INTO `items` VALUES \(values);\n"
            .write(to: dump, atomically: true, encoding: .utf8)
        let path = directory.appendingPathComponent("imported.sqlite3").path
        let imported = try await Self.run(["import-dump", dump.path, "--database", "sqlite:\(path)"])
        try #require(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("Imported 2000 rows"))
        #expect(Self.size(path + "-wal") == 0)
        let (copy, copyDirectory) = try Self.copyAlone(path)
        defer { try? FileManager.default.removeItem(at: copyDirectory) }
        #expect(try await Self.count("items", in: copy) == 2000)
    }

    @Test("a backup taken while another process writes is a consistent database: each transaction whole or absent")
    func backupWhileWriting() async throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("live.sqlite3").path
        let seeded = try await Self.run(["seed", "--database", "sqlite:\(path)", "--boxes", "100"])
        try #require(seeded.status == 0, "\(seeded.error)")
        // This process plays the server: transactions that each add two rows with one number.
        let live = try await SQLiteDatabase.open(path: path, logger: .quiet())
        _ = try await live.transaction { try await $0.execute("CREATE TABLE pairs (n INTEGER NOT NULL)", []) }
        let stop = StopFlag()
        let (warm, warmContinuation) = AsyncStream<Void>.makeStream()
        let writer = Task {
            var n = 0
            while !stop.isSet {
                n += 1
                let value = SQLValue(n)
                try await live.transaction { connection in
                    try await connection.execute("INSERT INTO pairs (n) VALUES (?)", [value])
                    try await connection.execute("INSERT INTO pairs (n) VALUES (?)", [value])
                }
                if n == 50 { warmContinuation.yield() }
                await Task.yield()
            }
            return n
        }
        for await _ in warm { break }
        let backup = directory.appendingPathComponent("backup.sqlite3").path
        let run = try await Self.run(["backup", "--to", backup, "--database", "sqlite:\(path)"])
        stop.set()
        let written = try await writer.value
        await live.close()
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("Backed up sqlite:\(path) to \(backup)"))
        let copy = try await SQLiteDatabase.open(path: backup, logger: .quiet())
        #expect(try await copy.query("PRAGMA quick_check", []).first?.string(0) == "ok")
        let pairs = try await copy.query("SELECT COUNT(*) FROM pairs", []).first?.int(0) ?? 0
        let broken = try await copy.query(
            "SELECT COUNT(*) FROM (SELECT n FROM pairs GROUP BY n HAVING COUNT(*) <> 2) AS odd", []
        ).first?.int(0)
        let stock = try await copy.query("SELECT COUNT(*) FROM stock", []).first?.int(0)
        await copy.close()
        #expect(broken == 0)
        #expect(pairs >= 100)
        #expect(pairs % 2 == 0)
        #expect(pairs <= 2 * written)
        #expect(stock == 100)
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal") || Self.size(backup + "-wal") == 0)
    }

    @Test("backup refuses to overwrite a file unless --force, and prints the dump command for MySQL")
    func backupRefusesToOverwrite() async throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite3").path
        let seeded = try await Self.run(["seed", "--database", "sqlite:\(path)", "--boxes", "100"])
        try #require(seeded.status == 0, "\(seeded.error)")
        let existing = directory.appendingPathComponent("existing.sqlite3")
        try "keep me".write(to: existing, atomically: true, encoding: .utf8)
        let refused = try await Self.run(["backup", "--to", existing.path, "--database", "sqlite:\(path)"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("exists"), "\(refused.error)")
        #expect(refused.error.contains("--force"), "\(refused.error)")
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me")
        let forced = try await Self.run(["backup", "--to", existing.path, "--force", "--database", "sqlite:\(path)"])
        #expect(forced.status == 0, "\(forced.error)")
        #expect(try await Self.count("stock", in: existing.path) == 100)
        // No leftovers of the temporary copy.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("partial") }
        #expect(left.isEmpty)

        let missing = try await Self.run([
            "backup", "--to", directory.appendingPathComponent("x.sqlite3").path, "--database",
            "sqlite:\(directory.path)/missing.sqlite3",
        ])
        #expect(missing.status != 0)
        #expect(missing.error.contains("no SQLite database"), "\(missing.error)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing.sqlite3").path))

        let mysql = try await Self.run([
            "backup", "--to", "dump.sql", "--database", "mysql://boxtribute:s3cret@db.example:3307/dropapp",
        ])
        #expect(mysql.status == 0, "\(mysql.error)")
        #expect(
            mysql.output.contains(
                "mariadb-dump --single-transaction --routines --triggers --host=db.example --port=3307 --user=boxtribute --password dropapp > dump.sql"
            ), "\(mysql.output)")
        #expect(!mysql.output.contains("s3cret"))
    }

    @Test("serve on a busy port says so in one line on standard error, and writes nothing")
    func busyPortOneLine() async throws {
        let occupied = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(occupied.localAddress?.port)
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = "sqlite:\(directory.path)/busy.sqlite3"
        let api = try await Self.run(["serve", "--database", database, "--port", String(port)], in: directory)
        let free = try await ServeLifecycleTests.freePort()
        let metrics = try await Self.run(
            ["serve", "--database", database, "--port", String(free), "--metrics-port", String(port)], in: directory)
        try await occupied.close()
        for run in [api, metrics] {
            #expect(run.status != 0)
            #expect(run.output.isEmpty, "\(run.output)")
            let lines = run.error.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(lines.count == 1, "\(run.error)")
            #expect(lines.first?.contains("127.0.0.1:\(port)") == true)
            #expect(lines.first?.contains("already in use") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test(
        "serve as typed: the banner's token command works where serve was started, every request is logged in JSON with its id (401s too), /metrics counts them"
    )
    func serveAsANewcomer() async throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = "sqlite:\(directory.path)/serve.sqlite3"
        let seeded = try await Self.run(["seed", "--database", database, "--boxes", "100"])
        try #require(seeded.status == 0, "\(seeded.error)")
        let port = try await ServeLifecycleTests.freePort()
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["serve", "--database", database, "--port", String(port)]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "info", "LOG_FORMAT": "json"]) {
            $1
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        async let outputData = Self.readAll(output)
        async let errorData = Self.readAll(error)
        let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
        var healthy = false
        for _ in 0..<150 where !healthy {
            try await Task.sleep(for: .milliseconds(200))
            if let (_, response) = try? await URLSession.shared.data(from: base.appendingPathComponent("health")) {
                healthy = (response as? HTTPURLResponse)?.statusCode == 200
            }
        }
        try #require(healthy)
        var request = URLRequest(url: base.appendingPathComponent("graphql"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("newcomer-401", forHTTPHeaderField: "X-Request-Id")
        request.httpBody = Data(#"{"query": "{ bases { id } }"}"#.utf8)
        let (_, refused) = try await URLSession.shared.data(for: request)
        #expect((refused as? HTTPURLResponse)?.statusCode == 401)
        let (metricsBody, _) = try await URLSession.shared.data(from: base.appendingPathComponent("metrics"))
        let metrics = String(decoding: metricsBody, as: UTF8.self)
        #expect(
            MetricsTests.sample(
                metrics, "boxtribute_http_requests_total", ["api": "full", "operation": "_none", "status": "401"]) == 1)
        kill(process.processIdentifier, SIGTERM)
        let (out, err) = await (outputData, errorData)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        // The banner's token command, run as printed, in the directory serve ran in.
        let banner = String(decoding: out, as: UTF8.self)
        let tokenLine = try #require(banner.split(separator: "\n").first { $0.contains("token:") })
        let command = try #require(
            tokenLine.split(separator: "token:", maxSplits: 1).last?.split(separator: "   (").first)
        let words = command.split(separator: " ").map(String.init)
        #expect(words.first == CommandLineTests.binary.standardizedFileURL.resolvingSymlinksInPath().path)
        #expect(words.contains("--god"))
        let minted = try await Self.run(Array(words.dropFirst()), in: directory)
        #expect(minted.status == 0, "\(minted.error)")
        #expect(minted.output.split(separator: ".").count == 3)

        // Every line on standard error is one JSON object; the 401 is among them, with its id.
        let lines = String(decoding: err, as: UTF8.self).split(separator: "\n")
        var requests: [[String: Any]] = []
        for line in lines {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
            #expect(object["timestamp"] is String)
            #expect(object["level"] is String)
            if object["message"] as? String == "request", let metadata = object["metadata"] as? [String: Any] {
                requests.append(metadata)
            }
        }
        let unauthorized = try #require(requests.first { $0["http.status"] as? String == "401" })
        #expect(unauthorized["request.id"] as? String == "newcomer-401")
        #expect(unauthorized["http.path"] as? String == "/graphql")
        #expect(requests.contains { $0["http.path"] as? String == "/metrics" })
    }

    /// Set once by one task, read by another.
    final class StopFlag: Sendable {
        private let flag = Atomic<Bool>(false)
        var isSet: Bool { flag.load(ordering: .relaxed) }
        func set() { flag.store(true, ordering: .relaxed) }
    }
}
