import Testing

@testable import taskgate

#if canImport(Glibc)
    import Glibc
#endif

@Suite("directory entries read in place")
struct DirectoryEntryTests {
    /// A `readdir` record with `name`, written so that it ends exactly where readable memory ends: the page
    /// after it is inaccessible, as past the last record of a buffer at the end of a mapping.
    private static func withRecordAtTheEndOfMemory(
        named name: String, type: UInt8, _ body: (UnsafePointer<dirent>) -> Void
    ) throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let memory = mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            memory != MAP_FAILED
        else { throw POSIXFailure(call: "mmap") }
        defer { munmap(memory, 2 * page) }
        guard mprotect(memory.advanced(by: page), page, PROT_NONE) == 0 else { throw POSIXFailure(call: "mprotect") }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type) ?? 18
        let bytes = Array(name.utf8) + [0]
        // Records are 8-byte aligned; this one ends at most 7 bytes before the inaccessible page.
        let length = (nameOffset + bytes.count + 7) / 8 * 8
        let record = memory.advanced(by: page - length)
        record.storeBytes(of: UInt16(length), toByteOffset: typeOffset - 2, as: UInt16.self)
        record.storeBytes(of: type, toByteOffset: typeOffset, as: UInt8.self)
        for (index, byte) in bytes.enumerated() {
            record.storeBytes(of: byte, toByteOffset: nameOffset + index, as: UInt8.self)
        }
        body(UnsafePointer(record.assumingMemoryBound(to: dirent.self)))
    }

    private struct POSIXFailure: Error {
        var call: String
    }

    @Test("a record that ends where memory ends is read without reading past it")
    func recordAtTheEndOfMemory() throws {
        // Before DirectoryEntry, FolderWalk and AtomicFileWriter copied the record's 256-byte d_name: this
        // record made them read the inaccessible page (a segmentation fault).
        try Self.withRecordAtTheEndOfMemory(named: "task-01466.json", type: UInt8(DT_REG)) { record in
            #expect(String(decoding: DirectoryEntry.name(record), as: UTF8.self) == "task-01466.json")
            #expect(DirectoryEntry.type(record) == Int32(DT_REG))
        }
        try Self.withRecordAtTheEndOfMemory(named: "a", type: UInt8(DT_DIR)) { record in
            #expect(Array(DirectoryEntry.name(record)) == [UInt8(ascii: "a")])
            #expect(DirectoryEntry.type(record) == Int32(DT_DIR))
        }
    }
}
