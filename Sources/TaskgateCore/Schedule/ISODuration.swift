/// An ISO 8601 duration: `P1Y2M`, `P2W`, `PT40M`, `P1DT12H`.
///
/// Years, months, weeks and days are *nominal* (a day is a calendar day, whatever its length);
/// hours, minutes and seconds are *elapsed* time. ISO 8601 repeating intervals add the
/// duration to the start again and again, so the two parts behave differently across DST.
public struct ISODuration: Hashable, Sendable, CustomStringConvertible {
    /// Nominal years.
    public var years: Int
    /// Nominal months.
    public var months: Int
    /// Nominal weeks.
    public var weeks: Int
    /// Nominal days.
    public var days: Int
    /// Elapsed hours.
    public var hours: Int
    /// Elapsed minutes.
    public var minutes: Int
    /// Elapsed seconds.
    public var seconds: Int

    /// Creates a duration from its parts.
    public init(
        years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0, hours: Int = 0, minutes: Int = 0,
        seconds: Int = 0
    ) {
        self.years = years
        self.months = months
        self.weeks = weeks
        self.days = days
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
    }

    /// The nominal months: years × 12 + months.
    public var calendarMonths: Int { years * 12 + months }
    /// The nominal days: weeks × 7 + days.
    public var calendarDays: Int { weeks * 7 + days }
    /// The elapsed seconds of the time part.
    public var elapsedSeconds: Int64 { Int64(hours) * 3600 + Int64(minutes) * 60 + Int64(seconds) }

    /// Whether the duration is zero.
    public var isZero: Bool { calendarMonths == 0 && calendarDays == 0 && elapsedSeconds == 0 }

    /// The ISO 8601 text, with zero parts left out: `P1DT12H`; `PT0S` for zero.
    public var description: String {
        var text = "P"
        if years != 0 { text += "\(years)Y" }
        if months != 0 { text += "\(months)M" }
        if weeks != 0 { text += "\(weeks)W" }
        if days != 0 { text += "\(days)D" }
        if hours != 0 || minutes != 0 || seconds != 0 {
            text += "T"
            if hours != 0 { text += "\(hours)H" }
            if minutes != 0 { text += "\(minutes)M" }
            if seconds != 0 { text += "\(seconds)S" }
        }
        return text == "P" ? "PT0S" : text
    }
}
