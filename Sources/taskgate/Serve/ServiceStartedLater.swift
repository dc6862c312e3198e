import ServiceLifecycle

/// A service made only once what it needs is known, inside the service group: `serve`'s proxy, whose
/// upstream URL names the port its built-in emulator was given by the system.
///
/// The made service runs in this one's task, so it sees the group's graceful shutdown as its own.
struct ServiceStartedLater: Service {
    /// Makes the service; `nil` when what it waited for will never come (the group is ending).
    let make: @Sendable () async throws -> (any Service)?

    func run() async throws {
        guard let service = try await make() else { return }
        try await service.run()
    }
}
