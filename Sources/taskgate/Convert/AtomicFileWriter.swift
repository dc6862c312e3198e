import Foundation
import Synchronization
import TaskgateCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that each is either absent, the old file, or complete — never partial: the bytes go
/// to a file without a name in the target folder (Linux `O_TMPFILE`; where the file system has none, a
/// temporary file `.NAME.UUID.tmp`), are made durable, and only then get the target's name — linked
/// (`linkat`) when the target is new, else renamed over it — and the folder is made durable.
///
/// One file is written with ``write(_:to:)``. Many files are staged with ``stage(_:for:)`` and committed
/// together with ``commit(_:)``: one `syncfs` makes a whole batch durable before any of it is named,
/// instead of one `fsync` per file — the same promise, for a fraction of the cost. A file without a name
/// vanishes with the process that wrote it, so a killed run leaves nothing behind; and a new output
/// changes its folder once (the link) instead of twice (create, rename), which is what writers of one
/// folder wait for each other on.
enum AtomicFileWriter {
    /// A file written but not yet named.
    struct Staged: Sendable {
        /// The temporary file, when the file system could not make one without a name.
        var temporary: String?
        /// The open file without a name (`O_TMPFILE`), closed by ``commit(_:)``.
        var descriptor: Int32?
        /// Where it goes.
        var path: String

        /// How a failure names the staged file: its temporary name, or "the file for PATH".
        var name: String { temporary ?? "the file for \(path)" }
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

    /// Writes the parts one after another under a temporary name beside `path`, creating its folder first
    /// unless the caller has (`creatingFolder: false`). `withoutName: false` uses a named temporary file even
    /// where the file system could make one without a name (the path taken where it cannot; for tests).
    static func stage(
        parts: [Part], for path: String, creatingFolder: Bool = true, withoutName: Bool = true
    ) throws(CommandFailure) -> Staged {
        let file = try StagingFile(for: path, creatingFolder: creatingFolder, withoutName: withoutName)
        for part in parts {
            switch part {
            case .bytes(let data): try file.append(data)
            case .file(let source): try file.append(contentsOf: source)
            }
        }
        return try file.handOver()
    }

    /// `folder/.NAME.UUID.tmp` for `folder/NAME`.
    static func temporaryName(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return (folder(of: path) as NSString).appendingPathComponent(".\(name).\(RandomUUID.text()).tmp")
    }

    /// A new file without a name in `folder`, open for writing; `nil` where the system or the file system
    /// has none (then a temporary name is used).
    static func openWithoutName(in folder: String) -> Int32? {
        #if os(Linux)
            // O_TMPFILE is (__O_TMPFILE | O_DIRECTORY), a macro Swift does not import; __O_TMPFILE is 020000000
            // on every Linux architecture Swift runs on. Naming it later may need /proc/self/fd (``link(_:as:)``),
            // so without /proc a temporary name is used.
            guard procFileDescriptors else { return nil }
            let descriptor = open(folder, 0o20_000_000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, 0o644)
            return descriptor >= 0 ? descriptor : nil
        #else
            return nil
        #endif
    }

    /// Whether `/proc/self/fd` is there to name a file without a name.
    private static let procFileDescriptors = access("/proc/self/fd", F_OK) == 0

    /// Makes the staged files durable (one `syncfs` per file system), renames each over its target, then
    /// makes each folder durable. Returns, in order, each file with the failure that stopped it (its
    /// temporary file removed), or `nil`.
    static func commit(_ staged: [Staged]) -> [(staged: Staged, failure: CommandFailure?)] {
        name(staged, durable: makeDurable(staged))
    }

    /// The first half of ``commit(_:)``: makes the staged files' bytes durable, a single file by its own
    /// `fsync`, several by one `syncfs` per file system. The failure that stopped it, or `nil`.
    static func makeDurable(_ staged: [Staged]) -> CommandFailure? {
        if staged.count == 1, let file = staged.first {
            // One file (a report, a single output): its own fsync, not the whole file system's.
            let descriptor = file.descriptor ?? open(file.temporary ?? file.path, O_RDONLY | O_CLOEXEC)
            defer { if file.descriptor == nil, descriptor >= 0 { close(descriptor) } }
            return descriptor < 0 || fsync(descriptor) != 0 ? failure("cannot be made durable", file.name) : nil
        }
        // One syncfs per file system: the first folder of each device stands for the others on it.
        var devices: Set<UInt64> = []
        for folder in folders(of: staged) {
            var status = stat()
            guard stat(folder, &status) == 0 else { return failure("cannot be read", folder) }
            guard devices.insert(UInt64(status.st_dev)).inserted else { continue }
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if descriptor >= 0 { close(descriptor) } }
            if descriptor < 0 || syncFileSystem(descriptor) != 0 { return failure("cannot be made durable", folder) }
        }
        return nil
    }

