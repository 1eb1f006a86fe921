import Hummingbird

/// Applies a ``CORSPolicy`` to one endpoint: answers its preflight (`OPTIONS`) requests and adds
/// the allowed origin to its other answers, failures included.
struct CORSMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: CORSPolicy

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let origin = request.headers[.origin]
        if request.method == .options {
            var response = Response(status: .ok)
            response.headers.append(
                contentsOf: policy.responseHeaders(
                    origin: origin, requestedHeaders: request.headers[.accessControlRequestHeaders], preflight: true))
            return response
        }
        var response = try await next(request, context)
        response.headers.append(
            contentsOf: policy.responseHeaders(origin: origin, requestedHeaders: nil, preflight: false))
        return response
    }
}
