import BoxtributeDomain

// A field that one service function loads for the whole batch, in the request's read scope,
// registers that function: `readBatch("organisation", OrganisationService.organisations(ofUsers:in:))`.
extension ObjectResolvers {
    /// ``batch(_:_:)`` whose values the service function `read` loads.
    mutating func readBatch<Child: Sendable>(
        _ name: String, _ read: @escaping @Sendable ([Parent], ReadScope) async throws -> [Child?]
    ) {
        batch(name) { parents, context in try await read(parents, context.readScope) }
    }

    /// ``batchLists(_:_:)`` whose lists the service function `read` loads, one per parent.
    mutating func readLists<Child: Sendable>(
        _ name: String, _ read: @escaping @Sendable ([Parent], ReadScope) async throws -> [[Child]]
    ) {
        batchLists(name) { parents, context in try await read(parents, context.readScope).map(Optional.some) }
    }

    /// ``batchOutcomes(_:_:)`` whose values the service function `read` loads, having guarded
    /// each parent (`Forbidden` for some).
    mutating func readOutcomes<Value: Sendable>(
        _ name: String, _ read: @escaping @Sendable ([Parent], ReadScope) async throws -> [PerItem<Value>]
    ) {
        batchOutcomes(name) { parents, context in outcomes(try await read(parents, context.readScope)) }
    }
}

extension ObjectResolvers where Parent == RootValue {
    /// A root `Query` field whose value the service function `read` loads in the read scope.
    mutating func readQuery(_ name: String, _ read: @escaping @Sendable (ReadScope) async throws -> (any Sendable)?) {
        query(name) { context in try await read(context.readScope) }
    }
}
