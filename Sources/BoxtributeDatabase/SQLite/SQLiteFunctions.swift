import VaporCSQLite

/// Rounding to significant digits as MySQL's `DECIMAL` arithmetic does it: on the decimal
/// digits of the value, half away from zero, not on its binary approximation.
public enum SignificantDigits {
    /// `value` rounded half up to three significant digits; nil for zero, negative and
    /// non-finite values (MySQL's `ROUND(x, 3 - FLOOR(LOG10(x) + 1))` of the reference,
    /// `statistics/sql.py`, whose `LOG10` is NULL there).
    ///
    /// Rounds the shortest decimal text of the double (`2.345`, `1e-05`), so that 1.005 gives
    /// 1.01 and 0.1235 gives 0.124 as on MySQL, where `round(1.005 * 100) / 100` gives 1.0.
    public static func rounded(_ value: Double) -> Double? {
        guard value.isFinite, value > 0 else { return nil }
        guard let (digits, exponent) = decimalDigits(of: value) else { return nil }
        // value = 0.d₁d₂d₃… × 10^exponent, d₁ ≠ 0.
        var kept = 0
        for digit in digits.prefix(3) { kept = kept * 10 + digit }
        for _ in digits.count..<max(3, digits.count) { kept *= 10 }
        var scale = exponent - 3
        if digits.count > 3, digits[3] >= 5 {
            kept += 1
            if kept == 1000 {
                kept = 100
                scale += 1
            }
        }
        // The decimal text is parsed to the double nearest to it.
        return Double("\(kept)e\(scale)")
    }

    /// The significant decimal digits of `value`'s shortest text, without leading or trailing
    /// zeros, and the exponent `e` with value = 0.digits × 10^e.
    static func decimalDigits(of value: Double) -> ([Int], Int)? {
        let text = "\(value)".lowercased()
        let parts = text.split(separator: "e", maxSplits: 1)
        guard let mantissa = parts.first else { return nil }
        var exponent = 0
        if parts.count == 2 {
            guard let parsed = Int(parts[1]) else { return nil }
            exponent = parsed
        }
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        var digits: [Int] = []
        for character in integerPart + fraction {
            guard let digit = character.wholeNumberValue else { return nil }
            digits.append(digit)
        }
        // value = 0.(integerPart fraction) × 10^(exponent + integerPart.count)
        exponent += integerPart.count
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            exponent -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        guard !digits.isEmpty else { return nil }
        return (digits, exponent)
    }
}

/// The SQL functions every SQLite connection gets, for the few expressions whose MySQL
/// built-ins SQLite lacks.
enum SQLiteFunctions {
    /// Registers `bx_significant3(x)`: ``SignificantDigits/rounded(_:)`` of `x`; NULL for
    /// NULL, zero and negative values.
    static func register(on db: OpaquePointer) -> Int32 {
        sqlite_nio_sqlite3_create_function_v2(
            db, "bx_significant3", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, significant3, nil, nil, nil)
    }
}

/// The C callback of `bx_significant3`.
private func significant3(
    context: OpaquePointer?, count: Int32, arguments: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard count == 1, let argument = arguments?[0],
        sqlite_nio_sqlite3_value_type(argument) != SQLITE_NULL,
        let rounded = SignificantDigits.rounded(sqlite_nio_sqlite3_value_double(argument))
    else {
        sqlite_nio_sqlite3_result_null(context)
        return
    }
    sqlite_nio_sqlite3_result_double(context, rounded)
}
