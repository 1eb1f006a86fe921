import Foundation
import Testing

@Suite("boxtribute docs")
struct DocsCommandTests {
    @Test("docs --out writes the index and a page per API into a new folder")
    func writesPages() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("site/docs")
        let run = try CommandLineTests.run(["docs", "--out", out.path])
        #expect(run.status == 0, "\(run.error)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["full.html", "index.html", "public.html", "query.html"])
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        for page in ["query.html", "public.html", "full.html"] {
            #expect(index.contains("<a href=\"\(page)\">"))
            #expect(run.output.contains(out.appendingPathComponent(page).path))
        }
        let full = try String(contentsOf: out.appendingPathComponent("full.html"), encoding: .utf8)
        #expect(full.contains("<dt id=\"type-Mutation.updateBox\">"))
    }
}
