import ArgumentParser
import TaskgateCore

/// `taskgate schedule explain`: a schedule in plain English.
struct ScheduleExplain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Describe in plain English when a schedule fires.",
        discussion: """
            Prints one sentence a line: what makes it run (each rule's times, days, months, cadence, \
            count and end, and how the rules combine), the window, the exclusions, the zone, and what \
            happens to a time on a clock-change day. With --json, prints {"dialect", "zone", \
            "explanation", "rules"}, the rules as one phrase each.
            """
    )

    @OptionGroup var input: ScheduleInput

    @Flag(help: "Print JSON.")
    var json = false

    @Argument(help: "The schedule text; several lines may be given as arguments or joined by ' | '.")
    var text: [String] = []

    func validate() throws {
        if text.isEmpty { throw ValidationError("give the schedule text to explain") }
    }

    func run() async throws {
        let context = try input.context(reference: Instant.now)
        let schedule: Schedule
        do {
            schedule = try input.dialect.parse(ScheduleInput.lines(of: text), context: context)
        } catch {
            throw CommandFailure(error.description + "\n" + error.caretDiagram)
        }
        let explanation: ScheduleExplanation
        do {
            explanation = try ScheduleExplanation(schedule)
        } catch {
            throw CommandFailure(error.description)
        }
        if json {
            try JSONOutput.print(
                ExplainResult(
                    dialect: input.dialect.rawValue, zone: schedule.zone, explanation: explanation.text,
                    rules: explanation.rules))
        } else {
            for sentence in explanation.sentences { print(sentence) }
        }
    }
}

/// The JSON form of `schedule explain`.
struct ExplainResult: Encodable {
    var dialect: String
    var zone: String
    var explanation: String
    var rules: [String]
}
