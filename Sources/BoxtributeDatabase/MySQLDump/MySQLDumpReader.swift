import Foundation

/// One SQL statement of a MySQL dump, as yielded by `MySQLDumpReader`.
///
/// `text` has comments removed (`-- `, `#`, `/* */`), the contents of embedded
/// conditional comments (`/*!40101 ... */`) inlined, no terminating `;` and no
/// surrounding whitespace. String literals are kept byte for byte.
public struct MySQLDumpStatement: Sendable, Equatable {
    /// 1-based position among the statements the reader yielded.
    public var number: Int
    public var text: String
    /// 1-based line of the statement's first character in the dump.
    public var line: Int
}

/// Streams the statements of a MySQL dump (mysqldump / mariadb-dump output).
///
/// - Splits on `;` outside of `'...'` / `"..."` (backslash escapes, doubled quotes),
///   `` `...` `` identifiers and comments (`-- `, `#`, `/* ... */`).
/// - Statements consisting only of conditional comments whose content is session
///   housekeeping (`/*!40101 SET ... */;`, `/*!40000 ALTER TABLE t DISABLE KEYS */;`,
///   LOCK/UNLOCK) are skipped. Other conditional-only statements (e.g. mysqldump's
///   `/*!50001 CREATE VIEW ... */;`) are yielded with their content inlined so the
///   translator can reject them loudly instead of dropping them silently.
/// - `DELIMITER x` lines are consumed; statements terminated by a delimiter other
///   than `;` (trigger / procedure bodies) are skipped.
/// - A truncated final statement (missing `;`, unterminated string or comment)
///   throws `MySQLDumpError` with the statement number and line.
///
/// The file is read in chunks; only the current statement is held in memory.
/// Usage: `var reader = try MySQLDumpReader(path: p); while let s = try reader.next() { ... }`
public struct MySQLDumpReader {
    public static let defaultChunkSize = 64 * 1024

    private var source: DumpByteSource
    private var line = 1
    private var nextNumber = 1
    private var delimiter: [UInt8] = [DumpASCII.semicolon]
    private var finished = false

