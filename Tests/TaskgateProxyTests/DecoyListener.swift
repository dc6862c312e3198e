import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback listener that never accepts: every connection made to it waits in its backlog,
/// where ``pendingConnections()`` counts it. The host a request names that the proxy must never reach.
final class DecoyListener: @unchecked Sendable {
    /// The listening socket.
    private let descriptor: Int32
    /// The port it listens on.
    let port: Int

    /// Binds a free loopback port and listens.
    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = LoopbackSocket.address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound, listen(descriptor, 64) == 0 else {
            throw CocoaError(.fileNoSuchFile)
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Accepts (and closes) every connection made so far, and says how many there were.
    func pendingConnections() -> Int {
        var count = 0
        while true {
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else { return count }
            close(connection)
            count += 1
        }
    }

    deinit { close(descriptor) }
}
