import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the INPUT arguments into files: a file, a folder (every `*.json` below it), a glob, or `-` for
/// standard input.
///
/// The arguments and a glob's matches are read at once (the shell holds them anyway); the files below a
/// folder are found lazily by a ``FolderWalk``, so that a run over a million files holds a million names
/// only as long as one folder's listing.
enum InputExpansion {
    /// One argument, or one match of a glob.
    enum Root: Hashable, Sendable {
        case standardInput
        /// A file and its name under `-o DIR`.
        case file(path: String, name: String)
        /// A folder whose `*.json` files are inputs.
        case folder(String)
    }

    /// The roots, in argument order (a glob's matches sorted).
    ///
    /// - Throws: ``CommandFailure`` for an argument that is neither a file, a folder nor a pattern that
    ///   matches, or for `-` given twice.
    static func roots(_ arguments: [String]) throws(CommandFailure) -> [Root] {
        var roots: [Root] = []
        for argument in arguments {
            if argument == "-" {
                guard !roots.contains(.standardInput) else {
                    throw CommandFailure("'-' (standard input) may be given once")
                }
                roots.append(.standardInput)
                continue
            }
            if let root = root(argument) {
                roots.append(root)
                continue
            }
            let matches = glob(argument)
            guard !matches.isEmpty else {
                throw CommandFailure("\(argument): no such file or folder, and no file matches it as a pattern")
            }
            roots += matches.compactMap(root)
        }
        return roots
    }

    /// A path that exists as a file or a folder.
    private static func root(_ path: String) -> Root? {
        guard let status = FileStatus(path: path) else { return nil }
        return status.kind == .folder ? .folder(path) : .file(path: path, name: lastComponent(path))
    }

    /// The inputs below the roots, in order, found as they are asked for.
    struct Inputs: Sequence, Sendable {
        let roots: [Root]

        func makeIterator() -> Iterator { Iterator(roots: roots[...]) }

        /// Walks one root after another.
        struct Iterator: IteratorProtocol {
            var roots: ArraySlice<Root>
            var walk: FolderWalk?

            mutating func next() -> ConvertInput? {
                while true {
                    if var current = walk {
                        let item = current.next()
                        walk = current
                        switch item {
                        case .file(let path, let relativeName):
                            return ConvertInput(path: path, relativeName: relativeName)
                        case .unreadableFolder(let path, let reason):
                            return ConvertInput(
                                path: path, relativeName: "", unreadable: "the folder cannot be read (\(reason))")
                        case nil: walk = nil
                        }
                    }
                    guard let root = roots.popFirst() else { return nil }
                    switch root {
                    case .standardInput: return .standardInput
                    case .file(let path, let name):
                        return ConvertInput(path: path, relativeName: name)
                    case .folder(let path): walk = FolderWalk(root: path)
                    }
                }
            }
        }
    }

    /// The last path component.
    static func lastComponent(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }

    /// The paths a shell pattern matches, sorted.
    static func glob(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [] }
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let path = result.gl_pathv[index] { paths.append(String(cString: path)) }
        }
        return paths.sorted()
    }
}
