import HTTPTypes

/// The reference's CORS rules: per-endpoint origin allow-lists, `POST` only.
struct CORSPolicy: Sendable {
    let allowedOrigins: Set<String>
    /// In development any requested header is allowed.
    let allowAnyHeader: Bool

    static let localOrigins = ["http://localhost:5005", "http://localhost:3000", "http://localhost:5173"]

    static func fullAPI(development: Bool) -> CORSPolicy {
        CORSPolicy(
            allowedOrigins: Set(
                localOrigins + [
                    "https://v2-staging.boxtribute.org", "https://v2-demo.boxtribute.org", "https://v2.boxtribute.org",
                    "https://v2-staging-dot-dropapp-242214.ew.r.appspot.com",
                    "https://v2-demo-dot-dropapp-242214.ew.r.appspot.com",
                    "https://v2-production-dot-dropapp-242214.ew.r.appspot.com",
                ]), allowAnyHeader: development)
    }

    static func publicAPI(development: Bool) -> CORSPolicy {
        CORSPolicy(
            allowedOrigins: Set(
                localOrigins + [
                    "https://shared-staging.boxtribute.org", "https://shared-demo.boxtribute.org",
                    "https://shared.boxtribute.org", "https://shared-staging-dot-dropapp-242214.ew.r.appspot.com",
                    "https://shared-demo-dot-dropapp-242214.ew.r.appspot.com",
                    "https://shared-production-dot-dropapp-242214.ew.r.appspot.com",
                ]), allowAnyHeader: development)
    }

    private static let allowedHeaders: Set<String> = ["content-type", "authorization", "x-clacks-overhead"]

    /// Headers for a response to a request from `origin` (none for other origins).
    func responseHeaders(origin: String?, requestedHeaders: String?, preflight: Bool) -> HTTPFields {
        var fields = HTTPFields()
        guard let origin, allowedOrigins.contains(origin) else { return fields }
        fields[.accessControlAllowOrigin] = origin
        fields[.vary] = "Origin"
        if preflight {
            fields[.accessControlAllowMethods] = "POST"
            if let requestedHeaders {
                let requested = requestedHeaders.split(separator: ",").map {
                    String($0.filter { $0 != " " && $0 != "\t" })
                }
                let allowed = requested.filter { allowAnyHeader || Self.allowedHeaders.contains($0.lowercased()) }
                if !allowed.isEmpty { fields[.accessControlAllowHeaders] = allowed.joined(separator: ", ") }
            }
        }
        return fields
    }
}
