#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every `*.json` file below a folder, one at a time, sorted by its path below the folder (byte by byte),
/// without holding more than the listings of the folders on the way down.
///
/// Each folder is read once (`readdir`: names and kinds, no `stat` per file) and its entries
/// sorted with a folder's name taken as `name/`, which walking depth first turns into the order of whole
/// paths. Symbolic links are followed to files, never into folders; other entries are skipped. A folder
/// that cannot be read is handed out too, so that it is reported rather than silently left out.
struct FolderWalk: IteratorProtocol {
    /// What the walk finds.
    enum Item {
        /// A file: its path (the root joined with `relativeName`) and its path below the root (`a.json`,
        /// `sub/b.json`).
        case file(path: String, relativeName: String)
        /// A folder that could not be opened, with the system's reason.
        case unreadableFolder(path: String, reason: String)
    }

    /// The folder as given.
    let root: String
    private var listings: [Listing] = []
    private var started = false

    /// A walk of `root`.
    init(root: String) {
        self.root = root
    }

    mutating func next() -> Item? {
        if !started {
            started = true
            guard let listing = Listing.read(folder: root, prefix: "") else {
                return .unreadableFolder(path: root, reason: String(cString: strerror(errno)))
            }
            listings.append(listing)
        }
        while let last = listings.indices.last {
            guard let entry = listings[last].next() else {
                listings.removeLast()
                continue
            }
            let name = listings[last].prefix + entry.name
            let path = Self.joined(root, name)
            if entry.isFolder {
                guard let listing = Listing.read(folder: path, prefix: name + "/") else {
                    return .unreadableFolder(path: path, reason: String(cString: strerror(errno)))
                }
                listings.append(listing)
                continue
            }
            return .file(path: path, relativeName: name)
        }
        return nil
    }

    /// `folder/name`.
    static func joined(_ folder: String, _ name: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + name
    }

    /// One folder's files and subfolders of interest, names back to back in one buffer, sorted.
    private struct Listing {
        /// What an entry is (a link to a file counts as the file).
        enum Kind: UInt8 {
            case file, folder
        }

        /// An entry: where its name is in `names`, and its kind (eight bytes).
        struct Entry {
            var start: UInt32
            var length: UInt8
            var kind: Kind
        }

        /// The folder's path below the root, with a final `/` (empty for the root).
        let prefix: String
        private var names: [UInt8] = []
        private var entries: [Entry] = []
        private var position = 0

        private init(prefix: String) {
            self.prefix = prefix
        }

        /// The next entry, in order: its name and whether it is a folder.
        mutating func next() -> (name: String, isFolder: Bool)? {
            guard position < entries.count else { return nil }
            let entry = entries[position]
            position += 1
            let start = Int(entry.start)
            let name = String(decoding: names[start..<start + Int(entry.length)], as: UTF8.self)
            return (name, entry.kind == .folder)
        }

        /// The folder's entries, or `nil` when it cannot be opened.
        static func read(folder: String, prefix: String) -> Listing? {
            guard let directory = opendir(folder) else { return nil }
            defer { closedir(directory) }
            var listing = Listing(prefix: prefix)
            // The folder's size bounds what it holds (on ext4 and most file systems: each entry takes a header
            // and its name), so the buffers are allocated once, not grown by doubling, which for a million names
            // would hold half as much again and, while copied, twice. Pages never written take no memory.
            if let size = FileStatus(descriptor: dirfd(directory))?.size, size > 0 {
                let bound = min(size, 1 << 30)
                listing.names.reserveCapacity(bound)
                listing.entries.reserveCapacity(bound / 12)
            }
            while let entry = readdir(directory) {
                listing.add(entry, in: folder)
            }
            listing.sort()
            return listing
        }

        private static let json = Array(".json".utf8)

        /// Keeps a folder (not `.` or `..`), or a `*.json` entry that is a file or a link to one.
        private mutating func add(_ entry: UnsafePointer<dirent>, in folder: String) {
            let name = Array(DirectoryEntry.name(entry))
            guard !name.isEmpty, name != [0x2E], name != [0x2E, 0x2E], name.count <= Int(UInt8.max) else { return }
            var kind: Kind
            switch DirectoryEntry.type(entry) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            default:
                // A link or an unknown kind: ask the file system (links followed to files, not to folders).
                let path = FolderWalk.joined(folder, String(decoding: name, as: UTF8.self))
                switch FileStatus(path: path, followingLinks: false)?.kind {
                case .folder: kind = .folder
                case .file: kind = .file
                case .link:
                    guard FileStatus(path: path)?.kind == .file else { return }
                    kind = .file
                case .other, nil: return
                }
            }
            guard
                kind == .folder || name.count > Self.json.count && name.suffix(Self.json.count).elementsEqual(Self.json)
            else { return }
            entries.append(Entry(start: UInt32(names.count), length: UInt8(name.count), kind: kind))
            names += name
        }

        /// Sorts by name, a folder's name taken as `name/`.
        private mutating func sort() {
            names.withUnsafeBufferPointer { names in
                entries.sort { Self.precedes($0, $1, in: names) }
            }
        }

        private static func precedes(_ left: Entry, _ right: Entry, in names: UnsafeBufferPointer<UInt8>) -> Bool {
            let leftCount = Int(left.length) + (left.kind == .folder ? 1 : 0)
            let rightCount = Int(right.length) + (right.kind == .folder ? 1 : 0)
            func byte(_ entry: Entry, _ index: Int) -> UInt8 {
                index < Int(entry.length) ? names[Int(entry.start) + index] : UInt8(ascii: "/")
            }
            for index in 0..<min(leftCount, rightCount) {
                let a = byte(left, index)
                let b = byte(right, index)
                if a != b { return a < b }
            }
            return leftCount < rightCount
        }
    }
}
