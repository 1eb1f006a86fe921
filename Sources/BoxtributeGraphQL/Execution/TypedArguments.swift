import BoxtributeDomain
import GraphQL

extension Arguments {
    /// The field's arguments decoded into `T`, whose properties are named as the arguments in
    /// the SDL. Arguments arrive coerced to their SDL types, so the decoding itself only fails
    /// on a wiring error, or on an `ID` that names no row (``IDArgument``).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try ArgumentDecoder.decode(type, from: values)
    }
}

/// An `ID` argument or input field. Boxtribute's ids are integers: an `ID` that is not one
/// names no row, which is the reference's "resource does not exist" error (`BAD_USER_INPUT`).
public struct IDArgument: Decodable, Sendable, Hashable {
    public let value: Int

    public init(_ value: Int) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            value = number
        } else if let number = Int(try container.decode(String.self)) {
            value = number
        } else {
            throw DomainError.notFound
        }
    }
}

/// The arguments of a field whose one argument is the `id` of an entity with a typed id.
struct EntityIDArguments<ID: Decodable & Sendable>: Decodable, Sendable { var id: ID }

/// A typed entity id (`Base.ID`, `Box.ID`, ...): an argument or input field of type `ID` decodes
/// into it directly, with ``IDArgument``'s rules.
protocol IntegerIdentified {
    init(integerID: Int)
}

extension Tagged: IntegerIdentified where RawValue == Int {
    init(integerID: Int) { self.init(rawValue: integerID) }
}

/// A GraphQL enum argument or input field, decoded by its value name.
public struct EnumArgument<Value: GraphQLEnumValue & CaseIterable>: Decodable, Sendable {
    public let value: Value

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let value = Value.allCases.first(where: { $0.graphQLName == name }) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a value of the enum"))
        }
        self.value = value
    }
}

extension Array {
    /// The ids of a list of `ID` arguments.
    public func ids() -> [Int] where Element == IDArgument { map(\.value) }

    /// The values of a list of enum arguments.
    public func values<Value>() -> [Value] where Element == EnumArgument<Value> { map(\.value) }
}

/// The arguments of a field that takes none: the registration verbs without an `Args` type
/// register with it.
struct NoArguments: Decodable, Sendable {}

extension Arguments {
    /// How a field's arguments are decoded into `Args`, chosen once when the field is
    /// registered: a field without arguments decodes nothing when it runs.
    static func decoder<Args: Decodable & Sendable>(for _: Args.Type) -> @Sendable (Arguments) throws -> Args {
        if let none = NoArguments() as? Args { return { _ in none } }
        return { try $0.decode(Args.self) }
    }
}
