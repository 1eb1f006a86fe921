import GraphQL
import OrderedCollections

/// Coerces variable values (JSON) and argument literals (AST) to input types, with the
/// messages graphql-core gives, since the reference's clients see those.
struct InputCoercion {
    let schema: GraphQLSchema

    /// A failed variable coercion; the whole request answers `data: null`.
    struct Failure: Error {
        let message: String

        /// `message` is cut to a few hundred characters: it may quote the client's input.
        init(message: String) { self.message = ExecutionError.bounded(message) }
    }

    // MARK: Variables

    func coerceVariables(_ definitions: [VariableDefinition], inputs: [String: Map]) throws(Failure) -> [String: Map] {
        var coerced: [String: Map] = [:]
        for definition in definitions {
            let name = definition.variable.name.value
            guard let type = inputType(definition.type) else {
                throw Failure(message: "Variable '$\(name)' expected value of unknown type.")
            }
            let typeText = Self.describe(definition.type)
            guard let raw = inputs[name], !raw.isUndefined else {
                if let defaultValue = definition.defaultValue {
                    coerced[name] = try literal(defaultValue, type: type, variables: [:], variableName: name)
                } else if type is GraphQLNonNull {
                    throw Failure(message: "Variable '$\(name)' of required type '\(typeText)' was not provided.")
                }
                continue
            }
            if raw.isNull, type is GraphQLNonNull {
                throw Failure(message: "Variable '$\(name)' of non-null type '\(typeText)' must not be null.")
            }
            do {
                coerced[name] = try value(raw, type: type, path: [])
            } catch let failure {
                throw Failure(message: "Variable '$\(name)' got invalid value \(Self.render(raw))\(failure.message)")
            }
        }
        return coerced
    }

    private func value(_ raw: Map, type: any GraphQLInputType, path: [String]) throws(Failure) -> Map {
        let at = path.isEmpty ? "" : " at '\(path.joined())'"
        if let nonNull = type as? GraphQLNonNull {
            if raw.isNull {
                throw Failure(
                    message: "\(at); Expected non-nullable type '\(nonNull.debugDescription)' not to be null.")
            }
            guard let inner = nonNull.ofType as? any GraphQLInputType else { return raw }
            return try value(raw, type: inner, path: path)
        }
        if raw.isNull { return .null }
        switch type {
        case let list as GraphQLList:
            guard let inner = list.ofType as? any GraphQLInputType else { return raw }
            if case .array(let items) = raw {
                var result: [Map] = []
                for (index, item) in items.enumerated() {
                    result.append(try value(item, type: inner, path: path + ["[\(index)]"]))
                }
                return .array(result)
            }
            return .array([try value(raw, type: inner, path: path)])
        case let object as GraphQLInputObjectType:
            guard case .dictionary(let given) = raw else {
                throw Failure(message: "\(at); Expected type '\(object.name)' to be a mapping.")
            }
            let fields = (try? object.fields()) ?? [:]
            for key in given.keys where fields[key] == nil {
                throw Failure(message: "\(at); Field '\(key)' is not defined by type '\(object.name)'.")
            }
            var result = OrderedDictionary<String, Map>()
            for (fieldName, field) in fields {
                let fieldPath = path.isEmpty ? [fieldName] : path + [".\(fieldName)"]
                if let provided = given[fieldName], !provided.isUndefined {
                    result[fieldName] = try value(provided, type: field.type, path: fieldPath)
                } else if let defaultValue = field.defaultValue {
                    result[fieldName] = defaultValue
                } else if field.type is GraphQLNonNull {
                    throw Failure(
                        message:
                            "\(at); Field '\(fieldName)' of required type '\(field.type.debugDescription)' was not provided."
                    )
                }
            }
            return .dictionary(result)
        case let enumeration as GraphQLEnumType:
            guard case .string(let name) = raw, enumeration.nameLookup[name] != nil else {
                throw Failure(
                    message: "\(at); Value \(Self.render(raw)) does not exist in '\(enumeration.name)' enum.")
            }
            return raw
        case let scalar as GraphQLScalarType:
            do {
                return try Scalars.parseValue(raw, scalar: scalar)
            } catch {
                throw Failure(message: "\(at); \(error.message)")
            }
        default:
            return raw
        }
    }

