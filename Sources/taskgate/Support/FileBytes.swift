import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes written to an open file whole: short writes are continued and interrupted calls repeated.
enum FileBytes {
    /// Writes all of `data` to `descriptor`; false on an error.
    static func write(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { write($0, to: descriptor) }
    }

    /// Writes all of `bytes` to `descriptor`; false on an error.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { write($0, to: descriptor) }
    }

    /// Copies what is left of `input` to `output`; false on an error. The kernel copies the bytes
    /// (`sendfile`, a gigabyte a call) without bringing them up to the process; where it cannot for these
    /// files, they go through a buffer of a megabyte.
    static func copy(from input: Int32, to output: Int32) -> Bool {
        #if os(Linux)
            while true {
                let count = sendfile(output, input, nil, 1 << 30)
                if count > 0 { continue }
                if count == 0 { return true }
                if errno == EINTR { continue }
                guard errno == EINVAL || errno == ENOSYS else { return false }
                break
            }
        #endif
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer.baseAddress, buffer.count)
            if count == 0 { return true }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            guard write(UnsafeRawBufferPointer(rebasing: buffer[..<count]), to: output) else { return false }
        }
    }

    /// Writes all of `bytes` to `descriptor`; false on an error, or when the descriptor takes nothing (a
    /// write of 0 bytes would otherwise be retried for ever).
    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress?.advanced(by: written), bytes.count - written)
            if count > 0 {
                written += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
