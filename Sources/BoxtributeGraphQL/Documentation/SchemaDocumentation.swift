import GraphQL
import OrderedCollections

/// Static HTML documentation of the APIs, generated from their schemas (the SDL files): an
/// index, and one page per API with its operations and every type (objects, interfaces,
/// unions, enums, input objects, scalars), their fields, arguments, types (linked),
/// descriptions and deprecation reasons. Every text taken from the schema is escaped.
///
/// `boxtribute docs --out DIR` writes the pages; the query-only API serves them at `/docs`.
public enum SchemaDocumentation {
    /// One API to document.
    public struct Entry: Sendable {
        /// File name stem of its page (`query` → `query.html`).
        public var slug: String
        public var title: String
        /// Where the API answers, e.g. `POST /`.
        public var endpoint: String
        public var summary: String
        public var schema: GraphQLSchema

        public init(slug: String, title: String, endpoint: String, summary: String, schema: GraphQLSchema) {
            self.slug = slug
            self.title = title
            self.endpoint = endpoint
            self.summary = summary
            self.schema = schema
        }
    }

    /// The entry of one of our API variants (its schema built once per process).
    public static func entry(for variant: APIVariant) throws -> Entry {
        let schema = try GraphQLAPI(variant: variant).schema
        switch variant {
        case .query:
            return Entry(
                slug: "query", title: "Query-only API", endpoint: "POST /",
                summary: "Queries for partners, with a bearer token; no mutations.", schema: schema)
        case .public:
            return Entry(
                slug: "public", title: "Public API", endpoint: "POST /public",
                summary: "Shared links and public numbers, without a token.", schema: schema)
        case .full:
            return Entry(
                slug: "full", title: "Full API", endpoint: "POST /graphql",
                summary: "The front-end's API: queries and mutations, with a bearer token.", schema: schema)
        }
    }

    /// The pages, by file name: `index.html` and `<slug>.html` per entry. Links between
    /// pages start with `linkBase` (`""` for files side by side, `"/docs/"` when served).
    public static func pages(for entries: [Entry], linkBase: String = "") throws -> [String: String] {
        var pages: [String: String] = ["index.html": index(entries, linkBase: linkBase)]
        for entry in entries {
            pages[entry.slug + ".html"] = try page(entry, linkBase: linkBase)
        }
        return pages
    }

    // MARK: - Pages

    static func index(_ entries: [Entry], linkBase: String) -> String {
        var body = "<h1>boxtribute API documentation</h1>\n<ul class=\"apis\">\n"
        for entry in entries {
            body +=
                "<li><a href=\"\(e(linkBase + entry.slug + ".html"))\">\(e(entry.title))</a> "
                + "<code>\(e(entry.endpoint))</code>: \(e(entry.summary))</li>\n"
        }
        body += "</ul>\n"
        return document(title: "boxtribute API documentation", body: body)
    }

    static func page(_ entry: Entry, linkBase: String) throws -> String {
        let schema = entry.schema
        let named = schema.typeMap.values.filter { !$0.name.hasPrefix("__") }.sorted { $0.name < $1.name }
        var body = "<p><a href=\"\(e(linkBase + "index.html"))\">All APIs</a></p>\n"
        body += "<h1>\(e(entry.title)) <code>\(e(entry.endpoint))</code></h1>\n<p>\(e(entry.summary))</p>\n"

        let groups: [(String, String, [any GraphQLNamedType])] = [
            ("objects", "Objects", named.filter { $0 is GraphQLObjectType }),
            ("interfaces", "Interfaces", named.filter { $0 is GraphQLInterfaceType }),
            ("unions", "Unions", named.filter { $0 is GraphQLUnionType }),
            ("enums", "Enums", named.filter { $0 is GraphQLEnumType }),
            ("inputs", "Input objects", named.filter { $0 is GraphQLInputObjectType }),
            ("scalars", "Scalars", named.filter { $0 is GraphQLScalarType }),
        ]
        body += "<nav class=\"contents\">\n<h2>Contents</h2>\n<ul>\n"
        for root in [schema.queryType, schema.mutationType].compactMap({ $0 }) {
            body += "<li><a href=\"#\(anchor(root.name))\">\(e(root.name))</a> (operations)</li>\n"
        }
        for (id, title, types) in groups where !types.isEmpty {
            body += "<li><a href=\"#\(id)\">\(e(title))</a>: "
            body += types.map { link($0.name) }.joined(separator: ", ")
            body += "</li>\n"
        }
        body += "</ul>\n</nav>\n"

        for (id, title, types) in groups where !types.isEmpty {
            body += "<section id=\"\(id)\">\n<h2>\(e(title))</h2>\n"
            for type in types { body += try section(type) }
            body += "</section>\n"
        }
        return document(title: "\(entry.title) – boxtribute API documentation", body: body)
    }

