#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An entry that `readdir` returned, read where it lies.
///
/// `readdir` hands out records of `d_reclen` bytes, each only as long as its name needs: a record may end
/// well before `MemoryLayout<dirent>.size`, and the last one of the buffer glibc filled may end at the end
/// of mapped memory. Copying the `dirent`, or its 256-byte `d_name`, reads past the record; `convert`
/// crashed that way (a segmentation fault in `memcpy` while listing a folder of 1,500 files, under load).
/// Here the name is read up to its terminating zero and nothing beyond.
enum DirectoryEntry {
    /// Where `d_name` and `d_type` are in a record (glibc's 64-bit layout if the compiler cannot say).
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type) ?? 18

    /// The entry's name, without its terminating zero, valid while the record is (until the next
    /// `readdir` or `closedir` of its folder).
    static func name(_ entry: UnsafePointer<dirent>) -> UnsafeBufferPointer<UInt8> {
        let start = UnsafeRawPointer(entry).advanced(by: nameOffset)
        return UnsafeBufferPointer(
            start: start.assumingMemoryBound(to: UInt8.self), count: strlen(start.assumingMemoryBound(to: CChar.self)))
    }

    /// The entry's kind as `readdir` reports it (`DT_DIR`, `DT_REG`, `DT_LNK`, `DT_UNKNOWN`, …).
    static func type(_ entry: UnsafePointer<dirent>) -> Int32 {
        Int32(UnsafeRawPointer(entry).load(fromByteOffset: typeOffset, as: UInt8.self))
    }
}
