import ArgumentParser
import Foundation

/// The `boxtribute` command: serve the API and manage its database.
@main
struct Boxtribute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boxtribute",
        abstract: "Boxtribute's GraphQL back-end.",
        subcommands: [Serve.self, ImportDump.self, Seed.self, Token.self, Schema.self, Backup.self],
        defaultSubcommand: Serve.self)
}

/// The `--database` option shared by the subcommands.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help:
            "sqlite:PATH, sqlite::memory: or mysql://user:pass@host:port/db (default: DATABASE_URL, else sqlite:boxtribute.sqlite3)"
    )
    var url: String?
}

/// Output written straight to the file descriptor, so it reaches pipes and log collectors
/// as it happens (no stdio buffering).
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
