import BoxtributeDomain
import GraphQL
import OrderedCollections

/// Decodes coerced GraphQL values (`Map`) straight into `Decodable` Swift values, without the
/// Foundation objects GraphQLSwift's `MapDecoder` builds first: resolvers decode their arguments
/// on every call, so this is on the hot path.
///
/// Strict like `MapDecoder`: a `String` only from a string, an `Int` only from an integral
/// number, a `Bool` only from a boolean; `null`, absent and undefined values decode as `nil`.
struct ArgumentDecoder: Decoder {
    let value: Map
    /// The arguments of a field, when this decodes them (they are not a `Map`).
    private var arguments: [String: Map]?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: Map, codingPath: [any CodingKey] = []) {
        self.value = value
        self.codingPath = codingPath
    }

    /// Decodes the arguments `values`, keyed by argument name, into `T`.
    static func decode<T: Decodable>(_ type: T.Type, from values: [String: Map]) throws -> T {
        var decoder = ArgumentDecoder(.undefined)
        decoder.arguments = values
        return try decoder.decodeValue(type)
    }

    /// Decodes `T` from this value; a typed entity id from an `ID` (see ``integerID()``).
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let idType = T.self as? any IntegerIdentified.Type {
            guard let id = idType.init(integerID: try integerID()) as? T else { throw mismatch(type) }
            return id
        }
        return try T(from: self)
    }

    /// The integer an `ID` names. Boxtribute's ids are integers: an `ID` that is not one names
    /// no row, which is the reference's "resource does not exist" error (`BAD_USER_INPUT`).
    func integerID() throws -> Int {
        switch value {
        case .string(let text): try Int(text).orThrow(DomainError.notFound)
        case .number: try decode(Int.self)
        default: throw mismatch(Int.self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if let arguments { return KeyedDecodingContainer(KeyedArguments<Key>(fields: .arguments(arguments))) }
        guard case .dictionary(let fields) = value else { throw mismatch([String: Map].self) }
        return KeyedDecodingContainer(KeyedArguments<Key>(fields: .inputObject(fields), codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Map].self) }
        return UnkeyedArguments(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch(_ expected: Any.Type) -> DecodingError {
        DecodingError.typeMismatch(
            expected, .init(codingPath: codingPath, debugDescription: "Expected \(expected), found \(value.kindName)."))
    }
}

extension ArgumentDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value.isNull || value.isUndefined }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(type) }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = value else { throw mismatch(type) }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .number(let number) = value, number.storageType != .bool else { throw mismatch(type) }
        return number.doubleValue
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int.Type) throws -> Int {
        guard case .number(let number) = value, number.storageType != .bool else { throw mismatch(type) }
        let double = number.doubleValue
        guard let integer = Int(exactly: double) ?? (number.storageType == .int ? number.intValue : nil) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "\(double) is not an integer that fits in Int."))
        }
        return integer
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let integer = try decode(Int.self)
        guard let exact = T(exactly: integer) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "\(integer) does not fit in \(type)."))
        }
        return exact
    }

    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }
}

/// The values of a field's arguments or of an input object's fields, by name.
private enum NamedValues {
    case arguments([String: Map])
    case inputObject(OrderedDictionary<String, Map>)

    subscript(_ name: String) -> Map? {
        switch self {
        case .arguments(let values): values[name]
        case .inputObject(let values): values[name]
        }
    }

    var names: [String] {
        switch self {
        case .arguments(let values): Array(values.keys)
        case .inputObject(let values): Array(values.keys)
        }
    }
}

/// The arguments of a field, or the fields of an input object.
private struct KeyedArguments<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: NamedValues
    var codingPath: [any CodingKey] = []

    var allKeys: [Key] { fields.names.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool {
        guard let field = fields[key.stringValue] else { return false }
        return !field.isUndefined
    }

    private func decoder(for key: Key) throws -> ArgumentDecoder {
        guard let field = fields[key.stringValue], !field.isUndefined else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value for \(key.stringValue)."))
        }
        return ArgumentDecoder(field, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        fields[key.stringValue].map { $0.isNull || $0.isUndefined } ?? true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let decoder = try decoder(for: key)
        if decoder.value.isNull {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: decoder.codingPath, debugDescription: "Expected \(type), found null."))
        }
        return try decoder.decodeValue(type)
    }

    // `decodeIfPresent` (every optional property) goes through here by default; decoding `T`
    // directly skips the default's extra `contains` and `decodeNil` look-ups.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let field = fields[key.stringValue], !field.isNull, !field.isUndefined else { return nil }
        return try ArgumentDecoder(field, codingPath: codingPath + [key]).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(for: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        throw DecodingError.dataCorrupted(
            .init(codingPath: codingPath, debugDescription: "Arguments have no superclass values."))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(for: key) }
}

/// The items of a list value.
private struct UnkeyedArguments: UnkeyedDecodingContainer {
    let items: [Map]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(items: [Map], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> ArgumentDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Map.self, .init(codingPath: codingPath, debugDescription: "The list has no more items."))
        }
        defer { currentIndex += 1 }
        return ArgumentDecoder(items[currentIndex], codingPath: codingPath + [ListIndex(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

/// The coding key of a list item.
private struct ListIndex: CodingKey {
    let intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "" }

    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

extension Map {
    fileprivate var kindName: String {
        switch self {
        case .undefined: "nothing"
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .dictionary: "an input object"
        }
    }
}
