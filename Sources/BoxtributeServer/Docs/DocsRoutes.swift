import BoxtributeGraphQL
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `GET /docs`: the schema documentation (``SchemaDocumentation``), as the reference's
/// partner (query-only) API serves it: `/docs` and `/docs/` the index, `/docs/<api>.html` an
/// API's page. The full API's page is served in development only, as its introspection is.
enum DocsRoutes {
    static let prefix = "/docs/"

    static func add(to router: Router<BoxtributeRequestContext>, development: Bool) {
        router.get("/docs") { _, context in
            page(named: "index.html", development: development, logger: context.logger)
        }
        router.get(RouterPath(prefix + "**")) { request, context in
            let name = String(request.uri.path.dropFirst(prefix.count))
            return page(named: name.isEmpty ? "index.html" : name, development: development, logger: context.logger)
        }
    }

    /// The pages, generated on first use (each variant's schema is built once per process).
    static let developmentPages = generate(includeFullAPI: true)
    static let productionPages = generate(includeFullAPI: false)

    /// Why the pages could not be generated (a schema that does not build).
    struct GenerationFailure: Error {
        let reason: String
    }

    static func generate(includeFullAPI: Bool) -> Result<[String: String], GenerationFailure> {
        let variants: [APIVariant] = includeFullAPI ? [.query, .public, .full] : [.query, .public]
        do {
            return .success(
                try SchemaDocumentation.pages(
                    for: variants.map { try SchemaDocumentation.entry(for: $0) }, linkBase: prefix))
        } catch {
            return .failure(GenerationFailure(reason: "\(error)"))
        }
    }

    static func page(named name: String, development: Bool, logger: Logger) -> Response {
        let pages: [String: String]
        switch development ? developmentPages : productionPages {
        case .success(let generated): pages = generated
        case .failure(let error):
            logger.error("The schema documentation could not be generated: \(error.reason)")
            return Response(status: .internalServerError)
        }
        guard let html = pages[name] else {
            return Response(
                status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "Not found\n")))
        }
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
