/// What one execution may still spend: checked between fields, so a request stops at its
/// deadline, or when its client has gone, instead of running on.
final class ExecutionBudget {
    let limits: GraphQLLimits
    private let deadline: ContinuousClock.Instant
    private let clientIsGone: @Sendable () -> Bool
    /// Why the execution stopped; `nil` while it may go on.
    private(set) var stop: Stop?

    enum Stop: Equatable {
        case limit(LimitViolation)
        /// The client closed the connection: nobody will read the answer.
        case clientGone
    }

    init(limits: GraphQLLimits, clientIsGone: @escaping @Sendable () -> Bool = { false }) {
        self.limits = limits
        deadline = .now + limits.timeLimit
        self.clientIsGone = clientIsGone
    }

    /// Whether the execution must stop now.
    var isExhausted: Bool {
        if stop != nil { return true }
        if ContinuousClock.now >= deadline {
            stop = .limit(.time(limits.timeLimit))
        } else if Task.isCancelled || clientIsGone() {
            stop = .clientGone
        }
        return stop != nil
    }
}