    /// Opens `path` for streaming. Throws if the file cannot be opened.
    public init(path: String, chunkSize: Int = MySQLDumpReader.defaultChunkSize) throws(MySQLDumpError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MySQLDumpError(statementNumber: 0, line: 0, reason: "cannot open dump file \(path)")
        }
        source = DumpByteSource(handle: handle, chunkSize: max(chunkSize, 16))
    }

    /// Reads from an in-memory dump.
    public init(bytes: [UInt8]) {
        source = DumpByteSource(bytes: bytes)
    }

    public init(string: String) {
        self.init(bytes: Array(string.utf8))
    }

    public init(data: Data) {
        self.init(bytes: [UInt8](data))
    }

    /// Every statement of the dump at `path`.
    public static func statements(atPath path: String) throws(MySQLDumpError) -> [MySQLDumpStatement] {
        var reader = try MySQLDumpReader(path: path)
        return try reader.readAll()
    }

    /// Every statement of an in-memory dump.
    public static func statements(in string: String) throws(MySQLDumpError) -> [MySQLDumpStatement] {
        var reader = MySQLDumpReader(string: string)
        return try reader.readAll()
    }

    /// Reads all remaining statements.
    public mutating func readAll() throws(MySQLDumpError) -> [MySQLDumpStatement] {
        var result: [MySQLDumpStatement] = []
        while let statement = try next() {
            result.append(statement)
        }
        return result
    }

    /// The next statement, or `nil` at the end of the dump.
    public mutating func next() throws(MySQLDumpError) -> MySQLDumpStatement? {
        while !finished {
            if let statement = try scanStatement() {
                return statement
            }
        }
        return nil
    }

    // MARK: - Scanner

    private struct Pending {
        var text: [UInt8] = []
        var hasContent = false
        var realContent = false  // content outside conditional comments
        var startLine = 0
        var inConditional = false
        var conditionalLine = 0
    }

    private func error(_ reason: String, line: Int) -> MySQLDumpError {
        MySQLDumpError(statementNumber: nextNumber, line: line, reason: reason)
    }

    /// Scans up to the next delimiter. Returns nil for skipped statements and at EOF
    /// (then `finished` is set).
    private mutating func scanStatement() throws(MySQLDumpError) -> MySQLDumpStatement? {
        var p = Pending()
        while true {
            guard let b = source.peek(0) else {
                finished = true
                if let ioError = source.ioError {
                    throw error("read error: \(ioError)", line: line)
                }
                if p.inConditional {
                    throw error(
                        "unterminated conditional comment /*! ... */ opened on line \(p.conditionalLine)",
                        line: p.hasContent ? p.startLine : p.conditionalLine)
                }
                if p.hasContent {
                    throw error(
                        "truncated final statement: missing terminating '\(String(decoding: delimiter, as: UTF8.self))'",
                        line: p.startLine)
                }
                return nil
            }

            if b == DumpASCII.newline {
                source.advance()
                line += 1
                if p.hasContent { p.text.append(b) }
                continue
            }
            if DumpASCII.isSpace(b) {
                source.advance()
                if p.hasContent { p.text.append(b) }
                continue
            }

            // DELIMITER client command (only at the start of a statement).
            if !p.hasContent && !p.inConditional && (b == UInt8(ascii: "D") || b == UInt8(ascii: "d"))
                && matchesDelimiterCommand()
            {
                try consumeDelimiterCommand()
                continue
            }

            // End of statement.
            if b == delimiter[0] && !p.inConditional && matchesDelimiter() {
                for _ in 0..<delimiter.count { source.advance() }
                if delimiter != [DumpASCII.semicolon] {
                    return nil  // trigger / procedure body: skipped
                }
                guard p.hasContent else { return nil }  // empty statement
                while let last = p.text.last, DumpASCII.isSpace(last) || last == DumpASCII.newline {
                    p.text.removeLast()
                }
                if !p.realContent && Self.isHousekeeping(p.text) {
                    return nil
                }
                let statement = MySQLDumpStatement(
                    number: nextNumber, text: String(decoding: p.text, as: UTF8.self), line: p.startLine)
                nextNumber += 1
                return statement
            }

            switch b {
            case DumpASCII.singleQuote, DumpASCII.doubleQuote, DumpASCII.backtick:
                markContent(&p)
                try consumeQuoted(b, into: &p.text)
            case DumpASCII.minus where source.peek(1) == DumpASCII.minus && Self.endsDashComment(source.peek(2)):
                skipToEndOfLine()
            case DumpASCII.hash:
                skipToEndOfLine()
            case DumpASCII.slash where source.peek(1) == DumpASCII.star:
                if source.peek(2) == DumpASCII.bang {
                    // Conditional comment: its content is SQL.
                    if p.inConditional {
                        throw error("nested conditional comment", line: line)
                    }
                    source.advance(); source.advance(); source.advance()
                    while let d = source.peek(0), DumpASCII.isDigit(d) { source.advance() }
                    p.inConditional = true
                    p.conditionalLine = line
                    if p.hasContent { p.text.append(DumpASCII.space) }
                } else {
                    try skipBlockComment()
                    if p.hasContent { p.text.append(DumpASCII.space) }
                }
            case DumpASCII.star where p.inConditional && source.peek(1) == DumpASCII.slash:
                source.advance(); source.advance()
                p.inConditional = false
                if p.hasContent { p.text.append(DumpASCII.space) }
            default:
                markContent(&p)
                source.advance()
                p.text.append(b)
            }
        }
    }

    private func markContent(_ p: inout Pending) {
        if !p.hasContent {
            p.hasContent = true
            p.startLine = line
        }
        if !p.inConditional { p.realContent = true }
    }

    /// `--` starts a comment only when followed by whitespace / control char / EOF.
    private static func endsDashComment(_ b: UInt8?) -> Bool {
        guard let b else { return true }
        return b <= DumpASCII.space
    }

    private mutating func skipToEndOfLine() {
        while let b = source.peek(0), b != DumpASCII.newline { source.advance() }
    }

    private mutating func skipBlockComment() throws(MySQLDumpError) {
        let startLine = line
        source.advance(); source.advance()
        while let b = source.peek(0) {
            if b == DumpASCII.star && source.peek(1) == DumpASCII.slash {
                source.advance(); source.advance()
                return
            }
            if b == DumpASCII.newline { line += 1 }
            source.advance()
        }
        throw error("unterminated /* comment opened on line \(startLine)", line: startLine)
    }

    /// Copies a quoted literal / identifier verbatim (including quotes).
    private mutating func consumeQuoted(_ quote: UInt8, into text: inout [UInt8]) throws(MySQLDumpError) {
        let startLine = line
        let backslashEscapes = quote != DumpASCII.backtick
        text.append(quote)
        source.advance()
        while true {
            guard let c = source.peek(0) else {
                let kind = quote == DumpASCII.backtick ? "quoted identifier" : "string literal"
                throw error(
                    "unterminated \(kind) (\(String(decoding: [quote], as: UTF8.self))) starting on line \(startLine)",
                    line: startLine)
            }
            source.advance()
            text.append(c)
            if c == DumpASCII.newline {
                line += 1
            } else if c == DumpASCII.backslash && backslashEscapes {
                guard let d = source.peek(0) else { continue }  // reported as unterminated above
                source.advance()
                text.append(d)
                if d == DumpASCII.newline { line += 1 }
            } else if c == quote {
                if source.peek(0) == quote {
                    source.advance()
                    text.append(quote)
                } else {
                    return
                }
            }
        }
    }

    private mutating func matchesDelimiter() -> Bool {
        for (i, d) in delimiter.enumerated() where source.peek(i) != d {
            return false
        }
        return true
    }

    private mutating func matchesDelimiterCommand() -> Bool {
        let keyword = Array("DELIMITER".utf8)
        for (i, k) in keyword.enumerated() {
            guard let c = source.peek(i), DumpASCII.upper(c) == k else { return false }
        }
        guard let after = source.peek(keyword.count) else { return false }
        return after == DumpASCII.space || after == DumpASCII.tab
    }

    private mutating func consumeDelimiterCommand() throws(MySQLDumpError) {
        let commandLine = line
        var rest: [UInt8] = []
        for _ in 0..<9 { source.advance() }
        while let c = source.peek(0), c != DumpASCII.newline {
            rest.append(c)
            source.advance()
        }
        while let f = rest.first, DumpASCII.isSpace(f) { rest.removeFirst() }
        while let l = rest.last, DumpASCII.isSpace(l) { rest.removeLast() }
        if let space = rest.firstIndex(where: { DumpASCII.isSpace($0) }) {
            rest.removeSubrange(space...)
        }
        guard !rest.isEmpty else {
            throw error("DELIMITER command without a delimiter", line: commandLine)
        }
        delimiter = rest
    }

    /// Conditional-only statements that are pure session housekeeping.
    private static func isHousekeeping(_ text: [UInt8]) -> Bool {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for b in text {
            if DumpASCII.isSpace(b) || b == DumpASCII.newline {
                if !current.isEmpty { words.append(current); current = [] }
            } else {
                current.append(DumpASCII.upper(b))
            }
        }
        if !current.isEmpty { words.append(current) }
        guard let first = words.first else { return true }
        switch String(decoding: first, as: UTF8.self) {
        case "SET", "LOCK", "UNLOCK":
            return true
        case "ALTER":
            guard words.count == 5, words.last == Array("KEYS".utf8) else { return false }
            let verb = String(decoding: words[3], as: UTF8.self)
            return String(decoding: words[1], as: UTF8.self) == "TABLE" && (verb == "DISABLE" || verb == "ENABLE")
        default:
            return false
        }
    }
}

