import NIOCore
import NIOPosix
import Testing

@testable import BoxtributeServer

@Suite("Connection tasks on their event loop")
struct EventLoopTaskExecutorTests {
    @Test("a task preferring an event loop's executor runs on that loop, also after it suspends")
    func runsOnTheLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loop = group.next()
        let (before, after) = await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop: loop)) {
            let before = loop.inEventLoop
            try? await Task.sleep(for: .milliseconds(5))
            return (before, loop.inEventLoop)
        }
        #expect(before && after)
        #expect(!loop.inEventLoop)
        try await group.shutdownGracefully()
    }
}
