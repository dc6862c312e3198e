/// Where each input's output goes under `-o DIR`, and the check, before anything is written, that no output
/// replaces an input and no two inputs share an output.
///
/// Each input keeps its name (and its path below a folder given as input). The check goes over the inputs
/// once, holding eight bytes per output that already exists (and per input when several roots could share
/// outputs), again when outputs exist, to look at the inputs, and a third time only to name a conflict.
struct OutputPlan: Sendable {
    /// The output folder as given (the outputs' paths start with it).
    let directory: String

    /// The output of an input.
    func output(for input: ConvertInput) -> String {
        FolderWalk.joined(directory, input.relativeName)
    }

    /// Counts the inputs and refuses the run when an output would be an input (the same file, through
    /// whatever path) or two inputs would be written to one output.
    ///
    /// - Parameters:
    ///   - sharingPossible: whether two inputs can have one output at all (more than one root).
    ///   - outputsMayExist: `false` when the output folder did not exist before the run: then no output is
    ///     looked up on disk.
    /// - Throws: ``CommandFailure`` naming the output and the inputs, the first conflict in input order.
    func check(
        _ inputs: InputExpansion.Inputs, sharingPossible: Bool, outputsMayExist: Bool = true
    ) throws(CommandFailure) -> Int {
        var count = 0
        var existingOutputKeys = Set<UInt64>()
        var outputHashes = Set<Int>()
        var sharedHashes = Set<Int>()
        for input in inputs {
            count += 1
            guard input.unreadable == nil, outputsMayExist || sharingPossible else { continue }
            let output = output(for: input)
            if outputsMayExist, let existing = FileIdentity(path: output) { existingOutputKeys.insert(existing.key) }
            if sharingPossible, !outputHashes.insert(output.hashValue).inserted {
                sharedHashes.insert(output.hashValue)
            }
        }
        // Outputs already there (a run again into the same folder) may be inputs: each input is looked at.
        // Keys and hashes may collide: a conflict is confirmed on identities and paths.
        var suspectInputs = Set<FileIdentity>()
        if !existingOutputKeys.isEmpty {
            for input in inputs {
                if let identity = input.identity, existingOutputKeys.contains(identity.key) {
                    suspectInputs.insert(identity)
                }
            }
        }
        guard !suspectInputs.isEmpty || !sharedHashes.isEmpty else { return count }
        var owners: [String: String] = [:]
        for input in inputs where input.unreadable == nil {
            let output = output(for: input)
            if !suspectInputs.isEmpty, let existing = FileIdentity(path: output), suspectInputs.contains(existing) {
                throw CommandFailure("refusing to write \(output): it is an input file; choose another -o DIR")
            }
            guard sharedHashes.contains(output.hashValue) else { continue }
            if let other = owners[output] {
                throw CommandFailure("\(other) and \(input.path) would both be written to \(output)")
            }
            owners[output] = input.path
        }
        return count
    }

    /// Whether `path` is the output of an input of these roots (for cleaning up after killed runs): its path
    /// below ``directory`` names standard input's output, a file given, or a `*.json` file below a folder.
    func isOutput(_ path: String, of roots: [InputExpansion.Root]) -> Bool {
        let prefix = FolderWalk.joined(directory, "")
        guard path.hasPrefix(prefix) else { return false }
        let relativeName = String(path.dropFirst(prefix.count))
        return roots.contains { root in
            switch root {
            case .standardInput: relativeName == ConvertInput.standardInput.relativeName
            case .file(_, let name): relativeName == name
            case .folder(let folder):
                relativeName.hasSuffix(".json")
                    && FileIdentity(path: FolderWalk.joined(folder, relativeName)) != nil
            }
        }
    }
}
