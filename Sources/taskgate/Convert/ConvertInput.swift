/// One input of a `convert` run: a file, or standard input.
struct ConvertInput: Hashable, Sendable {
    /// The path as found (`-` for standard input).
    var path: String
    /// The file's real path, for refusing to write over it (`-` for standard input).
    var canonicalPath: String
    /// Its name under `-o DIR`: the path below the folder given, or the file's name.
    var relativeName: String

    /// Standard input.
    static let standardInput = ConvertInput(path: "-", canonicalPath: "-", relativeName: "stdin.json")
}
