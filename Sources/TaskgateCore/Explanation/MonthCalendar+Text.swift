extension MonthCalendar {
    /// The width of one day in the grid: `[ 3]*` — brackets on a day it runs, `*` on a day the
    /// clock changes.
    private static let cellWidth = 5
    private static let lineWidth = 80
    /// Days with more runs than this are summed up rather than listed time by time.
    private static let listedRuns = 8
    private static let indent = String(repeating: " ", count: 8)

    /// The calendar as plain text of at most 80 columns: a title, a Monday-first grid of the
    /// month like `cal`'s with the days it runs in brackets and clock-change days starred, a
    /// legend, then one line per day with its times grouped by UTC offset and each clock change.
    ///
    /// ```
    ///     March 2026 (Europe/Berlin)
    ///  Mo   Tu   We   Th   Fr   Sa   Su
    ///                                 1
    ///  [ 2]  3 …
    ///
    /// Mon  2  08:00 (+01:00)
    /// Sun 29  01:30 (+01:00), 03:30 (+02:00)
    ///         * at 02:00 the clock moves forward to 03:00 (+01:00 to +02:00)
    /// ```
    public var lines: [String] {
        grid + [""] + list
    }

    private var grid: [String] {
        let firing = Set(days.map(\.day))
        let changing = Set(clockChanges.map(\.localBefore.day))
        let width = 7 * Self.cellWidth - 1
        let title = "\(month.name) (\(zone))"
        var lines = [String(repeating: " ", count: max(0, (width - title.count) / 2)) + title]
        lines.append(trimmed(Weekday.allCases.map { " " + String($0.name.prefix(2)) + "  " }.joined()))
        let leading = MonthCalendar.firstWeekday(of: month).rawValue - 1
        var cells = Array(repeating: String(repeating: " ", count: Self.cellWidth), count: leading)
        for day in 1...month.dayCount {
            let runs = firing.contains(day)
            cells.append(
                (runs ? "[" : " ") + Self.padded(day, 2) + (runs ? "]" : " ") + (changing.contains(day) ? "*" : " "))
        }
        for start in stride(from: 0, to: cells.count, by: 7) {
            lines.append(trimmed(cells[start..<min(start + 7, cells.count)].joined()))
        }
        var legend: [String] = []
        if !firing.isEmpty { legend.append("[ ] runs") }
        if !changing.isEmpty { legend.append("* the clock changes") }
        if !legend.isEmpty { lines.append(legend.joined(separator: ", ")) }
        return lines
    }

    private var list: [String] {
        let showingSeconds = days.contains { $0.runs.contains { $0.local.second != 0 } }
        var lines: [String] = days.isEmpty ? ["No runs in \(month.name)."] : []
        let changesByDay = Dictionary(grouping: clockChanges, by: \.localBefore.day)
        for day in Set(days.map(\.day)).union(changesByDay.keys).sorted() {
            let weekday = Weekday.allCases[(MonthCalendar.firstWeekday(of: month).rawValue - 1 + day - 1) % 7]
            let label = "\(ClockText.shortName(weekday)) \(Self.padded(day, 2))  "
            let runs = days.first { $0.day == day }?.runs ?? []
            lines += wrapped(
                runs.isEmpty ? ["no runs"] : Self.items(runs, showingSeconds: showingSeconds), first: label)
            for change in changesByDay[day] ?? [] {
                lines.append(Self.indent + "* " + Self.describe(change))
            }
        }
        return lines
    }

    /// The times of a day, each group of one offset closed by the offset: `01:30 (+01:00), 03:30,
    /// 04:00 (+02:00)`; a long day as `96 runs: every 15 minutes from 00:00 to 23:45 (+01:00)`.
    private static func items(_ runs: [Run], showingSeconds: Bool) -> [String] {
        var groups: [[Run]] = []
        for run in runs {
            if let last = groups.last?.last, last.offset == run.offset {
                groups[groups.count - 1].append(run)
            } else {
                groups.append([run])
            }
        }
        let time = { (run: Run) in ClockText.time(secondOfDay: run.local.secondOfDay, showingSeconds: showingSeconds) }
        if runs.count <= listedRuns {
            return groups.flatMap { group in
                group.enumerated().map { index, run in
                    index == group.count - 1 ? "\(time(run)) (\(ClockText.offset(run.offset)))" : time(run)
                }
            }
        }
        var items = groups.map { group -> String in
            let offset = " (\(ClockText.offset(group[0].offset)))"
            guard let first = group.first, let last = group.last, group.count > 1 else {
                return group.map(time).joined() + offset
            }
            let gaps = Set(
                zip(group, group.dropFirst()).map { $1.instant.secondsSinceEpoch - $0.instant.secondsSinceEpoch })
            let span = "from \(time(first)) to \(time(last))"
            if gaps.count == 1, let gap = gaps.first {
                return DurationWords.every(seconds: Int(gap)) + " " + span + offset
            }
            return span + offset
        }
        items[0] = "\(runs.count) runs: " + items[0]
        return items
    }

    /// `at 02:00 the clock moves forward to 03:00 (+01:00 to +02:00)`.
    private static func describe(_ change: ClockChange) -> String {
        let direction = change.offsetAfter > change.offsetBefore ? "forward" : "back"
        let showingSeconds = change.localBefore.second != 0 || change.localAfter.second != 0
        let before = ClockText.time(secondOfDay: change.localBefore.secondOfDay, showingSeconds: showingSeconds)
        let after = ClockText.time(secondOfDay: change.localAfter.secondOfDay, showingSeconds: showingSeconds)
        return "at \(before) the clock moves \(direction) to \(after) "
            + "(\(ClockText.offset(change.offsetBefore)) to \(ClockText.offset(change.offsetAfter)))"
    }

    /// Items joined by `, ` into lines of at most 80 columns, the first after `first`, the others
    /// indented to line up with it.
    private func wrapped(_ items: [String], first: String) -> [String] {
        var lines: [String] = []
        var current = first
        var lineHasItem = false
        for (index, item) in items.enumerated() {
            let piece = index == items.count - 1 ? item : item + ","
            if lineHasItem, current.count + 1 + piece.count > Self.lineWidth {
                lines.append(current)
                current = Self.indent + piece
            } else {
                current += (lineHasItem ? " " : "") + piece
            }
            lineHasItem = true
        }
        lines.append(current)
        return lines
    }

    private func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The number right-aligned in `width` columns with spaces.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: " ", count: max(0, width - digits.count)) + digits
    }

    private static func firstWeekday(of month: CalendarMonth) -> Weekday {
        CivilCalendar.weekday(epochDay: CivilCalendar.epochDay(year: month.year, month: month.month, day: 1))
    }
}
