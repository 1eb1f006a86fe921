#if MySQL
    import BoxtributeDomain
    import CMariaDB

    /// A server-side prepared statement (`mysql_stmt_*`): values travel as bound parameters,
    /// never inside the SQL text. Results are read through the binary protocol into typed
    /// values; zero dates read as NULL.
    final class MySQLStatement {
        private var statement: UnsafeMutablePointer<MYSQL_STMT>?
        private let parameterCount: Int

        init(sql: String, on mysql: UnsafeMutablePointer<MYSQL>) throws(MySQLStatementError) {
            guard let statement = mysql_stmt_init(mysql) else {
                throw MySQLStatementError(code: mysql_errno(mysql), message: String(cString: mysql_error(mysql)))
            }
            let text = sql.utf8CString
            let status = text.withUnsafeBufferPointer {
                mysql_stmt_prepare(statement, $0.baseAddress, UInt($0.count - 1))
            }
            guard status == 0 else {
                let error = Self.error(statement)
                mysql_stmt_close(statement)
                throw error
            }
            self.statement = statement
            parameterCount = Int(mysql_stmt_param_count(statement))
        }

        deinit { close() }

        func close() {
            if let statement { mysql_stmt_close(statement) }
            statement = nil
        }

        func run(_ binds: [SQLValue]) throws(MySQLStatementError) -> MySQLResult {
            guard let statement else { throw MySQLStatementError(code: 2030, message: "statement closed") }
            guard binds.count == parameterCount else {
                throw MySQLStatementError(
                    code: 2034, message: "statement has \(parameterCount) parameters, \(binds.count) values given")
            }
            let parameters = MySQLBindBuffers(count: binds.count)
            defer { parameters.deallocate() }
            for (index, value) in binds.enumerated() { parameters.setParameter(index, value) }
            if !binds.isEmpty, mysql_stmt_bind_param(statement, parameters.binds) != 0 { throw Self.error(statement) }
            guard mysql_stmt_execute(statement) == 0 else { throw Self.error(statement) }
            let fieldCount = Int(mysql_stmt_field_count(statement))
            guard fieldCount > 0 else {
                return MySQLResult(
                    rows: [],
                    execution: SQLExecution(
                        affectedRows: Int(truncatingIfNeeded: mysql_stmt_affected_rows(statement)),
                        lastInsertId: Int(truncatingIfNeeded: mysql_stmt_insert_id(statement))))
            }
            defer { mysql_stmt_free_result(statement) }
            return MySQLResult(
                rows: try fetchRows(statement, fieldCount: fieldCount),
                execution: SQLExecution(affectedRows: 0, lastInsertId: 0))
        }

        private func fetchRows(
            _ statement: UnsafeMutablePointer<MYSQL_STMT>, fieldCount: Int
        ) throws(MySQLStatementError)
            -> [SQLRow]
        {
            // Longest values first, so every string buffer is large enough.
            var updateMaxLength: my_bool = 1
            mysql_stmt_attr_set(statement, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength)
            guard mysql_stmt_store_result(statement) == 0 else { throw Self.error(statement) }
            guard let metadata = mysql_stmt_result_metadata(statement) else { throw Self.error(statement) }
            defer { mysql_free_result(metadata) }
            guard let fields = mysql_fetch_fields(metadata) else { throw Self.error(statement) }
            let columns = SQLColumns((0..<fieldCount).map { String(cString: fields[$0].name) })
            let output = MySQLBindBuffers(count: fieldCount)
            defer { output.deallocate() }
            for index in 0..<fieldCount { output.prepareResult(index, field: fields[index]) }
            guard mysql_stmt_bind_result(statement, output.binds) == 0 else { throw Self.error(statement) }
            var rows: [SQLRow] = []
            rows.reserveCapacity(Int(mysql_stmt_num_rows(statement)))
            while true {
                let status = mysql_stmt_fetch(statement)
                if status == MYSQL_NO_DATA { break }
                // Truncation cannot happen with buffers of max_length; any other status is an error.
                guard status == 0 || status == MYSQL_DATA_TRUNCATED else { throw Self.error(statement) }
                var values: [SQLValue] = []
                values.reserveCapacity(fieldCount)
                for index in 0..<fieldCount { values.append(output.resultValue(index, field: fields[index])) }
                rows.append(SQLRow(columns: columns, values: values))
            }
            return rows
        }

        private static func error(_ statement: UnsafeMutablePointer<MYSQL_STMT>) -> MySQLStatementError {
            MySQLStatementError(
                code: mysql_stmt_errno(statement), message: String(cString: mysql_stmt_error(statement)))
        }
    }

    /// The `MYSQL_BIND` array of one execution and the memory its entries point to.
    private struct MySQLBindBuffers {
        let binds: UnsafeMutablePointer<MYSQL_BIND>
        let lengths: UnsafeMutablePointer<UInt>
        let nulls: UnsafeMutablePointer<my_bool>
        let count: Int
        private static let scalarSize = max(8, MemoryLayout<MYSQL_TIME>.size)

        init(count: Int) {
            self.count = count
            binds = .allocate(capacity: max(1, count))
            binds.initialize(repeating: MYSQL_BIND(), count: max(1, count))
            lengths = .allocate(capacity: max(1, count))
            lengths.initialize(repeating: 0, count: max(1, count))
            nulls = .allocate(capacity: max(1, count))
            nulls.initialize(repeating: 0, count: max(1, count))
        }

        func deallocate() {
            for index in 0..<count { binds[index].buffer?.deallocate() }
            binds.deallocate()
            lengths.deallocate()
            nulls.deallocate()
        }

        func setParameter(_ index: Int, _ value: SQLValue) {
            switch value {
            case .null:
                binds[index].buffer_type = MYSQL_TYPE_NULL
            case .integer(let int):
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
                buffer.storeBytes(of: Int64(int), as: Int64.self)
                binds[index].buffer = buffer
                binds[index].buffer_type = MYSQL_TYPE_LONGLONG
            case .real(let double):
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
                buffer.storeBytes(of: double, as: Double.self)
                binds[index].buffer = buffer
                binds[index].buffer_type = MYSQL_TYPE_DOUBLE
            case .text(let text):
                setBytes(index, Array(text.utf8), type: MYSQL_TYPE_STRING)
            case .blob(let bytes):
                setBytes(index, bytes, type: MYSQL_TYPE_BLOB)
            }
        }

        private func setBytes(_ index: Int, _ bytes: [UInt8], type: enum_field_types) {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
            bytes.withUnsafeBytes {
                if let base = $0.baseAddress { buffer.copyMemory(from: base, byteCount: $0.count) }
            }
            lengths[index] = UInt(bytes.count)
            binds[index].buffer = buffer
            binds[index].buffer_length = UInt(bytes.count)
            binds[index].length = lengths + index
            binds[index].buffer_type = type
        }

        func prepareResult(_ index: Int, field: MYSQL_FIELD) {
            let kind = MySQLValues.Kind(field)
            let size: Int
            switch kind {
            case .integer:
                binds[index].buffer_type = MYSQL_TYPE_LONGLONG
                binds[index].is_unsigned = (field.flags & UInt32(UNSIGNED_FLAG)) != 0 ? 1 : 0
                size = 8
            case .real:
                binds[index].buffer_type = MYSQL_TYPE_DOUBLE
                size = 8
            case .date, .dateTime, .time:
                binds[index].buffer_type = field.type
                size = Self.scalarSize
            case .decimal, .text, .blob:
                binds[index].buffer_type = kind == .blob ? MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING
                size = max(1, Int(field.max_length))
            }
            binds[index].buffer = .allocate(byteCount: size, alignment: 8)
            binds[index].buffer_length = UInt(size)
            binds[index].length = lengths + index
            binds[index].is_null = nulls + index
        }

        func resultValue(_ index: Int, field: MYSQL_FIELD) -> SQLValue {
            guard nulls[index] == 0, let buffer = binds[index].buffer else { return .null }
            switch MySQLValues.Kind(field) {
            case .integer:
                if binds[index].is_unsigned != 0 {
                    return .integer(Int(truncatingIfNeeded: buffer.load(as: UInt64.self)))
                }
                return .integer(Int(buffer.load(as: Int64.self)))
            case .real:
                return .real(buffer.load(as: Double.self))
            case .date, .dateTime, .time:
                return MySQLValues.time(buffer.load(as: MYSQL_TIME.self), kind: MySQLValues.Kind(field))
            case .decimal:
                let text = String(
                    decoding: UnsafeRawBufferPointer(start: buffer, count: Int(lengths[index])), as: UTF8.self)
                return Double(text).map(SQLValue.real) ?? .text(text)
            case .text:
                return .text(
                    String(decoding: UnsafeRawBufferPointer(start: buffer, count: Int(lengths[index])), as: UTF8.self))
            case .blob:
                return .blob(Array(UnsafeRawBufferPointer(start: buffer, count: Int(lengths[index]))))
            }
        }
    }

    /// Conversions between MySQL's column types and ``SQLValue``, shared by both protocols.
    enum MySQLValues {
        enum Kind {
            case integer, real, decimal, date, dateTime, time, text, blob

            init(_ field: MYSQL_FIELD) {
                switch field.type {
                case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_INT24,
                    MYSQL_TYPE_YEAR:
                    self = .integer
                case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE: self = .real
                case MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL: self = .decimal
                case MYSQL_TYPE_DATE, MYSQL_TYPE_NEWDATE: self = .date
                case MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP: self = .dateTime
                case MYSQL_TYPE_TIME: self = .time
                case MYSQL_TYPE_TINY_BLOB, MYSQL_TYPE_MEDIUM_BLOB, MYSQL_TYPE_LONG_BLOB, MYSQL_TYPE_BLOB,
                    MYSQL_TYPE_STRING, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_VARCHAR, MYSQL_TYPE_BIT, MYSQL_TYPE_GEOMETRY:
                    // Character set 63 is `binary`: BLOB / VARBINARY columns.
                    self = field.charsetnr == 63 ? .blob : .text
                default: self = .text
                }
            }
        }

        /// A date/time value; the zero date (`0000-00-00`) reads as NULL.
        static func time(_ time: MYSQL_TIME, kind: Kind) -> SQLValue {
            func two(_ value: UInt32) -> String { value < 10 ? "0\(value)" : String(value) }
            func four(_ value: UInt32) -> String {
                String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value)
            }
            let clock = "\(two(time.hour)):\(two(time.minute)):\(two(time.second))"
            switch kind {
            case .time:
                return .text((time.neg != 0 ? "-" : "") + clock)
            case .date, .dateTime:
                if time.year == 0 && time.month == 0 && time.day == 0 { return .null }
                let date = "\(four(time.year))-\(two(time.month))-\(two(time.day))"
                return .text(kind == .date ? date : date + " " + clock)
            default:
                return .null
            }
        }

        /// A value of the text protocol.
        static func fromText(_ bytes: UnsafeRawBufferPointer, field: MYSQL_FIELD) -> SQLValue {
            let kind = Kind(field)
            if kind == .blob { return .blob(Array(bytes)) }
            let text = String(decoding: bytes, as: UTF8.self)
            switch kind {
            case .integer: return Int(text).map(SQLValue.integer) ?? .text(text)
            case .real, .decimal: return Double(text).map(SQLValue.real) ?? .text(text)
            case .date, .dateTime: return text.hasPrefix("0000-00-00") ? .null : .text(text)
            case .time, .text, .blob: return .text(text)
            }
        }
    }
#endif
