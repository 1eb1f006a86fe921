import BoxtributeDatabase
import BoxtributeDomain

/// Building blocks of the demo-data generator: a deterministic random number generator,
/// MD5 (for QR codes), a label permutation and timestamp text. No Foundation, so the output
/// is identical on every platform and Swift version.

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast, and fully determined by its seed.
///
/// Deliberately *not* a `RandomNumberGenerator`: the standard library's `random(in:using:)`
/// algorithms are not guaranteed to stay the same across Swift versions, so every draw goes
/// through the methods below.
public struct SplitMix64: Sendable, RandomNumberGenerator {
    private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (0 when `bound <= 1`), by multiply-high (Lemire, without the
    /// rejection step: the bias is below 2^-40 for the bounds used here).
    mutating func int(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A value in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMille / 1000`.
    mutating func chance(perMille: Int) -> Bool { int(1000) < perMille }

    /// A random element (the array must not be empty).
    mutating func pick<T>(_ array: [T]) -> T { array[int(array.count)] }

    /// An index chosen with the given weights (at least one positive).
    mutating func weighted(_ weights: [Int]) -> Int {
        var draw = int(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }
}

/// The stateless SplitMix64 finaliser, used as a hash.
func splitMixHash(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// Box label identifiers: a keyed permutation of `0..<100_000_000` (a four-round Feistel
/// network on two base-10⁴ halves), so distinct box ids always get distinct 8-digit labels
/// that look random, without remembering the labels already handed out.
enum DemoLabel {
    static let half = 10_000
    static let keys: [UInt64] = [0x5EED_0001, 0x5EED_0002, 0x5EED_0003, 0x5EED_0004]

    static func permute(_ value: Int) -> Int {
        var left = (value / half) % half
        var right = value % half
        for key in keys {
            let mixed = Int(splitMixHash(UInt64(right) ^ key) % UInt64(half))
            (left, right) = (right, (left + mixed) % half)
        }
        return left * half + right
    }

    /// The 8-digit label (leading zeros kept) of box `id`.
    static func label(forBox id: Int) -> String {
        var value = permute(id % 100_000_000)
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 8)
        var index = 7
        while value > 0, index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
            index -= 1
        }
        return String(decoding: digits, as: UTF8.self)
    }
}

/// `YYYY-MM-DD HH:MM:SS` text of Unix seconds (UTC), as the database stores datetimes.
enum DemoClock {
    /// 2026-01-01 00:00:00 UTC: the "now" of the demo dataset; every timestamp lies before it.
    static let baseDate = 1_767_225_600
    static let day = 86_400
    static let hour = 3_600

    /// Seconds `days` days before the base date.
    static func daysBeforeBase(_ days: Int) -> Int { baseDate - days * day }

    static func text(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let remainder = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.date(dayNumber: days)
        var bytes = [UInt8](repeating: 0, count: 19)
        func put(_ value: Int, at offset: Int, width: Int) {
            var value = value
            for position in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(year, at: 0, width: 4)
        bytes[4] = UInt8(ascii: "-")
        put(month, at: 5, width: 2)
        bytes[7] = UInt8(ascii: "-")
        put(day, at: 8, width: 2)
        bytes[10] = UInt8(ascii: " ")
        put(remainder / 3600, at: 11, width: 2)
        bytes[13] = UInt8(ascii: ":")
        put(remainder % 3600 / 60, at: 14, width: 2)
        bytes[16] = UInt8(ascii: ":")
        put(remainder % 60, at: 17, width: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DD` of Unix seconds.
    static func dateText(_ seconds: Int) -> String { String(text(seconds).prefix(10)) }
}