    static func section(_ type: any GraphQLNamedType) throws -> String {
        var html = "<article class=\"type\" id=\"\(anchor(type.name))\">\n"
        html += "<h3>\(e(type.name)) <small>\(kindName(type))</small></h3>\n"
        html += description(typeDescription(type))
        switch type {
        case let object as GraphQLObjectType:
            let interfaces = try object.interfaces()
            if !interfaces.isEmpty {
                html += "<p>Implements " + interfaces.map { link($0.name) }.joined(separator: ", ") + "</p>\n"
            }
            html += try fields(of: type.name, object.fields())
        case let interface as GraphQLInterfaceType:
            html += try fields(of: type.name, interface.fields())
        case let union as GraphQLUnionType:
            html += "<p>One of: " + (try union.types()).map { link($0.name) }.joined(separator: ", ") + "</p>\n"
        case let enumType as GraphQLEnumType:
            html += "<dl class=\"values\">\n"
            for value in enumType.values {
                html += "<dt id=\"\(anchor(type.name + "." + value.name))\"><code>\(e(value.name))</code></dt>\n<dd>"
                html += description(value.description) + deprecation(value.deprecationReason) + "</dd>\n"
            }
            html += "</dl>\n"
        case let input as GraphQLInputObjectType:
            html += "<dl class=\"fields\">\n"
            for (name, field) in try input.fields() {
                html += "<dt id=\"\(anchor(type.name + "." + name))\"><code>\(e(name))</code>: "
                html += typeReference(field.type) + defaultValue(field.astNode?.defaultValue) + "</dt>\n<dd>"
                html += description(field.description) + deprecation(field.deprecationReason) + "</dd>\n"
            }
            html += "</dl>\n"
        case let scalar as GraphQLScalarType:
            if let url = scalar.specifiedByURL { html += "<p>Specified by <code>\(e(url))</code></p>\n" }
        default:
            break
        }
        return html + "</article>\n"
    }

    static func fields(of typeName: String, _ fields: GraphQLFieldMap) -> String {
        var html = "<dl class=\"fields\">\n"
        for (name, field) in fields {
            html += "<dt id=\"\(anchor(typeName + "." + name))\"><code>\(e(name))</code>"
            if !field.args.isEmpty {
                html += "("
                html += field.args.map { argument, definition in
                    "<code>\(e(argument))</code>: " + typeReference(definition.type)
                        + defaultValue(definition.astNode?.defaultValue)
                }.joined(separator: ", ")
                html += ")"
            }
            html += ": " + typeReference(field.type) + "</dt>\n<dd>"
            html += description(field.description) + deprecation(field.deprecationReason)
            let described = field.args.filter { $0.value.description != nil || $0.value.deprecationReason != nil }
            if !described.isEmpty {
                html += "<ul class=\"arguments\">\n"
                for (argument, definition) in described {
                    html += "<li><code>\(e(argument))</code>: " + (definition.description.map(e) ?? "")
                    html += deprecation(definition.deprecationReason) + "</li>\n"
                }
                html += "</ul>\n"
            }
            html += "</dd>\n"
        }
        return html + "</dl>\n"
    }

    // MARK: - Pieces

    /// A type reference such as `[Box!]!`, its named type linked to its section.
    static func typeReference(_ type: any GraphQLType) -> String {
        switch type {
        case let nonNull as GraphQLNonNull: typeReference(nonNull.ofType) + "!"
        case let list as GraphQLList: "[" + typeReference(list.ofType) + "]"
        case let named as any GraphQLNamedType: link(named.name)
        default: e(type.debugDescription)
        }
    }

    static func link(_ name: String) -> String {
        "<a href=\"#\(anchor(name))\">\(e(name))</a>"
    }

    /// The fragment id of a type (`type-Box`) or a field (`type-Box.id`): GraphQL names are
    /// letters, digits and underscores, so the id needs no escaping beyond the usual.
    static func anchor(_ name: String) -> String {
        "type-" + e(name)
    }

    static func description(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return "<p class=\"description\">\(e(text))</p>\n"
    }

    static func deprecation(_ reason: String?) -> String {
        guard let reason else { return "" }
        return "<p class=\"deprecated\"><strong>Deprecated</strong>: \(e(reason))</p>\n"
    }

    static func defaultValue(_ value: (any Value)?) -> String {
        guard let value else { return "" }
        return " = <code>\(e(print(ast: value)))</code>"
    }

    static func kindName(_ type: any GraphQLNamedType) -> String {
        switch type {
        case is GraphQLObjectType: "object"
        case is GraphQLInterfaceType: "interface"
        case is GraphQLUnionType: "union"
        case is GraphQLEnumType: "enum"
        case is GraphQLInputObjectType: "input"
        case is GraphQLScalarType: "scalar"
        default: "type"
        }
    }

    static func typeDescription(_ type: any GraphQLNamedType) -> String? {
        switch type {
        case let type as GraphQLObjectType: type.description
        case let type as GraphQLInterfaceType: type.description
        case let type as GraphQLUnionType: type.description
        case let type as GraphQLEnumType: type.description
        case let type as GraphQLInputObjectType: type.description
        case let type as GraphQLScalarType: type.description
        default: nil
        }
    }

    static func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>
        body { font: 15px/1.5 system-ui, sans-serif; max-width: 60em; margin: 0 auto; padding: 1em; color: #1d2327; }
        code { font-family: monospace; }
        article.type { border-top: 1px solid #ddd; padding-top: 0.5em; }
        h3 small { font-weight: normal; color: #646970; }
        dt { margin-top: 0.5em; font-family: monospace; }
        dd { margin-left: 1.5em; }
        .description { margin: 0.2em 0; color: #3c434a; }
        .deprecated { margin: 0.2em 0; color: #996800; }
        nav.contents li { margin: 0.3em 0; }
        a { color: #2271b1; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
