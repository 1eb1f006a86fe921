import Foundation

/// The files of the explorer page (our script and style sheet, and the vendored CodeMirror and
/// graphql-js files), served under ``ExplorerAssets/prefix``.
///
/// They ship as the target's SwiftPM resources (`Explorer/Assets`, copied into
/// `boxtribute_BoxtributeServer.resources` beside the executable by `swift build`) and are read
/// once into memory. Only the files of ``manifest`` are served, looked up by exact name, so no
/// request path can reach another file. A file that can't be found is left out (its path
/// answers 404): unlike `Bundle.module`, nothing here stops the process.
public struct ExplorerAssets: Sendable {
    /// One served file.
    public struct Asset: Sendable {
        public let bytes: [UInt8]
        public let contentType: String
        /// A strong validator of the content (`"<hex>"`), for `If-None-Match`.
        public let etag: String
    }

    /// The URL path under which the assets are served.
    public static let prefix = "/explorer/assets/"

    /// Every file the page may load, relative to `Explorer/Assets`.
    public static let manifest: [String] = [
        "explorer.js",
        "explorer.css",
        "vendor/codemirror-5.65.0/lib/codemirror.js",
        "vendor/codemirror-5.65.0/lib/codemirror.css",
        "vendor/codemirror-5.65.0/addon/mode/simple.js",
        "vendor/codemirror-5.65.0/addon/edit/matchbrackets.js",
        "vendor/codemirror-5.65.0/mode/javascript/javascript.js",
        "vendor/graphql-js-16.6.0/utilities/getIntrospectionQuery.mjs",
    ]

    /// The files found, by path relative to `Explorer/Assets`.
    public let files: [String: Asset]
    /// The folder they were read from (nil when none was found).
    public let directory: URL?

    /// The assets of this process, read once.
    public static let shared = ExplorerAssets.load()

    /// Reads the files of ``manifest`` from the first folder that has the explorer's script.
    public static func load(candidates: [URL] = ExplorerAssets.candidateDirectories()) -> ExplorerAssets {
        let directory = candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("explorer.js").path)
        }
        var files: [String: Asset] = [:]
        if let directory {
            for name in manifest {
                guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
                else { continue }
                let bytes = [UInt8](data)
                files[name] = Asset(bytes: bytes, contentType: contentType(of: name), etag: etag(of: bytes))
            }
        }
        return ExplorerAssets(files: files, directory: directory)
    }

    /// The asset a request path names (`/explorer/assets/<name>`), or nil.
    public func asset(forPath path: String) -> Asset? {
        guard path.hasPrefix(Self.prefix) else { return nil }
        return files[String(path.dropFirst(Self.prefix.count))]
    }

    /// Where the resource bundle may be: beside the executable (`swift run`, `.build/debug`,
    /// `.build/release`, the test runner), then the source folder of a checkout (the tests
    /// and a binary run where it was built).
    public static func candidateDirectories() -> [URL] {
        let bundleName = "boxtribute_BoxtributeServer.resources"
        var directories: [URL] = []
        var executableFolders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            executableFolders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for folder in executableFolders {
            directories.append(folder.appendingPathComponent(bundleName).appendingPathComponent("Assets"))
        }
        directories.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Assets"))
        return directories
    }

    static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// FNV-1a (64 bits) of the content: enough to tell two versions of a file apart.
    static func etag(of bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return "\"" + String(hash, radix: 16) + "\""
    }
}
