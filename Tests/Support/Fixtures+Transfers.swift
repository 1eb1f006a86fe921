extension Fixtures {
    /// Fixture rows of the transfer domain, loaded after the core rows.
    static let transferStatements: [String] = []
}
