import Testing

@testable import BoxtributeDomain

/// The tag filters of a stock-overview link, read from its URL query as `parse_qs` reads it.
@Suite("Share links: tag filters of the URL parameters")
struct LinkParametersTests {
    static func filter(_ parameters: String?) -> [[Int]] {
        let filter = StockTagFilter(urlParameters: parameters)
        return [filter.include.map(\.rawValue), filter.exclude.map(\.rawValue)]
    }

    @Test("tags includes and notags excludes, percent-decoded")
    func includeAndExclude() {
        #expect(Self.filter("tags=1%2C3") == [[1, 3], []])
        #expect(Self.filter("tags=1&notags=3") == [[1], [3]])
        #expect(Self.filter("notags=1") == [[], [1]])
        #expect(Self.filter("tags=2,3&notags=4%2c5") == [[2, 3], [4, 5]])
        #expect(Self.filter("%74ags=7") == [[7], []])
    }

    @Test("other parameters, no parameters and nil are no filter")
    func noFilter() {
        #expect(Self.filter("?from=2024-01-01&to=2025-01-01&boi=ic") == [[], []])
        #expect(Self.filter(nil) == [[], []])
        #expect(Self.filter("") == [[], []])
        #expect(Self.filter("?") == [[], []])
    }

    @Test("one leading question mark is dropped, a second one is part of the key")
    func leadingQuestionMark() {
        #expect(Self.filter("?tags=1") == [[1], []])
        #expect(Self.filter("??tags=1") == [[], []])
    }

    @Test("the first non-empty tags and notags count")
    func firstCounts() {
        #expect(Self.filter("tags=1&tags=2&notags=3&notags=4") == [[1], [3]])
        #expect(Self.filter("tags=&tags=2") == [[2], []])
    }

    @Test("parts without '=' and empty values are ignored")
    func ignoredParts() {
        #expect(Self.filter("tags&notags=&tags=5") == [[5], []])
        #expect(Self.filter("&&tags=5&&") == [[5], []])
    }

    @Test("pieces are trimmed; pieces that are not integers and empty pieces are skipped")
    func lenientPieces() {
        #expect(Self.filter("tags=+1+,%202") == [[1, 2], []])
        #expect(Self.filter("tags=1,x,,3.5,4") == [[1, 4], []])
        #expect(Self.filter("tags=x") == [[], []])
        #expect(Self.filter("tags=,,") == [[], []])
    }

    @Test("a broken percent escape stays as it is")
    func brokenEscape() {
        #expect(Self.filter("tags=1%2") == [[], []])
        #expect(Self.filter("tags=1%zz,2") == [[2], []])
        #expect(Self.filter("tags=%") == [[], []])
    }
}
