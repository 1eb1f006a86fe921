/// What one GraphQL request may ask of the server. Every document the front-end sends stays
/// well inside the defaults (its deepest has depth 6, its largest 162 fields after fragments,
/// its largest page `first: 100000`); a request beyond any limit is refused with a
/// ``LimitViolation`` before it costs anything.
public struct GraphQLLimits: Sendable, Equatable {
    /// Deepest field nesting of an operation, fragments expanded (`{ a { b } }` has depth 2).
    public var maxDepth: Int
    /// Most field selections of an operation, fragments expanded and counted at every place
    /// they are spread.
    public var maxFields: Int
    /// Most aliased field selections of an operation, fragments expanded.
    public var maxAliases: Int
    /// Deepest nesting of input values: list and object literals in the document, and the
    /// variables' JSON.
    public var maxInputDepth: Int
    /// Most JSON values (scalars, lists and objects) in the variables.
    public var maxVariableValues: Int
    /// Most items of one list in the variables (labels of a bulk move, ...): the database
    /// binds each as a parameter, and engines bind at most a few tens of thousands.
    public var maxListLength: Int
    /// Largest `first`/`last` of a `paginationInput`.
    public var maxPageSize: Int
    /// Most result values an operation may ask for, estimated before it runs: every field
    /// counts once per object it may appear in, paginated lists by their page size and other
    /// lists by ``assumedListLength``.
    public var maxCost: Int
    /// The length assumed for lists without a page size when estimating the cost.
    public var assumedListLength: Int
    /// Wall-clock time one request may run; the work stops when it is reached.
    public var timeLimit: Duration
    /// Largest JSON response body, in bytes.
    public var maxResponseBytes: Int
    /// Most entries in a response's `errors` list; later errors are counted, not listed.
    public var maxErrors: Int
    /// Most tokens (names, numbers, strings, punctuation) in a document.
    public var maxTokens: Int

    public init(
        maxDepth: Int = 15, maxFields: Int = 1000, maxAliases: Int = 100, maxInputDepth: Int = 10,
        maxVariableValues: Int = 100_000, maxPageSize: Int = 100_000, maxCost: Int = 20_000_000,
        assumedListLength: Int = 10, timeLimit: Duration = .seconds(30), maxResponseBytes: Int = 128 << 20,
        maxErrors: Int = 100, maxTokens: Int = 20_000, maxListLength: Int = 10_000
    ) {
        self.maxDepth = maxDepth
        self.maxFields = maxFields
        self.maxAliases = maxAliases
        self.maxInputDepth = maxInputDepth
        self.maxVariableValues = maxVariableValues
        self.maxPageSize = maxPageSize
        self.maxCost = maxCost
        self.assumedListLength = assumedListLength
        self.timeLimit = timeLimit
        self.maxResponseBytes = maxResponseBytes
        self.maxErrors = maxErrors
        self.maxTokens = maxTokens
        self.maxListLength = maxListLength
    }

    /// The defaults.
    public static let standard = GraphQLLimits()

    /// Brace nesting allowed in a document's text before it is parsed. Parsing recurses once
    /// per level, so this bound (not the depth limit, which is checked on the parsed
    /// document) is what keeps the parser's stack small.
    var maxTextNesting: Int { max(2 * maxDepth, 64) }
}

/// A request refused by a ``GraphQLLimits`` limit: a stable code and a message naming the
/// limit.
public struct LimitViolation: Error, Sendable, Equatable {
    /// `extensions.code` of the error.
    public let code: String
    public let message: String

    static func depth(_ limit: Int) -> LimitViolation {
        LimitViolation(
            code: "DEPTH_LIMIT_EXCEEDED", message: "The query is nested deeper than the limit of \(limit) levels.")
    }
    static func textNesting(_ limit: Int) -> LimitViolation {
        LimitViolation(
            code: "DEPTH_LIMIT_EXCEEDED", message: "The document nests braces deeper than the limit of \(limit).")
    }
    static func fields(_ limit: Int) -> LimitViolation {
        LimitViolation(
            code: "FIELD_LIMIT_EXCEEDED",
            message: "The query selects more than \(limit) fields (fragments counted where they are spread).")
    }
    static func tokens(_ limit: Int) -> LimitViolation {
        LimitViolation(code: "DOCUMENT_LIMIT_EXCEEDED", message: "The document has more than \(limit) tokens.")
    }
    static func aliases(_ limit: Int) -> LimitViolation {
        LimitViolation(code: "ALIAS_LIMIT_EXCEEDED", message: "The query uses more than \(limit) aliases.")
    }
    static func inputDepth(_ limit: Int) -> LimitViolation {
        LimitViolation(
            code: "INPUT_LIMIT_EXCEEDED", message: "An input value is nested deeper than the limit of \(limit) levels.")
    }
    static func variableValues(_ limit: Int) -> LimitViolation {
        LimitViolation(
            code: "INPUT_LIMIT_EXCEEDED", message: "The variables hold more than the limit of \(limit) values.")
    }
    static func listLength(_ limit: Int) -> LimitViolation {
        LimitViolation(
            code: "INPUT_LIMIT_EXCEEDED", message: "A list in the variables has more than the limit of \(limit) items.")
    }
    static func cost(_ limit: Int) -> LimitViolation {
        LimitViolation(
            code: "COST_LIMIT_EXCEEDED",
            message:
                "The query may return more than \(limit) values (page sizes multiplied through nested lists); ask for smaller pages or fewer fields."
        )
    }
    static func time(_ limit: Duration) -> LimitViolation {
        LimitViolation(
            code: "TIME_LIMIT_EXCEEDED",
            message: "The request ran longer than the limit of \(limit.components.seconds) seconds and was stopped.")
    }
    static func responseSize(_ limit: Int) -> LimitViolation {
        LimitViolation(
            code: "RESPONSE_LIMIT_EXCEEDED",
            message:
                "The response would be larger than the limit of \(limit) bytes; ask for smaller pages or fewer fields.")
    }
}
