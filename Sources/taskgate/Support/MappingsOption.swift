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

    /// The product vocabulary (`vocabulary.yaml`); the built-in empty vocabulary when no mappings
    /// folder is found, so schedule-only commands work anywhere.
    func vocabulary() throws -> Vocabulary {
        guard let directory = try MappingsLocator.fromProcess(option: directory).locate() else { return Vocabulary() }
        return try VocabularyLoader.vocabulary(in: directory)
    }
}
