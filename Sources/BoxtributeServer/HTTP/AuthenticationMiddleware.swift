import Hummingbird

/// Authenticates requests to the protected APIs: the bearer token becomes the context's
/// ``BoxtributeRequestContext/user``; a missing or invalid token is answered here with the
/// reference's status and body, and the request goes no further.
struct AuthenticationMiddleware: RouterMiddleware {
    let verifier: TokenVerifier

    func handle(
        _ request: Request, context: BoxtributeRequestContext,
        next: (Request, BoxtributeRequestContext) async throws -> Response
    ) async throws -> Response {
        switch await verifier.authenticate(authorization: request.headers[.authorization]) {
        case .success(let user):
            var context = context
            context.user = user
            return try await next(request, context)
        case .failure(let failure):
            return BoxtributeApp.jsonResponse(status: .init(code: failure.status), serializing: failure.body)
        }
    }
}
