import Testing

@testable import BoxtributeDomain

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

    @Test("timestamps keep their database text and order as their texts do, whatever their form")
    func textAndOrder() throws {
        let texts = [
            "2021-03-04", "2021-03-04 00:00:00", "2021-03-04 05:06:07", "2021-03-04 05:06:07.250000",
            "2021-03-04T05:06:07", "2021-03-05", "1999-12-31 23:59:59", "2021-3-4 5:6:7", "2021-03-04 05:06:0x",
        ]
        let stamps = try texts.map { try #require(Timestamp(databaseText: $0)) }
        #expect(stamps.map(\.databaseText) == texts)
        for (left, leftText) in zip(stamps, texts) {
            for (right, rightText) in zip(stamps, texts) {
                #expect((left < right) == (leftText < rightText), "\(leftText) < \(rightText)")
                #expect((left == right) == (leftText == rightText))
            }
        }
        #expect(Timestamp(trustedText: "2021-03-04 05:06:07") == Timestamp(databaseText: "2021-03-04 05:06:07"))
        #expect(Timestamp(databaseText: "2021-03-04")?.datePart == "2021-03-04")
        for text in texts + ["0000-00-00 00:00:00", "2021-03"] {
            let fromBytes = Array(text.utf8).withUnsafeBufferPointer { Timestamp(databaseUTF8: $0) }
            #expect(fromBytes == Timestamp(databaseText: text))
        }
    }

    @Test("zero dates read as absent")
    func zeroDate() {
        #expect(Timestamp(databaseText: "0000-00-00 00:00:00") == nil)
        #expect(Timestamp(databaseText: "") == nil)
    }
}
