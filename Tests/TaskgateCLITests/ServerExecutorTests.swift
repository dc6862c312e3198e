import Testing

@testable import taskgate

@Suite("server executor")
struct ServerExecutorTests {
    @Test(
        "only the servers run Swift concurrency on NIO's event loops",
        arguments: [
            (["taskgate", "serve"], true),
            (["taskgate", "emulate", "all"], true),
            (["/usr/bin/taskgate", "serve", "--port", "9000"], true),
            (["taskgate", "convert", "--from", "wyn", "--to", "fylr", "serve"], false),
            (["taskgate", "migrate"], false),
            (["taskgate", "schedule", "next"], false),
            (["taskgate"], false),
            ([], false),
        ])
    func servesRequests(arguments: [String], expected: Bool) {
        #expect(ServerExecutor.servesRequests(arguments) == expected)
    }
}
