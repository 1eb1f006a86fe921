import Foundation

/// A statement of a MySQL dump that could not be read or translated.
public struct MySQLDumpError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `MySQLDumpStatement.number` of the offending statement (0 = before any statement).
    public var statementNumber: Int
    /// 1-based line in the dump (the line of the offending token when known).
    public var line: Int
    public var reason: String

    public var description: String {
        "MySQL dump statement #\(statementNumber) (line \(line)): \(reason)"
    }
}

/// Translates the statements of a MySQL 8 dump (as produced by mysqldump) into SQLite.
///
/// Supported: `DROP TABLE [IF EXISTS]`, `CREATE TABLE`, `INSERT`/`REPLACE ... VALUES`;
/// `LOCK TABLES`, `UNLOCK TABLES`, `SET ...` and `ALTER TABLE t DISABLE|ENABLE KEYS`
/// translate to nothing. Everything else throws `MySQLDumpError`.
///
/// Design notes:
/// - The single-column `AUTO_INCREMENT` primary key becomes `INTEGER PRIMARY KEY AUTOINCREMENT`:
///   like InnoDB, SQLite then never reuses the id of a deleted row, and the dump's table
///   option `AUTO_INCREMENT=N` is carried over by seeding `sqlite_sequence` with N-1, so new
///   rows get the same ids MySQL would have given them.
/// - `KEY name (...)` / `UNIQUE KEY name (...)` become `CREATE [UNIQUE] INDEX "<table>_<name>"`
///   (SQLite index names are per database, MySQL's per table). Prefix lengths are dropped.
/// - Column types map to SQLite affinities; `NOT NULL` and `DEFAULT` are kept verbatim as
///   SQLite literals, so `DEFAULT '0000-00-00 00:00:00'` and zero dates in the data stay text.
/// - Charsets/collations are dropped (note: MySQL's `_ci` collations compare case-insensitively,
///   SQLite's default BINARY collation does not).
public enum MySQLToSQLite {
    public enum Kind: Sendable, Equatable {
        case createTable
        case dropTable
        case insert
        /// Session housekeeping that has no SQLite equivalent (LOCK, SET, ...).
        case ignored
    }

    public struct Translation: Sendable, Equatable {
        public var kind: Kind
        /// Table created / dropped / inserted into (first one for a multi-table DROP).
        public var table: String?
        /// Number of value tuples of an INSERT, 0 otherwise.
        public var rowCount: Int
        /// SQLite statements, without terminating `;`.
        public var statements: [String]
    }

    /// SQLite statements (zero or more) equivalent to a MySQL dump statement.
    public static func translate(_ statement: MySQLDumpStatement) throws(MySQLDumpError) -> [String] {
        try translateDetailed(statement).statements
    }

    /// Like `translate`, also reporting the statement kind, table and INSERT row count
    /// (counted during the translation, no second parse).
    public static func translateDetailed(_ statement: MySQLDumpStatement) throws(MySQLDumpError) -> Translation {
        var parser = DumpSQLParser(statement)
        return try parser.translate()
    }

    /// Table named by a CREATE TABLE / INSERT / REPLACE / DROP TABLE statement; nil otherwise.
    /// Only lexes the first few tokens.
    public static func tableName(of statement: MySQLDumpStatement) -> String? {
        var parser = DumpSQLParser(statement)
        return try? parser.leadingTableName(createOnly: false)
    }

    /// Table created by a CREATE TABLE statement; nil for any other statement.
    public static func createTableName(_ statement: MySQLDumpStatement) -> String? {
        var parser = DumpSQLParser(statement)
        return try? parser.leadingTableName(createOnly: true)
    }

    /// `"name"` with embedded double quotes doubled.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

// MARK: - Lexer / parser

struct DumpSQLToken {
    enum Kind: Equatable {
        case word
        case quotedIdentifier  // `...`
        case singleQuoted  // '...' (also N'...')
        case doubleQuoted  // "..." (a string in MySQL's default sql_mode)
        case number
        case hexNumber  // 0xAB
        case hexString  // X'AB'
        case bitString  // b'01' / 0b01
        case punct
        case end
    }

    var kind: Kind
    var start: Int
    var end: Int
}

struct DumpSQLParser {
    private typealias Token = DumpSQLToken

    private let bytes: [UInt8]
    private let number: Int
    private let line: Int
    private var pos = 0
    private var inConditional = false
    private var lookahead: Token?

    init(_ statement: MySQLDumpStatement) {
        bytes = Array(statement.text.utf8)
        number = statement.number
        line = statement.line
    }

    // MARK: Errors

    private func fail(_ reason: String, at offset: Int? = nil) -> MySQLDumpError {
        let o = min(offset ?? pos, bytes.count)
        var l = line
        for i in 0..<o where bytes[i] == DumpASCII.newline { l += 1 }
        return MySQLDumpError(statementNumber: number, line: l, reason: reason)
    }

    private func describe(_ t: Token) -> String {
        if t.kind == .end { return "end of statement" }
        let end = min(t.end, t.start + 40)
        let s = String(decoding: bytes[t.start..<end], as: UTF8.self)
        return "'" + s + (t.end > end ? "…" : "") + "'"
    }

    private func unexpected(_ t: Token, _ context: String) -> MySQLDumpError {
        fail("unexpected \(describe(t)) \(context)", at: t.start)
    }

    // MARK: Lexing

