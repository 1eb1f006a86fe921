import ArgumentParser
import Foundation

/// The `boxtribute` command: serve the API and manage its database.
@main
struct Boxtribute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boxtribute",
        abstract: "Boxtribute's GraphQL back-end.",
        subcommands: [
            Serve.self, ImportDump.self, Seed.self, Token.self, Schema.self, Docs.self, Backup.self, Cron.self,
            RemoveBaseAccessCommand.self,
        ],
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

/// A command that failed for a reason the user can act on (an unreadable file, a database that
/// is not empty): printed as `Error: <description>` with exit status 1, without the usage text,
/// which is for mistakes in the command line itself.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Output written straight to the file descriptor, so it reaches pipes and log collectors
/// as it happens (no stdio buffering).
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
