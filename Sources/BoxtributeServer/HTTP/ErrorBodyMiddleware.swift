import Hummingbird
import Logging

/// Answers every failure the routes throw, and every address no route serves, with the body all
/// our errors have: `{"errors":[{"message":...}]}` (the GraphQL shape). Without it Hummingbird
/// answers a 404 with an empty body and an unexpected error with an empty 500.
struct ErrorBodyMiddleware: RouterMiddleware {
    typealias Context = BoxtributeRequestContext

    static let notFoundMessage =
        "Nothing is served at this address. The GraphQL APIs answer POST /graphql, POST / and POST /public; GET on each shows its explorer."

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message =
                error.status == .notFound
                ? Self.notFoundMessage : (error.body ?? error.status.reasonPhrase)
            var response = BoxtributeApp.errorResponse(status: error.status, message: message)
            for field in error.headers where field.name != .contentType && field.name != .contentLength {
                response.headers.append(field)
            }
            return response
        } catch {
            // The type only: an error's description may carry data of the request.
            context.logger.error("unexpected failure", metadata: ["error.type": .string("\(type(of: error))")])
            return BoxtributeApp.errorResponse(
                status: .internalServerError, message: "The server could not process the request.")
        }
    }
}
