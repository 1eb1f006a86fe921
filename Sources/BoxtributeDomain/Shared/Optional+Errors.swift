extension Optional {
    /// The value, or `error` thrown.
    public func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }

    /// The value, or the reference's "resource does not exist" error.
    public func orNotFound() throws(DomainError) -> Wrapped {
        guard let value = self else { throw .notFound }
        return value
    }
}
