/// A failure of a command's work (not of its usage): printed as `Error: …` without the usage text,
/// with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
