/// What one execution may still spend: checked between fields, so a query stops at its
/// deadline, or when its client has gone, instead of running on. Mutations are not stopped:
/// each mutation field is a transaction of its own, and stopping between them would answer
/// "nothing" for changes that were made.
final class ExecutionBudget {
    let limits: GraphQLLimits
    private let deadline: ContinuousClock.Instant
    private let clientIsGone: @Sendable () -> Bool
    private let stops: Bool
    /// Why the execution stopped; `nil` while it may go on.
    private(set) var stop: Stop?

    enum Stop: Equatable {
        case limit(LimitViolation)
        /// The client closed the connection: nobody will read the answer.
        case clientGone
    }

    /// - Parameter stops: whether the deadline and the client's leaving stop the execution
    ///   (`false` for mutations).
    init(limits: GraphQLLimits, stops: Bool = true, clientIsGone: @escaping @Sendable () -> Bool = { false }) {
        self.limits = limits
        self.stops = stops
        deadline = .now + limits.timeLimit
        self.clientIsGone = clientIsGone
    }

    /// Whether the execution must stop now.
    var isExhausted: Bool {
        guard stops else { return false }
        if stop != nil { return true }
        if ContinuousClock.now >= deadline {
            stop = .limit(.time(limits.timeLimit))
        } else if Task.isCancelled || clientIsGone() {
            stop = .clientGone
        }
        return stop != nil
    }
}
