#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file a path names: its device and inode, so that an output can be recognised as an input
/// whatever path (links, `..`) leads to it.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    /// The file `path` names, following symbolic links; `nil` when there is none.
    init?(path: String) {
        guard let status = FileStatus(path: path) else { return nil }
        self = status.identity
    }

    /// The identity in a `stat` result.
    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// Eight bytes standing for the identity in large sets (two identities may share a key; a match is
    /// confirmed on the identities themselves).
    var key: UInt64 { (device &* 0x9E37_79B9_7F4A_7C15) ^ inode }
}

/// What `stat` says of a path or an open file: its kind and identity.
struct FileStatus: Hashable, Sendable {
    /// The kinds of file a walk tells apart.
    enum Kind: Hashable, Sendable {
        case file, folder, link, other
    }

    var kind: Kind
    var identity: FileIdentity
    /// The size in bytes.
    var size: Int

    /// The status of `path`, of the file a link leads to when `followingLinks`; `nil` when there is none.
    init?(path: String, followingLinks: Bool = true) {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        self.init(status)
    }

    /// The status of an open file.
    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    private init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        identity = FileIdentity(status)
        size = Int(status.st_size)
    }
}
