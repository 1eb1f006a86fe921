import Synchronization

/// A first-come first-served lock for async code (one writer at a time).
final class AsyncLock: Sendable {
    private struct State {
        var locked = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        /// For the metrics: acquisitions that waited, and their total wait.
        var waits = 0
        var waitTime = Duration.zero
    }
    private let state = Mutex(State())

    func withLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    /// Whether the lock is held, how many acquisitions waited for it and how long in all.
    var statistics: (locked: Bool, waits: Int, waitTime: Duration) {
        state.withLock { ($0.locked, $0.waits, $0.waitTime) }
    }

    private func acquire() async {
        var since: ContinuousClock.Instant?
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if !state.locked {
                    state.locked = true
                    return true
                }
                state.waiters.append(continuation)
                state.waits += 1
                return false
            }
            if resumeNow { continuation.resume() } else { since = .now }
        }
        // Only a wait is timed: an uncontended lock costs no clock read.
        if let since {
            let waited = ContinuousClock.now - since
            state.withLock { $0.waitTime += waited }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.locked = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
