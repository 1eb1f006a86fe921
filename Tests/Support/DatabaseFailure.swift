import BoxtributeDatabase

extension DatabaseError {
    /// The database error `work` throws; `nil` when it succeeds or throws another error.
    public static func thrown(by work: () async throws -> Void) async -> DatabaseError? {
        do {
            try await work()
            return nil
        } catch {
            return error as? DatabaseError
        }
    }
}
