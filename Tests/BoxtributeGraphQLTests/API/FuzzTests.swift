import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import BoxtributeTestSupport
import Foundation
import GraphQL
import Testing

@testable import BoxtributeGraphQL

/// Documents generated from our schema, valid and damaged, sent as different users: the
/// server answers each with JSON, quickly, never with INTERNAL_SERVER_ERROR for a document
/// that validated, with a small answer. `BOXTRIBUTE_FUZZ_COUNT` (default 2,000 per API) and
/// `BOXTRIBUTE_FUZZ_SEED` run more or other documents; a run with `BOXTRIBUTE_FUZZ_COUNT` set
/// (the suite alone, e.g. `swift test --filter FuzzTests`) also bounds each document's time and
/// the process's memory growth, which in the whole suite belong to every test running beside
/// this one (the suite's 400 tests start at once on two cores: a document can wait a minute
/// for its turn). In the whole suite a hung document fails the test by its time limit.
@Suite("Fuzzing")
struct FuzzTests {
    static let isDedicatedRun = ProcessInfo.processInfo.environment["BOXTRIBUTE_FUZZ_COUNT"] != nil
    static let count: Int = {
        ProcessInfo.processInfo.environment["BOXTRIBUTE_FUZZ_COUNT"].flatMap(Int.init) ?? 2000
    }()
    static let seed: UInt64 = {
        ProcessInfo.processInfo.environment["BOXTRIBUTE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_204
    }()

    @Test(
        "generated documents get JSON answers, quickly, and no internal error when valid",
        .timeLimit(.minutes(15)), arguments: APIVariant.allCases)
    func fuzz(variant: APIVariant) async throws {
        let harness = try await APIHarness.make(variant)
        // The variant's name, not its hash value: Swift seeds hashing anew in every process, and
        // the same seed must give the same documents in every run.
        let variantSeed = String(describing: variant).utf8.reduce(UInt64(0)) { $0 &+ UInt64($1) }
        var generator = DocumentGenerator(schema: harness.api.schema, seed: Self.seed &+ variantSeed)
        let users: [CurrentUser?] =
            variant == .public
            ? [nil]
            : [Fixtures.god, Fixtures.lesvosCoordinator, Fixtures.samosVolunteer, Fixtures.thessalonikiCoordinator]
        let memoryBefore = ProcessMemory.residentBytes()
        var answered = (valid: 0, refused: 0)
        var slowest = (time: Duration.zero, document: "")
        var times: [Duration] = []
        for index in 0..<Self.count {
            let request = generator.next()
            let started = ContinuousClock.now
            let answer = await harness.run(
                request.document, variables: request.variables, as: users[index % users.count])
            let elapsed = ContinuousClock.now - started
            let shown = String(request.document.prefix(600))
            if elapsed > slowest.time { slowest = (elapsed, shown) }
            times.append(elapsed)
            if Self.isDedicatedRun { #expect(elapsed < .seconds(10), "slow (\(elapsed)): \(shown)") }
            #expect(answer.size < 1 << 20, "answer of \(answer.size) bytes: \(shown)")
            #expect(answer.kind == .executed || answer.json["data"] == nil, "refused with data: \(shown)")
            #expect(answer.json["data"] != nil || !answer.errors.isEmpty, "not a GraphQL answer: \(shown)")
            if answer.kind == .executed { answered.valid += 1 } else { answered.refused += 1 }
            if request.meantValid, answer.kind == .executed {
                let internalErrors = answer.errors.filter {
                    $0["extensions"]?["code"]?.string == "INTERNAL_SERVER_ERROR"
                }
                #expect(
                    internalErrors.isEmpty,
                    "internal error \(internalErrors.first.map { "\($0)" } ?? ""): \(shown) \(request.variables)")
            }
        }
        let growth = ProcessMemory.residentBytes() - memoryBefore
        if Self.isDedicatedRun { #expect(growth < 512 << 20, "memory grew by \(growth >> 20) MiB") }
        times.sort()
        let p99 = times[times.count * 99 / 100]
        if Self.isDedicatedRun { #expect(p99 < .seconds(1), "99th percentile \(p99)") }
        // Both kinds were exercised.
        #expect(answered.valid > Self.count / 10 && answered.refused > Self.count / 10)
        print(
            "fuzz \(variant): \(Self.count) documents, \(answered.valid) executed, \(answered.refused) refused, p99 \(p99), slowest \(slowest.time) (\(slowest.document.prefix(80))), RSS +\(growth >> 20) MiB"
        )
    }
}
