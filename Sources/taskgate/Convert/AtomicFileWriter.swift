import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that each is either absent, the old file, or complete — never partial: a temporary
/// file in the target folder (`.NAME.UUID.tmp`), written, made durable, renamed over the target, and the
/// folder made durable.
///
/// One file is written with ``write(_:to:)``. Many files are staged with ``stage(_:for:)`` and committed
/// together with ``commit(_:)``: one `syncfs` makes a whole batch durable before any of it is renamed,
/// instead of one `fsync` per file — the same promise, for a fraction of the cost.
enum AtomicFileWriter {
    /// A file written under its temporary name, not yet renamed.
    struct Staged: Sendable {
        /// The temporary file.
        var temporary: String
        /// Where it goes.
        var path: String
    }

    /// Writes `data` to `path` at once, creating the folders on the way.
    static func write(_ data: Data, to path: String) throws(CommandFailure) {
        let staged = try stage(data, for: path)
        if let failure = commit([staged]).first?.failure { throw failure }
    }

    /// A piece of a file being staged.
    enum Part {
        /// These bytes.
        case bytes(Data)
        /// The contents of this file, copied a megabyte at a time.
        case file(String)
    }

    /// Writes `data` under a temporary name beside `path` (creating the folders on the way), not yet
    /// durable, not yet renamed.
    static func stage(_ data: Data, for path: String) throws(CommandFailure) -> Staged {
        try stage(parts: [.bytes(data)], for: path)
    }

    /// Writes the parts one after another under a temporary name beside `path`.
    static func stage(parts: [Part], for path: String) throws(CommandFailure) -> Staged {
        let folder = folder(of: path)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("\(folder): the output folder cannot be created (\(error.localizedDescription))")
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot be created", temporary) }
        defer { close(descriptor) }
        for part in parts {
            let complete: Bool
            switch part {
            case .bytes(let data): complete = writeAll(data, to: descriptor)
            case .file(let source):
                guard let input = FileHandle(forReadingAtPath: source) else {
                    unlink(temporary)
                    throw failure("cannot be read", source)
                }
                defer { try? input.close() }
                var copied = true
                while copied, let chunk = try? input.read(upToCount: 1 << 20), !chunk.isEmpty {
                    copied = writeAll(chunk, to: descriptor)
                }
                complete = copied
            }
            guard complete else {
                let error = failure("cannot be written", temporary)
                unlink(temporary)
                throw error
            }
        }
        return Staged(temporary: temporary, path: path)
    }

    /// Writes all of `data`; false on an error.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress?.advanced(by: written), buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
    }

    /// Makes the staged files durable (one `syncfs` per file system), renames each over its target, then
    /// makes each folder durable. Returns, in order, each file with the failure that stopped it (its
    /// temporary file removed), or `nil`.
    static func commit(_ staged: [Staged]) -> [(staged: Staged, failure: CommandFailure?)] {
        guard !staged.isEmpty else { return [] }
        let folders = Array(Set(staged.map { folder(of: $0.path) })).sorted()
        var syncFailure: CommandFailure?
        var devices: Set<UInt64> = []
        if staged.count == 1, let file = staged.first {
            // One file (a report, a single output): its own fsync, not the whole file system's.
            let descriptor = open(file.temporary, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 || fsync(descriptor) != 0 {
                syncFailure = failure("cannot be made durable", file.temporary)
            }
            if descriptor >= 0 { close(descriptor) }
        }
        // One syncfs per file system: the first folder of each device stands for the others on it.
        for folder in folders where staged.count > 1 {
            var status = stat()
            guard stat(folder, &status) == 0 else {
                syncFailure = failure("cannot be read", folder)
                break
            }
            guard devices.insert(UInt64(status.st_dev)).inserted else { continue }
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor < 0 || syncFileSystem(descriptor) != 0 {
                syncFailure = failure("cannot be made durable", folder)
            }
            if descriptor >= 0 { close(descriptor) }
        }
        var results: [(staged: Staged, failure: CommandFailure?)] = []
        for file in staged {
            if let syncFailure {
                unlink(file.temporary)
                results.append((file, syncFailure))
            } else if rename(file.temporary, file.path) != 0 {
                let error = failure("cannot be renamed to \(file.path)", file.temporary)
                unlink(file.temporary)
                results.append((file, error))
            } else {
                results.append((file, nil))
            }
        }
        for folder in folders {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
        }
        return results
    }

    /// `syncfs(2)`: glibc declares it only under `_GNU_SOURCE`, which Swift's Glibc module leaves out, so
    /// it is looked up by name once; without it, `sync(2)` (every file system).
    private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Makes everything written to the file system holding `descriptor` durable; 0 on success.
    static func syncFileSystem(_ descriptor: Int32) -> Int32 {
        guard let syncfsFunction else {
            sync()
            return 0
        }
        return syncfsFunction(descriptor)
    }

    /// The folder `path` is in (`.` for a bare name).
    static func folder(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// Removes what killed runs left behind: the temporary files (`.NAME.UUID.tmp`) of the given outputs
    /// last modified before `start`, so that a temporary file of a writer still running is never touched.
    /// Returns how many were removed; a file that cannot be removed is left.
    @discardableResult
    static func removeStaleTemporaries(of outputs: [String], modifiedBefore start: Date) -> Int {
        var namesByFolder: [String: Set<String>] = [:]
        for output in outputs {
            namesByFolder[folder(of: output), default: []].insert((output as NSString).lastPathComponent)
        }
        var removed = 0
        for (folder, names) in namesByFolder {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for entry in entries {
                guard let name = outputName(ofTemporary: entry), names.contains(name) else { continue }
                let path = (folder as NSString).appendingPathComponent(entry)
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                guard let modified = attributes?[.modificationDate] as? Date, modified < start else { continue }
                if unlink(path) == 0 { removed += 1 }
            }
        }
        return removed
    }

    /// `NAME` for a temporary file named `.NAME.UUID.tmp`, else `nil`.
    static func outputName(ofTemporary entry: String) -> String? {
        guard entry.hasPrefix("."), entry.hasSuffix(".tmp") else { return nil }
        let middle = entry.dropFirst().dropLast(4)
        guard let dot = middle.lastIndex(of: "."), UUID(uuidString: String(middle[middle.index(after: dot)...])) != nil
        else { return nil }
        let name = middle[..<dot]
        return name.isEmpty ? nil : String(name)
    }

    /// A failure with the system's reason.
    static func failure(_ what: String, _ path: String) -> CommandFailure {
        CommandFailure("\(path) \(what): \(String(cString: strerror(errno)))")
    }
}
