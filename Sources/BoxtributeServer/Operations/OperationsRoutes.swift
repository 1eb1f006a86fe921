import BoxtributeDatabase
import BoxtributeOperations
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The operations routes of the web app (the reference's `routes.py`): `GET /cron/<job>`,
/// callable only by App Engine's cron (header `X-Appengine-Cron: true`), and
/// `POST /auth0-slack-bridge`, which forwards Auth0's log stream to Slack.
enum OperationsRoutes {
    static let cronHeader = HTTPField.Name("X-Appengine-Cron")

    static func add(
        to router: Router<BoxtributeRequestContext>, database: any Database, configuration: ServerConfiguration
    ) {
        let operations = configuration.operations
        router.get("/cron/:job") { request, context in
            // App Engine strips this header from outside requests, so only its cron sends it.
            guard let header = cronHeader, request.headers[header] == "true" else {
                context.logger.warning("Unauthorized user accessed /cron endpoint")
                return BoxtributeApp.jsonResponse(status: .unauthorized, serializing: ["message": "unauthorized"])
            }
            let name = context.parameters.get("job") ?? ""
            guard let job = CronJob(rawValue: name) else {
                return BoxtributeApp.jsonResponse(
                    status: .badRequest, serializing: ["message": "unknown job '\(name)'"])
            }
            let runner = CronRunner(database: database, configuration: operations, logger: context.logger)
            let outcome = await runner.run(job)
            let status: HTTPResponse.Status =
                switch outcome.status {
                case .done: .ok
                case .refused: .badRequest
                case .failed: .internalServerError
                }
            return BoxtributeApp.jsonResponse(status: status, serializing: ["message": outcome.message])
        }

        router.post("/auth0-slack-bridge") { request, context in
            let token: String
            switch TokenVerifier.bearerToken(request.headers[.authorization]) {
            case .failure(let failure):
                return BoxtributeApp.jsonResponse(
                    status: .unauthorized,
                    serializing: ["details": ["code": failure.code, "description": failure.description]])
            case .success(let given): token = given
            }
            guard Auth0LogBridge.accepts(token: token, configured: operations.auth0LogStreamToken) else {
                return BoxtributeApp.jsonResponse(status: .unauthorized, serializing: ["message": "invalid token"])
            }
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: configuration.maxRequestBytes)
            } catch {
                return BoxtributeApp.jsonResponse(
                    status: .contentTooLarge, serializing: ["message": "The request body is too large."])
            }
            let answer = await Auth0LogBridge.forward(
                payload: Array(body.readableBytesView), webhookURL: operations.auth0StreamWebhook,
                http: operations.http)
            return BoxtributeApp.jsonResponse(status: HTTPResponse.Status(code: answer.status), body: answer.body)
        }
    }
}
