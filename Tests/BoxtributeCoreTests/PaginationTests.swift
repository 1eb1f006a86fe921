import Testing

@testable import BoxtributeCore

@Suite("Pagination parameters and page assembly")
struct PaginationTests {
    @Test("cursors are base64 of the zero-padded id")
    func cursor() throws {
        #expect(Cursor.encode(7) == "MDAwMDAwMDc=")
        #expect(try Cursor.decode("MDAwMDAwMDc=") == 7)
        #expect(Cursor.encode(123_456_789) == "MTIzNDU2Nzg5")
    }

    @Test("no input pages forward from the start by 50")
    func defaults() throws {
        #expect(try PageRequest(nil) == PageRequest(forward: true, cursor: 0, limit: 50))
    }

    @Test("first: 0 counts as not given")
    func firstZero() throws {
        #expect(try PageRequest(PaginationInput(first: 0)).limit == 50)
    }

    @Test("an input without after, first or before is invalid")
    func missingBefore() {
        #expect(throws: DomainError.invalidPaginationInput) { try PageRequest(PaginationInput()) }
        #expect(throws: DomainError.invalidPaginationInput) { try PageRequest(PaginationInput(last: 2)) }
    }

    @Test("forward pages report the next page from the extra row")
    func forwardPage() {
        let request = PageRequest(forward: true, cursor: 0, limit: 2)
        let page = Page.assemble(rows: [1, 2, 3], request: request, totalCount: 5, id: { $0 }, hasRowsBeyond: false)
        #expect(page.elements == [1, 2])
        #expect(
            page.pageInfo
                == PageInfo(
                    hasPreviousPage: false, hasNextPage: true, startCursor: Cursor.encode(1),
                    endCursor: Cursor.encode(2)))
        #expect(page.totalCount == 5)
    }

    @Test("backward pages drop the first row, as the reference does")
    func backwardPage() {
        // products(paginationInput: {before: <5>, last: 2}) over ids 1, 3, 4 → elements 3, 4.
        let request = PageRequest(forward: false, cursor: 5, limit: 2)
        let page = Page.assemble(rows: [1, 3, 4], request: request, totalCount: 9, id: { $0 }, hasRowsBeyond: true)
        #expect(page.elements == [3, 4])
        #expect(page.pageInfo.hasPreviousPage)
        #expect(page.pageInfo.hasNextPage)
        #expect(page.pageInfo.startCursor == Cursor.encode(3))
    }

    @Test("an empty page has empty cursors")
    func emptyPage() {
        let page = Page<Int>.assemble(
            rows: [], request: PageRequest(forward: true, cursor: 0, limit: 50), totalCount: 0, id: { $0 },
            hasRowsBeyond: false)
        #expect(page.pageInfo == .empty)
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test("database text renders as ISO 8601 with offset")
    func iso() throws {
        let stamp = try #require(Timestamp(databaseText: "2021-03-04 05:06:07"))
        #expect(stamp.iso8601 == "2021-03-04T05:06:07+00:00")
        #expect(stamp.datePart == "2021-03-04")
        #expect(Timestamp(databaseText: "2021-03-04")?.iso8601 == "2021-03-04T00:00:00+00:00")
        #expect(Timestamp(databaseText: "2021-03-04 05:06:07.000000")?.iso8601 == "2021-03-04T05:06:07+00:00")
        #expect(Timestamp(databaseText: "2021-03-04 05:06:07.250000")?.iso8601 == "2021-03-04T05:06:07.250000+00:00")
        #expect(Timestamp(databaseText: "2021-03-04T05:06:07")?.iso8601 == "2021-03-04T05:06:07+00:00")
        #expect(Timestamp(databaseText: "2021-03") == nil)
    }

    @Test("zero dates read as absent")
    func zeroDate() {
        #expect(Timestamp(databaseText: "0000-00-00 00:00:00") == nil)
        #expect(Timestamp(databaseText: "") == nil)
    }
}
