import BoxtributeDataTools
import BoxtributeDatabase
import BoxtributeStorage
import Foundation
import GraphQL
import OrderedCollections

/// Generates GraphQL documents and variables from a schema, seeded: valid documents (fields,
/// arguments with awkward values, aliases, fragments, directives, variables) and invalid ones
/// (the valid ones damaged, unknown names, wrong types, stray punctuation).
struct DocumentGenerator {
    let schema: GraphQLSchema
    var random: SplitMix64

    /// One request to send.
    struct Request {
        let document: String
        let variables: [String: Map]
        /// Whether the document was built to pass validation (its values may still be refused).
        let meantValid: Bool
    }

    init(schema: GraphQLSchema, seed: UInt64) {
        self.schema = schema
        random = SplitMix64(seed: seed)
    }

    mutating func next() -> Request {
        let valid = validRequest()
        switch roll(10) {
        case 0..<6: return valid
        case 6: return Request(document: damaged(valid.document), variables: valid.variables, meantValid: false)
        case 7: return Request(document: valid.document, variables: randomVariables(), meantValid: false)
        case 8: return Request(document: strayDocument(), variables: [:], meantValid: false)
        default:
            return Request(
                document: valid.document.replacingOccurrences(of: "id", with: pick(["idd", "__id", "Id", "i d"])),
                variables: valid.variables, meantValid: false)
        }
    }

    // MARK: Valid documents

    private struct Builder {
        var variableDefinitions: [String] = []
        var variables: [String: Map] = [:]
        var fragments: [String] = []
    }

    private mutating func validRequest() -> Request {
        var builder = Builder()
        let useMutation = schema.mutationType != nil && chance(300)
        guard let root = useMutation ? schema.mutationType : schema.queryType else {
            return Request(document: "{ __typename }", variables: [:], meantValid: true)
        }
        let fields = (try? root.fields()) ?? [:]
        let names = Array(fields.keys)
        var selections: [String] = []
        for index in 0..<(1 + roll(useMutation ? 1 : 3)) where !names.isEmpty {
            let name = names[roll(names.count)]
            guard let field = fields[name] else { continue }
            let alias = index > 0 || chance(200) ? "r\(index): " : ""
            selections.append(alias + fieldSelection(name, field, depth: 1, builder: &builder))
        }
        if selections.isEmpty { selections = ["__typename"] }
        let keyword = useMutation ? "mutation" : "query"
        let definitions =
            builder.variableDefinitions.isEmpty ? "" : "(" + builder.variableDefinitions.joined(separator: ", ") + ")"
        let document =
            "\(keyword) Fuzz\(definitions) { \(selections.joined(separator: " ")) }\n"
            + builder.fragments.joined(separator: "\n")
        return Request(document: document, variables: builder.variables, meantValid: true)
    }

    private mutating func fieldSelection(
        _ name: String, _ field: GraphQLField, depth: Int, builder: inout Builder
    ) -> String {
        var text = name
        var arguments: [String] = []
        for (argumentName, argument) in field.args {
            let required = argument.type is GraphQLNonNull
            guard required || chance(300) else { continue }
            if chance(300) {
                let variable = "v\(builder.variableDefinitions.count)"
                builder.variableDefinitions.append("$\(variable): \(typeName(argument.type))")
                builder.variables[variable] = variableValue(argument.type, depth: 0)
                arguments.append("\(argumentName): $\(variable)")
            } else {
                arguments.append("\(argumentName): \(literal(argument.type, depth: 0))")
            }
        }
        if !arguments.isEmpty { text += "(" + arguments.joined(separator: ", ") + ")" }
        if chance(80) { text += pick([" @include(if: true)", " @skip(if: false)", " @skip(if: true)"]) }
        if let selection = selectionSet(of: namedType(field.type), depth: depth, builder: &builder) {
            text += " " + selection
        }
        return text
    }

