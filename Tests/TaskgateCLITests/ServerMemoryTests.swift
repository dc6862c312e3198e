import Testing

@testable import taskgate

@Suite("server memory")
struct ServerMemoryTests {
    @Test(
        "only the servers keep freed memory",
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
        #expect(ServerMemory.servesRequests(arguments) == expected)
    }
}
