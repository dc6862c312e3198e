import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that it is either absent, the old file, or complete — never partial: a
/// temporary file in the target folder, written, fsync'd, renamed over the target, and the folder
/// fsync'd.
enum AtomicFileWriter {
    /// Writes `data` to `path`, creating the folders on the way.
    static func write(_ data: Data, to path: String) throws(CommandFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("\(folder): the output folder cannot be created (\(error.localizedDescription))")
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot be created", temporary) }
        var written = 0
        let complete = data.withUnsafeBytes { buffer -> Bool in
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
        guard complete, fsync(descriptor) == 0 else {
            let error = failure("cannot be written", temporary)
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot be renamed to \(path)", temporary)
            unlink(temporary)
            throw error
        }
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Removes what killed runs left behind: the temporary files (`.NAME.UUID.tmp`) of the given outputs
    /// last modified before `start`, so that a temporary file of a writer still running is never touched.
    /// Returns how many were removed; a file that cannot be removed is left.
    @discardableResult
    static func removeStaleTemporaries(of outputs: [String], modifiedBefore start: Date) -> Int {
        var namesByFolder: [String: Set<String>] = [:]
        for output in outputs {
            let folder = (output as NSString).deletingLastPathComponent
            namesByFolder[folder, default: []].insert((output as NSString).lastPathComponent)
        }
        var removed = 0
        for (folder, names) in namesByFolder {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
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