    /// A selection for an object, interface or union type; `nil` for leaves.
    private mutating func selectionSet(of type: any GraphQLNamedType, depth: Int, builder: inout Builder) -> String? {
        switch type {
        case let object as GraphQLObjectType:
            return "{ "
                + fieldsSelection((try? object.fields()) ?? [:], typeName: object.name, depth: depth, builder: &builder)
                + " }"
        case let interface as GraphQLInterfaceType:
            var parts = [
                fieldsSelection(
                    (try? interface.fields()) ?? [:], typeName: interface.name, depth: depth, builder: &builder)
            ]
            for object in schema.getImplementations(interfaceType: interface).objects where chance(400) {
                parts.append("... on \(object.name) { __typename }")
            }
            return "{ " + parts.joined(separator: " ") + " }"
        case let union as GraphQLUnionType:
            var parts = ["__typename"]
            for object in (try? union.types()) ?? [] where chance(500) {
                let inner = fieldsSelection(
                    (try? object.fields()) ?? [:], typeName: object.name, depth: depth, builder: &builder)
                parts.append("... on \(object.name) { \(inner) }")
            }
            return "{ " + parts.joined(separator: " ") + " }"
        default:
            return nil
        }
    }

    private mutating func fieldsSelection(
        _ fields: GraphQLFieldMap, typeName: String, depth: Int, builder: inout Builder
    ) -> String {
        let names = Array(fields.keys)
        var parts: [String] = []
        let count = min(names.count, 1 + roll(4))
        for index in 0..<count {
            let name = names[roll(names.count)]
            guard let field = fields[name] else { continue }
            let isLeaf = namedType(field.type) is GraphQLScalarType || namedType(field.type) is GraphQLEnumType
            // Deeper levels keep to leaves, so documents stay within the depth limit.
            guard isLeaf || depth < 4 else { continue }
            let required = field.args.values.contains { $0.type is GraphQLNonNull }
            guard !required || depth < 3 else { continue }
            let alias = chance(100) ? "a\(depth)_\(index): " : ""
            parts.append(alias + fieldSelection(name, field, depth: depth + 1, builder: &builder))
        }
        if parts.isEmpty || chance(100) { parts.append("__typename") }
        if chance(100) {
            let fragment = "F\(builder.fragments.count)"
            builder.fragments.append("fragment \(fragment) on \(typeName) { __typename }")
            parts.append("...\(fragment)")
        }
        return parts.joined(separator: " ")
    }

    // MARK: Values

