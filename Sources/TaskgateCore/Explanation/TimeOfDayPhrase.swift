/// The times of day that a rule's hour, minute and second sets select, in words.
///
/// The shortest exact form wins: a list of up to three times (`at 09:30 and 14:00`); one
/// evenly spaced series (`every 15 minutes from 00:00 to 23:45`); a list of up to six; up to
/// three series of at least three times each (`every hour from 08:00 to 12:00 and from 14:00 to
/// 18:00`); otherwise field by field (`at minutes 0, 25 and 50 of every hour`). Seconds are
/// shown only when some selected time has them.
enum TimeOfDayPhrase {
    /// One clock field: its unit and the values it selects.
    struct Field {
        var unit: CalendarUnit
        var values: FieldSet

        static func second(_ values: FieldSet) -> Field { Field(unit: .second, values: values) }
        static func minute(_ values: FieldSet) -> Field { Field(unit: .minute, values: values) }
        static func hour(_ values: FieldSet) -> Field { Field(unit: .hour, values: values) }

        /// The values that mean "every": 0…23 for hours, 0…59 otherwise.
        var full: FieldSet { unit == .hour ? .everyHour : .everyMinute }

        /// The values within the field's range (a set may hold stray bits above it).
        var selected: [Int] { values.filter { full.contains($0) } }
        var isFull: Bool { selected.count == full.count }
        var isZeroOnly: Bool { selected == [0] }

        /// `every minute`, `minute 5`, `hours 9 to 17`.
        var phrase: String {
            isFull
                ? "every \(unit.rawValue)"
                : NumberSetShape.fieldPhrase(selected, singular: unit.rawValue, plural: unit.rawValue + "s")
        }
    }

    static func phrase(seconds: FieldSet, minutes: FieldSet, hours: FieldSet) -> String {
        let times = secondsOfDay(seconds: seconds, minutes: minutes, hours: hours)
        guard !times.isEmpty else { return "at no time of day" }
        let showingSeconds = times.contains { $0 % 60 != 0 }
        let text = { (time: Int) in ClockText.time(secondOfDay: time, showingSeconds: showingSeconds) }
        // Written only when chosen: a day can hold 86,400 times.
        let list = { "at " + EnglishList.joined(times.map(text)) }
        if times.count <= 3 { return list() }
        let series = evenSeries(times, atMost: 3)
        let span = { (run: (first: Int, last: Int, count: Int)) in "from \(text(run.first)) to \(text(run.last))" }
        if let series, series.runs.count == 1 {
            return DurationWords.every(seconds: series.step) + " " + span(series.runs[0])
        }
        if times.count <= 6 { return list() }
        if let series, series.runs.allSatisfy({ $0.count >= 3 }) {
            return DurationWords.every(seconds: series.step) + " " + EnglishList.joined(series.runs.map(span))
        }
        return fieldByField([.second(seconds), .minute(minutes), .hour(hours)]) ?? list()
    }

    /// The fields from the finest to the coarsest joined by `of`: `at minutes 0 and 30 of every
    /// hour`, `every minute of hours 9 to 17`. A finest field that is only 0 is left out; `nil`
    /// when nothing is left.
    static func fieldByField(_ fields: [Field]) -> String? {
        var remaining = fields
        if let first = remaining.first, first.isZeroOnly { remaining.removeFirst() }
        guard !remaining.isEmpty else { return nil }
        let text = remaining.map(\.phrase).joined(separator: " of ")
        return text.hasPrefix("every ") ? text : "at " + text
    }

    /// The selected seconds of the day, ascending.
    static func secondsOfDay(seconds: FieldSet, minutes: FieldSet, hours: FieldSet) -> [Int] {
        let hourValues = hours.values.filter { $0 < 24 }
        let minuteValues = minutes.values.filter { $0 < 60 }
        let secondValues = seconds.values.filter { $0 < 60 }
        var result: [Int] = []
        result.reserveCapacity(hourValues.count * minuteValues.count * secondValues.count)
        for hour in hourValues {
            for minute in minuteValues {
                for second in secondValues { result.append(hour * 3600 + minute * 60 + second) }
            }
        }
        return result
    }

    /// The times cut into runs spaced by the smallest gap between neighbours; `nil` when there
    /// are more than `limit` runs.
    static func evenSeries(
        _ times: [Int], atMost limit: Int
    ) -> (step: Int, runs: [(first: Int, last: Int, count: Int)])? {
        var step = Int.max
        for index in times.indices.dropFirst() { step = min(step, times[index] - times[index - 1]) }
        var runs: [(first: Int, last: Int, count: Int)] = []
        for time in times {
            if let last = runs.last, time - last.last == step {
                runs[runs.count - 1] = (last.first, time, last.count + 1)
            } else {
                guard runs.count < limit else { return nil }
                runs.append((time, time, 1))
            }
        }
        return (step == Int.max ? 1 : step, runs)
    }
}
