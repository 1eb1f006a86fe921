#if MySQL
    import CMariaDB

    /// One MariaDB Connector/C connection, used synchronously by one task at a time (the pool
    /// hands it out exclusively). Every call blocks, so it runs on the database's thread pool,
    /// never on an event loop or Swift's cooperative pool.
    ///
    /// Statements with binds, and every `SELECT`, run as server-side prepared statements
    /// (cached per SQL text); statements without binds that are not `SELECT`s (DDL, session
    /// settings, transaction control, dump statements) run as plain text.
    final class MySQLConnection: @unchecked Sendable {
        // @unchecked Sendable: the pool gives the connection to one task at a time.
        private var mysql: UnsafeMutablePointer<MYSQL>?
        private var statements: [String: MySQLStatement] = [:]
        /// The server's id of this connection (`CONNECTION_ID()`), for logs and `KILL`.
        let serverId: Int
        private var lost = false
        /// Whether the server went away or the connection was closed (it cannot be used again).
        var isBroken: Bool { lost || mysql == nil }

        /// Error codes meaning the connection is gone: CR_SERVER_GONE_ERROR, CR_SERVER_LOST
        /// (also what a read timeout reports), CR_SERVER_LOST_EXTENDED, CR_ERR_NET_READ,
        /// CR_ERR_NET_WRITE, ER_CONNECTION_KILLED, ER_CLIENT_INTERACTION_TIMEOUT.
        static let lostConnectionCodes: Set<UInt32> = [2006, 2013, 2055, 5013, 5014, 1927, 4031]
        /// Lost-connection codes of a statement that was sent and may have run: the server's
        /// answer, not the request, went missing (a read timeout included). For `COMMIT` this
        /// means the outcome is unknown. The others (gone before sending, killed by the server)
        /// mean the server rolled back.
        static let lostInFlightCodes: Set<UInt32> = [2013, 2055, 5013, 5014]
        /// Duplicate key, foreign key (parent / child), NOT NULL.
        static let constraintCodes: Set<UInt32> = [1062, 1451, 1452, 1216, 1217, 1048, 1586]
        /// Failures worth a retry because the server could not be reached or did not answer in
        /// time. Client (CR_*): socket/connection/host errors 2001-2005, handshake 2012, SSL
        /// connection 2026, and the lost-connection codes. Server (ER_*): too many connections
        /// (1040, 1203), shutdown in progress (1053, 1077-1079), aborted or broken connection
        /// (1152, 1158-1161), host blocked (1129), lock wait timeout (1205), deadlock (1213),
        /// statement timeout (MariaDB 1969, MySQL 3024).
        static let unavailableCodes: Set<UInt32> = lostConnectionCodes.union([
            2001, 2002, 2003, 2004, 2005, 2012, 2026,
            1040, 1203, 1053, 1077, 1078, 1079, 1152, 1158, 1159, 1160, 1161, 1129, 1205, 1213, 1969, 3024,
        ])
        private static let statementCacheLimit = 256

        /// Connects (blocking).
        init(settings: MySQLSettings) throws {
            guard let mysql = mysql_init(nil) else {
                throw DatabaseError(kind: .other, message: "MySQL: out of memory creating a connection", code: 2008)
            }
            // utf8mb4 end to end: the connection's character set, so 4-byte characters survive.
            mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4")
            // Bounded waits: a hung or unreachable server fails the statement (as unavailable)
            // instead of holding the request and its pooled connection indefinitely.
            var connectTimeout = UInt32(clamping: settings.connectTimeout)
            var readTimeout = UInt32(clamping: settings.readTimeout)
            var writeTimeout = UInt32(clamping: settings.writeTimeout)
            mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
            mysql_options(mysql, MYSQL_OPT_READ_TIMEOUT, &readTimeout)
            mysql_options(mysql, MYSQL_OPT_WRITE_TIMEOUT, &writeTimeout)
            // CLIENT_FOUND_ROWS: UPDATE reports matched rows, as SQLite does, not changed rows.
            let flags = UInt(CLIENT_FOUND_ROWS)
            let connected = mysql_real_connect(
                mysql, settings.socket == nil ? settings.host : nil, settings.user, settings.password,
                settings.database,
                UInt32(settings.port), settings.socket, flags)
            guard connected != nil else {
                let error = Self.error(code: mysql_errno(mysql), message: mysql_error(mysql))
                mysql_close(mysql)
                throw error
            }
            self.mysql = mysql
            serverId = Int(mysql_thread_id(mysql))
            // READ COMMITTED: see the README (Storage engines); timestamps are UTC as in the reference.
            _ = try execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED", [])
            _ = try execute("SET SESSION time_zone = '+00:00'", [])
            if let seconds = settings.lockWaitTimeout {
                _ = try execute("SET SESSION innodb_lock_wait_timeout = \(seconds)", [])
            }
        }

        deinit { close() }

        /// Closes the connection and its statements.
        func close() {
            for statement in statements.values { statement.close() }
            statements.removeAll()
            if let mysql { mysql_close(mysql) }
            mysql = nil
        }

        /// Runs a statement and returns its rows.
        func query(_ sql: String, _ binds: [SQLValue]) throws -> [SQLRow] {
            try run(sql, binds).rows
        }

        /// Runs a data-changing statement.
        func execute(_ sql: String, _ binds: [SQLValue]) throws -> SQLExecution {
            try run(sql, binds).execution
        }

        private func run(_ sql: String, _ binds: [SQLValue]) throws -> MySQLResult {
            guard let mysql, !isBroken else {
                throw DatabaseError(kind: .unavailable, message: "MySQL: the connection is closed")
            }
            do {
                if binds.isEmpty && !Self.isSelect(sql) { return try runText(sql, on: mysql) }
                let statement = try prepared(sql, on: mysql)
                return try statement.run(binds)
            } catch let error as MySQLStatementError {
                if Self.lostConnectionCodes.contains(error.code) { lost = true }
                // Prepared again next time: a statement whose execution failed may be unusable.
                statements.removeValue(forKey: sql)?.close()
                throw Self.error(code: error.code, message: error.message)
            }
        }

        private func prepared(_ sql: String, on mysql: UnsafeMutablePointer<MYSQL>) throws -> MySQLStatement {
            if let cached = statements[sql] { return cached }
            let statement = try MySQLStatement(sql: sql, on: mysql)
            if statements.count >= Self.statementCacheLimit {
                for entry in statements.values { entry.close() }
                statements.removeAll()
            }
            statements[sql] = statement
            return statement
        }

        private func runText(_ sql: String, on mysql: UnsafeMutablePointer<MYSQL>) throws -> MySQLResult {
            let text = sql.utf8CString
            let status = text.withUnsafeBufferPointer { mysql_real_query(mysql, $0.baseAddress, UInt($0.count - 1)) }
            guard status == 0 else {
                throw MySQLStatementError(code: mysql_errno(mysql), message: String(cString: mysql_error(mysql)))
            }
            guard let result = mysql_store_result(mysql) else {
                if mysql_field_count(mysql) != 0 {
                    throw MySQLStatementError(code: mysql_errno(mysql), message: String(cString: mysql_error(mysql)))
                }
                return MySQLResult(
                    rows: [],
                    execution: SQLExecution(
                        affectedRows: Int(truncatingIfNeeded: mysql_affected_rows(mysql)),
                        lastInsertId: Int(truncatingIfNeeded: mysql_insert_id(mysql))))
            }
            defer { mysql_free_result(result) }
            let count = Int(mysql_num_fields(result))
            let fields = mysql_fetch_fields(result)
            let columns = SQLColumns((0..<count).map { index in fields.map { String(cString: $0[index].name) } ?? "" })
            var rows: [SQLRow] = []
            while let row = mysql_fetch_row(result) {
                let lengths = mysql_fetch_lengths(result)
                var values: [SQLValue] = []
                values.reserveCapacity(count)
                for index in 0..<count {
                    guard let field = fields?[index], let cell = row[index], let lengths else {
                        values.append(.null)
                        continue
                    }
                    let bytes = UnsafeRawBufferPointer(start: cell, count: Int(lengths[index]))
                    values.append(MySQLValues.fromText(bytes, field: field))
                }
                rows.append(SQLRow(columns: columns, values: values))
            }
            return MySQLResult(rows: rows, execution: SQLExecution(affectedRows: rows.count, lastInsertId: 0))
        }

        private static func isSelect(_ sql: String) -> Bool {
            let head = sql.utf8.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == 0x28 }.prefix(6)
            return String(decoding: head, as: UTF8.self).uppercased() == "SELECT"
        }

        static func error(code: UInt32, message: UnsafePointer<CChar>?) -> DatabaseError {
            error(code: code, message: message.map { String(cString: $0) } ?? "")
        }

        static func error(code: UInt32, message: String) -> DatabaseError {
            if lostConnectionCodes.contains(code) {
                return DatabaseError(
                    kind: .unavailable, message: "MySQL: lost the connection to the server (\(code)): \(message)",
                    code: Int(code))
            }
            return DatabaseError(kind: kind(of: code), message: "MySQL \(code): \(message)", code: Int(code))
        }

        /// What a Connector/C or server error code means for the request. Anything not known
        /// to be a constraint or an unreachable server (SQL errors, access denied, unknown
        /// database, disk or table full, read-only server) is `.other`.
        static func kind(of code: UInt32) -> DatabaseError.Kind {
            if constraintCodes.contains(code) { return .constraintViolation }
            if unavailableCodes.contains(code) { return .unavailable }
            return .other
        }
    }

    /// Rows and counts of one statement.
    struct MySQLResult {
        var rows: [SQLRow]
        var execution: SQLExecution
    }

    /// A failure inside Connector/C, before it becomes a ``DatabaseError``.
    struct MySQLStatementError: Error {
        let code: UInt32
        let message: String
    }
#endif
