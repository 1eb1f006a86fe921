import BoxtributeDomain
import GraphQL
import OrderedCollections
import Testing

@testable import BoxtributeGraphQL

/// Arguments decode into typed values as GraphQLSwift's `MapDecoder` decoded them, without its
/// Foundation detour.
@Suite("Argument decoding")
struct ArgumentDecoderTests {
    struct Filter: Decodable, Equatable {
        var states: [String]?
        var lastModifiedFrom: String?
    }

    struct PageArguments: Decodable {
        var baseId: IDArgument
        var paginationInput: Pagination?
        var filterInput: Filter?
        var tagIds: [IDArgument]?
        var weight: Double?
        var draft: Bool?

        struct Pagination: Decodable { var first: Int? }
    }

    static func arguments(_ values: [String: Map]) -> Arguments { Arguments(values) }

    @Test("IDs, nested inputs, lists, numbers and booleans decode; absent and null optionals are nil")
    func decodesNestedValues() throws {
        let decoded = try Self.arguments([
            "baseId": .string("7"),
            "paginationInput": .dictionary(["first": .number(Number(20))]),
            "filterInput": .dictionary([
                "states": .array([.string("InStock"), .string("Lost")]), "lastModifiedFrom": .null,
            ]),
            "tagIds": .array([.number(Number(3)), .string("4")]),
            "weight": .number(Number(2)),
            "draft": .null,
        ]).decode(PageArguments.self)
        #expect(decoded.baseId.value == 7)
        #expect(decoded.paginationInput?.first == 20)
        #expect(decoded.filterInput == Filter(states: ["InStock", "Lost"], lastModifiedFrom: nil))
        #expect(decoded.tagIds?.ids() == [3, 4])
        #expect(decoded.weight == 2)
        #expect(decoded.draft == nil)

        let minimal = try Self.arguments(["baseId": .number(Number(1))]).decode(PageArguments.self)
        #expect(minimal.paginationInput == nil && minimal.filterInput == nil && minimal.tagIds == nil)
    }

    @Test("an ID that is not an integer names no row: the reference's BAD_USER_INPUT 'does not exist'")
    func nonNumericIdIsNotFound() {
        #expect(throws: DomainError.notFound) {
            try Self.arguments(["baseId": .string("abc")]).decode(PageArguments.self)
        }
    }

    @Test("a value of the wrong kind, a fractional Int and a missing required argument are decoding errors")
    func strictTypes() {
        struct Count: Decodable { var first: Int }
        struct Name: Decodable { var name: String }
        #expect(throws: DecodingError.self) { try Self.arguments(["first": .number(Number(2.5))]).decode(Count.self) }
        #expect(throws: DecodingError.self) { try Self.arguments(["first": .bool(true)]).decode(Count.self) }
        #expect(throws: DecodingError.self) { try Self.arguments(["name": .number(Number(3))]).decode(Name.self) }
        #expect(throws: DecodingError.self) { try Self.arguments([:]).decode(Name.self) }
        #expect(throws: DecodingError.self) { try Self.arguments(["name": .null]).decode(Name.self) }
    }

    @Test("an enum argument decodes by its GraphQL name and refuses other names")
    func enumByName() throws {
        struct StateArguments: Decodable { var state: EnumArgument<BoxState> }
        let decoded = try Self.arguments(["state": .string("MarkedForShipment")]).decode(StateArguments.self)
        #expect(decoded.state.value == .markedForShipment)
        #expect(throws: DecodingError.self) {
            try Self.arguments(["state": .string("Nowhere")]).decode(StateArguments.self)
        }
    }
}