    private mutating func skipTrivia() throws(MySQLDumpError) {
        while pos < bytes.count {
            let c = bytes[pos]
            if DumpASCII.isSpace(c) || c == DumpASCII.newline {
                pos += 1
            } else if c == DumpASCII.hash
                || (c == DumpASCII.minus && byte(pos + 1) == DumpASCII.minus && (byte(pos + 2) ?? 0) <= DumpASCII.space)
            {
                while pos < bytes.count && bytes[pos] != DumpASCII.newline { pos += 1 }
            } else if c == DumpASCII.slash && byte(pos + 1) == DumpASCII.star {
                if byte(pos + 2) == DumpASCII.bang {
                    pos += 3
                    while let d = byte(pos), DumpASCII.isDigit(d) { pos += 1 }
                    inConditional = true
                } else {
                    let open = pos
                    pos += 2
                    while pos < bytes.count && !(bytes[pos] == DumpASCII.star && byte(pos + 1) == DumpASCII.slash) {
                        pos += 1
                    }
                    guard pos < bytes.count else { throw fail("unterminated /* comment", at: open) }
                    pos += 2
                }
            } else if c == DumpASCII.star && inConditional && byte(pos + 1) == DumpASCII.slash {
                pos += 2
                inConditional = false
            } else {
                return
            }
        }
    }

    @inline(__always)
    private func byte(_ i: Int) -> UInt8? {
        i < bytes.count ? bytes[i] : nil
    }

    /// Scans a quoted run starting at `pos` (the opening quote); returns the end offset.
    private mutating func scanQuoted(_ quote: UInt8) throws(MySQLDumpError) -> Int {
        let open = pos
        var i = pos + 1
        let escapes = quote != DumpASCII.backtick
        while i < bytes.count {
            let c = bytes[i]
            if c == DumpASCII.backslash && escapes {
                i += 2
            } else if c == quote {
                if byte(i + 1) == quote {
                    i += 2
                } else {
                    return i + 1
                }
            } else {
                i += 1
            }
        }
        throw fail(
            quote == DumpASCII.backtick ? "unterminated quoted identifier" : "unterminated string literal", at: open)
    }

    private mutating func lex() throws(MySQLDumpError) -> Token {
        try skipTrivia()
        guard pos < bytes.count else { return Token(kind: .end, start: pos, end: pos) }
        let start = pos
        let c = bytes[pos]
        switch c {
        case DumpASCII.backtick:
            pos = try scanQuoted(c)
            return Token(kind: .quotedIdentifier, start: start, end: pos)
        case DumpASCII.singleQuote:
            pos = try scanQuoted(c)
            return Token(kind: .singleQuoted, start: start, end: pos)
        case DumpASCII.doubleQuote:
            pos = try scanQuoted(c)
            return Token(kind: .doubleQuoted, start: start, end: pos)
        default:
            break
        }
        if DumpASCII.isDigit(c) || (c == DumpASCII.dot && (byte(pos + 1).map(DumpASCII.isDigit) ?? false)) {
            if c == UInt8(ascii: "0"), let x = byte(pos + 1), x == UInt8(ascii: "x") || x == UInt8(ascii: "b") {
                var i = pos + 2
                let isHex = x == UInt8(ascii: "x")
                while let d = byte(i), isHex ? DumpASCII.isHexDigit(d) : (d == 0x30 || d == 0x31) { i += 1 }
                if i > pos + 2 && !(byte(i).map(DumpASCII.isWordByte) ?? false) {
                    pos = i
                    return Token(kind: x == UInt8(ascii: "x") ? .hexNumber : .bitString, start: start, end: pos)
                }
            }
            var i = pos
            while let d = byte(i), DumpASCII.isDigit(d) { i += 1 }
            if byte(i) == DumpASCII.dot {
                i += 1
                while let d = byte(i), DumpASCII.isDigit(d) { i += 1 }
            }
            if let e = byte(i), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                var j = i + 1
                if let s = byte(j), s == DumpASCII.plus || s == DumpASCII.minus { j += 1 }
                if let d = byte(j), DumpASCII.isDigit(d) {
                    while let d = byte(j), DumpASCII.isDigit(d) { j += 1 }
                    i = j
                }
            }
            if !(byte(i).map(DumpASCII.isWordByte) ?? false) {
                pos = i
                return Token(kind: .number, start: start, end: pos)
            }
            // An identifier starting with digits (e.g. 1abc): fall through.
        }
        if DumpASCII.isWordByte(c) {
            var i = pos
            while let d = byte(i), DumpASCII.isWordByte(d) { i += 1 }
            pos = i
            if i == start + 1, byte(i) == DumpASCII.singleQuote {
                switch DumpASCII.upper(c) {
                case UInt8(ascii: "X"):
                    pos = try scanQuoted(DumpASCII.singleQuote)
                    return Token(kind: .hexString, start: start, end: pos)
                case UInt8(ascii: "B"):
                    pos = try scanQuoted(DumpASCII.singleQuote)
                    return Token(kind: .bitString, start: start, end: pos)
                case UInt8(ascii: "N"):
                    let quoteStart = pos
                    pos = try scanQuoted(DumpASCII.singleQuote)
                    return Token(kind: .singleQuoted, start: quoteStart, end: pos)
                default:
                    break
                }
            }
            return Token(kind: .word, start: start, end: pos)
        }
        pos += 1
        return Token(kind: .punct, start: start, end: pos)
    }

    private mutating func peek() throws(MySQLDumpError) -> Token {
        if let t = lookahead { return t }
        let t = try lex()
        lookahead = t
        return t
    }

    private mutating func next() throws(MySQLDumpError) -> Token {
        if let t = lookahead {
            lookahead = nil
            return t
        }
        return try lex()
    }

