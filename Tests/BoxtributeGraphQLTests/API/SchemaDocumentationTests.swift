import BoxtributeTestSupport
import Foundation
import GraphQL
import OrderedCollections
import Testing

@testable import BoxtributeGraphQL

@Suite("Schema documentation")
struct SchemaDocumentationTests {
    /// A schema with what our SDL lacks: deprecations, and texts that need escaping.
    static let sampleSDL = #"""
        "Roots <of> the sample & co."
        type Query {
          "Boxes, oldest first."
          boxes(
            "Only this state."
            state: State = InStock,
            first: Int = 20
          ): [Box!]!
          oldBoxes: [Box!] @deprecated(reason: "Use `boxes` <b>instead</b> & soon.")
          thing(id: ID!): Thing
        }

        "A box of items."
        type Box implements Node {
          id: ID!
          "<script>alert(1)</script>"
          label: String
          state: State!
        }

        interface Node { id: ID! }

        union Thing = Box

        enum State {
          InStock
          "Gone."
          Lost @deprecated(reason: "Say \"Gone\".")
        }

        input BoxFilter {
          "Free text."
          text: String = "a\"b"
        }

        type Mutation { touch(filter: BoxFilter): Box }
        """#

    static func sample() throws -> SchemaDocumentation.Entry {
        SchemaDocumentation.Entry(
            slug: "sample", title: "Sample <API>", endpoint: "POST /sample", summary: "A & B.",
            schema: try buildSchema(source: sampleSDL))
    }

    /// The fragment ids of a page (`id="…"`).
    static func ids(in html: String) -> Set<String> { Set(HTMLAttributes.values(of: " id", in: html)) }

    @Test("every type and field of the query-only API has its section, with its arguments")
    func queryAPIComplete() throws {
        let entry = try SchemaDocumentation.entry(for: .query)
        let html = try #require(try SchemaDocumentation.pages(for: [entry])["query.html"])
        let ids = Self.ids(in: html)
        var checkedFields = 0
        for (name, type) in entry.schema.typeMap where !name.hasPrefix("__") {
            #expect(ids.contains("type-\(name)"), "type \(name)")
            let fieldNames: [String]
            switch type {
            case let object as GraphQLObjectType: fieldNames = Array(try object.fields().keys)
            case let interface as GraphQLInterfaceType: fieldNames = Array(try interface.fields().keys)
            case let input as GraphQLInputObjectType: fieldNames = Array(try input.fields().keys)
            case let enumType as GraphQLEnumType: fieldNames = enumType.values.map(\.name)
            default: fieldNames = []
            }
            for field in fieldNames {
                #expect(ids.contains("type-\(name).\(field)"), "\(name).\(field)")
                checkedFields += 1
            }
        }
        #expect(checkedFields > 300)
        // A field with arguments and linked types, as the SDL has it.
        let queryType = try #require(entry.schema.queryType)
        let boxes = try #require(try queryType.fields()["boxes"])
        #expect(!boxes.args.isEmpty)
        #expect(html.contains("<dt id=\"type-Query.boxes\"><code>boxes</code>(<code>baseId</code>: "))
        #expect(html.contains("<a href=\"#type-BoxPage\">BoxPage</a>"))
        // A description of our SDL (public.graphql).
        let publicPage = try #require(
            try SchemaDocumentation.pages(for: [try SchemaDocumentation.entry(for: .public)])["public.html"])
        #expect(publicPage.contains("<p class=\"description\">Every standard product, in condensed form.</p>"))
        // The query-only API has no mutations.
        #expect(!ids.contains("type-Mutation"))
    }

    @Test("every link of every page resolves: to another page or to an id of the page")
    func linksResolve() throws {
        let entries = try APIVariant.allCases.map { try SchemaDocumentation.entry(for: $0) }
        let pages = try SchemaDocumentation.pages(for: entries)
        #expect(Set(pages.keys) == ["index.html", "full.html", "query.html", "public.html"])
        for (name, html) in pages {
            let ids = Self.ids(in: html)
            for link in HTMLAttributes.values(of: "href", in: html) {
                if link.hasPrefix("#") {
                    #expect(ids.contains(String(link.dropFirst())), "\(name): \(link)")
                } else {
                    #expect(pages[link] != nil, "\(name): \(link)")
                }
            }
        }
    }

    @Test("descriptions, deprecation reasons and default values appear, escaped")
    func descriptionsAndDeprecations() throws {
        let html = try #require(try SchemaDocumentation.pages(for: [try Self.sample()])["sample.html"])
        #expect(html.contains("<title>Sample &lt;API&gt; – boxtribute API documentation</title>"))
        #expect(html.contains("<p class=\"description\">Roots &lt;of&gt; the sample &amp; co.</p>"))
        #expect(html.contains("<p class=\"description\">Boxes, oldest first.</p>"))
        #expect(html.contains("<p class=\"description\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(
            html.contains(
                "<p class=\"deprecated\"><strong>Deprecated</strong>: Use `boxes` &lt;b&gt;instead&lt;/b&gt; &amp; soon.</p>"
            ))
        #expect(html.contains("<p class=\"deprecated\"><strong>Deprecated</strong>: Say &quot;Gone&quot;.</p>"))
        // Arguments with their types, defaults and descriptions.
        #expect(
            html.contains(
                "<code>state</code>: <a href=\"#type-State\">State</a> = <code>InStock</code>, "
                    + "<code>first</code>: <a href=\"#type-Int\">Int</a> = <code>20</code>"))
        #expect(html.contains("<li><code>state</code>: Only this state.</li>"))
        #expect(html.contains("[<a href=\"#type-Box\">Box</a>!]!"))
        #expect(
            html.contains(
                "<code>text</code>: <a href=\"#type-String\">String</a> = <code>&quot;a\\&quot;b&quot;</code>"))
        // Interfaces, unions, enums, inputs and scalars each have their section.
        for (id, kind) in [
            ("Node", "interface"), ("Thing", "union"), ("State", "enum"), ("BoxFilter", "input"), ("ID", "scalar"),
            ("Box", "object"), ("Mutation", "object"),
        ] {
            #expect(html.contains("<article class=\"type\" id=\"type-\(id)\">\n<h3>\(id) <small>\(kind)</small></h3>"))
        }
        #expect(html.contains("<p>Implements <a href=\"#type-Node\">Node</a></p>"))
        #expect(html.contains("<p>One of: <a href=\"#type-Box\">Box</a></p>"))
    }

    @Test("the index links each API's page with the given link base, escaped")
    func index() throws {
        let pages = try SchemaDocumentation.pages(for: [try Self.sample()], linkBase: "/docs/")
        let index = try #require(pages["index.html"])
        #expect(
            index.contains("<a href=\"/docs/sample.html\">Sample &lt;API&gt;</a> <code>POST /sample</code>: A &amp; B.")
        )
        #expect(pages["sample.html"]?.contains("<a href=\"/docs/index.html\">All APIs</a>") == true)
    }

    @Test("HTML escaping replaces the five special characters")
    func escaping() {
        #expect(HTMLEscaping.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("plain ü") == "plain ü")
    }
}
