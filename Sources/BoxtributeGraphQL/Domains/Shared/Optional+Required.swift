import BoxtributeDomain

extension Optional {
    /// A nullable input argument the mutation cannot do without: its absence is a bad input.
    func required(_ name: String) throws(DomainError) -> Wrapped {
        guard let self else { throw .badUserInput("Missing argument '\(name)'.") }
        return self
    }
}
