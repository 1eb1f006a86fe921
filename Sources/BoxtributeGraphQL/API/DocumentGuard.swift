import GraphQL

/// Checks a document against ``GraphQLLimits`` before GraphQLSwift parses or validates it.
///
/// Parsing and several validation rules recurse once per nesting level, and some validation
/// rules compare fields pairwise, so a small document could otherwise exhaust the stack or a
/// core. The text is scanned first (nesting, tokens, escapes: what the parser would trip on);
/// the parsed document is then measured with fragments expanded (depth, fields, aliases),
/// each fragment once, without recursing along fragment spreads.
enum DocumentGuard {
    /// A refusal: a limit, or text the parser must not see.
    enum Refusal: Error, Equatable {
        case limit(LimitViolation)
        case syntax(String)
    }

    // MARK: Text

    private enum Bracket { case selection, value, parenthesis }

    /// Scans the text as the lexer would, without building anything.
    static func checkText(_ text: String, limits: GraphQLLimits) throws(Refusal) {
        var bytes = Array(text.utf8)
        let end = bytes.count
        // Sentinels: lookahead (at most four bytes) never runs past the array.
        bytes.append(contentsOf: [0, 0, 0, 0])
        var stack: [Bracket] = []
        var selectionDepth = 0
        var valueDepth = 0
        var parentheses = 0
        var tokens = 0
        var line = 1
        var index = 0
        func refuse(_ violation: LimitViolation) -> Refusal { .limit(violation) }
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ","):
                index += 1
                continue
            case UInt8(ascii: "#"):
                while index < end, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
                continue
            default:
                break
            }
            tokens += 1
            if tokens > limits.maxTokens { throw refuse(.tokens(limits.maxTokens)) }
            switch byte {
            case UInt8(ascii: "\""):
                if bytes[index + 1] == UInt8(ascii: "\""), bytes[index + 2] == UInt8(ascii: "\"") {
                    index = skipBlockString(bytes, from: index + 3, end: end, line: &line)
                } else {
                    index = try skipString(bytes, from: index + 1, end: end, line: line)
                }
                continue
            case UInt8(ascii: "("):
                parentheses += 1
                // Arguments and variable definitions never nest parentheses.
                if parentheses > 2 { throw refuse(.inputDepth(limits.maxInputDepth)) }
                stack.append(.parenthesis)
            case UInt8(ascii: ")"):
                while let last = stack.popLast() {
                    switch last {
                    case .parenthesis: parentheses -= 1
                    case .selection: selectionDepth -= 1
                    case .value: valueDepth -= 1
                    }
                    if last == .parenthesis { break }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if parentheses > 0 {
                    valueDepth += 1
                    if valueDepth > limits.maxInputDepth { throw refuse(.inputDepth(limits.maxInputDepth)) }
                    stack.append(.value)
                } else {
                    selectionDepth += 1
                    if selectionDepth > limits.maxTextNesting { throw refuse(.textNesting(limits.maxTextNesting)) }
                    stack.append(.selection)
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let last = stack.last, last != .parenthesis {
                    stack.removeLast()
                    if last == .selection { selectionDepth -= 1 } else { valueDepth -= 1 }
                }
            default:
                // A name, number or punctuator: one token, whatever its length.
                if isNameOrNumberByte(byte) {
                    while index < end, isNameOrNumberByte(bytes[index]) { index += 1 }
                    continue
                }
            }
            index += 1
        }
    }

    private static func isNameOrNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"),
            UInt8(ascii: "."):
            true
        default: false
        }
    }

    /// The index after a `"…"` string that starts at `start` (after the quote). Escapes are
    /// checked here because GraphQLSwift's lexer reads past the end of the text on a `\u`
    /// with fewer than four characters after it.
    private static func skipString(_ bytes: [UInt8], from start: Int, end: Int, line: Int) throws(Refusal) -> Int {
        var index = start
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw .syntax("Syntax Error: Unterminated string (line \(line)).")
            case UInt8(ascii: "\\"):
                let escaped = bytes[index + 1]
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 5 < end + 1, (2...5).allSatisfy({ isHexDigit(bytes[index + $0]) }) else {
                        throw .syntax("Syntax Error: Invalid Unicode escape sequence in a string (line \(line)).")
                    }
                    index += 6
                default:
                    throw .syntax("Syntax Error: Invalid character escape sequence in a string (line \(line)).")
                }
            default:
                index += 1
            }
        }
        throw .syntax("Syntax Error: Unterminated string (line \(line)).")
    }

    /// The index after a `"""…"""` block string that starts at `start` (after the quotes);
    /// the end of the text when it is unterminated (the parser then reports it).
    private static func skipBlockString(_ bytes: [UInt8], from start: Int, end: Int, line: inout Int) -> Int {
        var index = start
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\")
            where bytes[index + 1] == UInt8(ascii: "\"") && bytes[index + 2] == UInt8(ascii: "\"")
                && bytes[index + 3] == UInt8(ascii: "\""):
                index += 4
            case UInt8(ascii: "\"")
            where bytes[index + 1] == UInt8(ascii: "\"") && bytes[index + 2] == UInt8(ascii: "\""):
                return index + 3
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            default:
                index += 1
            }
        }
        return end
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }

    // MARK: Parsed document

    /// Refuses type-system definitions (GraphQLSwift's validation assumes executable
    /// definitions and stops the process on others) and measures the operations.
    static func checkDocument(_ document: Document, limits: GraphQLLimits) throws(Refusal) {
        for definition in document.definitions
        where !(definition is OperationDefinition || definition is FragmentDefinition) {
            throw .syntax("The document defines types or a schema: only operations and fragments can be executed.")
        }
        // GraphQLSwift's validation keys a dictionary by operation, hashing its identity but
        // comparing its content: two equal operations in one document stop the process. Equal
        // operations have equal names, and a document may not repeat a name anyway.
        var operationNames: Set<String> = []
        for case let operation as OperationDefinition in document.definitions {
            let name = operation.name?.value
            guard operationNames.insert(name ?? "").inserted else {
                throw .syntax(
                    name.map { "There can be only one operation named '\(ExecutionError.bounded($0))'." }
                        ?? "This anonymous operation must be the only defined operation.")
            }
        }
        var fragments: [String: FragmentDefinition] = [:]
        for case let fragment as FragmentDefinition in document.definitions where fragments[fragment.name.value] == nil
        {
            fragments[fragment.name.value] = fragment
        }
        let fragmentMeasures = try measureFragments(fragments, limits: limits)
        var total = Measure()
        for case let operation as OperationDefinition in document.definitions {
            let outline = Outline(operation.selectionSet)
            total.add(outline.measure(using: fragmentMeasures), atDepth: 0)
        }
        if total.depth > limits.maxDepth { throw .limit(.depth(limits.maxDepth)) }
        if total.fields > limits.maxFields { throw .limit(.fields(limits.maxFields)) }
        if total.aliases > limits.maxAliases { throw .limit(.aliases(limits.maxAliases)) }
    }

    /// Fields, aliases and depth of a selection, fragments expanded. Counts saturate, so
    /// fragments spreading each other twice over many levels cannot overflow them.
    struct Measure {
        var fields = 0
        var aliases = 0
        var depth = 0

        static let saturation = Int.max / 4

        mutating func add(_ other: Measure, atDepth offset: Int) {
            fields = min(fields + other.fields, Self.saturation)
            aliases = min(aliases + other.aliases, Self.saturation)
            depth = max(depth, other.depth == 0 ? 0 : offset + other.depth)
        }
    }

    /// A selection set reduced to what measuring needs: its own fields by depth and the
    /// fragments it spreads, at the field depth where it spreads them.
    struct Outline {
        var own = Measure()
        var spreads: [(name: String, depth: Int)] = []

        init(_ selectionSet: SelectionSet) {
            // Recursion here follows the text's nesting, which checkText has bounded.
            walk(selectionSet, depth: 0)
        }

        private mutating func walk(_ selectionSet: SelectionSet, depth: Int) {
            for selection in selectionSet.selections {
                switch selection {
                case let field as Field:
                    own.fields = min(own.fields + 1, Measure.saturation)
                    if field.alias != nil { own.aliases = min(own.aliases + 1, Measure.saturation) }
                    own.depth = max(own.depth, depth + 1)
                    if let nested = field.selectionSet { walk(nested, depth: depth + 1) }
                case let inline as InlineFragment:
                    walk(inline.selectionSet, depth: depth)
                case let spread as FragmentSpread:
                    spreads.append((spread.name.value, depth))
                default:
                    continue
                }
            }
        }

        func measure(using fragments: [String: Measure]) -> Measure {
            var result = own
            for spread in spreads {
                if let measure = fragments[spread.name] { result.add(measure, atDepth: spread.depth) }
            }
            return result
        }
    }

    /// Each fragment's measure, computed in dependency order with an explicit stack: a chain
    /// of fragments spreading each other is as long as the document allows, so following it
    /// by recursion could exhaust the stack. Spread chains longer than the text nesting limit
    /// are refused, since GraphQLSwift's validation follows them recursively. Fragments in a
    /// cycle count as empty here; validation reports the cycle.
    private static func measureFragments(
        _ fragments: [String: FragmentDefinition], limits: GraphQLLimits
    ) throws(Refusal) -> [String: Measure] {
        let outlines = fragments.mapValues { Outline($0.selectionSet) }
        var measures: [String: Measure] = [:]
        var chainLength: [String: Int] = [:]
        var inProgress: Set<String> = []
        for name in outlines.keys.sorted() where measures[name] == nil {
            var stack: [(name: String, nextSpread: Int)] = [(name, 0)]
            inProgress.insert(name)
            while let top = stack.last {
                guard let outline = outlines[top.name] else {
                    stack.removeLast()
                    continue
                }
                if top.nextSpread < outline.spreads.count {
                    stack[stack.count - 1].nextSpread += 1
                    let spread = outline.spreads[top.nextSpread].name
                    guard outlines[spread] != nil, measures[spread] == nil, !inProgress.contains(spread) else {
                        continue
                    }
                    inProgress.insert(spread)
                    stack.append((spread, 0))
                    continue
                }
                stack.removeLast()
                inProgress.remove(top.name)
                measures[top.name] = outline.measure(using: measures)
                let longest = outline.spreads.compactMap { chainLength[$0.name] }.max() ?? 0
                chainLength[top.name] = longest + 1
                if longest + 1 > limits.maxTextNesting { throw .limit(.textNesting(limits.maxTextNesting)) }
            }
        }
        return measures
    }
}
