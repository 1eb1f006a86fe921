import BoxtributeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import BoxtributeServer

@Suite("The explorer page and its files")
struct ExplorerTests {
    static let endpoints = ["/graphql", "/", "/public"]

    /// The values of the page's `src="…"` and `href="…"` attributes.
    static func references(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["src=\"", "href=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                found.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return found
    }

    /// The relative module imports of a script (`from "./x.mjs"`), resolved against `base`.
    static func imports(in script: String, base: String) -> [String] {
        var found: [String] = []
        var rest = script[...]
        while let start = rest.range(of: "from \"./") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            found.append(base + rest[..<end])
            rest = rest[end...]
        }
        return found
    }

    @Test("each endpoint's page keeps the reference's title, posts to its own path and loads only local files")
    func pageReferencesLocalFilesOnly() async throws {
        try await ServerHarness.withClient { client in
            for path in Self.endpoints {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let html = String(buffer: response.body)
                    #expect(html.contains("<title>boxtribute API</title>"))
                    #expect(html.contains("data-endpoint=\"\(path)\""))
                    #expect(!html.contains("http://") && !html.contains("https://"))
                    let references = Self.references(in: html)
                    // Two style sheets and five scripts: CodeMirror (4 files) and ours.
                    #expect(references.count == 7)
                    for reference in references {
                        #expect(reference.hasPrefix(ExplorerAssets.prefix), "\(reference)")
                    }
                    // Our own files carry their content's hash, so a new binary's files are fetched anew.
                    let etag = try #require(ExplorerAssets.shared.files["explorer.js"]?.etag).filter { $0 != "\"" }
                    #expect(references.contains("/explorer/assets/explorer.js?v=\(etag)"))
                }
            }
        }
    }

    @Test("every file the page and its script load is served with its content type")
    func referencedFilesAreServed() async throws {
        try await ServerHarness.withClient { client in
            var html = ""
            try await client.execute(uri: "/public", method: .get) { response in html = String(buffer: response.body) }
            var script = ""
            try await client.execute(uri: "/explorer/assets/explorer.js", method: .get) { response in
                script = String(buffer: response.body)
            }
            let modules = Self.imports(in: script, base: ExplorerAssets.prefix)
            #expect(modules == ["/explorer/assets/vendor/graphql-js-16.6.0/utilities/getIntrospectionQuery.mjs"])
            for reference in Self.references(in: html) + modules {
                let path = String(reference.prefix { $0 != "?" })
                try await client.execute(uri: reference, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    let expected = path.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
                    #expect(response.headers[.contentType] == expected, "\(path)")
                    #expect(response.headers[.cacheControl] == "public, max-age=3600")
                    #expect(response.headers[.eTag]?.hasPrefix("\"") == true)
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                    #expect(response.body.readableBytes > 0)
                    if path.hasSuffix(".css") {
                        #expect(!String(buffer: response.body).contains("url(http"), "\(path)")
                    }
                }
            }
        }
    }

    @Test("every file of the manifest is found in the resource bundle and served")
    func manifestIsComplete() async throws {
        let assets = ExplorerAssets.shared
        // Read from the resource bundle SwiftPM copies beside the built binaries, not the sources.
        #expect(assets.directory?.path.contains("boxtribute_BoxtributeServer.resources") == true)
        #expect(Set(assets.files.keys) == Set(ExplorerAssets.manifest))
        try await ServerHarness.withClient { client in
            for name in ExplorerAssets.manifest {
                try await client.execute(uri: ExplorerAssets.prefix + name, method: .get) { response in
                    #expect(response.status == .ok, "\(name)")
                    #expect(Array(response.body.readableBytesView) == assets.files[name]?.bytes)
                }
            }
        }
    }

    @Test("a path outside the served files is 404, traversals included")
    func unknownPaths() async throws {
        try await ServerHarness.withClient { client in
            for path in [
                "/explorer/assets/", "/explorer/assets/nope.js", "/explorer/assets/vendor/README.md",
                "/explorer/assets/vendor/codemirror-5.65.0/LICENSE",
                "/explorer/assets/../../Package.swift", "/explorer/assets/%2e%2e/%2e%2e/Package.swift",
                "/explorer/assets/vendor/../explorer.js", "/explorer/assets//etc/passwd",
                "/explorer/assets/explorer.js/", "/explorer/assets/EXPLORER.JS",
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(!String(buffer: response.body).contains("CodeMirror"))
                }
            }
        }
    }

    @Test("a file the browser holds is answered 304 when its ETag still matches")
    func notModified() async throws {
        try await ServerHarness.withClient { client in
            var etag = ""
            try await client.execute(uri: "/explorer/assets/explorer.css", method: .get) { response in
                etag = response.headers[.eTag] ?? ""
            }
            try await client.execute(
                uri: "/explorer/assets/explorer.css", method: .get, headers: [.ifNoneMatch: "\"0\", \(etag)"]
            ) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(
                uri: "/explorer/assets/explorer.css", method: .get, headers: [.ifNoneMatch: "\"0\""]
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("the full API's page says introspection is off outside development; the others keep it on")
    func introspectionFlag() async throws {
        for (environment, full) in [("production", "off"), ("staging", "off"), ("development", "on")] {
            var configuration = ServerHarness.tenantConfiguration
            configuration.environment = environment
            try await ServerHarness.withClient(configuration: configuration) { client in
                for (path, expected) in [("/graphql", full), ("/", "on"), ("/public", "on")] {
                    try await client.execute(uri: path, method: .get) { response in
                        #expect(String(buffer: response.body).contains("data-introspection=\"\(expected)\""))
                    }
                }
            }
        }
    }

    @Test("without its files the server still runs: the page is served and the files are 404")
    func missingFilesDoNotCrash() async throws {
        let missing = ExplorerAssets.load(candidates: [
            FileManager.default.temporaryDirectory.appendingPathComponent("no-such-assets-\(UUID().uuidString)")
        ])
        #expect(missing.files.isEmpty && missing.directory == nil)
        #expect(missing.asset(forPath: "/explorer/assets/explorer.js") == nil)
        let router = Router(context: BoxtributeRequestContext.self)
        ExplorerRoutes.add(to: router, assets: missing)
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/explorer/assets/explorer.js", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
