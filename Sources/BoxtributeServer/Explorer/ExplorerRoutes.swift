import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The explorer's files: `GET /explorer/assets/<file>` for the files of
/// ``ExplorerAssets/manifest`` (from memory, with their content type, an `ETag` and an hour of
/// caching); any other path below it is 404.
enum ExplorerRoutes {
    static func add(to router: Router<BoxtributeRequestContext>, assets: ExplorerAssets = .shared) {
        router.get(RouterPath(ExplorerAssets.prefix + "**")) { request, _ in
            response(for: request, assets: assets)
        }
    }

    static func response(for request: Request, assets: ExplorerAssets) -> Response {
        guard let asset = assets.asset(forPath: request.uri.path) else {
            return Response(
                status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "Not found\n")))
        }
        var headers: HTTPFields = [
            .contentType: asset.contentType,
            .cacheControl: "public, max-age=3600",
            .eTag: asset.etag,
        ]
        if let contentTypeOptions { headers[contentTypeOptions] = "nosniff" }
        if let tags = request.headers[.ifNoneMatch],
            tags.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == asset.etag })
        {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }

    /// `X-Content-Type-Options`: browsers take the content type as given.
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")
}
