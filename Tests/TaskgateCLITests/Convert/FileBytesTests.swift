import Dispatch
import Foundation
import Testing

@testable import taskgate

#if canImport(Glibc)
    import Glibc
#endif

@Suite("bytes written to open files whole")
struct FileBytesTests {
    /// A fresh folder for one test, removed by the caller.
    private static func folder() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
            .path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A new file `name` in `folder`, open for writing, with its path.
    private static func output(_ name: String, in folder: String) -> (descriptor: Int32, path: String) {
        let path = (folder as NSString).appendingPathComponent(name)
        return (open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644), path)
    }

    /// Three megabytes that do not repeat with any period a buffer size would hide.
    private static let pattern: [UInt8] = (0..<3_000_017).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }

    @Test("a file is copied from where its offset stands to its end, by the kernel")
    func copiesTheRestOfAFile() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (source, sourcePath) = Self.output("source", in: folder)
        #expect(FileBytes.write(Data(Self.pattern), to: source))
        close(source)
        let input = open(sourcePath, O_RDONLY | O_CLOEXEC)
        defer { close(input) }
        #expect(lseek(input, 5, SEEK_SET) == 5)
        let (target, targetPath) = Self.output("target", in: folder)
        #expect(FileBytes.copy(from: input, to: target))
        close(target)
        #expect(try Data(contentsOf: URL(fileURLWithPath: targetPath)) == Data(Self.pattern.dropFirst(5)))
    }

    @Test("a pipe, which sendfile refuses to read, is copied through the buffer, a megabyte at a time")
    func copiesAPipe() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let writer = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = FileBytes.write(Data(Self.pattern), to: writeEnd)
            close(writeEnd)
            writer.signal()
        }
        let (target, targetPath) = Self.output("target", in: folder)
        #expect(FileBytes.copy(from: readEnd, to: target))
        writer.wait()
        close(readEnd)
        close(target)
        #expect(try Data(contentsOf: URL(fileURLWithPath: targetPath)) == Data(Self.pattern))
    }

    @Test("a descriptor that cannot be written is a failure, not a loop")
    func failsOnABadDescriptor() {
        #expect(!FileBytes.write(Data("x".utf8), to: -1))
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (source, _) = Self.output("source", in: folder)
        defer { close(source) }
        #expect(!FileBytes.copy(from: source, to: -1))
    }
}
