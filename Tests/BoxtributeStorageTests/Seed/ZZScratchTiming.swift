import Foundation
import Testing
@testable import BoxtributeStorage

@Suite("DemoDataScratch")
struct DemoDataScratch {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DEMO_SCRATCH"] != nil)) func generateOnly() {
        let clock = ContinuousClock()
        var setup = DemoSetup()
        let layout = setup.build(boxes: 100_000)
        var gen = DemoBoxGenerator(layout: layout, firstHistoryId: 1, firstRelationId: 1)
        let start = clock.now
        var statements = 0
        while !gen.isFinished { statements += gen.nextChunk(count: 25_000).statements.count }
        print("generate 100k: \(clock.now - start), statements \(statements)")
        let s2 = clock.now
        var x = 0
        for i in 1...100_000 { x &+= MD5.hex(String(i)).utf8.count }
        print("md5 100k: \(clock.now - s2) \(x)")
        let s3 = clock.now
        for i in 1...300_000 { x &+= DemoClock.text(i * 1000).utf8.count }
        print("clock 300k: \(clock.now - s3) \(x)")
    }
}
