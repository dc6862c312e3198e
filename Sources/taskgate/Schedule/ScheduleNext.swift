import ArgumentParser
import Foundation
import TaskgateCore

/// `taskgate schedule next`: the next instants of a schedule, one RFC 3339 UTC instant a line.
struct ScheduleNext: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Print the next instants at which a schedule fires.",
        discussion: """
            With --batch, reads TAB-separated lines from standard input — TEXT, ZONE, START (local \
            YYYY-MM-DDTHH:MM:SS or -), AFTER (RFC 3339), COUNT — and writes one line per input line, in \
            order: the next COUNT instants strictly after AFTER, as YYYY-MM-DDTHH:MM:SSZ separated by single \
            spaces (fewer if the schedule ends, empty if none), or ERROR and the message.
            """
    )

    @OptionGroup var input: ScheduleInput

    @Option(help: "Enumerate strictly after this instant (RFC 3339); default: now.")
    var after: String?

    @Option(help: "How many instants to print.")
    var count: Int = 10

    @Flag(help: "Read TAB-separated lines from standard input (see the discussion).")
    var batch = false

    @Flag(help: "Print JSON.")
    var json = false

    @Argument(help: "The schedule text; several lines may be given as arguments or joined by ' | '.")
    var text: [String] = []

    func validate() throws {
        if batch, !text.isEmpty { throw ValidationError("--batch reads standard input; give no schedule text as well") }
        if !batch, text.isEmpty {
            throw ValidationError("give the schedule text, or --batch to read lines from standard input")
        }
        guard count >= 0 else { throw ValidationError("--count \(count) is negative; expected 0 or more") }
    }

    func run() async throws {
        let zones = try input.zoneLookup()
        if batch {
            BatchNext(dialect: input.dialect, json: json, zones: zones).run()
            return
        }
        let reference = Instant.now
        let context = try input.context(reference: reference, zones: zones)
        var afterInstant = reference
        if let after {
            guard let parsed = Instant(parsingRFC3339: after) else {
                throw ValidationError(
                    "--after '\(after)' is not an instant; expected RFC 3339 such as 2026-03-08T07:30:00Z")
            }
            afterInstant = parsed
        }
        let schedule: Schedule
        do {
            schedule = try input.dialect.parse(ScheduleInput.lines(of: text), context: context)
        } catch {
            throw CommandFailure(error.description + "\n" + error.caretDiagram)
        }
        let instants = try schedule.nextOccurrences(after: afterInstant, count: count)
        if json {
            try JSONOutput.print(
                NextResult(dialect: input.dialect.rawValue, zone: context.zone, instants: instants.map(\.description)))
        } else {
            for instant in instants { print(instant) }
        }
    }
}

/// The JSON form of `schedule next`.
struct NextResult: Encodable {
    var dialect: String
    var zone: String
    var instants: [String]
}

/// The batch form of `schedule next`: one answer line per input line, in order.
struct BatchNext {
    let dialect: Dialect
    let json: Bool
    let zones: ZoneLookup

    func run() {
        while let line = readLine(strippingNewline: true) {
            print(answer(line))
        }
    }

    func answer(_ line: String) -> String {
        switch instants(line) {
        case .success(let instants):
            if json { return (try? JSONOutput.line(["instants": instants.map(\.description)])) ?? "" }
            return instants.map(\.description).joined(separator: " ")
        case .failure(let message):
            if json { return (try? JSONOutput.line(["error": message.text])) ?? "" }
            return "ERROR " + message.text
        }
    }

    struct Message: Error { var text: String }

    func instants(_ line: String) -> Result<[Instant], Message> {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5 else {
            return .failure(
                Message(
                    text: "expected 5 TAB-separated fields (TEXT, ZONE, START, AFTER, COUNT), found \(fields.count)"))
        }
        guard let after = Instant(parsingRFC3339: fields[3]) else {
            return .failure(
                Message(text: "AFTER '\(fields[3])' is not an instant; expected RFC 3339 such as 2026-03-08T07:30:00Z"))
        }
        guard let count = Int(fields[4]), count >= 0 else {
            return .failure(Message(text: "COUNT '\(fields[4])' is not a count; expected a whole number 0 or more"))
        }
        do {
            let context = try ScheduleInput.context(zone: fields[1], start: fields[2], reference: after, zones: zones)
            let schedule = try dialect.parse(ScheduleInput.lines(of: [fields[0]]), context: context)
            return .success(try schedule.nextOccurrences(after: after, count: count))
        } catch let error as ValidationError {
            return .failure(Message(text: error.message))
        } catch {
            return .failure(Message(text: String(describing: error)))
        }
    }
}
