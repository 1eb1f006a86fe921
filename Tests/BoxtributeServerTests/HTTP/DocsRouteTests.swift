import BoxtributeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import BoxtributeServer

@Suite("GET /docs: the schema documentation")
struct DocsRouteTests {
    @Test("/docs answers the index, and each page it links answers 200 with HTML")
    func indexAndPages() async throws {
        var configuration = ServerHarness.tenantConfiguration
        configuration.environment = "development"
        try await ServerHarness.withClient(configuration: configuration) { client in
            var index = ""
            try await client.execute(uri: "/docs", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                index = String(buffer: response.body)
            }
            let pages = HTMLAttributes.values(of: "href", in: index)
            #expect(pages == ["/docs/query.html", "/docs/public.html", "/docs/full.html"])
            for path in ["/docs/", "/docs/index.html"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body) == index)
                }
            }
            for page in pages {
                try await client.execute(uri: page, method: .get) { response in
                    #expect(response.status == .ok, "\(page)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let html = String(buffer: response.body)
                    #expect(html.contains("id=\"type-Query\""))
                    for link in HTMLAttributes.values(of: "href", in: html) where !link.hasPrefix("#") {
                        #expect(link == "/docs/index.html", "\(page): \(link)")
                    }
                }
            }
            try await client.execute(uri: "/docs/query.html", method: .get) { response in
                #expect(String(buffer: response.body).contains("<dt id=\"type-Query.bases\">"))
            }
        }
    }

    @Test("outside development the full API's page is not served, as its introspection is off")
    func fullAPIOnlyInDevelopment() async throws {
        var configuration = ServerHarness.tenantConfiguration
        configuration.environment = "production"
        try await ServerHarness.withClient(configuration: configuration) { client in
            try await client.execute(uri: "/docs", method: .get) { response in
                #expect(
                    HTMLAttributes.values(of: "href", in: String(buffer: response.body)) == [
                        "/docs/query.html", "/docs/public.html",
                    ])
            }
            for (path, status) in [
                ("/docs/full.html", HTTPResponse.Status.notFound), ("/docs/query.html", .ok),
                ("/docs/public.html", .ok),
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == status, "\(path)")
                }
            }
        }
    }

    @Test("other paths below /docs are 404")
    func unknownPages() async throws {
        try await ServerHarness.withClient { client in
            for path in ["/docs/nope.html", "/docs/../Package.swift", "/docs/query.html/x", "/docs/QUERY.html"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                }
            }
        }
    }
}
