/// Where each input's output goes (pure: decided on paths alone).
///
/// Under `-o DIR` each input keeps its name (and its path below a folder given as input). An
/// output never replaces an input, and two inputs never share an output.
enum OutputPlan {
    /// The output path of each input, in order.
    ///
    /// - Parameters:
    ///   - directory: the output folder as given (the returned paths start with it).
    ///   - canonicalDirectory: its real path, compared with the inputs' real paths.
    /// - Throws: ``CommandFailure`` naming the output that would replace an input or that two
    ///   inputs would share.
    static func plan(
        _ inputs: [ConvertInput], into directory: String, canonicalDirectory: String
    ) throws(CommandFailure) -> [String] {
        let inputPaths = Set(inputs.map(\.canonicalPath))
        var owners: [String: String] = [:]
        var outputs: [String] = []
        for input in inputs {
            let output = Self.joined(directory, input.relativeName)
            if inputPaths.contains(Self.joined(canonicalDirectory, input.relativeName)) {
                throw CommandFailure("refusing to write \(output): it is an input file; choose another -o DIR")
            }
            if let other = owners[output] {
                throw CommandFailure("\(other) and \(input.path) would both be written to \(output)")
            }
            owners[output] = input.path
            outputs.append(output)
        }
        return outputs
    }

    /// `folder/name`.
    static func joined(_ folder: String, _ name: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + name
    }
}
