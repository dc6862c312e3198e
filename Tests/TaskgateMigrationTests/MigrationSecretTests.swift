import Foundation
import Hummingbird
import Logging
import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateUpstream
import TaskgateVendors
import Testing

@testable import taskgate

/// `migrate` never writes a token or the password of a URL into its plan, its report, its output,
/// its errors or its journal (issue 9, part 5).
@Suite("migrate keeps secrets out of what it writes")
struct MigrationSecretTests {
    static let sourceToken = "from-token-41"
    static let targetPassword = "to-token-73"
    static let urlPassword = "url-pass-9"
    /// Every secret, and the forms it travels in (vCO's Basic credential is `admin:…` in base64).
    static let secrets = [
        sourceToken, targetPassword, urlPassword, "admin:\(targetPassword)",
        Data("admin:\(targetPassword)".utf8).base64EncodedString(),
    ]

    /// A fylr emulator holding the fylr examples (source) and an empty vCO emulator (target), each
    /// with its own credential, their URLs carrying `user:password@`.
    static func withEmulators(_ body: @Sendable (String, String) async throws -> Void) async throws {
        let client = try UpstreamClient(logger: MigrationHarness.quiet)
        defer { client.shutdown() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var urls: [String] = []
            for (product, token) in [(EmulatedProduct.fylr, sourceToken), (.vco, targetPassword)] {
                let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
                let application = Emulator.application(
                    EmulatorConfiguration(product: product, token: token), database: try EmulatorDatabase(path: nil),
                    logger: MigrationHarness.quiet, onServerRunning: { port in continuation.yield(port) })
                group.addTask { try await application.runService() }
                var iterator = stream.makeAsyncIterator()
                urls.append("http://migrator:\(urlPassword)@127.0.0.1:\(await iterator.next() ?? 0)")
            }
            defer { group.cancelAll() }
            let source = MigrationEndpoint(product: .fylr, baseURL: urls[0], token: sourceToken)
            let adapter = ProductAdapters.adapter(for: .fylr)
            var created = 0
            for task in try MigrationHarness.examples(.fylr) {
                guard let json = adapter.encode(task, context: MigrationHarness.context()).json else { continue }
                let answer = try await client.send(
                    UpstreamRequest(
                        method: "POST", url: source.collectionURL,
                        headers: [
                            UpstreamHeader(name: "Authorization", value: "Bearer \(sourceToken)"),
                            UpstreamHeader(name: "Content-Type", value: "application/json"),
                        ],
                        body: JSONWriter.bytes(json)))
                if (200..<300).contains(answer.status) { created += 1 }
            }
            #expect(created > 0)
            try await body(urls[0], urls[1])
        }
    }

    static func run(
        from source: String, to target: String, dryRun: Bool, json: Bool, directory: URL
    ) -> MigrateRun {
        MigrateRun(
            source: MigrationEndpoint(product: .fylr, baseURL: source, token: sourceToken),
            target: MigrationEndpoint(product: .vco, baseURL: target, token: "admin:\(targetPassword)"),
            context: MigrationHarness.context(), dryRun: dryRun,
            planPath: directory.appendingPathComponent("plan.json").path, only: nil, policy: .allow,
            journalPath: directory.appendingPathComponent("journal.sqlite").path,
            reportPath: directory.appendingPathComponent("report.json").path, rate: nil, insecure: false, json: json,
            progress: false)
    }

    static func expectNoSecret(_ text: String, in place: String) {
        for secret in secrets {
            #expect(!text.contains(secret), "\(secret) in \(place): \(text.prefix(300))")
        }
    }

    @Test func planReportOutputAndJournalHoldNoSecret() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("taskgate-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.withEmulators { source, target in
            let plan = try await Self.run(from: source, to: target, dryRun: true, json: true, directory: directory)
                .execute()
            #expect(!plan.report.tasks.isEmpty)
            #expect(plan.report.from.hasPrefix("fylr=http://127.0.0.1:"), "\(plan.report.from)")
            Self.expectNoSecret(plan.standardOutput + plan.standardError, in: "the dry run's output")
            Self.expectNoSecret(
                try String(contentsOf: directory.appendingPathComponent("plan.json"), encoding: .utf8), in: "the plan")
            for json in [false, true] {
                let applied = try await Self.run(
                    from: source, to: target, dryRun: false, json: json, directory: directory
                )
                .execute()
                #expect(applied.report.summary != nil)
                Self.expectNoSecret(applied.standardOutput + applied.standardError, in: "the run's output")
            }
            for file in ["plan.json", "report.json", "journal.sqlite"] {
                let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
                Self.expectNoSecret(String(decoding: bytes, as: UTF8.self), in: file)
            }
        }
    }

    @Test func failuresNameNoSecret() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("taskgate-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dead = "http://migrator:\(Self.urlPassword)@127.0.0.1:1"
        do {
            _ = try await Self.run(from: dead, to: dead, dryRun: true, json: true, directory: directory).execute()
            Issue.record("a source on a closed port was listed")
        } catch {
            #expect(error.description.contains("127.0.0.1:1"), "\(error.description)")
            Self.expectNoSecret(error.description, in: "the run's error")
        }
        // A target that cannot be reached: every task fails, the report says so without a secret.
        try await Self.withEmulators { source, _ in
            let result = try await Self.run(from: source, to: dead, dryRun: false, json: true, directory: directory)
                .execute()
            #expect(result.report.summary?.failed == result.report.tasks.filter { $0.decision == "create" }.count)
            Self.expectNoSecret(result.standardOutput + result.standardError, in: "the failed run's output")
            Self.expectNoSecret(
                try String(contentsOf: directory.appendingPathComponent("report.json"), encoding: .utf8),
                in: "the failed run's report")
        }
    }
}
