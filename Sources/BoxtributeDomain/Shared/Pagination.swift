import Foundation

/// The `PaginationInput` argument.
public struct PaginationInput: Sendable, Equatable {
    public var after: String?
    public var first: Int?
    public var before: String?
    public var last: Int?
    public init(after: String? = nil, first: Int? = nil, before: String? = nil, last: Int? = nil) {
        self.after = after
        self.first = first
        self.before = before
        self.last = last
    }
}

/// What one page query fetches: direction, id cursor and size, derived as the reference does.
public struct PageRequest: Sendable, Equatable {
    public var forward: Bool
    /// Rows strictly after (forward) or before (backward) this id.
    public var cursor: Int
    public var limit: Int

    public static let defaultLimit = 50
    /// The largest page any request may ask for, whatever the configuration says: `limit + 1`
    /// rows are fetched, and the arithmetic on it must not overflow.
    public static let absoluteMaximumLimit = 10_000_000

    public init(forward: Bool, cursor: Int, limit: Int) {
        self.forward = forward
        self.cursor = cursor
        self.limit = limit
    }

    /// Interprets the input. `first: 0` counts as "not given", and an input with neither
    /// `after`/`first` nor `before` is invalid, both as in the reference. A negative size, or
    /// one above `maximumLimit`, is a bad input (the reference lets the database fail on a
    /// negative `LIMIT`).
    public init(_ input: PaginationInput?, maximumLimit: Int = absoluteMaximumLimit) throws(DomainError) {
        guard let input else {
            self.init(forward: true, cursor: 0, limit: Self.defaultLimit)
            return
        }
        let maximum = min(maximumLimit, Self.absoluteMaximumLimit)
        if input.after != nil || input.first != nil {
            let cursor = try input.after.map { (text) throws(DomainError) in try Cursor.decode(text) } ?? 0
            let limit = try Self.size(input.first, name: "first", maximum: maximum)
            self.init(forward: true, cursor: cursor, limit: limit)
            return
        }
        guard let before = input.before else { throw .invalidPaginationInput }
        let limit = try Self.size(input.last, name: "last", maximum: maximum)
        self.init(forward: false, cursor: try Cursor.decode(before), limit: limit)
    }

    private static func size(_ value: Int?, name: String, maximum: Int) throws(DomainError) -> Int {
        guard let value, value != 0 else { return defaultLimit }
        guard value > 0 else {
            throw .badUserInput("Invalid pagination input: '\(name)' must not be negative.")
        }
        guard value <= maximum else {
            throw .badUserInput("Invalid pagination input: '\(name)' must be at most \(maximum).")
        }
        return value
    }
}

/// Page cursors: base64 of the row id zero-padded to eight digits.
public enum Cursor {
    public static func encode(_ id: Int) -> String {
        let digits = String(id)
        let padded = String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        return Data(padded.utf8).base64EncodedString()
    }

    public static func decode(_ text: String) throws(DomainError) -> Int {
        guard let data = Data(base64Encoded: text), let id = Int(String(decoding: data, as: UTF8.self)) else {
            throw .badUserInput("Invalid pagination cursor.")
        }
        return id
    }
}

/// `PageInfo` of a page.
public struct PageInfo: Sendable, Equatable {
    public var hasPreviousPage: Bool
    public var hasNextPage: Bool
    public var startCursor: String
    public var endCursor: String
    public static let empty = PageInfo(hasPreviousPage: false, hasNextPage: false, startCursor: "", endCursor: "")
    public init(hasPreviousPage: Bool, hasNextPage: Bool, startCursor: String, endCursor: String) {
        self.hasPreviousPage = hasPreviousPage
        self.hasNextPage = hasNextPage
        self.startCursor = startCursor
        self.endCursor = endCursor
    }
}

/// One page of a paginated list.
public struct Page<Element: Sendable>: Sendable {
    public var elements: [Element]
    public var pageInfo: PageInfo
    public var totalCount: Int

    public init(elements: [Element], pageInfo: PageInfo, totalCount: Int) {
        self.elements = elements
        self.pageInfo = pageInfo
        self.totalCount = totalCount
    }

    /// Builds the page from up to `limit + 1` fetched rows, as the reference does.
    ///
    /// - Parameters:
    ///   - rows: the rows matching the cursor condition, at most `request.limit + 1`.
    ///   - id: the id of a row.
    ///   - hasRowsBeyond: whether rows exist before the first (forward) or after the last
    ///     (backward) fetched row, ignoring the cursor (see ``beyondBoundary(of:request:id:)``).
    public static func assemble(
        rows: [Element], request: PageRequest, totalCount: Int, id: (Element) -> Int, hasRowsBeyond beyond: Bool
    ) -> Page {
        guard let first = rows.first, let last = rows.last else {
            return Page(elements: [], pageInfo: .empty, totalCount: totalCount)
        }
        let more = rows.count > request.limit
        if request.forward {
            let kept = more ? Array(rows.prefix(request.limit)) : rows
            let info = PageInfo(
                hasPreviousPage: beyond, hasNextPage: more, startCursor: Cursor.encode(id(first)),
                endCursor: Cursor.encode(id(kept[kept.count - 1])))
            return Page(elements: kept, pageInfo: info, totalCount: totalCount)
        }
        // The reference sorts backward pages ascending too and then drops the first row.
        let kept = more ? Array(rows.dropFirst()) : rows
        let info = PageInfo(
            hasPreviousPage: more, hasNextPage: beyond, startCursor: Cursor.encode(id(kept[0])),
            endCursor: Cursor.encode(id(last)))
        return Page(elements: kept, pageInfo: info, totalCount: totalCount)
    }

    /// The id condition deciding `hasPreviousPage` (forward) or `hasNextPage` (backward):
    /// rows with an id below the first (forward) or above the last (backward) fetched row.
    /// `nil` when no rows were fetched.
    public static func beyondBoundary(
        of rows: [Element], request: PageRequest, id: (Element) -> Int
    )
        -> (comparison: String, id: Int)?
    {
        guard let first = rows.first, let last = rows.last else { return nil }
        return request.forward ? ("<", id(first)) : (">", id(last))
    }
}
