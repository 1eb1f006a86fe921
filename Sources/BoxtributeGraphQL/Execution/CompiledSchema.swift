import GraphQL
import OrderedCollections

/// A field type reduced to what execution needs, without dynamic casts on the hot path.
indirect enum TypeShape: Sendable {
    case nonNull(TypeShape)
    case list(TypeShape)
    case leaf(LeafKind, name: String)
    case object(String)
    case abstract(String)

    var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The object type of a (possibly non-null) object field.
    var objectName: String? {
        switch self {
        case .object(let name), .nonNull(.object(let name)): name
        default: nil
        }
    }

    /// The object type of the items of a (possibly non-null) list of (possibly non-null) objects.
    var listItemObjectName: String? {
        switch self {
        case .list(let item), .nonNull(.list(let item)): item.objectName
        default: nil
        }
    }

    /// Whether the items of a (possibly non-null) list are non-null.
    var listItemsNonNull: Bool {
        switch self {
        case .list(let item), .nonNull(.list(let item)): item.isNonNull
        default: false
        }
    }

    /// The leaf kind of a (possibly non-null) scalar or enum field; `nil` for lists and objects.
    var leafKind: LeafKind? {
        switch self {
        case .leaf(let kind, _): kind
        case .nonNull(.leaf(let kind, _)): kind
        default: nil
        }
    }
}

/// How a leaf value is serialised.
enum LeafKind: Sendable {
    case id, string, int, float, boolean, datetime, date, enumeration, custom
}

/// One field of an object type, with its resolver.
struct CompiledField: Sendable {
    let name: String
    let shape: TypeShape
    let arguments: [(name: String, type: any GraphQLInputType, defaultValue: Map?)]
    let resolution: FieldResolution
}

/// The schema in the form the executor walks, checked against the registry at startup.
final class CompiledSchema: Sendable {
    let schema: GraphQLSchema
    let objects: [String: [String: CompiledField]]
    let possibleTypes: [String: Set<String>]
    let typeResolvers: [String: @Sendable (any Sendable) -> String?]
    let casters: [String: @Sendable ([any Sendable]) -> CastParents?]
    let deduplicators: [String: @Sendable (TypedParents) -> CastParents]

    /// - Throws: ``SchemaWiringError`` listing every field without a resolver (and every
    ///   resolver without a field), so a half-wired schema never starts.
    init(schema: GraphQLSchema, registry: ResolverRegistry) throws {
        self.schema = schema
        var objects: [String: [String: CompiledField]] = [:]
        var possible: [String: Set<String>] = [:]
        var missing: [String] = []
        for (name, type) in schema.typeMap where !name.hasPrefix("__") {
            switch type {
            case let object as GraphQLObjectType:
                let registered = registry.objects[name] ?? [:]
                var fields: [String: CompiledField] = [:]
                for (fieldName, field) in try object.fields() {
                    guard let resolution = registered[fieldName] else {
                        missing.append("\(name).\(fieldName)")
                        continue
                    }
                    let shape = try Self.shape(of: field.type, in: schema)
                    var compiled = resolution
                    if case .children(let children) = resolution {
                        let target = children.isList ? shape.listItemObjectName : shape.objectName
                        if let target, registry.parentTypes[target] == children.childType {
                            // Children of the field's object type stay typed from resolver to batch.
                        } else if target != nil, registry.parentTypes.values.contains(children.childType) {
                            missing.append("\(name).\(fieldName) (typed children of another type than the field's)")
                        } else {
                            // Scalars, interfaces and unions, and values of no registered type:
                            // each value is boxed and completed by its runtime type.
                            compiled = .batch(children.boxed)
                        }
                    }
                    fields[fieldName] = CompiledField(
                        name: fieldName, shape: shape,
                        arguments: field.args.map { ($0.key, $0.value.type, $0.value.defaultValue) },
                        resolution: compiled)
                }
                for extra in registered.keys where fields[extra] == nil && !missing.contains("\(name).\(extra)") {
                    if (try object.fields())[extra] == nil {
                        missing.append("\(name).\(extra) (resolver without field)")
                    }
                }
                objects[name] = fields
            case let abstract as any GraphQLAbstractType:
                possible[name] = Set(schema.getPossibleTypes(abstractType: abstract).map(\.name))
            default:
                break
            }
        }
        missing += registry.conflicts
        for typeName in registry.objects.keys where objects[typeName] == nil {
            missing.append("\(typeName) (resolvers for a type the schema lacks)")
        }
        guard missing.isEmpty else { throw SchemaWiringError(problems: missing.sorted()) }
        self.objects = objects
        self.possibleTypes = possible
        self.typeResolvers = registry.typeResolvers
        self.casters = registry.casters
        self.deduplicators = registry.deduplicators
    }

    static func shape(of type: any GraphQLType, in schema: GraphQLSchema) throws -> TypeShape {
        switch type {
        case let nonNull as GraphQLNonNull: return .nonNull(try shape(of: nonNull.ofType, in: schema))
        case let list as GraphQLList: return .list(try shape(of: list.ofType, in: schema))
        case let scalar as GraphQLScalarType:
            let kind: LeafKind =
                switch scalar.name {
                case "ID": .id
                case "String": .string
                case "Int": .int
                case "Float": .float
                case "Boolean": .boolean
                case "Datetime": .datetime
                case "Date": .date
                default: .custom
                }
            return .leaf(kind, name: scalar.name)
        case let enumeration as GraphQLEnumType: return .leaf(.enumeration, name: enumeration.name)
        case let object as GraphQLObjectType: return .object(object.name)
        case let abstract as any GraphQLAbstractType: return .abstract(abstract.name)
        default: throw SchemaWiringError(problems: ["unsupported output type \(type)"])
        }
    }

    /// The object type of `value` where the field's type is the interface or union `abstractName`.
    func concreteType(of value: any Sendable, abstractName: String) -> String? {
        let name = typeResolvers[abstractName]?(value) ?? (value as? any GraphQLObjectValue)?.graphQLTypeName
        guard let name, possibleTypes[abstractName]?.contains(name) == true else { return nil }
        return name
    }

    /// Whether object type `typeName` satisfies a fragment's type condition `condition`.
    func satisfies(_ typeName: String, condition: String) -> Bool {
        condition == typeName || possibleTypes[condition]?.contains(typeName) == true
    }
}

/// The schema and the registered resolvers do not match.
public struct SchemaWiringError: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String { "schema wiring incomplete: " + problems.joined(separator: ", ") }
}