    private mutating func literal(_ type: any GraphQLInputType, depth: Int) -> String {
        if let nonNull = type as? GraphQLNonNull, let inner = nonNull.ofType as? any GraphQLInputType {
            return literal(inner, depth: depth)
        }
        if chance(50) { return "null" }
        switch type {
        case let list as GraphQLList:
            guard let inner = list.ofType as? any GraphQLInputType else { return "[]" }
            return "[" + (0..<roll(4)).map { _ in literal(inner, depth: depth + 1) }.joined(separator: ", ") + "]"
        case let object as GraphQLInputObjectType:
            guard depth < 3 else { return "{}" }
            let fields = (try? object.fields()) ?? [:]
            let parts = fields.compactMap { name, field -> String? in
                guard field.type is GraphQLNonNull || chance(400) else { return nil }
                return "\(name): \(literal(field.type, depth: depth + 1))"
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case let enumeration as GraphQLEnumType:
            return enumeration.values.isEmpty ? "X" : enumeration.values[roll(enumeration.values.count)].name
        case let scalar as GraphQLScalarType:
            switch scalarValue(scalar.name) {
            case .number(let number): return number.description
            case .bool(let flag): return flag ? "true" : "false"
            case .string(let text): return quoted(text)
            default: return "null"
            }
        default:
            return "null"
        }
    }

    private mutating func variableValue(_ type: any GraphQLInputType, depth: Int) -> Map {
        if let nonNull = type as? GraphQLNonNull, let inner = nonNull.ofType as? any GraphQLInputType {
            return variableValue(inner, depth: depth)
        }
        if chance(30) { return .null }
        switch type {
        case let list as GraphQLList:
            guard let inner = list.ofType as? any GraphQLInputType else { return .array([]) }
            return .array((0..<roll(4)).map { _ in variableValue(inner, depth: depth + 1) })
        case let object as GraphQLInputObjectType:
            var members = OrderedDictionary<String, Map>()
            for (name, field) in (try? object.fields()) ?? [:]
            where field.type is GraphQLNonNull || (depth < 3 && chance(400)) {
                members[name] = variableValue(field.type, depth: depth + 1)
            }
            return .dictionary(members)
        case let enumeration as GraphQLEnumType:
            return .string(enumeration.values.isEmpty ? "X" : enumeration.values[roll(enumeration.values.count)].name)
        case let scalar as GraphQLScalarType:
            return scalarValue(scalar.name)
        default:
            return .null
        }
    }

    /// Plausible and awkward values of each scalar: ids of every base, edge integers, long and
    /// odd texts, dates valid and not.
    private mutating func scalarValue(_ name: String) -> Map {
        switch name {
        case "Int":
            return .number(Number(pick([0, 1, 2, 3, 5, -1, -2, 7, 50, 100_000, 2_147_483_647, -2_147_483_648, 99])))
        case "Float":
            return .number(Number(pick([0.0, 1.5, -3.25, 1e300, 12.0])))
        case "Boolean":
            return .bool(chance(500))
        case "ID":
            return .string(pick(["1", "2", "3", "4", "5", "0", "-1", "99999", "abc", "10000001", "30000001", ""]))
        case "Date":
            return .string(pick(["2024-01-31", "2024-02-30", "20240101", "0000-00-00", "9999-12-31", "yesterday"]))
        case "Datetime":
            return .string(
                pick([
                    "2024-01-31T10:00:00", "2024-01-31T10:00:00+02:00", "2024-01-31 25:00", "2024-01-31T10:00Z",
                    "2024-13-01T00:00:00", "2024-01-31T10:00:00.123456",
                ]))
        default:
            let texts = [
                "", "x", "Winter jacket", "10000001", "#aabbcc", "#12", "M", "1.5kg", "'; DROP TABLE stock; --",
                "ünïcödé ✓", String(repeating: "long ", count: 60), "\u{0}\u{1}", "%_\\",
            ]
            return .string(pick(texts))
        }
    }

    private mutating func randomVariables() -> [String: Map] {
        var variables: [String: Map] = [:]
        for index in 0..<roll(4) {
            variables["v\(index)"] = pick([
                .string("x"), .number(Number(-5)), .bool(true), .null, .array([.number(1), .string("a")]),
                .dictionary(["first": .number(-1)]),
            ])
        }
        return variables
    }

    // MARK: Invalid documents

    private mutating func damaged(_ document: String) -> String {
        var characters = Array(document)
        for _ in 0..<(1 + roll(3)) where !characters.isEmpty {
            let position = roll(characters.count)
            switch roll(4) {
            case 0: characters.remove(at: position)
            case 1:
                let stray: [Character] = ["{", "}", "(", ")", "[", "]", "\"", "\\", "$", "@", ".", ":", "#", "!"]
                characters.insert(pick(stray), at: position)
            case 2: characters = Array(characters[..<position])
            default:
                let end = min(characters.count, position + roll(20))
                characters.insert(contentsOf: characters[position..<end], at: position)
            }
        }
        return String(characters)
    }

    private mutating func strayDocument() -> String {
        pick([
            "", " ", "{", "}", "{ }", "query", "query { }", "mutation { }", "subscription { x }",
            "{ __schema { types { name } } }",
            "{ __type(name: \"Box\") { fields { name type { name ofType { name } } } } }", "fragment F on Box { id }",
            "{ ...F }", "{ ... on Query { __typename } }", "query A { __typename } query A { __typename }",
            "query ($a: Int, $a: Int) { __typename }", "{ __typename @nope }", "{ a: __typename a: __schema { x } }",
            "\u{FEFF}{ __typename }", "{ \"a\" }", "{ __typename(x: 1) }", "{ __typename } # comment",
            "\"\"\"block\"\"\" query { __typename }", "{ __type(name: \"\\u00e9\") { name } }",
        ])
    }

    // MARK: Types

    private func namedType(_ type: any GraphQLType) -> any GraphQLNamedType {
        switch type {
        case let nonNull as GraphQLNonNull: namedType(nonNull.ofType)
        case let list as GraphQLList: namedType(list.ofType)
        case let named as any GraphQLNamedType: named
        default: GraphQLString
        }
    }

    private func typeName(_ type: any GraphQLType) -> String {
        switch type {
        case let nonNull as GraphQLNonNull: typeName(nonNull.ofType) + "!"
        case let list as GraphQLList: "[" + typeName(list.ofType) + "]"
        case let named as any GraphQLNamedType: named.name
        default: "String"
        }
    }

    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[roll(items.count)] }

    /// A value in `0..<bound` (0 when `bound <= 1`).
    private mutating func roll(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(random.next() % UInt64(bound))
    }

    /// True with probability `perMille / 1000`.
    private mutating func chance(_ perMille: Int) -> Bool { roll(1000) < perMille }
}
