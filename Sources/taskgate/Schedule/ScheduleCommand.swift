import ArgumentParser

/// `taskgate schedule …`: work on schedule expressions alone, without tasks.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Enumerate, explain and show schedule expressions in any supported dialect.",
        subcommands: [
            ScheduleNext.self, ScheduleConvert.self, ScheduleDiff.self, ScheduleExplain.self, ScheduleShow.self,
        ]
    )
}
