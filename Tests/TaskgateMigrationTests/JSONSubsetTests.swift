import TaskgateCore
import TaskgateMigration
import Testing

/// What "every field sent arrived" means, member by member.
@Suite("JSONSubset")
struct JSONSubsetTests {
    @Test func serverMembersAroundTheSentOnesAreAllowed() {
        let sent: JSONValue = .object(["name": .string("a"), "task": .object(["schedules": .array([.integer(1)])])])
        let stored: JSONValue = .object([
            "id": .string("7"), "name": .string("a"),
            "task": .object(["_id": .integer(7), "schedules": .array([.double(1)])]),
        ])
        #expect(JSONSubset.firstDifference(sent: sent, stored: stored) == nil)
    }

    @Test func aChangedMemberIsNamedByItsPath() {
        let sent: JSONValue = .object(["task": .object(["schedules": .array([.string("a"), .string("b")])])])
        let stored: JSONValue = .object(["task": .object(["schedules": .array([.string("a"), .string("c")])])])
        #expect(JSONSubset.firstDifference(sent: sent, stored: stored) == "$.task.schedules[1]")
        #expect(JSONSubset.firstDifference(sent: sent, stored: .object([:])) == "$.task")
    }

    @Test func aSentNullMatchesAMissingMemberAndArraysKeepTheirLength() {
        #expect(JSONSubset.firstDifference(sent: .object(["end": .null]), stored: .object([:])) == nil)
        #expect(
            JSONSubset.firstDifference(sent: .array([.integer(1)]), stored: .array([.integer(1), .integer(2)])) == "$")
    }

    @Test func qlikTargetsAreLimitedToTheirWriteTier() {
        #expect(WriteRateLimiter.defaultRate(for: .qlikSharing) == 100)
        #expect(WriteRateLimiter.defaultRate(for: .qlikScheduling) == 100)
        #expect(WriteRateLimiter.defaultRate(for: .fylr) == nil)
    }

    @Test func theLimiterSpacesConcurrentWritesOneIntervalApart() async throws {
        // 1,200 a minute: one slot every 50 ms; five writers at once take four intervals at least.
        let limiter = WriteRateLimiter(writesPerMinute: 1_200)
        let clock = ContinuousClock()
        let start = clock.now
        let starts = try await withThrowingTaskGroup(of: Duration.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    try await limiter.acquire()
                    return clock.now - start
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }.sorted()
        }
        // The k-th slot is k intervals after the first writer's "now", and a sleep never ends early.
        for (index, started) in starts.enumerated() {
            #expect(started >= .milliseconds(50) * index)
        }
    }

    @Test func endpointsAddTheCollectionPathOnce() {
        let endpoint = MigrationEndpoint(product: .fylr, baseURL: "http://127.0.0.1:9/")
        #expect(endpoint.collectionURL == "http://127.0.0.1:9/api/v1/task")
        let full = MigrationEndpoint(product: .vco, baseURL: "https://vco.example.com/vco/api/tasks")
        #expect(full.collectionURL == "https://vco.example.com/vco/api/tasks")
        #expect(full.taskURL("a b") == "https://vco.example.com/vco/api/tasks/a%20b")
    }
}
