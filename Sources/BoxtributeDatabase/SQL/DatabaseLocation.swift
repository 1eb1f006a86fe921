/// Where the database lives, parsed from `--database` / `DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable {
    /// `sqlite:PATH` or `sqlite::memory:`.
    case sqlite(path: String)
    /// `mysql://user:pass@host:port/db[?pool=N&socket=PATH&connect_timeout=S&read_timeout=S&write_timeout=S&pool_timeout=S]`.
    case mysql(MySQLSettings)

    /// The default: `boxtribute.sqlite3` in the working directory.
    public static let defaultLocation = DatabaseLocation.sqlite(path: "boxtribute.sqlite3")

    public init(url: String) throws(InvalidDatabaseURL) {
        if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw InvalidDatabaseURL(url: url, reason: "missing path") }
            // Accept sqlite:///abs/path and sqlite://rel as well as sqlite:path.
            if path.hasPrefix("//") {
                let rest = String(path.dropFirst(2))
                self = .sqlite(path: rest.isEmpty ? ":memory:" : rest)
            } else {
                self = .sqlite(path: path)
            }
            return
        }
        if url.hasPrefix("mysql://") {
            self = .mysql(try MySQLSettings(url: url))
            return
        }
        throw InvalidDatabaseURL(
            url: url, reason: "expected sqlite:PATH, sqlite::memory: or mysql://user:pass@host:port/db")
    }

    /// A description without secrets, for logs.
    public var redacted: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .mysql(let settings): "mysql://\(settings.user)@\(settings.host):\(settings.port)/\(settings.database)"
        }
    }
}

/// Connection settings of a MySQL/MariaDB server.
public struct MySQLSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    public var database: String
    public var socket: String?
    /// Most connections open at once (`?pool=N`); requests beyond wait for a free one.
    public var poolSize: Int
    /// Seconds a new connection may take to connect (`?connect_timeout=S`).
    public var connectTimeout: Int
    /// Seconds a statement may wait for the server's answer (`?read_timeout=S`): a hung server
    /// fails the request as unavailable instead of holding it. Statements that legitimately
    /// run longer (a large dump import) need a larger value.
    public var readTimeout: Int
    /// Seconds a statement may take to be sent to the server (`?write_timeout=S`).
    public var writeTimeout: Int
    /// Seconds a request may wait for a free pooled connection (`?pool_timeout=S`).
    public var poolTimeout: Int
    /// Seconds a statement may wait for another transaction's row lock
    /// (`?lock_wait_timeout=S`, the session's `innodb_lock_wait_timeout`); `nil` keeps the
    /// server's setting (50 s unless configured).
    public var lockWaitTimeout: Int?

    /// Connections per server when the URL does not say.
    public static let defaultPoolSize = 8
    /// Timeouts when the URL does not say, in seconds.
    public static let defaultConnectTimeout = 5
    public static let defaultReadTimeout = 30
    public static let defaultWriteTimeout = 30
    public static let defaultPoolTimeout = 30

    public init(
        host: String, port: Int, user: String, password: String, database: String, socket: String? = nil,
        poolSize: Int = defaultPoolSize, connectTimeout: Int = defaultConnectTimeout,
        readTimeout: Int = defaultReadTimeout, writeTimeout: Int = defaultWriteTimeout,
        poolTimeout: Int = defaultPoolTimeout, lockWaitTimeout: Int? = nil
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.socket = socket
        self.poolSize = poolSize
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout
        self.poolTimeout = poolTimeout
        self.lockWaitTimeout = lockWaitTimeout
    }

    init(url: String) throws(InvalidDatabaseURL) {
        let rest = url.dropFirst("mysql://".count)
        guard let at = rest.lastIndex(of: "@"), let slash = rest[at...].firstIndex(of: "/") else {
            throw InvalidDatabaseURL(url: "mysql://…", reason: "expected mysql://user:pass@host:port/db")
        }
        let credentials = rest[..<at]
        let hostPort = rest[rest.index(after: at)..<slash]
        let path = rest[rest.index(after: slash)...].split(separator: "?", maxSplits: 1)
        let database = path.first.map(String.init) ?? ""
        let userPass = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let hostParts = hostPort.split(separator: ":", maxSplits: 1)
        guard let hostName = hostParts.first, !database.isEmpty else {
            throw InvalidDatabaseURL(url: "mysql://…", reason: "missing host or database name")
        }
        let port = hostParts.count == 2 ? Int(hostParts[1]) : 3306
        guard let port else { throw InvalidDatabaseURL(url: "mysql://…", reason: "invalid port") }
        self.init(
            host: String(hostName), port: port, user: String(userPass[0]),
            password: userPass.count > 1 ? String(userPass[1]).removingPercentEncodingLeniently : "",
            database: database)
        for option in path.count > 1 ? path[1].split(separator: "&") : [] {
            let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
            let value = pair.count > 1 ? pair[1].removingPercentEncodingLeniently : ""
            switch pair[0] {
            case "pool": poolSize = try Self.positive(value, option: "pool")
            case "connect_timeout": connectTimeout = try Self.positive(value, option: "connect_timeout")
            case "read_timeout": readTimeout = try Self.positive(value, option: "read_timeout")
            case "write_timeout": writeTimeout = try Self.positive(value, option: "write_timeout")
            case "pool_timeout": poolTimeout = try Self.positive(value, option: "pool_timeout")
            case "lock_wait_timeout": lockWaitTimeout = try Self.positive(value, option: "lock_wait_timeout")
            case "socket": socket = value.isEmpty ? nil : value
            default: throw InvalidDatabaseURL(url: "mysql://…", reason: "unknown option \(pair[0])")
            }
        }
    }
}

extension MySQLSettings {
    private static func positive(_ value: String, option: String) throws(InvalidDatabaseURL) -> Int {
        guard let number = Int(value), number > 0 else {
            throw InvalidDatabaseURL(url: "mysql://…", reason: "\(option) must be a positive number")
        }
        return number
    }
}

/// A `--database` value that could not be understood.
public struct InvalidDatabaseURL: Error, CustomStringConvertible {
    public let url: String
    public let reason: String
    public var description: String { "invalid database URL \(url): \(reason)" }
}

extension String {
    /// Decodes `%XX` escapes (passwords in URLs); leaves malformed escapes as they are.
    var removingPercentEncodingLeniently: String {
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