/// Chunked byte buffer over a file or an in-memory array.
struct DumpByteSource {
    private var buffer: [UInt8]
    private var pos = 0
    private let handle: FileHandle?
    private let chunkSize: Int
    private var eof: Bool
    private(set) var ioError: String?

    init(handle: FileHandle, chunkSize: Int) {
        self.buffer = []
        self.handle = handle
        self.chunkSize = chunkSize
        self.eof = false
        buffer.reserveCapacity(chunkSize * 2)
    }

    init(bytes: [UInt8]) {
        self.buffer = bytes
        self.handle = nil
        self.chunkSize = 0
        self.eof = true
    }

    @inline(__always)
    mutating func peek(_ offset: Int) -> UInt8? {
        let i = pos + offset
        if i < buffer.count { return buffer[i] }
        return refillAndPeek(offset)
    }

    @inline(__always)
    mutating func advance() {
        pos += 1
    }

    private mutating func refillAndPeek(_ offset: Int) -> UInt8? {
        while pos + offset >= buffer.count && !eof {
            refill()
        }
        let i = pos + offset
        return i < buffer.count ? buffer[i] : nil
    }

    private mutating func refill() {
        guard let handle else {
            eof = true
            return
        }
        if pos > 0 {
            buffer.removeSubrange(0..<min(pos, buffer.count))
            pos = 0
        }
        do {
            if let data = try handle.read(upToCount: chunkSize), !data.isEmpty {
                buffer.append(contentsOf: data)
            } else {
                eof = true
                try? handle.close()
            }
        } catch {
            ioError = String(describing: error)
            eof = true
        }
    }
}

/// ASCII byte constants and classification shared by the reader and the translator.
enum DumpASCII {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let bang = UInt8(ascii: "!")
    static let doubleQuote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let singleQuote = UInt8(ascii: "'")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let star = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let semicolon = UInt8(ascii: ";")
    static let equals = UInt8(ascii: "=")
    static let backslash = UInt8(ascii: "\\")
    static let backtick = UInt8(ascii: "`")

    /// Whitespace other than newline.
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool {
        b == space || b == tab || b == carriageReturn || b == 0x0B || b == 0x0C
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool {
        b >= 0x30 && b <= 0x39
    }

    @inline(__always)
    static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    /// Identifier characters: letters, digits, `_`, `$` and any non-ASCII byte.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || isDigit(b) || b == 0x5F || b == 0x24 || b >= 0x80
    }

    @inline(__always)
    static func upper(_ b: UInt8) -> UInt8 {
        (b >= 0x61 && b <= 0x7A) ? b - 0x20 : b
    }
}
