import ArgumentParser
import BoxtributeDatabase
import BoxtributeServer
import Foundation

/// `serve`'s options for `/metrics`: on the API's port by default, on a listener of its own
/// with `--metrics-port` (loopback unless `--metrics-host` says otherwise), or not at all.
struct ObservabilityOptions: ParsableArguments {
    @Option(help: "Serve /metrics on this port instead of the API's (on --metrics-host).")
    var metricsPort: Int?
    @Option(help: "Address of the --metrics-port listener.")
    var metricsHost = "127.0.0.1"
    @Flag(help: "Collect no metrics and serve no /metrics.")
    var noMetrics = false

    func validate() throws {
        if let metricsPort, !(1...65_535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be between 1 and 65535")
        }
        if noMetrics, metricsPort != nil { throw ValidationError("--no-metrics and --metrics-port exclude each other") }
    }

    /// Fails, before anything is written, when the metrics listener cannot listen.
    func checkCanListen(besides apiPort: Int) async throws {
        guard let metricsPort else { return }
        guard metricsPort != apiPort else {
            throw ValidationError("--metrics-port must differ from --port (\(apiPort))")
        }
        try await BoxtributeApp.checkCanListen(host: metricsHost, port: metricsPort)
    }

    /// The server's metrics, or `nil` with `--no-metrics`.
    func metrics(of database: any Database) -> ServerMetrics? {
        noMetrics ? nil : ServerMetrics(database: database)
    }

    /// The listener of its own, with `--metrics-port`.
    func listener(_ metrics: ServerMetrics?) -> MetricsListener? {
        guard let metrics, let metricsPort else { return nil }
        return MetricsListener(host: metricsHost, port: metricsPort, metrics: metrics)
    }

    /// Where `/metrics` answers, for the banner.
    func metricsURL(host: String, port: Int) -> String? {
        if noMetrics { return nil }
        if let metricsPort { return "http://\(metricsHost):\(metricsPort)/metrics" }
        return "http://\(host):\(port)/metrics"
    }
}

/// How to type this binary's commands where it was started: `swift run boxtribute` when it runs
/// from the SwiftPM build folder of the package in the working directory (a bare `boxtribute`
/// is not on the PATH after `swift run`), else the binary's own path.
enum CommandPrefix {
    static let current: String = {
        // The binary's real path, even when it was found on the PATH (`arguments[0]` is then a bare name).
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        let executable = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        return prefix(executable: executable.path, workingDirectory: FileManager.default.currentDirectoryPath)
    }()

    static func prefix(executable: String, workingDirectory: String) -> String {
        let directory = URL(fileURLWithPath: workingDirectory).resolvingSymlinksInPath().path
        let inBuildFolder = executable.hasPrefix(directory + "/.build")
        if inBuildFolder, FileManager.default.fileExists(atPath: directory + "/Package.swift") {
            return "swift run boxtribute"
        }
        return quoted(executable)
    }

    /// `text` as one shell word: as it is when it has only safe characters, else in single quotes.
    static func quoted(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@%+=,")
        if !text.isEmpty, text.allSatisfy({ safe.contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
