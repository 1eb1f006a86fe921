import ArgumentParser
import BoxtributeGraphQL

/// `boxtribute schema`: prints an API's SDL.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the SDL of an API.")

    enum API: String, ExpressibleByArgument, CaseIterable {
        case full, query, `public`
    }

    @Option(help: "full (/graphql), query (/) or public (/public).") var api = API.full

    func run() throws {
        let variant: APIVariant =
            switch api {
            case .full: .full
            case .query: .query
            case .public: .public
            }
        Console.line(try GraphQLAPI(variant: variant).sdl)
    }
}
