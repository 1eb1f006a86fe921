import BoxtributeDomain
import GraphQL
import OrderedCollections

/// The coerced arguments of one field. Omitted arguments without default are absent;
/// explicit `null` is present as `.null`.
public struct Arguments: Sendable {
    public let values: [String: Map]

    /// Undefined values (omitted without default) are dropped: absent means absent.
    public init(_ values: [String: Map] = [:]) { self.values = values.filter { !$0.value.isUndefined } }

    public static let none = Arguments()

    public subscript(_ name: String) -> Map? { values[name] }

    /// Whether the argument was given (possibly as `null`).
    public func isPresent(_ name: String) -> Bool { values[name] != nil }

    public func string(_ name: String) -> String? { values[name]?.stringScalar }
    public func int(_ name: String) -> Int? { values[name]?.intScalar }
    public func bool(_ name: String) -> Bool? { values[name]?.boolScalar }

    /// A list of strings (enum names, ids); `nil` when absent or null.
    public func stringList(_ name: String) -> [String]? {
        guard case .array(let items)? = values[name] else { return nil }
        return items.compactMap(\.stringScalar)
    }

    /// An `ID` argument as the integer id the reference parses it to.
    public func id(_ name: String) throws(DomainError) -> Int? {
        guard let value = values[name], !value.isNull else { return nil }
        return try value.idValue()
    }

    /// A nested input object.
    public func object(_ name: String) -> InputObject? {
        guard case .dictionary(let fields)? = values[name] else { return nil }
        return InputObject(fields: fields)
    }

    /// A list of input objects; `nil` when absent or null.
    public func objectList(_ name: String) -> [InputObject]? {
        guard case .array(let items)? = values[name] else { return nil }
        return items.compactMap { item in
            guard case .dictionary(let fields) = item else { return nil }
            return InputObject(fields: fields)
        }
    }

    /// A list of integers; `nil` when absent or null.
    public func intList(_ name: String) -> [Int]? {
        guard case .array(let items)? = values[name] else { return nil }
        return items.compactMap(\.intScalar)
    }
}

/// A coerced input object value.
public struct InputObject: Sendable {
    let fields: OrderedDictionaryOfMap

    public subscript(_ name: String) -> Map? { fields[name] }
    public func isPresent(_ name: String) -> Bool { fields[name] != nil }
    public func string(_ name: String) -> String? { fields[name]?.stringScalar }
    public func int(_ name: String) -> Int? { fields[name]?.intScalar }
    public func bool(_ name: String) -> Bool? { fields[name]?.boolScalar }
    public func double(_ name: String) -> Double? { fields[name]?.doubleScalar }
    /// An `ID` field as the integer id the reference parses it to.
    public func id(_ name: String) throws(DomainError) -> Int? {
        guard let value = fields[name], !value.isNull else { return nil }
        return try value.idValue()
    }
    /// A list of integers; `nil` when absent or null.
    public func intList(_ name: String) -> [Int]? {
        guard case .array(let items)? = fields[name] else { return nil }
        return items.compactMap(\.intScalar)
    }
    /// A list of strings (enum names, ids); `nil` when absent or null.
    public func stringList(_ name: String) -> [String]? {
        guard case .array(let items)? = fields[name] else { return nil }
        return items.compactMap(\.stringScalar)
    }
    /// A list of nested input objects; `nil` when absent or null.
    public func objectList(_ name: String) -> [InputObject]? {
        guard case .array(let items)? = fields[name] else { return nil }
        return items.compactMap { item in
            guard case .dictionary(let fields) = item else { return nil }
            return InputObject(fields: fields)
        }
    }
}

typealias OrderedDictionaryOfMap = OrderedDictionary<String, Map>

extension Map {
    var stringScalar: String? {
        switch self {
        case .string(let text): text
        case .number(let number): number.stringValue
        default: nil
        }
    }

    var intScalar: Int? {
        switch self {
        case .number(let number): number.intValue
        case .string(let text): Int(text)
        default: nil
        }
    }

    var doubleScalar: Double? {
        switch self {
        case .number(let number): number.doubleValue
        default: nil
        }
    }

    var boolScalar: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// IDs are integers in Boxtribute; a non-numeric id cannot name a row.
    func idValue() throws(DomainError) -> Int {
        guard let id = intScalar else { throw DomainError.notFound }
        return id
    }
}
