import ArgumentParser
import BoxtributeGraphQL
import Foundation

/// `boxtribute docs --out DIR`: writes the static HTML documentation of the three APIs.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write HTML documentation of the APIs (index.html, query.html, public.html, full.html).")

    @Option(help: "Folder to write the pages into (created when missing).") var out: String

    func run() throws {
        let entries = try [APIVariant.query, .public, .full].map { try SchemaDocumentation.entry(for: $0) }
        let pages = try SchemaDocumentation.pages(for: entries)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, html) in pages.sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent(name)
            try Data(html.utf8).write(to: file, options: .atomic)
            Console.line("wrote \(file.path)")
        }
    }
}
