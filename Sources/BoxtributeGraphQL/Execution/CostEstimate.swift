import BoxtributeDomain
import GraphQL
import OrderedCollections

/// Estimates, before anything runs, how many values an operation may return: every selected
/// field counts once per object it may appear in. Paginated fields multiply the fields under
/// their page's `elements` by the page size asked for (`first`/`last`, 50 by default); other
/// lists by ``GraphQLLimits/assumedListLength``. `@skip`/`@include` are ignored (the estimate
/// counts both ways).
///
/// The document has passed ``DocumentGuard``, so its fields, fragments expanded, are few and
/// this walk is short.
struct CostEstimate {
    let compiled: CompiledSchema
    let fragments: [String: FragmentDefinition]
    let variables: [String: Map]
    let limits: GraphQLLimits

    /// The estimate, or a value above ``GraphQLLimits/maxCost`` as soon as it exceeds it.
    func cost(of selectionSet: SelectionSet, rootType: String) -> Int {
        var total = 0
        add(selectionSet, typeName: rootType, multiplier: 1, pageSize: nil, total: &total)
        return total
    }

    private func add(
        _ selectionSet: SelectionSet, typeName: String, multiplier: Int, pageSize: Int?, total: inout Int
    ) {
        for selection in selectionSet.selections {
            guard total <= limits.maxCost else { return }
            switch selection {
            case let field as Field:
                total = Self.saturatingSum(total, multiplier)
                guard let nested = field.selectionSet, let compiledField = self.field(field.name.value, of: typeName)
                else { continue }
                let childMultiplier =
                    compiledField.shape.isList
                    ? Self.saturatingProduct(multiplier, pageSize ?? limits.assumedListLength) : multiplier
                let isPaginated = compiledField.arguments.contains { $0.name == "paginationInput" }
                add(
                    nested, typeName: compiledField.shape.namedType, multiplier: childMultiplier,
                    pageSize: isPaginated ? requestedPageSize(field) : nil, total: &total)
            case let inline as InlineFragment:
                add(
                    inline.selectionSet, typeName: inline.typeCondition?.name.value ?? typeName,
                    multiplier: multiplier, pageSize: pageSize, total: &total)
            case let spread as FragmentSpread:
                guard let fragment = fragments[spread.name.value] else { continue }
                add(
                    fragment.selectionSet, typeName: fragment.typeCondition.name.value, multiplier: multiplier,
                    pageSize: pageSize, total: &total)
            default:
                continue
            }
        }
    }

    /// The field of an object type, or of the first of an abstract type's object types that has it.
    private func field(_ name: String, of typeName: String) -> CompiledField? {
        if let field = compiled.objects[typeName]?[name] { return field }
        for object in (compiled.possibleTypes[typeName] ?? []).sorted() {
            if let field = compiled.objects[object]?[name] { return field }
        }
        return nil
    }

    /// `first`, else `last`, of the field's `paginationInput` when positive; the default page
    /// size otherwise (a negative size is refused when the field runs).
    private func requestedPageSize(_ field: Field) -> Int {
        guard let argument = field.arguments.first(where: { $0.name.value == "paginationInput" }) else {
            return PageRequest.defaultLimit
        }
        for key in ["first", "last"] {
            if let size = integer(member: key, of: argument.value), size > 0 { return size }
        }
        return PageRequest.defaultLimit
    }

    private func integer(member key: String, of value: any Value) -> Int? {
        switch value {
        case let object as ObjectValue:
            guard let member = object.fields.first(where: { $0.name.value == key }) else { return nil }
            switch member.value {
            case let literal as IntValue: return Int(literal.value)
            case let variable as Variable: return Self.integer(variables[variable.name.value])
            default: return nil
            }
        case let variable as Variable:
            guard case .dictionary(let members)? = variables[variable.name.value] else { return nil }
            return Self.integer(members[key])
        default:
            return nil
        }
    }

    private static func integer(_ value: Map?) -> Int? {
        guard case .number(let number)? = value else { return nil }
        let double = number.doubleValue
        guard double.isFinite, abs(double) < 1e15 else { return nil }
        return Int(double)
    }

    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}

extension TypeShape {
    /// Whether values of this shape are lists (of anything).
    var isList: Bool {
        switch self {
        case .list, .nonNull(.list): true
        default: false
        }
    }

    /// The named type at the bottom of the shape.
    var namedType: String {
        switch self {
        case .nonNull(let inner), .list(let inner): inner.namedType
        case .leaf(_, let name), .object(let name), .abstract(let name): name
        }
    }
}
