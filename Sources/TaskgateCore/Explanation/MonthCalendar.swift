/// The days and times at which a schedule fires in one month, read in its zone, with the days
/// on which the zone's clock changes.
///
/// The caller enumerates the instants (the core never reads a clock):
/// ```swift
/// let span = month.instantSpan
/// let fires = try schedule.occurrences(from: span.lowerBound, through: span.upperBound)
/// let calendar = MonthCalendar(schedule: schedule, month: month, occurrences: fires, zone: &zone)
/// print(calendar.lines.joined(separator: "\n"))
/// ```
public struct MonthCalendar: Hashable, Sendable {
    /// One firing: the instant and how the zone's clock reads it.
    public struct Run: Hashable, Sendable {
        /// When it fires.
        public var instant: Instant
        /// The wall-clock reading in the zone.
        public var local: LocalDateTime
        /// The UTC offset in force, in seconds east.
        public var offset: Int
    }

    /// A day of the month with its runs, in order of instant.
    public struct Day: Hashable, Sendable {
        /// Midnight at the start of the day.
        public var date: LocalDateTime
        /// The day's runs, in order of instant.
        public var runs: [Run]

        /// 1 … 31.
        public var day: Int { date.day }
        /// The day of the week.
        public var weekday: Weekday { date.weekday }
        /// `2026-03-02`.
        public var dateText: String { ClockText.date(date) }
    }

    /// A change of the zone's UTC offset during the month.
    public struct ClockChange: Hashable, Sendable {
        /// The first instant of the new offset.
        public var instant: Instant
        /// The UTC offset before the change, in seconds east.
        public var offsetBefore: Int
        /// The UTC offset from the change on, in seconds east.
        public var offsetAfter: Int
        /// The reading at which the clock is turned (`02:00` on a spring-forward day in Berlin).
        public var localBefore: LocalDateTime {
            instant.localDateTime(offset: offsetBefore)
        }
        /// The reading it is turned to (`03:00`).
        public var localAfter: LocalDateTime {
            instant.localDateTime(offset: offsetAfter)
        }
    }

    /// A UTC offset as the calendar writes it: `+01:00`, `-03:30`.
    public static func offsetText(_ seconds: Int) -> String {
        ClockText.offset(seconds)
    }

    /// The month shown.
    public let month: CalendarMonth
    /// The zone the days and times are read in.
    public let zone: String
    /// The days with at least one run, ascending.
    public let days: [Day]
    /// The clock changes whose turning reading falls in the month, in order.
    public let clockChanges: [ClockChange]

    /// Sorts the instants into the days of `month` as `zone` reads them; instants on other
    /// months' dates are ignored.
    ///
    /// - Parameters:
    ///   - schedule: the schedule whose zone names the calendar.
    ///   - occurrences: the schedule's instants over at least ``CalendarMonth/instantSpan``.
    ///   - zone: the offsets of the schedule's zone.
    public init(schedule: Schedule, month: CalendarMonth, occurrences: [Instant], zone rules: inout ZoneRules) {
        self.month = month
        zone = schedule.zone
        var byDay: [Int: [Run]] = [:]
        for instant in occurrences.sorted() {
            let offset = rules.offset(at: instant)
            let local = instant.localDateTime(offset: offset)
            guard local.year == month.year, local.month == month.month else { continue }
            byDay[local.day, default: []].append(Run(instant: instant, local: local, offset: offset))
        }
        days = byDay.keys.sorted().compactMap { day in
            guard let runs = byDay[day], let date = LocalDateTime(validating: month.year, month: month.month, day: day)
            else { return nil }
            return Day(date: date, runs: runs)
        }
        let span = month.instantSpan
        clockChanges = rules.transitions(from: span.lowerBound, through: span.upperBound)
            .map { ClockChange(instant: $0.instant, offsetBefore: $0.offsetBefore, offsetAfter: $0.offsetAfter) }
            .filter { CalendarMonth(containing: $0.localBefore) == month }
    }
}
