/// Where each input's output goes (pure: decided on paths alone).
///
/// Under `-o DIR` each input keeps its name (and its path below a folder given as input). An
/// output never replaces an input, and two inputs never share an output.
enum OutputPlan {
    /// The output path of each input, in order.
    ///
    /// - Parameter directory: the output folder's real path.
    /// - Throws: ``CommandFailure`` naming the output that would replace an input or that two
    ///   inputs would share.
    static func plan(_ inputs: [ConvertInput], into directory: String) throws(CommandFailure) -> [String] {
        let inputPaths = Set(inputs.map(\.canonicalPath))
        var owners: [String: String] = [:]
        var outputs: [String] = []
        for input in inputs {
            let output = (directory.hasSuffix("/") ? directory : directory + "/") + input.relativeName
            if inputPaths.contains(output) {
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
}
