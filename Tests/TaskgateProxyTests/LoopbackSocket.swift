import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Plain loopback TCP for what an HTTP client library will not send: a `Host` header of another
/// server, an absolute-form request target, a chunked body, oversized headers.
enum LoopbackSocket {
    /// Sends `request` to `127.0.0.1:port` and reads until the server closes (or 10 s pass), on a
    /// thread of its own: blocking a thread of the cooperative pool would starve the server under test.
    ///
    /// Returns what arrived, `""` when the server closed without answering.
    static func exchange(port: Int, _ request: [UInt8]) async -> String {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: blockingExchange(port: port, request)) }.start()
        }
    }

    private static func blockingExchange(port: Int, _ request: [UInt8]) -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = address(port: port)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { return "" }
        var sent = 0
        while sent < request.count {
            // MSG_NOSIGNAL: a server that closes early must not kill the test process with SIGPIPE.
            let written = request[sent...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { break }
            sent += written
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// `request` as text with CRLF line ends.
    static func exchange(port: Int, lines: [String], body: String = "") async -> String {
        await exchange(port: port, Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8))
    }

    /// The status code of a raw answer's status line, or `nil` without one.
    static func status(_ answer: String) -> Int? {
        let parts = answer.prefix(while: { $0 != "\r" }).split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/") else { return nil }
        return Int(parts[1])
    }

    /// The body of a raw answer (after the blank line).
    static func body(_ answer: String) -> String {
        guard let range = answer.range(of: "\r\n\r\n") else { return "" }
        return String(answer[range.upperBound...])
    }

    static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return address
    }
}
