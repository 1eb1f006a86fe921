extension Fixtures {
    /// Fixture rows of the beneficiary domain, loaded after the core rows.
    static let beneficiaryStatements: [String] = []
}
