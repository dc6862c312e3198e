/// The spellings of dates, times and UTC offsets in explanations and calendars.
///
/// ISO-like and unambiguous (`2026-03-08 09:30`, `+01:00`), with the seconds left out when
/// they are zero, and English month and weekday names.
enum ClockText {
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `09:30`, or `09:30:15` when `showingSeconds`.
    static func time(secondOfDay: Int, showingSeconds: Bool) -> String {
        let text = "\((secondOfDay / 3600).zeroPadded(2)):\((secondOfDay % 3600 / 60).zeroPadded(2))"
        return showingSeconds ? text + ":\((secondOfDay % 60).zeroPadded(2))" : text
    }

    /// `2026-03-08`.
    static func date(_ local: LocalDateTime) -> String {
        "\(local.year.zeroPadded(4))-\(local.month.zeroPadded(2))-\(local.day.zeroPadded(2))"
    }

    /// `2026-03-08 09:30`, with `:15` when the second is not zero.
    static func dateTime(_ local: LocalDateTime) -> String {
        date(local) + " " + time(secondOfDay: local.secondOfDay, showingSeconds: local.second != 0)
    }

    /// `+01:00`, `-03:30`, `+00:00`; seconds appear only for offsets that have them (`+00:53:28`).
    static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        let text =
            (seconds < 0 ? "-" : "+") + "\((magnitude / 3600).zeroPadded(2)):\((magnitude % 3600 / 60).zeroPadded(2))"
        return magnitude % 60 == 0 ? text : text + ":\((magnitude % 60).zeroPadded(2))"
    }

    /// `January` for 1 … `December` for 12.
    static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? monthNames[month - 1] : "month \(month)"
    }

    /// `Mon` … `Sun`.
    static func shortName(_ weekday: Weekday) -> String {
        String(weekday.name.prefix(3))
    }
}