    // MARK: Literals

    /// Coerces an argument's AST value (validation has already checked its shape).
    func literal(
        _ node: any Value, type: any GraphQLInputType, variables: [String: Map], variableName: String? = nil
    )
        throws(Failure) -> Map
    {
        if let variable = node as? Variable {
            return variables[variable.name.value] ?? .undefined
        }
        if let nonNull = type as? GraphQLNonNull, let inner = nonNull.ofType as? any GraphQLInputType {
            return try literal(node, type: inner, variables: variables)
        }
        if node is NullValue { return .null }
        switch type {
        case let list as GraphQLList:
            guard let inner = list.ofType as? any GraphQLInputType else { return .null }
            if let items = node as? ListValue {
                var result: [Map] = []
                for item in items.values {
                    let coerced = try literal(item, type: inner, variables: variables)
                    result.append(coerced.isUndefined ? .null : coerced)
                }
                return .array(result)
            }
            return .array([try literal(node, type: inner, variables: variables)])
        case let object as GraphQLInputObjectType:
            guard let given = node as? ObjectValue else { return .null }
            let fields = (try? object.fields()) ?? [:]
            var result = OrderedDictionary<String, Map>()
            for (fieldName, field) in fields {
                let provided = given.fields.first { $0.name.value == fieldName }
                var coerced: Map = .undefined
                if let provided { coerced = try literal(provided.value, type: field.type, variables: variables) }
                if coerced.isUndefined, let defaultValue = field.defaultValue { coerced = defaultValue }
                if !coerced.isUndefined { result[fieldName] = coerced }
            }
            return .dictionary(result)
        case is GraphQLEnumType:
            guard let enumValue = node as? EnumValue else { return .null }
            return .string(enumValue.value)
        case let scalar as GraphQLScalarType:
            do {
                return try Scalars.parseLiteral(node, scalar: scalar)
            } catch {
                throw Failure(message: error.message)
            }
        default:
            return .null
        }
    }

    // MARK: Types

    func inputType(_ node: any GraphQL.`Type`) -> (any GraphQLInputType)? {
        switch node {
        case let nonNull as NonNullType:
            guard let inner = inputType(nonNull.type) else { return nil }
            return try? GraphQLNonNull(inner)
        case let list as ListType:
            guard let inner = inputType(list.type) else { return nil }
            return GraphQLList(inner)
        case let named as NamedType:
            return schema.getType(name: named.name.value) as? any GraphQLInputType
        default:
            return nil
        }
    }

    static func describe(_ node: any GraphQL.`Type`) -> String {
        switch node {
        case let nonNull as NonNullType: describe(nonNull.type) + "!"
        case let list as ListType: "[" + describe(list.type) + "]"
        case let named as NamedType: named.name.value
        default: "?"
        }
    }

    /// A value as Python's repr would show it in graphql-core messages, cut after
    /// ``renderedLength`` characters: a client's megabyte of input is not echoed back.
    static func render(_ value: Map) -> String {
        var text = ""
        append(value, to: &text)
        guard text.count > renderedLength else { return text }
        return String(text.prefix(renderedLength)) + "…"
    }

    static let renderedLength = 200

    private static func append(_ value: Map, to text: inout String) {
        // Past the cut there is nothing left to write.
        guard text.utf8.count <= renderedLength * 4 else { return }
        switch value {
        case .string(let string): text += "'" + String(string.prefix(renderedLength)) + "'"
        case .number(let number): text += number.description
        case .bool(let flag): text += flag ? "True" : "False"
        case .null, .undefined: text += "None"
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                guard text.utf8.count <= renderedLength * 4 else { break }
                if index > 0 { text += ", " }
                append(item, to: &text)
            }
            text += "]"
        case .dictionary(let fields):
            text += "{"
            for (index, field) in fields.enumerated() {
                guard text.utf8.count <= renderedLength * 4 else { break }
                if index > 0 { text += ", " }
                text += "'" + String(field.key.prefix(renderedLength)) + "': "
                append(field.value, to: &text)
            }
            text += "}"
        }
    }
}
