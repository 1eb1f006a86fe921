import Foundation

/// One thread of its own that runs introspection documents.
///
/// GraphQLSwift's executor, which answers `__schema` and `__type`, makes a child task of every
/// field and every list item: one introspection of the schema is thousands of tasks. On the
/// shared pool those tasks would queue behind every other request (and ordinary requests behind
/// them); on this thread they only compete for the processor, so introspection neither starves
/// nor is starved by the rest of the server.
final class IntrospectionThread: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: `pending` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var pending: [UnownedJob] = []

    /// The process's introspection thread, started on first use.
    static let shared = IntrospectionThread()

    private init() {
        let thread = Thread { [self] in runForever() }
        thread.name = "boxtribute-introspection"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        pending.append(job)
        condition.signal()
        condition.unlock()
    }

    private func runForever() -> Never {
        var batch: [UnownedJob] = []
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            swap(&batch, &pending)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
