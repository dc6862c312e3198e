import Foundation
import Hummingbird
import Logging
import NIOCore
import TaskgateCore
import TaskgateMigration
import TaskgateUpstream
import Testing

/// Counts the requests a server got, and the credentials they carried.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []

    func record(_ authorization: String?) { lock.withLock { seen.append(authorization ?? "") } }

    var authorizations: [String] { lock.withLock { seen } }
}

/// A listing follows Qlik's `links.next.href` only on the configured server: a page that points
/// elsewhere would get the source's token sent to that other host.
@Suite struct ListingOriginTests {
    /// Runs a server answering every GET with `body(port of the other server)`.
    static func server(
        _ counter: RequestCounter, body: @escaping @Sendable () -> String,
        _ started: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("**") { request, _ in
            counter.record(request.headers[.authorization])
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: body())))
        }
        return Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await started(channel.localAddress?.port ?? 0) },
            logger: MigrationHarness.quiet)
    }

    @Test func aNextLinkToAnotherServerIsRefusedAndNeverFollowed() async throws {
        let elsewhere = RequestCounter()
        let source = RequestCounter()
        let client = try UpstreamClient(logger: MigrationHarness.quiet)
        defer { client.shutdown() }
        await withThrowingTaskGroup(of: Void.self) { group in
            let (otherPorts, otherContinuation) = AsyncStream.makeStream(of: Int.self)
            let other = Self.server(elsewhere, body: { #"{"data":[]}"# }) { otherContinuation.yield($0) }
            group.addTask { try await other.runService() }
            var otherIterator = otherPorts.makeAsyncIterator()
            let otherPort = await otherIterator.next() ?? 0
            let (sourcePorts, sourceContinuation) = AsyncStream.makeStream(of: Int.self)
            let page =
                #"{"data":[],"links":{"next":{"href":"http://127.0.0.1:\#(otherPort)/api/v1/sharing-tasks?page=2"}}}"#
            let sourceApp = Self.server(source, body: { page }) { sourceContinuation.yield($0) }
            group.addTask { try await sourceApp.runService() }
            var sourceIterator = sourcePorts.makeAsyncIterator()
            let sourcePort = await sourceIterator.next() ?? 0
            defer { group.cancelAll() }
            let endpoint = MigrationEndpoint(
                product: .qlikSharing, baseURL: "http://127.0.0.1:\(sourcePort)", token: "listing-token-8")
            do {
                _ = try await TaskListing(client: client, endpoint: endpoint).all()
                Issue.record("a next link to another server was followed")
            } catch {
                #expect(
                    String(describing: error)
                        == "list tasks at http://127.0.0.1:\(sourcePort)/api/v1/sharing-tasks?limit=100: the next "
                        + "page's link http://127.0.0.1:\(otherPort)/api/v1/sharing-tasks?page=2 is not on the "
                        + "configured server http://127.0.0.1:\(sourcePort); the token is sent to no other server")
            }
            #expect(source.authorizations == ["Bearer listing-token-8"])
            #expect(elsewhere.authorizations == [])
        }
    }
}
