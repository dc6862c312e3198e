import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file of ``AtomicFileWriter`` written a piece at a time: created beside its target without a name (or
/// under a temporary one), it takes bytes as they come and is then handed to ``AtomicFileWriter/commit(_:)``,
/// which makes it durable and names it. A long run's report is written so, as its tasks end; a file let go
/// before it is handed over is removed.
final class StagingFile {
    /// The file as ``AtomicFileWriter/commit(_:)`` takes it.
    private let staged: AtomicFileWriter.Staged
    /// Open for writing until the file is handed over or abandoned.
    private var descriptor: Int32?

    /// Creates the file beside `path`, creating its folder first unless the caller has (`creatingFolder:
    /// false`). `withoutName: false` uses a named temporary file even where the file system could make one
    /// without a name (the path taken where it cannot; for tests).
    init(for path: String, creatingFolder: Bool = true, withoutName: Bool = true) throws(CommandFailure) {
        let folder = AtomicFileWriter.folder(of: path)
        if creatingFolder {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("\(folder): the output folder cannot be created (\(error.localizedDescription))")
            }
        }
        if withoutName, let anonymous = AtomicFileWriter.openWithoutName(in: folder) {
            descriptor = anonymous
            staged = AtomicFileWriter.Staged(temporary: nil, descriptor: anonymous, path: path)
        } else {
            let temporary = AtomicFileWriter.temporaryName(for: path)
            let named = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard named >= 0 else { throw AtomicFileWriter.failure("cannot be created", temporary) }
            descriptor = named
            staged = AtomicFileWriter.Staged(temporary: temporary, descriptor: nil, path: path)
        }
    }

    /// Appends `bytes`; when they cannot all be written, the file is abandoned and the failure thrown.
    func append(_ bytes: [UInt8]) throws(CommandFailure) {
        try appending { FileBytes.write(bytes, to: $0) }
    }

    /// Appends `data`; when it cannot all be written, the file is abandoned and the failure thrown.
    func append(_ data: Data) throws(CommandFailure) {
        try appending { FileBytes.write(data, to: $0) }
    }

    /// Appends what the file at `source` holds; when it cannot be read or copied, the file is abandoned and
    /// the failure thrown.
    func append(contentsOf source: String) throws(CommandFailure) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            abandon()
            throw AtomicFileWriter.failure("cannot be read", source)
        }
        defer { close(input) }
        try appending { FileBytes.copy(from: input, to: $0) }
    }

    /// Runs `write` on the open file; abandons it and throws when `write` fails or the file was let go.
    private func appending(_ write: (Int32) -> Bool) throws(CommandFailure) {
        guard let descriptor, write(descriptor) else {
            abandon()
            throw AtomicFileWriter.failure("cannot be written", staged.name)
        }
    }

    /// The written file, for ``AtomicFileWriter/commit(_:)``, which closes a file without a name; a named
    /// temporary file is closed here. Throws when the file was abandoned.
    func handOver() throws(CommandFailure) -> AtomicFileWriter.Staged {
        guard let open = descriptor else { throw AtomicFileWriter.failure("cannot be written", staged.name) }
        descriptor = nil
        if staged.descriptor == nil { close(open) }
        return staged
    }

    /// Removes the file (a temporary name) and closes it, once.
    private func abandon() {
        guard let open = descriptor else { return }
        descriptor = nil
        if let temporary = staged.temporary { unlink(temporary) }
        close(open)
    }

    deinit { abandon() }
}
