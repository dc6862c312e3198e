import ArgumentParser

/// The `taskgate` command: converts scheduled tasks between products and proves the schedules.
@main
struct Taskgate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taskgate",
        abstract: "Translate scheduled tasks between Wyn, Qlik, fylr and vCO, with proof.",
        subcommands: [
            ScheduleCommand.self, ConvertCommand.self, MigrateCommand.self, ServeCommand.self, EmulateCommand.self,
        ]
    )

    /// Runs the command line; the servers first set how freed memory is kept (``ServerMemory``).
    static func main() async {
        ServerMemory.keepFreedMemoryIfServing(CommandLine.arguments)
        await main(nil)
    }
}
