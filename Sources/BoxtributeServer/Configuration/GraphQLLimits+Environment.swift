import BoxtributeGraphQL

extension GraphQLLimits {
    /// The limits from their environment variables (`GRAPHQL_MAX_DEPTH`, ...); unset ones keep
    /// their defaults.
    /// - Throws: ``ConfigurationError`` when a value is not a positive number.
    static func fromEnvironment(_ value: (String) -> String?) throws(ConfigurationError) -> GraphQLLimits {
        func integer(_ name: String, _ fallback: Int) throws(ConfigurationError) -> Int {
            try ServerConfiguration.positiveInteger(name, value) ?? fallback
        }
        let defaults = GraphQLLimits.standard
        return GraphQLLimits(
            maxDepth: try integer("GRAPHQL_MAX_DEPTH", defaults.maxDepth),
            maxFields: try integer("GRAPHQL_MAX_FIELDS", defaults.maxFields),
            maxAliases: try integer("GRAPHQL_MAX_ALIASES", defaults.maxAliases),
            maxInputDepth: try integer("GRAPHQL_MAX_INPUT_DEPTH", defaults.maxInputDepth),
            maxVariableValues: try integer("GRAPHQL_MAX_VARIABLE_VALUES", defaults.maxVariableValues),
            maxPageSize: try integer("GRAPHQL_MAX_PAGE_SIZE", defaults.maxPageSize),
            maxCost: try integer("GRAPHQL_MAX_COST", defaults.maxCost),
            assumedListLength: try integer("GRAPHQL_ASSUMED_LIST_LENGTH", defaults.assumedListLength),
            timeLimit: try ServerConfiguration.positiveSeconds("GRAPHQL_TIME_LIMIT_SECONDS", value)
                ?? defaults.timeLimit,
            maxResponseBytes: try integer("GRAPHQL_MAX_RESPONSE_BYTES", defaults.maxResponseBytes),
            maxErrors: try integer("GRAPHQL_MAX_ERRORS", defaults.maxErrors),
            maxTokens: try integer("GRAPHQL_MAX_TOKENS", defaults.maxTokens),
            maxListLength: try integer("GRAPHQL_MAX_LIST_LENGTH", defaults.maxListLength))
    }
}
