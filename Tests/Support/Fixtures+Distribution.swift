extension Fixtures {
    /// Fixture rows of the distribution domain, loaded after the core rows.
    static let distributionStatements: [String] = []
}
