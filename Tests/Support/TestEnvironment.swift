import BoxtributeDomain
import Synchronization

extension MutationEnvironment {
    /// The time every fixture mutation happens at.
    public static let fixtureNow = "2025-06-01 12:00:00"

    /// A fixed clock, labels `labels` first then `20000001`, `20000002`, …, and colour `#abcdef`.
    public static func fixed(now: String = fixtureNow, labels: [String] = []) -> MutationEnvironment {
        let queue = Mutex((pending: labels, next: 20_000_001))
        return MutationEnvironment(
            now: { Timestamp(trustedText: now) },
            newLabel: {
                queue.withLock { state in
                    if !state.pending.isEmpty { return state.pending.removeFirst() }
                    defer { state.next += 1 }
                    return String(state.next)
                }
            },
            newColor: { "#abcdef" })
    }
}
