import BoxtributeTestSupport
import Logging
import Testing

@testable import BoxtributeDatabase

/// Three significant digits, rounded half up on the decimal digits as MySQL's `DECIMAL`
/// arithmetic rounds (`bx_significant3` on SQLite).
@Suite("Significant digits")
struct SignificantDigitsTests {
    /// Inputs and the results MariaDB gives for `ROUND(x, 3 - FLOOR(LOG10(x) + 1))`.
    static let vectors: [(Double, Double)] = [
        (2.345, 2.35), (0.1235, 0.124), (1.005, 1.01), (1234, 1230), (999.5, 1000), (0.5, 0.5), (20.19, 20.2),
        (0.04567, 0.0457),
    ]

    @Test("the MariaDB-checked vectors", arguments: vectors)
    func vector(input: Double, expected: Double) {
        #expect(SignificantDigits.rounded(input) == expected)
    }

    @Test("zero, negative and non-finite values have no rounding")
    func nonPositive() {
        for value in [0, -2.345, -0.0, Double.infinity, -Double.infinity, Double.nan] {
            #expect(SignificantDigits.rounded(value) == nil)
        }
    }

    @Test("values printed with an exponent, and values with fewer than three digits")
    func exponentsAndShortValues() {
        #expect(SignificantDigits.rounded(1e-05) == 1e-05)
        #expect(SignificantDigits.rounded(1.2345e-05) == 1.23e-05)
        #expect(SignificantDigits.rounded(9.9951e20) == 1e21)
        #expect(SignificantDigits.rounded(7) == 7)
        #expect(SignificantDigits.rounded(12) == 12)
        #expect(SignificantDigits.rounded(100) == 100)
        #expect(SignificantDigits.rounded(0.0015) == 0.0015)
        #expect(SignificantDigits.rounded(12_345_678) == 12_300_000)
    }

    @Test("SQLite's bx_significant3 rounds the same way, and answers NULL for NULL, zero and negatives")
    func sqliteFunction() async throws {
        let database = try await SQLiteDatabase.open(path: ":memory:", logger: Logger.quiet())
        for (input, expected) in Self.vectors {
            let rows = try await database.query("SELECT bx_significant3(?)", [.real(input)])
            #expect(rows.first?.double(0) == expected)
        }
        let text = try await database.query("SELECT bx_significant3('2.345'), bx_significant3(1234)", [])
        #expect(text.first?.double(0) == 2.35)
        #expect(text.first?.double(1) == 1230)
        let nulls = try await database.query(
            "SELECT bx_significant3(NULL), bx_significant3(0), bx_significant3(-1.5)", [])
        #expect(nulls.first?.values == [.null, .null, .null])
        await database.close()
    }

    @Test("every connection has the function, readers included")
    func readersHaveTheFunction() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(at: path) }
        let database = try await SQLiteDatabase.open(path: path, readers: 2, logger: Logger.quiet())
        let session = try #require(database.openReadSession())
        let rows = try await session.query("SELECT bx_significant3(0.1235)", [])
        #expect(rows.first?.double(0) == 0.124)
        session.close()
        await database.close()
    }
}
