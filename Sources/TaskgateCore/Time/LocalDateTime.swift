/// A wall-clock reading — a calendar date and a time of day — with no zone attached.
///
/// Schedules select local date-times; only a zone and a DST policy turn one into an
/// ``Instant`` (a local time may not exist, or exist twice). Years run from 1 to 9999.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1…9999.
    public var year: Int
    /// The month, 1…12.
    public var month: Int
    /// The day of the month, 1…31.
    public var day: Int
    /// The hour, 0…23.
    public var hour: Int
    /// The minute, 0…59.
    public var minute: Int
    /// The second, 0…59.
    public var second: Int

    /// Creates a local date-time from fields the caller has already validated.
    ///
    /// Use ``init(validating:month:day:hour:minute:second:)`` for untrusted values.
    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Creates a local date-time, or `nil` if any field is out of range (day 31 in April,
    /// hour 24, year 0).
    public init?(validating year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Creates the local date-time that is `secondsSinceEpoch` seconds after 1970-01-01T00:00:00
    /// on the same wall clock.
    public init(secondsSinceEpoch: Int64) {
        let (days, secondOfDay) = secondsSinceEpoch.floorDivided(by: 86_400)
        let date = CivilCalendar.date(epochDay: Int(days))
        self.init(
            year: date.year, month: date.month, day: date.day,
            hour: Int(secondOfDay / 3600), minute: Int(secondOfDay % 3600 / 60), second: Int(secondOfDay % 60))
    }

    /// Seconds from 1970-01-01T00:00:00 to this reading on the same wall clock (as if in UTC).
    public var secondsSinceEpoch: Int64 {
        Int64(epochDay) * 86_400 + Int64(secondOfDay)
    }

    /// Days from 1970-01-01 to this date.
    public var epochDay: Int {
        CivilCalendar.epochDay(year: year, month: month, day: day)
    }

    /// Seconds since midnight.
    public var secondOfDay: Int { hour * 3600 + minute * 60 + second }

    /// The day of the week of this date.
    public var weekday: Weekday { CivilCalendar.weekday(epochDay: epochDay) }

    /// The reading `seconds` later on the same wall clock.
    public func adding(seconds: Int64) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// Midnight at the start of this date.
    public var startOfDay: LocalDateTime { LocalDateTime(year: year, month: month, day: day) }

    /// Earlier readings sort first, field by field.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    /// ISO 8601 without an offset: `2026-03-08T02:30:00`.
    public var description: String {
        "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))T"
            + "\(hour.zeroPadded(2)):\(minute.zeroPadded(2)):\(second.zeroPadded(2))"
    }
}

extension Int {
    /// The decimal digits of a non-negative number, left-padded with zeros to `width`.
    func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Int64 {
    /// Division rounding toward negative infinity, with a non-negative remainder.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = self >= 0 ? self / divisor : -((-self + divisor - 1) / divisor)
        return (quotient, self - quotient * divisor)
    }
}
