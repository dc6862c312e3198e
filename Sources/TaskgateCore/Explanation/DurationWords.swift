/// Lengths of time in words: `every 15 minutes`, `every hour`, `every 1 day and 12 hours`.
enum DurationWords {
    /// The units of a length in seconds, largest first, and their names.
    private static let clockUnits: [(seconds: Int, singular: String, plural: String)] = [
        (3600, "hour", "hours"), (60, "minute", "minutes"), (1, "second", "seconds"),
    ]

    /// `n things`, or `1 thing`.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        value == 1 ? "1 \(singular)" : "\(value) \(plural)"
    }

    /// A step between times of day in the largest unit that divides it: `every hour`,
    /// `every 2 hours`, `every 90 minutes`, `every 30 seconds`.
    static func every(seconds: Int) -> String {
        for unit in clockUnits where seconds % unit.seconds == 0 {
            let amount = seconds / unit.seconds
            return amount == 1 ? "every \(unit.singular)" : "every \(amount) \(unit.plural)"
        }
        return "every \(seconds) seconds"
    }

    /// An ISO 8601 duration in words, its parts joined: `every month`, `every 2 weeks`,
    /// `every 1 day and 12 hours`.
    static func every(_ duration: ISODuration) -> String {
        let parts: [(Int, String, String)] = [
            (duration.years, "year", "years"), (duration.months, "month", "months"), (duration.weeks, "week", "weeks"),
            (duration.days, "day", "days"), (duration.hours, "hour", "hours"), (duration.minutes, "minute", "minutes"),
            (duration.seconds, "second", "seconds"),
        ].filter { $0.0 != 0 }
        if parts.count == 1, parts[0].0 == 1 { return "every \(parts[0].1)" }
        return "every " + EnglishList.joined(parts.map { count($0.0, $0.1, $0.2) })
    }
}
