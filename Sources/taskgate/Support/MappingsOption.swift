import ArgumentParser
import TaskgateCore
import TaskgateMappings

/// `--mappings DIR`: where the mapping files are, for every command that reads zones or vocabulary.
struct MappingsOption: ParsableArguments {
    @Option(
        name: .customLong("mappings"),
        help: ArgumentHelp(
            "The folder of mapping files (windows-zones.yaml, zone-aliases.yaml, vocabulary.yaml).",
            discussion: "Default: $TASKGATE_MAPPINGS, else a 'mappings' folder in or above the current directory, "
                + "else next to the executable (../share/taskgate/mappings).",
            valueName: "dir"))
    var directory: String?

    /// The zone names accepted, from the mapping files (read once per command).
    func zoneLookup() throws -> ZoneLookup {
        try ZoneLookup.load(MappingsLocator.fromProcess(option: directory))
    }

    /// The product vocabulary (`vocabulary.yaml`) convert, migrate and serve translate task kinds with.
    ///
    /// - Throws: ``MappingsFileError`` when no mappings folder is found (see ``vocabulary(from:)``) or its
    ///   vocabulary does not load.
    func vocabulary() throws -> Vocabulary {
        try Self.vocabulary(from: MappingsLocator.fromProcess(option: directory))
    }

    /// The vocabulary of the folder `locator` finds. Without a folder the commands refuse to start: an
    /// empty vocabulary names no task kind, so every task would be refused one by one, each with an error
    /// that lists no kind.
    static func vocabulary(from locator: MappingsLocator) throws -> Vocabulary {
        guard let directory = try locator.locate() else {
            throw MappingsFileError(
                "no mappings folder was found (searched \(locator.searchedPlaces)); its vocabulary.yaml names the task kinds "
                    + "of every product: give the folder with --mappings DIR or $\(MappingsLocator.environmentVariable)"
            )
        }
        return try VocabularyLoader.vocabulary(in: directory)
    }
}
