/// A date-time as ISO 8601 intervals and Serverless Workflow schedules write it: a wall-clock
/// reading with a UTC offset (an instant) or without one (a local time in the schedule's zone).
///
/// Only the extended format is read — `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z`, `±HH:MM`,
/// `±HHMM`, `±HH` or nothing — with upper-case `T` and `Z` as ISO 8601 spells them. A fraction of
/// a second must be zero: taskgate's schedules are exact to the second, and truncating a start
/// would move every occurrence.
struct ISODateTime: Hashable, Sendable, CustomStringConvertible {
    /// The reading as written.
    var local: LocalDateTime
    /// Seconds east of UTC, when the text gives an offset.
    var offset: Int?

    /// The largest offset java.time's `ZoneOffset` accepts, which Serverless Workflow runtimes use.
    static let largestOffset = 18 * 3600

    /// The text, with the offset as `Z` or `±HH:MM`.
    var description: String {
        guard let offset else { return local.description }
        return local.description + Self.offsetText(offset)
    }

    /// `Z` for zero, else `±HH:MM` (seconds of an offset are dropped; offsets read here have none).
    static func offsetText(_ offset: Int) -> String {
        if offset == 0 { return "Z" }
        let magnitude = abs(offset)
        return (offset < 0 ? "-" : "+") + (magnitude / 3600).zeroPadded(2) + ":" + (magnitude % 3600 / 60).zeroPadded(2)
    }

    /// Reads a whole part as a date-time.
    ///
    /// - Throws: ``ISOTextProblem`` at the offending characters.
    static func read(_ text: [Character]) throws(ISOTextProblem) -> ISODateTime {
        var reader = CharacterReader(text)
        let shape =
            "expected a date-time such as 2020-03-20T13:00:00Z (YYYY-MM-DDTHH:MM:SS, with Z, ±HH:MM or no offset)"
        guard let year = reader.digits(4), reader.consume("-"), let month = reader.digits(2), reader.consume("-"),
            let day = reader.digits(2)
        else { throw ISOTextProblem(offset: 0, value: String(text), reason: shape) }
        guard reader.consume("T") else {
            if reader.isAtEnd {
                throw ISOTextProblem(
                    offset: 0, value: String(text), reason: "a date alone has no time of day; " + shape)
            }
            throw ISOTextProblem(
                offset: reader.position, value: String(text[reader.position]),
                reason: "expected an upper-case 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS)")
        }
        let timeStart = reader.position
        guard let hour = reader.digits(2), reader.consume(":"), let minute = reader.digits(2) else {
            throw ISOTextProblem(offset: timeStart, value: String(text[timeStart...]), reason: shape)
        }
        var second = 0
        if reader.consume(":") {
            guard let value = reader.digits(2) else {
                throw ISOTextProblem(offset: timeStart, value: String(text[timeStart...]), reason: shape)
            }
            second = value
            if reader.peek == "." || reader.peek == "," {
                let fractionStart = reader.position
                reader.advance()
                guard let fraction = reader.digitRun(), fraction.count <= 9 else {
                    throw ISOTextProblem(
                        offset: fractionStart, value: String(text[fractionStart..<reader.position]),
                        reason: "expected 1 to 9 digits of a fraction of a second")
                }
                guard fraction.allSatisfy({ $0 == "0" }) else {
                    throw ISOTextProblem(
                        offset: fractionStart, value: String(text[fractionStart..<reader.position]),
                        reason: "a fraction of a second cannot be scheduled; taskgate schedules are exact to the second"
                    )
                }
            }
        }
        try validate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, text: text)
        let local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        if reader.isAtEnd { return ISODateTime(local: local, offset: nil) }
        let offset = try readOffset(&reader, text: text)
        guard reader.isAtEnd else {
            throw ISOTextProblem(
                offset: reader.position, value: String(text[reader.position...]),
                reason: "unexpected text after the date-time")
        }
        return ISODateTime(local: local, offset: offset)
    }

    private static func readOffset(_ reader: inout CharacterReader, text: [Character]) throws(ISOTextProblem) -> Int {
        let start = reader.position
        if reader.consume("Z") { return 0 }
        let sign: Int
        if reader.consume("+") {
            sign = 1
        } else if reader.consume("-") {
            sign = -1
        } else {
            throw ISOTextProblem(
                offset: start, value: String(text[start...]),
                reason: "expected an upper-case Z, an offset such as +01:00, or nothing")
        }
        guard let hours = reader.digits(2) else {
            throw ISOTextProblem(
                offset: start, value: String(text[start...]), reason: "expected an offset such as +01:00")
        }
        var minutes = 0
        if reader.consume(":") {
            guard let value = reader.digits(2) else {
                throw ISOTextProblem(
                    offset: start, value: String(text[start...]), reason: "expected an offset such as +01:00")
            }
            minutes = value
        } else if let value = reader.digits(2) {
            minutes = value
        }
        let value = String(text[start..<reader.position])
        guard minutes <= 59 else {
            throw ISOTextProblem(
                offset: start, value: value,
                reason: "offset minutes \(minutes.zeroPadded(2)) are not valid; expected 00-59")
        }
        let seconds = hours * 3600 + minutes * 60
        guard seconds <= largestOffset else {
            throw ISOTextProblem(
                offset: start, value: value, reason: "the offset is out of range; expected at most ±18:00")
        }
        return sign * seconds
    }

    private static func validate(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, text: [Character]
    ) throws(ISOTextProblem) {
        // Offsets of the fields in YYYY-MM-DDTHH:MM:SS.
        guard year >= 1 else {
            throw ISOTextProblem(offset: 0, value: "0000", reason: "year 0000 is not valid; expected 0001-9999")
        }
        guard (1...12).contains(month) else {
            throw ISOTextProblem(
                offset: 5, value: month.zeroPadded(2),
                reason: "month \(month.zeroPadded(2)) is not valid; expected 01-12")
        }
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else {
            throw ISOTextProblem(
                offset: 8, value: day.zeroPadded(2),
                reason:
                    "day \(day.zeroPadded(2)) is not valid in \(year.zeroPadded(4))-\(month.zeroPadded(2)); "
                    + "expected 01-\(length)"
            )
        }
        guard hour <= 23 else {
            throw ISOTextProblem(
                offset: 11, value: hour.zeroPadded(2), reason: "hour \(hour.zeroPadded(2)) is not valid; expected 00-23"
            )
        }
        guard minute <= 59 else {
            throw ISOTextProblem(
                offset: 14, value: minute.zeroPadded(2),
                reason: "minute \(minute.zeroPadded(2)) is not valid; expected 00-59")
        }
        guard second <= 59 else {
            throw ISOTextProblem(
                offset: 17, value: second.zeroPadded(2),
                reason: "second \(second.zeroPadded(2)) is not valid; expected 00-59 (leap seconds are not scheduled)")
        }
    }
}
