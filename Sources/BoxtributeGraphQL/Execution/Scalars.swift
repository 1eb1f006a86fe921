import BoxtributeDomain
import GraphQL

/// Input parsing of the built-in and Boxtribute scalars.
///
/// `Datetime` inputs follow Python's `datetime.fromisoformat` (the reference's parser) and are
/// normalised to UTC database text `YYYY-MM-DD HH:MM:SS`; `Date` inputs to `YYYY-MM-DD`.
enum Scalars {
    struct Invalid: Error {
        let message: String

        /// `message` is cut to a few hundred characters: it may quote the client's input.
        init(message: String) { self.message = ExecutionError.bounded(message) }
    }

    static func parseValue(_ raw: Map, scalar: GraphQLScalarType) throws(Invalid) -> Map {
        switch scalar.name {
        case "Int":
            guard case .number(let number) = raw, let value = exactInteger(number.doubleValue),
                value >= Int(Int32.min), value <= Int(Int32.max)
            else { throw Invalid(message: "Int cannot represent non-integer value: \(InputCoercion.render(raw))") }
            return .number(Number(value))
        case "Float":
            guard case .number = raw else {
                throw Invalid(message: "Float cannot represent non numeric value: \(InputCoercion.render(raw))")
            }
            return raw
        case "String":
            guard case .string = raw else {
                throw Invalid(message: "String cannot represent a non string value: \(InputCoercion.render(raw))")
            }
            return raw
        case "Boolean":
            guard case .bool = raw else {
                throw Invalid(message: "Boolean cannot represent a non boolean value: \(InputCoercion.render(raw))")
            }
            return raw
        case "ID":
            switch raw {
            case .string: return raw
            case .number(let number):
                if let value = exactInteger(number.doubleValue) { return .string(String(value)) }
            default: break
            }
            throw Invalid(message: "ID cannot represent value: \(InputCoercion.render(raw))")
        case "Datetime":
            guard case .string(let text) = raw else { throw Invalid(message: "Invalid isoformat string") }
            return .string(try parseDatetime(text))
        case "Date":
            guard case .string(let text) = raw else { throw Invalid(message: "Invalid isoformat string") }
            return .string(try parseDate(text))
        default:
            return raw
        }
    }

    static func parseLiteral(_ node: any Value, scalar: GraphQLScalarType) throws(Invalid) -> Map {
        let raw: Map
        switch node {
        case let int as IntValue:
            guard let value = Int(int.value) else { throw Invalid(message: "Invalid integer \(int.value)") }
            raw = .number(Number(value))
        case let float as FloatValue:
            guard let value = Double(float.value) else { throw Invalid(message: "Invalid float \(float.value)") }
            raw = .number(Number(value))
        case let string as StringValue: raw = .string(string.value)
        case let boolean as BooleanValue: raw = .bool(boolean.value)
        default: throw Invalid(message: "\(scalar.name) cannot represent this value")
        }
        if scalar.name == "String" || scalar.name == "ID", case .number = raw,
            !(node is IntValue && scalar.name == "ID")
        {
            throw Invalid(message: "\(scalar.name) cannot represent a non string value")
        }
        return try parseValue(raw, scalar: scalar)
    }

    /// Makes GraphQLSwift's validation reject malformed `Date`/`Datetime` literals (HTTP 400), as the reference does.
    static func install(on schema: GraphQLSchema) {
        for name in ["Datetime", "Date"] {
            guard let scalar = schema.getType(name: name) as? GraphQLScalarType else { continue }
            scalar.parseLiteral = { node in
                do throws(Invalid) { return try parseLiteral(node, scalar: scalar) } catch {
                    throw GraphQLError(message: error.message)
                }
            }
            scalar.parseValue = { value in
                do throws(Invalid) { return try parseValue(value, scalar: scalar) } catch {
                    throw GraphQLError(message: error.message)
                }
            }
        }
    }

    private static func exactInteger(_ value: Double) -> Int? {
        guard value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    // MARK: Dates

    static func parseDate(_ text: String) throws(Invalid) -> String {
        let digits = Array(text.utf8)
        let parts: (Int, Int, Int)
        if digits.count == 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-"),
            let year = number(digits[0..<4]), let month = number(digits[5..<7]), let day = number(digits[8..<10])
        {
            parts = (year, month, day)
        } else if digits.count == 8, let year = number(digits[0..<4]), let month = number(digits[4..<6]),
            let day = number(digits[6..<8])
        {
            parts = (year, month, day)
        } else {
            throw Invalid(message: "Invalid isoformat string: '\(text)'")
        }
        try validate(year: parts.0, month: parts.1, day: parts.2)
        return CivilCalendar.dateText(year: parts.0, month: parts.1, day: parts.2)
    }

    static func parseDatetime(_ text: String) throws(Invalid) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { throw Invalid(message: "Invalid isoformat string: '\(text)'") }
        let date = try parseDate(String(decoding: bytes[0..<10], as: UTF8.self))
        let year = number(bytes[0..<4]) ?? 0
        let month = number(bytes[5..<7]) ?? 0
        let day = number(bytes[8..<10]) ?? 0
        if bytes.count == 10 { return date + " 00:00:00" }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else {
            throw Invalid(message: "Invalid isoformat string: '\(text)'")
        }
        var rest = bytes[11...]
        // Offset: Z, +HH:MM, -HH:MM (optionally with seconds).
        var offsetSeconds = 0
        if rest.last == UInt8(ascii: "Z") {
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
            let offset = Array(rest[(sign + 1)...]).split(separator: UInt8(ascii: ":")).map { number($0[...]) }
            guard offset.count >= 1, offset.count <= 3, offset.allSatisfy({ $0 != nil }) else {
                throw Invalid(message: "Invalid isoformat string: '\(text)'")
            }
            let values = offset.compactMap { $0 }
            var seconds = values[0] * 3600
            if values.count > 1 { seconds += values[1] * 60 }
            if values.count > 2 { seconds += values[2] }
            offsetSeconds = rest[sign] == UInt8(ascii: "+") ? seconds : -seconds
            rest = rest[..<sign]
        }
        var time = Array(rest)
        if let dot = time.firstIndex(of: UInt8(ascii: ".")) { time = Array(time[..<dot]) }
        let clock = time.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map { number($0[...]) }
        guard (1...3).contains(clock.count), clock.allSatisfy({ $0 != nil }), time.count >= 2 else {
            throw Invalid(message: "Invalid isoformat string: '\(text)'")
        }
        let hour = clock[0] ?? 0
        let minute = clock.count > 1 ? clock[1] ?? 0 : 0
        let second = clock.count > 2 ? clock[2] ?? 0 : 0
        guard hour < 24, minute < 60, second < 60 else {
            throw Invalid(message: "Invalid isoformat string: '\(text)'")
        }
        let local =
            CivilCalendar.dayNumber(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second
        return CivilCalendar.databaseText(epochSeconds: local - offsetSeconds)
    }

    private static func validate(year: Int, month: Int, day: Int) throws(Invalid) {
        guard (1...9999).contains(year) else { throw Invalid(message: "year \(year) is out of range") }
        guard (1...12).contains(month) else { throw Invalid(message: "month must be in 1..12") }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day >= 1, day <= lengths[month - 1] else { throw Invalid(message: "day is out of range for month") }
    }

    /// The value of one to nine decimal digits (no date or time part has more, and more could
    /// overflow).
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard (1...9).contains(bytes.count), bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

}