    /// The second half of ``commit(_:)``: names each file made durable, or lets them all go with
    /// `durable`, the failure that kept them from being durable; then makes each folder durable. Returns, in
    /// order, each file with the failure that stopped it, or `nil`.
    static func name(
        _ staged: [Staged], durable failure: CommandFailure?
    ) -> [(staged: Staged, failure: CommandFailure?)] {
        var results: [(staged: Staged, failure: CommandFailure?)] = []
        results.reserveCapacity(staged.count)
        for file in staged {
            if let failure {
                discard(file)
                results.append((file, failure))
            } else {
                results.append((file, name(file)))
            }
        }
        for folder in folders(of: staged) {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
        }
        return results
    }

    /// The folders the staged files go to, each once, sorted.
    private static func folders(of staged: [Staged]) -> [String] {
        Array(Set(staged.map { folder(of: $0.path) })).sorted()
    }

    /// Gives a durable staged file its name: a file without one is linked there when the name is free, else
    /// linked under a temporary name and renamed over it; a temporary file is renamed. `nil` on success.
    private static func name(_ file: Staged) -> CommandFailure? {
        defer { if let descriptor = file.descriptor { close(descriptor) } }
        var temporary = file.temporary
        if let descriptor = file.descriptor {
            if link(descriptor, as: file.path) { return nil }
            guard errno == EEXIST else { return failure("cannot be linked as \(file.path)", file.name) }
            let named = temporaryName(for: file.path)
            guard link(descriptor, as: named) else { return failure("cannot be linked as \(named)", file.name) }
            temporary = named
        }
        guard let temporary else { return nil }
        if rename(temporary, file.path) != 0 {
            let error = failure("cannot be renamed to \(file.path)", temporary)
            unlink(temporary)
            return error
        }
        return nil
    }

    /// Gives the open file without a name `descriptor` the name `path`; false with `errno` set when it
    /// cannot. `linkat` names the descriptor itself (`AT_EMPTY_PATH`), which Linux allows since 6.10 to the
    /// process that opened the file (before, only with `CAP_DAC_READ_SEARCH`); once refused, the file is
    /// named through its `/proc/self/fd` link instead, a path walk through procfs that costs several
    /// microseconds per file.
    private static func link(_ descriptor: Int32, as path: String) -> Bool {
        if !emptyPathRefused.load(ordering: .relaxed) {
            if linkat(descriptor, "", AT_FDCWD, path, emptyPath) == 0 { return true }
            guard [EPERM, ENOENT, EINVAL].contains(errno) else { return false }
        }
        guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
            return false
        }
        emptyPathRefused.store(true, ordering: .relaxed)
        return true
    }

    /// `AT_EMPTY_PATH`, which glibc declares only under `_GNU_SOURCE`.
    private static let emptyPath: Int32 = 0x1000

    /// Whether this process has been refused `linkat` with `AT_EMPTY_PATH` (the `/proc` path worked instead).
    private static let emptyPathRefused = Atomic<Bool>(false)

    /// Lets a staged file go without naming it.
    private static func discard(_ file: Staged) {
        if let temporary = file.temporary { unlink(temporary) }
        if let descriptor = file.descriptor { close(descriptor) }
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

    /// The folder `path` is in: `a/b` for `a/b/c.json` (trailing and doubled slashes left out), `/` for `/c.json`,
    /// `.` for a bare name. Read from the bytes, as `NSString.deletingLastPathComponent` reads it for these paths,
    /// at a fraction of its cost: the converter asks this for every output.
    static func folder(of path: String) -> String {
        let slash = UInt8(ascii: "/")
        var bytes = path.utf8[...]
        while bytes.count > 1, bytes.last == slash { bytes = bytes.dropLast() }
        guard let last = bytes.lastIndex(of: slash) else { return "." }
        var parent = bytes[..<last]
        while parent.last == slash { parent = parent.dropLast() }
        return parent.isEmpty ? "/" : String(decoding: parent, as: UTF8.self)
    }

    /// Removes what killed runs left behind: in these folders, the temporary files (`.NAME.UUID.tmp`) of
    /// outputs (`isOutput(folder/NAME)`) last modified before `start`, so that a temporary file of a writer
    /// still running is never touched. Returns how many were removed; a file that cannot be removed is left.
    @discardableResult
    static func removeStaleTemporaries(
        in folders: [String], of isOutput: (String) -> Bool, modifiedBefore start: Date
    ) -> Int {
        var removed = 0
        for folder in folders {
            // Read entry by entry: an output folder may hold a million files, and only hidden ones matter.
            var entries: [String] = []
            if let directory = opendir(folder) {
                while let found = readdir(directory) {
                    let name = DirectoryEntry.name(found)
                    guard name.first == UInt8(ascii: ".") else { continue }
                    let entry = String(decoding: name, as: UTF8.self)
                    if entry.hasSuffix(".tmp") { entries.append(entry) }
                }
                closedir(directory)
            }
            for entry in entries {
                guard let name = outputName(ofTemporary: entry),
                    isOutput((folder as NSString).appendingPathComponent(name))
                else { continue }
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
