import NIOCore
import NIOPosix

/// A loopback listener that answers every connection at once with a plain-text HTTP 400 and closes
/// it: what a TLS client meets when it speaks to a server without TLS, without waiting for the
/// server to decide that a ClientHello is not a request line.
struct PlainTextListener {
    private final class Answer: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer

        func channelActive(context: ChannelHandlerContext) {
            let bytes = context.channel.allocator.buffer(
                string: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            context.writeAndFlush(NIOAny(bytes)).whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// Runs `body` with the listener's `https://127.0.0.1:PORT` address, then closes it.
    static func with(_ body: (String) async throws -> Void) async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.pipeline.addHandler(Answer()) }
            .bind(host: "127.0.0.1", port: 0).get()
        do {
            try await body("https://127.0.0.1:\(channel.localAddress?.port ?? 0)")
        } catch {
            try? await channel.close()
            throw error
        }
        try await channel.close()
    }
}
