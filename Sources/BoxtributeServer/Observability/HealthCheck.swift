import BoxtributeDatabase
import Synchronization

/// What `/health` asks: does the database answer `SELECT 1` within ``timeout``? A database
/// that is down, closed or hung answers no, after at most the timeout.
///
/// Checks that arrive while one is running share it, so a load balancer probing a hung
/// database cannot pile up statements, each waiting for the database's own timeouts.
final class HealthCheck: Sendable {
    /// How long the database may take to answer.
    static let defaultTimeout = Duration.seconds(2)

    let database: any Database
    let timeout: Duration
    private let state = Mutex(State())

    private struct State {
        var probe: Task<Bool, Never>?
        var generation = 0
    }

    init(database: any Database, timeout: Duration = defaultTimeout) {
        self.database = database
        self.timeout = timeout
    }

    /// Whether the database answered in time.
    func databaseAnswers() async -> Bool {
        let probe = state.withLock { state -> Task<Bool, Never> in
            if let probe = state.probe { return probe }
            state.generation += 1
            let generation = state.generation
            // Created under the lock, so it is stored before it can clear itself.
            let probe = Task { [database, weak self] in
                let answered = (try? await database.query("SELECT 1", [])) != nil
                self?.state.withLock { state in
                    if state.generation == generation { state.probe = nil }
                }
                return answered
            }
            state.probe = probe
            return probe
        }
        return await Self.first(of: probe, within: timeout)
    }

    /// `probe`'s answer, or `false` once `timeout` has passed (the probe goes on by itself).
    private static func first(of probe: Task<Bool, Never>, within timeout: Duration) async -> Bool {
        let answer = Answer()
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            answer.set(continuation)
            let timer = Task {
                try? await Task.sleep(for: timeout)
                answer.resume(false)
            }
            Task {
                let answered = await probe.value
                timer.cancel()
                answer.resume(answered)
            }
        }
    }

    /// Resumes its continuation once, with the first answer.
    private final class Answer: Sendable {
        private let continuation = Mutex<CheckedContinuation<Bool, Never>?>(nil)

        func set(_ waiting: CheckedContinuation<Bool, Never>) { continuation.withLock { $0 = waiting } }

        func resume(_ value: Bool) {
            let waiting = continuation.withLock { current -> CheckedContinuation<Bool, Never>? in
                defer { current = nil }
                return current
            }
            waiting?.resume(returning: value)
        }
    }
}
