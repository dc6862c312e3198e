import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the INPUT arguments into files: a file, a folder (every `*.json` below it), a glob, or
/// `-` for standard input.
enum InputExpansion {
    /// The files, in argument order; a folder's files sorted by path.
    static func expand(_ arguments: [String]) throws(CommandFailure) -> [ConvertInput] {
        var inputs: [ConvertInput] = []
        for argument in arguments {
            if argument == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
                inputs += isDirectory.boolValue ? try folder(argument) : [file(argument, name: lastComponent(argument))]
                continue
            }
            let matches = glob(argument)
            guard !matches.isEmpty else {
                throw CommandFailure("\(argument): no such file or folder, and no file matches it as a pattern")
            }
            for match in matches {
                var matchIsDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: match, isDirectory: &matchIsDirectory)
                inputs += matchIsDirectory.boolValue ? try folder(match) : [file(match, name: lastComponent(match))]
            }
        }
        return inputs
    }

    /// Every `*.json` file below a folder, sorted.
    static func folder(_ path: String) throws(CommandFailure) -> [ConvertInput] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw CommandFailure("\(path): the folder cannot be read")
        }
        var names: [String] = []
        while let name = enumerator.nextObject() as? String {
            guard name.hasSuffix(".json") else { continue }
            var isDirectory: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                names.append(name)
            }
        }
        return names.sorted().map { file((path as NSString).appendingPathComponent($0), name: $0) }
    }

    /// One file.
    static func file(_ path: String, name: String) -> ConvertInput {
        ConvertInput(path: path, canonicalPath: realPath(path), relativeName: name)
    }

    /// The last path component.
    static func lastComponent(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }

    /// The path with symbolic links and `..` resolved; a path that does not exist is resolved
    /// through its folder.
    static func realPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard let resolved = realpath(folder.isEmpty ? "." : folder, nil) else { return path }
        defer { free(resolved) }
        return (String(cString: resolved) as NSString).appendingPathComponent(name)
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
