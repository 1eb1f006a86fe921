import BoxtributeDatabase
import BoxtributeDomain

// Transitional: a service still on `SQLWriteContext` running inside a domain service's
// transaction. Goes when every service takes a `MutationScope`.
extension MutationScope {
    /// The SQL write context of this scope's transaction.
    public var sqlWriteContext: SQLWriteContext {
        get throws(DomainError) {
            guard let repository = writes.warehouseWrites as? SQLWarehouseWriteRepository else {
                throw .internalError("The mutation does not run on an SQL transaction.")
            }
            return repository.context
        }
    }
}