    // MARK: Token helpers

    /// Case-insensitive keyword test; `keyword` must be upper-case ASCII.
    private func isWord(_ t: Token, _ keyword: StaticString) -> Bool {
        guard t.kind == .word, t.end - t.start == keyword.utf8CodeUnitCount else { return false }
        return keyword.withUTF8Buffer { kw in
            var i = t.start
            for k in kw {
                if DumpASCII.upper(bytes[i]) != k { return false }
                i += 1
            }
            return true
        }
    }

    private func isPunct(_ t: Token, _ c: UInt8) -> Bool {
        t.kind == .punct && bytes[t.start] == c
    }

    private func upperText(_ t: Token) -> String {
        String(decoding: bytes[t.start..<t.end].map(DumpASCII.upper), as: UTF8.self)
    }

    private func text(_ t: Token) -> String {
        String(decoding: bytes[t.start..<t.end], as: UTF8.self)
    }

    private mutating func acceptWord(_ keyword: StaticString) throws(MySQLDumpError) -> Bool {
        if isWord(try peek(), keyword) {
            _ = try next()
            return true
        }
        return false
    }

    private mutating func acceptAnyWord(_ keywords: StaticString...) throws(MySQLDumpError) -> Bool {
        let t = try peek()
        for k in keywords where isWord(t, k) {
            _ = try next()
            return true
        }
        return false
    }

    private mutating func expectWord(_ keyword: StaticString, _ context: String) throws(MySQLDumpError) {
        let t = try next()
        guard isWord(t, keyword) else { throw unexpected(t, "\(context) (expected \(keyword))") }
    }

    private mutating func acceptPunct(_ c: UInt8) throws(MySQLDumpError) -> Bool {
        if isPunct(try peek(), c) {
            _ = try next()
            return true
        }
        return false
    }

    private mutating func expectPunct(_ c: UInt8, _ context: String) throws(MySQLDumpError) {
        let t = try next()
        guard isPunct(t, c) else {
            throw unexpected(t, "\(context) (expected '\(String(decoding: [c], as: UTF8.self))')")
        }
    }

    /// Optional trailing `;`, then nothing.
    private mutating func expectEnd() throws(MySQLDumpError) {
        _ = try acceptPunct(DumpASCII.semicolon)
        let t = try next()
        guard t.kind == .end else { throw unexpected(t, "after the end of the statement") }
    }

