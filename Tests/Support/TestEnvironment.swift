import BoxtributeDomain
import Synchronization

extension MutationEnvironment {
    /// The time every fixture mutation happens at.
    public static let fixtureNow = "2025-06-01 12:00:00"

    /// A fixed clock, labels `labels` first then `20000001`, `20000002`, …, colour `#abcdef`,
    /// and share-link codes ``fixedLinkCode(_:)`` of 1, 2, ….
    public static func fixed(now: String = fixtureNow, labels: [String] = []) -> MutationEnvironment {
        let queue = Mutex((pending: labels, next: 20_000_001))
        let linkCodes = Mutex(1)
        return MutationEnvironment(
            now: { Timestamp(trustedText: now) },
            newLabel: {
                queue.withLock { state in
                    if !state.pending.isEmpty { return state.pending.removeFirst() }
                    defer { state.next += 1 }
                    return String(state.next)
                }
            },
            newColor: { "#abcdef" },
            newLinkCode: {
                linkCodes.withLock { next in
                    defer { next += 1 }
                    return fixedLinkCode(next)
                }
            })
    }

    /// The `number`th share-link code of ``fixed(now:labels:)``: `number` in hex, zero-padded
    /// to 64 digits.
    public static func fixedLinkCode(_ number: Int) -> String {
        let digits = String(number, radix: 16)
        return String(repeating: "0", count: max(0, 64 - digits.count)) + digits
    }
}
