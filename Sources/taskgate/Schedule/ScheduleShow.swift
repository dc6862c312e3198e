import ArgumentParser
import TaskgateCore

/// `taskgate schedule show`: month calendars of the days and times a schedule fires.
struct ScheduleShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the days and times a schedule fires as month calendars.",
        discussion: """
            Prints a Monday-first grid of each month with the days it runs in brackets and the days \
            the zone's clock changes starred, then each day's times grouped by UTC offset. With --json, \
            prints {"dialect", "zone", "months": [{"month", "days": [{"date", "weekday", "runs": \
            [{"local", "offset", "instant"}]}], "clockChanges": [{"instant", "offsetBefore", \
            "offsetAfter", "localBefore", "localAfter"}]}]}.
            """
    )

    /// More runs than this in one month's span are refused rather than held in memory.
    static let runLimit = 1_000_000

    @OptionGroup var input: ScheduleInput

    @Option(help: "The first month to show (YYYY-MM); default: the current month in the schedule's zone.")
    var month: String?

    @Option(help: "How many months to show, 1 to 120.")
    var months: Int = 1

    @Flag(help: "Print JSON.")
    var json = false

    @Argument(help: "The schedule text; several lines may be given as arguments or joined by ' | '.")
    var text: [String] = []

    func validate() throws {
        if text.isEmpty { throw ValidationError("give the schedule text to show") }
        guard (1...120).contains(months) else {
            throw ValidationError("--months \(months) is out of range; expected 1 to 120")
        }
        if let month, CalendarMonth(parsing: month) == nil {
            throw ValidationError("--month '\(month)' is not a month; expected YYYY-MM such as 2026-03")
        }
    }

    func run() async throws {
        let reference = Instant.now
        let context = try input.context(reference: reference)
        let schedule: Schedule
        do {
            schedule = try input.dialect.parse(ScheduleInput.lines(of: text), context: context)
        } catch {
            throw CommandFailure(error.description + "\n" + error.caretDiagram)
        }
        guard var zone = ZoneRules(identifier: schedule.zone) else {
            throw CommandFailure(UnknownTimeZoneError(identifier: schedule.zone).description)
        }
        let first =
            month.flatMap { CalendarMonth(parsing: $0) } ?? CalendarMonth(containing: zone.localDateTime(at: reference))
        var calendars: [MonthCalendar] = []
        for index in 0..<months {
            guard let page = first.adding(months: index) else { break }
            let span = page.instantSpan
            let fires = try schedule.occurrences(
                from: span.lowerBound, through: span.upperBound, limit: Self.runLimit + 1)
            guard fires.count <= Self.runLimit else {
                throw CommandFailure(
                    "the schedule fires more than \(Self.runLimit) times around \(page.name); "
                        + "use 'schedule next' for schedules this dense")
            }
            calendars.append(MonthCalendar(schedule: schedule, month: page, occurrences: fires, zone: &zone))
        }
        if json {
            try JSONOutput.print(
                ShowResult(
                    dialect: input.dialect.rawValue, zone: schedule.zone, months: calendars.map(ShowResult.Month.init)))
        } else {
            print(calendars.map { $0.lines.joined(separator: "\n") }.joined(separator: "\n\n"))
        }
    }
}

/// The JSON form of `schedule show`.
struct ShowResult: Encodable {
    var dialect: String
    var zone: String
    var months: [Month]

    struct Month: Encodable {
        var month: String
        var days: [Day]
        var clockChanges: [ClockChange]

        init(_ calendar: MonthCalendar) {
            month = calendar.month.description
            days = calendar.days.map { day in
                Day(
                    date: day.dateText, weekday: day.weekday.name,
                    runs: day.runs.map {
                        Run(
                            local: $0.local.description, offset: MonthCalendar.offsetText($0.offset),
                            instant: $0.instant.description)
                    })
            }
            clockChanges = calendar.clockChanges.map {
                ClockChange(
                    instant: $0.instant.description, offsetBefore: MonthCalendar.offsetText($0.offsetBefore),
                    offsetAfter: MonthCalendar.offsetText($0.offsetAfter), localBefore: $0.localBefore.description,
                    localAfter: $0.localAfter.description)
            }
        }
    }

    struct Day: Encodable {
        var date: String
        var weekday: String
        var runs: [Run]
    }

    struct Run: Encodable {
        /// The local date-time, `2026-03-02T08:00:00`.
        var local: String
        var offset: String
        var instant: String
    }

    struct ClockChange: Encodable {
        var instant: String
        var offsetBefore: String
        var offsetAfter: String
        var localBefore: String
        var localAfter: String
    }
}
