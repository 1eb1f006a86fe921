import BoxtributeOperations

extension ServerConfiguration {
    /// The same configuration with `operations`.
    public func with(operations: OperationsConfiguration) -> ServerConfiguration {
        var copy = self
        copy.operations = operations
        return copy
    }
}
