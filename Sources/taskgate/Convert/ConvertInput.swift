/// One input of a `convert` run: a file, standard input, or a folder that could not be read.
struct ConvertInput: Hashable, Sendable {
    /// The path as found (`-` for standard input).
    var path: String
    /// Its name under `-o DIR`: the path below the folder given, or the file's name.
    var relativeName: String
    /// Why it cannot be read, for a folder found unreadable on the way (reported as a failed input).
    var unreadable: String?

    /// Standard input.
    static let standardInput = ConvertInput(path: "-", relativeName: "stdin.json")

    /// Which file it is, for refusing to write over it (`nil` for standard input or a file gone).
    var identity: FileIdentity? { self == .standardInput || unreadable != nil ? nil : FileIdentity(path: path) }
}
