import NIOCore
import NIOPosix
import Synchronization

/// A loopback listener below HTTP: it closes the first `hangUps` connections without a word on their first
/// bytes (a server that hangs up after reading the request), and on every later connection writes the raw
/// `answer` and closes.
struct RawListener {
    /// What a TLS client meets when it speaks to a server without TLS: a plain-text 400.
    static let plainTextBadRequest = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"

    private final class Count: Sendable {
        let value = Mutex(0)
    }

    private final class Answer: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let reply: String?

        init(reply: String?) { self.reply = reply }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard let reply else {
                context.close(promise: nil)
                return
            }
            let channel = context.channel
            let bytes = channel.allocator.buffer(string: reply)
            context.writeAndFlush(NIOAny(bytes)).whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// Runs `body` with the listener's `SCHEME://127.0.0.1:PORT` address and the number of connections
    /// accepted so far, then closes it.
    static func with(
        scheme: String = "http", hangUps: Int = 0, answer: String?,
        _ body: (String, @Sendable () -> Int) async throws -> Void
    ) async throws {
        let connections = Count()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                let number = connections.value.withLock { count in
                    count += 1
                    return count
                }
                return channel.pipeline.addHandler(Answer(reply: number <= hangUps ? nil : answer))
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let base = "\(scheme)://127.0.0.1:\(channel.localAddress?.port ?? 0)"
        do {
            try await body(base) { connections.value.withLock { $0 } }
        } catch {
            try? await channel.close()
            throw error
        }
        try await channel.close()
    }
}