    /// Identifier from a bare word or a backtick-quoted name.
    private mutating func identifier(_ context: String) throws(MySQLDumpError) -> String {
        let t = try next()
        switch t.kind {
        case .word:
            return text(t)
        case .quotedIdentifier:
            var out: [UInt8] = []
            var i = t.start + 1
            while i < t.end - 1 {
                out.append(bytes[i])
                i += (bytes[i] == DumpASCII.backtick) ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        default:
            throw unexpected(t, "where \(context) was expected")
        }
    }

    /// Table name; schema-qualified names are rejected.
    private mutating func tableIdentifier() throws(MySQLDumpError) -> String {
        let name = try identifier("a table name")
        if isPunct(try peek(), DumpASCII.dot) {
            throw fail("schema-qualified table names are not supported (`\(name)`.…)", at: pos)
        }
        return name
    }

    private static func q(_ name: String) -> String {
        MySQLToSQLite.quoteIdentifier(name)
    }

    // MARK: Literals

    /// Appends a MySQL string literal token as a SQLite string literal: its decoded bytes, quotes
    /// doubled, NUL bytes as `char(0)`, or an error for a NUL where `allowNul` is false.
    private func appendStringLiteral(_ t: Token, to out: inout [UInt8], allowNul: Bool) throws(MySQLDumpError) {
        out.append(DumpASCII.singleQuote)
        for byte in decodedString(t) {
            switch byte {
            case 0:
                guard allowNul else {
                    throw fail("NUL character (\\0) in a string literal is not supported here", at: t.start)
                }
                out.append(contentsOf: Array("'||char(0)||'".utf8))
            case DumpASCII.singleQuote: out += [byte, byte]
            default: out.append(byte)
            }
        }
        out.append(DumpASCII.singleQuote)
    }

    /// Decoded bytes of a MySQL string literal token (`\%` and `\_` keep their backslash, as in MySQL).
    private func decodedString(_ t: Token) -> [UInt8] {
        let quote = bytes[t.start]
        var out: [UInt8] = []
        var i = t.start + 1
        let last = t.end - 1
        while i < last {
            let c = bytes[i]
            if c == DumpASCII.backslash {
                let d = bytes[i + 1]
                i += 2
                switch d {
                case UInt8(ascii: "0"): out.append(0)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "n"): out.append(DumpASCII.newline)
                case UInt8(ascii: "r"): out.append(DumpASCII.carriageReturn)
                case UInt8(ascii: "t"): out.append(DumpASCII.tab)
                case UInt8(ascii: "Z"): out.append(0x1A)
                case UInt8(ascii: "%"), UInt8(ascii: "_"): out.append(DumpASCII.backslash); out.append(d)
                default: out.append(d)
                }
            } else {
                i += (c == quote) ? 2 : 1
                out.append(c)
            }
        }
        return out
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private func appendBlob(_ data: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "X"))
        out.append(DumpASCII.singleQuote)
        for b in data {
            out.append(Self.hexDigits[Int(b >> 4)])
            out.append(Self.hexDigits[Int(b & 0x0F)])
        }
        out.append(DumpASCII.singleQuote)
    }

    /// `0xABC` → `X'0ABC'`, `X'ab'` → `X'ab'`.
    private func appendHex(_ t: Token, to out: inout [UInt8]) throws(MySQLDumpError) {
        out.append(UInt8(ascii: "X"))
        out.append(DumpASCII.singleQuote)
        if t.kind == .hexNumber {
            if (t.end - t.start - 2) % 2 == 1 { out.append(UInt8(ascii: "0")) }
            out.append(contentsOf: bytes[(t.start + 2)..<t.end])
        } else {
            let digits = bytes[(t.start + 2)..<(t.end - 1)]
            guard digits.count % 2 == 0, digits.allSatisfy(DumpASCII.isHexDigit) else {
                throw fail("malformed hex literal \(describe(t))", at: t.start)
            }
            out.append(contentsOf: digits)
        }
        out.append(DumpASCII.singleQuote)
    }

    /// One literal value (INSERT value or column DEFAULT).
    private mutating func appendLiteral(to out: inout [UInt8], inDefault: Bool) throws(MySQLDumpError) {
        let t = try next()
        switch t.kind {
        case .number:
            out.append(contentsOf: bytes[t.start..<t.end])
        case .singleQuoted, .doubleQuoted:
            try appendStringLiteral(t, to: &out, allowNul: !inDefault)
        case .hexNumber, .hexString:
            try appendHex(t, to: &out)
        case .punct where isPunct(t, DumpASCII.minus) || isPunct(t, DumpASCII.plus):
            let n = try next()
            guard n.kind == .number else { throw unexpected(n, "after a sign (expected a number)") }
            if isPunct(t, DumpASCII.minus) { out.append(DumpASCII.minus) }
            out.append(contentsOf: bytes[n.start..<n.end])
        case .word:
            if isWord(t, "NULL") {
                out.append(contentsOf: [0x4E, 0x55, 0x4C, 0x4C])
            } else if isWord(t, "TRUE") {
                out.append(UInt8(ascii: "1"))
            } else if isWord(t, "FALSE") {
                out.append(UInt8(ascii: "0"))
            } else if bytes[t.start] == UInt8(ascii: "_"), t.end - t.start > 1 {
                // Charset introducer: _binary '...', _utf8mb4 '...'
                let s = try next()
                guard s.kind == .singleQuoted || s.kind == .doubleQuoted || s.kind == .hexString || s.kind == .hexNumber
                else {
                    throw unexpected(s, "after the charset introducer \(describe(t))")
                }
                if s.kind == .hexString || s.kind == .hexNumber {
                    try appendHex(s, to: &out)
                } else if isWord(t, "_BINARY") {
                    appendBlob(decodedString(s), to: &out)
                } else {
                    try appendStringLiteral(s, to: &out, allowNul: !inDefault)
                }
            } else if inDefault
                && (isWord(t, "CURRENT_TIMESTAMP") || isWord(t, "NOW") || isWord(t, "LOCALTIMESTAMP")
                    || isWord(t, "LOCALTIME"))
            {
                if try acceptPunct(DumpASCII.openParen) {
                    if try peek().kind == .number { _ = try next() }
                    try expectPunct(DumpASCII.closeParen, "in \(describe(t))")
                }
                out.append(contentsOf: Array("CURRENT_TIMESTAMP".utf8))
            } else if inDefault && isWord(t, "CURRENT_DATE") {
                out.append(contentsOf: Array("CURRENT_DATE".utf8))
            } else {
                throw fail(
                    "unsupported value \(describe(t))\(inDefault ? " in DEFAULT" : " in VALUES (only literals are supported)")",
                    at: t.start)
            }
        case .bitString:
            throw fail("bit-value literals (\(describe(t))) are not supported", at: t.start)
        case .punct where isPunct(t, DumpASCII.openParen):
            throw fail("expressions \(inDefault ? "as DEFAULT" : "in VALUES") are not supported", at: t.start)
        default:
            throw unexpected(t, inDefault ? "after DEFAULT" : "where a value was expected")
        }
    }

    // MARK: Statements

    mutating func translate() throws(MySQLDumpError) -> MySQLToSQLite.Translation {
        let first = try next()
        if first.kind == .end {
            throw fail("empty statement")
        }
        if isWord(first, "CREATE") {
            let what = try peek()
            if isWord(what, "TABLE") {
                _ = try next()
                return try createTable()
            }
            if isWord(what, "TEMPORARY") {
                throw fail("CREATE TEMPORARY TABLE is not supported", at: what.start)
            }
            throw fail(
                "unsupported statement CREATE \(upperText(what)) … (only CREATE TABLE is supported; triggers, views and routines are not)",
                at: what.start)
        }
        if isWord(first, "DROP") {
            let what = try next()
            guard isWord(what, "TABLE") else {
                throw fail(
                    "unsupported statement DROP \(upperText(what)) … (only DROP TABLE is supported)", at: what.start)
            }
            return try dropTable()
        }
        if isWord(first, "INSERT") || isWord(first, "REPLACE") {
            return try insert(replace: isWord(first, "REPLACE"))
        }
        if isWord(first, "LOCK") || isWord(first, "UNLOCK") || isWord(first, "SET") {
            return MySQLToSQLite.Translation(kind: .ignored, table: nil, rowCount: 0, statements: [])
        }
        if isWord(first, "ALTER") {
            try expectWord("TABLE", "in ALTER statement (only ALTER TABLE … DISABLE/ENABLE KEYS is supported)")
            let table = try tableIdentifier()
            let verb = try next()
            guard isWord(verb, "DISABLE") || isWord(verb, "ENABLE") else {
                throw fail(
                    "unsupported ALTER TABLE `\(table)` \(upperText(verb)) … (only DISABLE/ENABLE KEYS is supported)",
                    at: verb.start)
            }
            try expectWord("KEYS", "in ALTER TABLE … \(upperText(verb))")
            try expectEnd()
            return MySQLToSQLite.Translation(kind: .ignored, table: table, rowCount: 0, statements: [])
        }
        throw fail("unsupported statement starting with \(describe(first))", at: first.start)
    }

    mutating func leadingTableName(createOnly: Bool) throws(MySQLDumpError) -> String? {
        let first = try next()
        if isWord(first, "CREATE") {
            guard try acceptWord("TABLE") else { return nil }
            if try acceptWord("IF") {
                try expectWord("NOT", "in CREATE TABLE IF NOT EXISTS")
                try expectWord("EXISTS", "in CREATE TABLE IF NOT EXISTS")
            }
            return try identifier("a table name")
        }
        if createOnly { return nil }
        if isWord(first, "INSERT") || isWord(first, "REPLACE") {
            while try acceptAnyWord("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE") {}
            _ = try acceptWord("INTO")
            return try identifier("a table name")
        }
        if isWord(first, "DROP") {
            guard try acceptWord("TABLE") else { return nil }
            if try acceptWord("IF") { try expectWord("EXISTS", "in DROP TABLE IF EXISTS") }
            return try identifier("a table name")
        }
        return nil
    }

    private mutating func dropTable() throws(MySQLDumpError) -> MySQLToSQLite.Translation {
        var ifExists = false
        if try acceptWord("IF") {
            try expectWord("EXISTS", "in DROP TABLE IF EXISTS")
            ifExists = true
        }
        var tables: [String] = []
        repeat {
            tables.append(try tableIdentifier())
        } while try acceptPunct(DumpASCII.comma)
        _ = try acceptAnyWord("RESTRICT", "CASCADE")
        try expectEnd()
        let statements = tables.map { "DROP TABLE \(ifExists ? "IF EXISTS " : "")\(Self.q($0))" }
        return MySQLToSQLite.Translation(kind: .dropTable, table: tables.first, rowCount: 0, statements: statements)
    }

    // MARK: INSERT

    private mutating func insert(replace: Bool) throws(MySQLDumpError) -> MySQLToSQLite.Translation {
        var ignore = false
        while true {
            if try acceptAnyWord("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY") { continue }
            if !replace, try acceptWord("IGNORE") {
                ignore = true
                continue
            }
            break
        }
        _ = try acceptWord("INTO")
        let table = try tableIdentifier()
        if isWord(try peek(), "PARTITION") {
            throw fail("INSERT … PARTITION is not supported")
        }

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        let verb = replace ? "INSERT OR REPLACE INTO " : ignore ? "INSERT OR IGNORE INTO " : "INSERT INTO "
        out.append(contentsOf: Array((verb + Self.q(table)).utf8))

        var columnCount: Int?
        if try acceptPunct(DumpASCII.openParen) {
            var columns: [String] = []
            if !isPunct(try peek(), DumpASCII.closeParen) {
                repeat {
                    columns.append(Self.q(try identifier("a column name")))
                } while try acceptPunct(DumpASCII.comma)
            }
            try expectPunct(DumpASCII.closeParen, "after the INSERT column list")
            columnCount = columns.count
            out.append(contentsOf: Array((" (" + columns.joined(separator: ", ") + ")").utf8))
        }
        let valuesKeyword = try next()
        guard isWord(valuesKeyword, "VALUES") || isWord(valuesKeyword, "VALUE") else {
            throw fail(
                "unsupported INSERT form: expected VALUES but found \(describe(valuesKeyword)) (INSERT … SET / SELECT are not supported)",
                at: valuesKeyword.start)
        }
        out.append(contentsOf: Array(" VALUES ".utf8))

        var rows = 0
        repeat {
            let open = try next()
            guard isPunct(open, DumpASCII.openParen) else {
                throw unexpected(open, "where a value tuple '(' was expected (row \(rows + 1))")
            }
            if rows > 0 { out.append(DumpASCII.comma) }
            out.append(DumpASCII.openParen)
            var values = 0
            if isPunct(try peek(), DumpASCII.closeParen) {
                throw fail("empty value tuple () in row \(rows + 1) is not supported", at: open.start)
            }
            repeat {
                if values > 0 { out.append(DumpASCII.comma) }
                try appendLiteral(to: &out, inDefault: false)
                values += 1
            } while try acceptPunct(DumpASCII.comma)
            let close = try next()
            guard isPunct(close, DumpASCII.closeParen) else {
                throw unexpected(close, "in row \(rows + 1) (expected ',' or ')')")
            }
            out.append(DumpASCII.closeParen)
            rows += 1
            if let expected = columnCount {
                guard values == expected else {
                    throw fail("row \(rows) has \(values) values, expected \(expected)", at: open.start)
                }
            } else {
                columnCount = values
            }
        } while try acceptPunct(DumpASCII.comma)

        let after = try peek()
        if isWord(after, "ON") {
            throw fail("INSERT … ON DUPLICATE KEY UPDATE is not supported", at: after.start)
        }
        try expectEnd()
        return MySQLToSQLite.Translation(
            kind: .insert, table: table, rowCount: rows, statements: [String(decoding: out, as: UTF8.self)])
    }

    // MARK: CREATE TABLE

    private struct Column {
        var name: String
        var type: String
        var notNull = false
        var defaultValue: String?
        var autoIncrement = false
        var inlinePrimaryKey = false
        var unique = false
        var offset: Int
    }

    private struct Index {
        var unique: Bool
        var name: String
        var parts: [String]
    }

    private mutating func createTable() throws(MySQLDumpError) -> MySQLToSQLite.Translation {
        var ifNotExists = false
        if try acceptWord("IF") {
            try expectWord("NOT", "in CREATE TABLE IF NOT EXISTS")
            try expectWord("EXISTS", "in CREATE TABLE IF NOT EXISTS")
            ifNotExists = true
        }
        let table = try tableIdentifier()
        let open = try next()
        guard isPunct(open, DumpASCII.openParen) else {
            throw fail(
                "unsupported CREATE TABLE form near \(describe(open)) (expected a column list; LIKE / AS SELECT are not supported)",
                at: open.start)
        }

        var columns: [Column] = []
        var primaryKey: [String]?
        var primaryKeyOffset = 0
        var indexes: [Index] = []
        var foreignKeys: [String] = []

        repeat {
            let t = try peek()
            var constraintName: String?
            if isWord(t, "CONSTRAINT") {
                _ = try next()
                let n = try peek()
                if !(isWord(n, "PRIMARY") || isWord(n, "UNIQUE") || isWord(n, "FOREIGN") || isWord(n, "CHECK")) {
                    constraintName = try identifier("a constraint name")
                }
            }
            let head = try peek()
            if isWord(head, "PRIMARY") {
                _ = try next()
                try expectWord("KEY", "after PRIMARY")
                guard primaryKey == nil else {
                    throw fail("table `\(table)` has more than one PRIMARY KEY", at: head.start)
                }
                try skipIndexType()
                primaryKey = try keyParts()
                primaryKeyOffset = head.start
                try skipIndexOptions()
            } else if isWord(head, "UNIQUE") {
                _ = try next()
                _ = try acceptAnyWord("KEY", "INDEX")
                let name = try optionalIndexName() ?? constraintName
                try skipIndexType()
                let parts = try keyParts()
                try skipIndexOptions()
                indexes.append(Index(unique: true, name: name ?? Self.unquote(parts[0]), parts: parts))
            } else if (isWord(head, "KEY") || isWord(head, "INDEX")) && constraintName == nil {
                _ = try next()
                let name = try optionalIndexName()
                try skipIndexType()
                let parts = try keyParts()
                try skipIndexOptions()
                indexes.append(Index(unique: false, name: name ?? Self.unquote(parts[0]), parts: parts))
            } else if isWord(head, "FOREIGN") {
                _ = try next()
                foreignKeys.append(try foreignKey())
            } else if isWord(head, "FULLTEXT") || isWord(head, "SPATIAL") || isWord(head, "CHECK") {
                throw fail(
                    "\(upperText(head)) \(isWord(head, "CHECK") ? "constraints" : "indexes") are not supported (table `\(table)`)",
                    at: head.start)
            } else if constraintName != nil {
                throw unexpected(head, "after CONSTRAINT (expected PRIMARY KEY, UNIQUE or FOREIGN KEY)")
            } else {
                columns.append(try column())
            }
        } while try acceptPunct(DumpASCII.comma)
        try expectPunct(DumpASCII.closeParen, "at the end of the column list of `\(table)`")
        let autoIncrementStart = try tableOptions()
        try expectEnd()

        // AUTO_INCREMENT → INTEGER PRIMARY KEY AUTOINCREMENT (single-column primary key only).
        var rowidColumn: String?
        let autoColumns = columns.filter(\.autoIncrement)
        if autoColumns.count > 1 {
            throw fail("table `\(table)` has more than one AUTO_INCREMENT column")
        }
        if let auto = autoColumns.first {
            let singlePK = auto.inlinePrimaryKey || primaryKey == [Self.q(auto.name)]
            guard singlePK, auto.type == "INTEGER" else {
                throw fail(
                    "AUTO_INCREMENT column `\(auto.name)` of `\(table)` is not an integer single-column PRIMARY KEY; SQLite cannot auto-increment it",
                    at: auto.offset)
            }
            rowidColumn = auto.name
        }
        if columns.filter(\.inlinePrimaryKey).count + (primaryKey == nil ? 0 : 1) > 1 {
            throw fail("table `\(table)` has more than one PRIMARY KEY", at: primaryKeyOffset)
        }

        var lines: [String] = []
        for c in columns {
            var s = Self.q(c.name) + " " + c.type
            if c.name == rowidColumn {
                s += " PRIMARY KEY AUTOINCREMENT"
            } else if c.inlinePrimaryKey {
                s += " PRIMARY KEY"
            }
            if c.notNull { s += " NOT NULL" }
            if c.unique { s += " UNIQUE" }
            if let d = c.defaultValue { s += " DEFAULT " + d }
            lines.append(s)
        }
        if let pk = primaryKey, rowidColumn == nil || pk != [Self.q(rowidColumn ?? "")] {
            lines.append("PRIMARY KEY (" + pk.joined(separator: ", ") + ")")
        }
        lines.append(contentsOf: foreignKeys)

        var statements = [
            "CREATE TABLE \(ifNotExists ? "IF NOT EXISTS " : "")\(Self.q(table)) (\n  "
                + lines.joined(separator: ",\n  ") + "\n)"
        ]
        var seenIndexNames = Set<String>()
        for index in indexes {
            let name = table + "_" + index.name
            guard seenIndexNames.insert(name).inserted else {
                throw fail("duplicate index name `\(index.name)` in table `\(table)`")
            }
            statements.append(
                "CREATE \(index.unique ? "UNIQUE " : "")INDEX \(ifNotExists ? "IF NOT EXISTS " : "")\(Self.q(name)) ON \(Self.q(table)) (\(index.parts.joined(separator: ", ")))"
            )
        }
        if rowidColumn != nil, let start = autoIncrementStart, start > 1 {
            let literal = "'" + table.replacingOccurrences(of: "'", with: "''") + "'"
            statements.append(
                "INSERT INTO sqlite_sequence (name, seq) SELECT \(literal), \(start - 1) WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = \(literal))"
            )
        }
        return MySQLToSQLite.Translation(kind: .createTable, table: table, rowCount: 0, statements: statements)
    }

    private static func unquote(_ quoted: String) -> String {
        var s = quoted
        if s.hasSuffix(" DESC") { s.removeLast(5) }
        return String(s.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    private mutating func optionalIndexName() throws(MySQLDumpError) -> String? {
        let t = try peek()
        if isPunct(t, DumpASCII.openParen) || isWord(t, "USING") { return nil }
        return try identifier("an index name")
    }

    private mutating func skipIndexType() throws(MySQLDumpError) {
        if try acceptWord("USING") {
            _ = try identifier("an index type")
        }
    }

    /// `(col[(len)] [ASC|DESC], ...)` → quoted SQLite column list entries.
    private mutating func keyParts() throws(MySQLDumpError) -> [String] {
        try expectPunct(DumpASCII.openParen, "before the key column list")
        var parts: [String] = []
        repeat {
            if isPunct(try peek(), DumpASCII.openParen) {
                throw fail("functional key parts are not supported")
            }
            var part = Self.q(try identifier("a key column"))
            if try acceptPunct(DumpASCII.openParen) {
                let len = try next()
                guard len.kind == .number else { throw unexpected(len, "as a key prefix length") }
                try expectPunct(DumpASCII.closeParen, "after the key prefix length")
            }
            if try acceptWord("DESC") {
                part += " DESC"
            } else {
                _ = try acceptWord("ASC")
            }
            parts.append(part)
        } while try acceptPunct(DumpASCII.comma)
        try expectPunct(DumpASCII.closeParen, "after the key column list")
        return parts
    }

    private mutating func skipIndexOptions() throws(MySQLDumpError) {
        while true {
            let t = try peek()
            if isWord(t, "USING") {
                _ = try next()
                _ = try identifier("an index type")
            } else if isWord(t, "KEY_BLOCK_SIZE") {
                _ = try next()
                _ = try acceptPunct(DumpASCII.equals)
                _ = try next()
            } else if isWord(t, "COMMENT") {
                _ = try next()
                let s = try next()
                guard s.kind == .singleQuoted || s.kind == .doubleQuoted else { throw unexpected(s, "after COMMENT") }
            } else if isWord(t, "VISIBLE") || isWord(t, "INVISIBLE") {
                _ = try next()
            } else if isWord(t, "WITH") {
                _ = try next()
                try expectWord("PARSER", "in index option WITH PARSER")
                _ = try identifier("a parser name")
            } else {
                return
            }
        }
    }

    private mutating func foreignKey() throws(MySQLDumpError) -> String {
        try expectWord("KEY", "after FOREIGN")
        if !isPunct(try peek(), DumpASCII.openParen) {
            _ = try identifier("an index name")
        }
        let columns = try keyParts()
        try expectWord("REFERENCES", "in FOREIGN KEY")
        let target = try tableIdentifier()
        let targetColumns = try keyParts()
        guard columns.count == targetColumns.count else {
            throw fail("FOREIGN KEY column count mismatch (\(columns.count) vs \(targetColumns.count))")
        }
        var s =
            "FOREIGN KEY (\(columns.joined(separator: ", "))) REFERENCES \(Self.q(target)) (\(targetColumns.joined(separator: ", ")))"
        if try acceptWord("MATCH") {
            _ = try identifier("a MATCH type")
        }
        while try acceptWord("ON") {
            let event = try next()
            guard isWord(event, "DELETE") || isWord(event, "UPDATE") else {
                throw unexpected(event, "after ON (expected DELETE or UPDATE)")
            }
            s += " ON \(upperText(event)) " + (try referenceAction())
        }
        return s
    }

    private mutating func referenceAction() throws(MySQLDumpError) -> String {
        let t = try next()
        if isWord(t, "RESTRICT") { return "RESTRICT" }
        if isWord(t, "CASCADE") { return "CASCADE" }
        if isWord(t, "SET") {
            if try acceptWord("NULL") { return "SET NULL" }
            if try acceptWord("DEFAULT") { return "SET DEFAULT" }
        } else if isWord(t, "NO") {
            if try acceptWord("ACTION") { return "NO ACTION" }
        }
        throw unexpected(t, "as a foreign key action")
    }

    private static func sqliteType(_ mysqlType: String) -> String? {
        switch mysqlType {
        case "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "INT1", "INT2", "INT3", "INT4", "INT8",
            "BOOL", "BOOLEAN", "BIT", "YEAR":
            return "INTEGER"
        case "VARCHAR", "CHAR", "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET", "JSON",
            "DATETIME", "DATE", "TIMESTAMP", "TIME":
            return "TEXT"
        case "DECIMAL", "NUMERIC", "DEC", "FIXED":
            return "NUMERIC"
        case "FLOAT", "DOUBLE", "REAL":
            return "REAL"
        case "BLOB", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "BINARY", "VARBINARY":
            return "BLOB"
        default:
            return nil
        }
    }

    private mutating func column() throws(MySQLDumpError) -> Column {
        let nameToken = try peek()
        let name = try identifier("a column name")
        let typeToken = try next()
        guard typeToken.kind == .word, let type = Self.sqliteType(upperText(typeToken)) else {
            throw fail("unsupported column type \(describe(typeToken)) for column `\(name)`", at: typeToken.start)
        }
        if isWord(typeToken, "DOUBLE") { _ = try acceptWord("PRECISION") }
        var c = Column(name: name, type: type, offset: nameToken.start)
        if try acceptPunct(DumpASCII.openParen) {
            // Length / precision / enum members: not needed by SQLite.
            var depth = 1
            while depth > 0 {
                let t = try next()
                if t.kind == .end { throw fail("unterminated type arguments for column `\(name)`") }
                if isPunct(t, DumpASCII.openParen) { depth += 1 }
                if isPunct(t, DumpASCII.closeParen) { depth -= 1 }
            }
        }
        while true {
            let t = try peek()
            if isPunct(t, DumpASCII.comma) || isPunct(t, DumpASCII.closeParen) || t.kind == .end { break }
            _ = try next()
            if isWord(t, "UNSIGNED") || isWord(t, "SIGNED") || isWord(t, "ZEROFILL") || isWord(t, "VISIBLE")
                || isWord(t, "INVISIBLE") || isWord(t, "BINARY")
            {
                continue
            } else if isWord(t, "CHARACTER") {
                try expectWord("SET", "after CHARACTER")
                _ = try identifier("a character set")
            } else if isWord(t, "CHARSET") || isWord(t, "COLLATE") {
                _ = try identifier("a character set / collation")
            } else if isWord(t, "NOT") {
                try expectWord("NULL", "after NOT")
                c.notNull = true
            } else if isWord(t, "NULL") {
                c.notNull = false
            } else if isWord(t, "DEFAULT") {
                var out: [UInt8] = []
                try appendLiteral(to: &out, inDefault: true)
                c.defaultValue = String(decoding: out, as: UTF8.self)
            } else if isWord(t, "AUTO_INCREMENT") {
                c.autoIncrement = true
            } else if isWord(t, "COMMENT") {
                let s = try next()
                guard s.kind == .singleQuoted || s.kind == .doubleQuoted else { throw unexpected(s, "after COMMENT") }
            } else if isWord(t, "ON") {
                try expectWord("UPDATE", "after ON in a column definition")
                let f = try next()
                guard isWord(f, "CURRENT_TIMESTAMP") || isWord(f, "NOW") || isWord(f, "LOCALTIMESTAMP") else {
                    throw unexpected(f, "after ON UPDATE (expected CURRENT_TIMESTAMP)")
                }
                if try acceptPunct(DumpASCII.openParen) {
                    if try peek().kind == .number { _ = try next() }
                    try expectPunct(DumpASCII.closeParen, "in ON UPDATE CURRENT_TIMESTAMP")
                }
            } else if isWord(t, "PRIMARY") {
                try expectWord("KEY", "after PRIMARY")
                c.inlinePrimaryKey = true
            } else if isWord(t, "KEY") {
                c.inlinePrimaryKey = true
            } else if isWord(t, "UNIQUE") {
                _ = try acceptWord("KEY")
                c.unique = true
            } else if isWord(t, "COLUMN_FORMAT") || isWord(t, "STORAGE") {
                _ = try identifier("a column option value")
            } else {
                throw fail("unsupported \(describe(t)) in the definition of column `\(name)`", at: t.start)
            }
        }
        return c
    }

    /// Table options after the closing parenthesis; returns the AUTO_INCREMENT start value.
    private mutating func tableOptions() throws(MySQLDumpError) -> Int? {
        var autoIncrement: Int?
        while true {
            let t = try peek()
            if t.kind == .end || isPunct(t, DumpASCII.semicolon) { return autoIncrement }
            _ = try next()
            if isPunct(t, DumpASCII.comma) || isWord(t, "DEFAULT") { continue }
            if isWord(t, "CHARACTER") {
                try expectWord("SET", "after CHARACTER")
            } else if !Self.tableOptionNames.contains(upperText(t)) {
                throw fail("unsupported table option \(describe(t))", at: t.start)
            }
            _ = try acceptPunct(DumpASCII.equals)
            let value = try next()
            guard [.word, .number, .singleQuoted, .doubleQuoted, .quotedIdentifier].contains(value.kind) else {
                throw unexpected(value, "as the value of table option \(upperText(t))")
            }
            if isWord(t, "AUTO_INCREMENT") {
                guard value.kind == .number, let n = Int(text(value)) else {
                    throw unexpected(value, "as AUTO_INCREMENT value")
                }
                autoIncrement = n
            }
            if isWord(t, "TABLESPACE"), try acceptWord("STORAGE") {
                _ = try identifier("a storage type")
            }
        }
    }

    private static let tableOptionNames: Set<String> = [
        "ENGINE", "TYPE", "AUTO_INCREMENT", "CHARSET", "COLLATE", "ROW_FORMAT", "COMMENT", "KEY_BLOCK_SIZE",
        "STATS_PERSISTENT", "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES", "PACK_KEYS", "CHECKSUM", "AVG_ROW_LENGTH",
        "MAX_ROWS", "MIN_ROWS", "DELAY_KEY_WRITE", "COMPRESSION", "ENCRYPTION", "INSERT_METHOD", "TABLESPACE",
    ]
}
